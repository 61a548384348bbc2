"""The thank-you page after a request names, in the visitor's language, the day and hour its
confirmation link stops working and the day we answer by, as the receipt mail does once it is
confirmed; after a subscription, when its link stops working. It said «within seven days», and
the visitor had to count from a day the page did not name. The dates are the visitor's own: the
page cache (pagecache.shared_page) never serves them to another visitor or on another day."""

import html
import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from forms_app import views
from tests.conftest import aged_token
from tests.rights.conftest import web_request
from tests.texts import SHOWN

ALMATY = ZoneInfo("Asia/Almaty")
# An access request sent on Monday 16 November 2026 at noon is due on Thursday 19 (3 working
# days, compliance L8); its link works for seven days, until noon on the 23rd.
SAID = {
    "kk": ("2026 жылғы 23 қараша, 12:00", "2026 жылғы 19 қараша"),
    "ru": ("23 ноября 2026 г., 12:00", "19 ноября 2026 г."),
}
SEVEN_DAYS = {"kk": "жеті күн", "ru": "семи дней"}


def page(response):
    """The page's text as read: the tags the spacing filters put round a number and the
    no-break spaces they hold words with (emalu/templatetags/spacing.py) taken out."""
    text = html.unescape(re.sub(r"<[^>]+>", "", response.content.decode()))
    return re.sub(r"\s+", " ", text)


def thanks_after(client, response):
    assert response.status_code == 302
    return page(client.get(response["Location"]))


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_request_thank_you_page_names_the_link_s_end_and_the_due_date(
    client, db, time_machine, lang
):
    time_machine.move_to(datetime(2026, 11, 16, 12, tzinfo=ALMATY), tick=False)
    shown = thanks_after(client, web_request(client, lang, "access", email="nobody@example.kz"))
    expires, due = SAID[lang]
    assert expires in shown and due in shown
    assert SEVEN_DAYS[lang] not in shown


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_another_visitor_and_the_next_day_never_read_those_dates(client, db, time_machine, lang):
    time_machine.move_to(datetime(2026, 11, 16, 12, tzinfo=ALMATY), tick=False)
    thanks_after(client, web_request(client, lang, "access", email="nobody@example.kz"))
    again = page(client.get(f"/{lang}/request/thanks/"))  # a reload: the page every visitor reads
    assert SAID[lang][0] not in again and SEVEN_DAYS[lang] in again
    time_machine.move_to(datetime(2026, 11, 17, 9, tzinfo=ALMATY), tick=False)
    shown = thanks_after(client, web_request(client, lang, "access", email="other@example.kz"))
    # Sent on Tuesday 17th at 09:00: its link works until the 24th, and it is due on Friday 20th.
    assert "24" in shown and SAID[lang][0] not in shown and SAID[lang][1] not in shown


def test_a_filled_honeypot_reads_as_a_request_taken(client, db, time_machine):
    """A bot must not tell its refused post from a request taken: the same dated page."""
    time_machine.move_to(datetime(2026, 11, 16, 12, tzinfo=ALMATY), tick=False)
    data = {"token": aged_token(), "type": "access", "email": "bot@example.kz", "website": "x"}
    shown = thanks_after(client, client.post("/ru/requests/new/", data))
    assert all(said in shown for said in SAID["ru"])


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_subscription_thank_you_page_names_the_link_s_end(client, texts, time_machine, lang):
    time_machine.move_to(datetime(2027, 11, 15, 12, tzinfo=ALMATY), tick=False)  # texts in force
    data = {"token": aged_token(), "full_name": "Әсел", "email": "asel@example.kz",
            "consent_marketing": "on", **SHOWN}  # fmt: skip
    shown = thanks_after(client, client.post(f"/{lang}/newsletter/", data))
    until = {"kk": "2027 жылғы 22 қараша, 12:00", "ru": "22 ноября 2027 г., 12:00"}[lang]
    assert until in shown and SEVEN_DAYS[lang] not in shown


def test_a_subscription_sent_at_a_day_s_last_instant_reads_its_link_s_own_end(
    client, texts, time_machine, monkeypatch
):
    """Its link made at 23:59:59.999 on 17 November 2027 works until 23:59:59.999 on the 24th;
    its page, made after midnight, said «until 25 November, 00:00»."""
    time_machine.move_to(datetime(2027, 11, 17, 23, 59, 59, 999000, tzinfo=ALMATY), tick=False)
    started = views.optin_start

    def slow_start(*args, **kwargs):
        started(*args, **kwargs)
        time_machine.move_to(datetime(2027, 11, 18, 0, 0, 0, 500000, tzinfo=ALMATY), tick=False)

    monkeypatch.setattr(views, "optin_start", slow_start)
    data = {"token": aged_token(), "full_name": "Әсел", "email": "asel@example.kz",
            "consent_marketing": "on", **SHOWN}  # fmt: skip
    shown = thanks_after(client, client.post("/ru/newsletter/", data))
    assert "24 ноября 2027 г., 23:59" in shown and "25 ноября" not in shown
