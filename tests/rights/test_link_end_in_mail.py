"""A mail that carries a confirmation link names, in its reader's language, the day and hour the
link stops working, as the thank-you page does: it said «within 7 days» («7 күн ішінде»,
«в течение семи дней»), and the reader had to count from a day the mail did not name, a day
that is not the reader's when the mail arrives after midnight or is opened days later. The end
is the link's own: CONFIRM_WITHIN after the moment it was signed, whenever the mail is written."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from post_office.models import Email

from consent.rights import tickets
from tests.conftest import aged_token
from tests.forms.held import link_in, withdrew_service
from tests.rights.conftest import web_request
from tests.texts import SHOWN

ALMATY = ZoneInfo("Asia/Almaty")
# Sent at 23:59 on Monday 7 December 2026: the link works until 23:59 on Monday the 14th.
UNTIL_14TH = {
    "kk": "Сілтеме мына уақытқа дейін жарамды: 2026 жылғы 14 желтоқсан, 23:59.",
    "ru": "Ссылка действует до 14 декабря 2026 г., 23:59.",
}
DAYS = {"kk": "күн ішінде", "ru": "в течение"}


def read(mail):
    """The mail's text and its HTML as read, no-break spaces as spaces."""
    return [part.replace("\N{NO-BREAK SPACE}", " ") for part in (mail.message, mail.html_message)]


def mail_to(address, template_word):
    [mail] = [m for m in Email.objects.filter(to=[address]).order_by("id") if template_word(m)]
    return mail


def with_link(mail):
    return "/verify/" in mail.message or "/confirm/" in mail.message


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_request_mailed_at_23_59_names_its_link_s_end_seven_days_from_then(
    client, make_subject, time_machine, lang
):
    make_subject(email="asel@example.kz", language=lang)
    time_machine.move_to(datetime(2026, 12, 7, 23, 59, tzinfo=ALMATY), tick=False)
    web_request(client, lang, "access")
    for part in read(mail_to("asel@example.kz", with_link)):
        assert UNTIL_14TH[lang] in part
        assert DAYS[lang] not in part


def test_a_mail_written_after_midnight_names_the_end_of_the_link_signed_before_it(
    client, make_subject, time_machine, monkeypatch
):
    """A link signed at 23:59:59 on the 7th stops at 23:59:59 on the 14th, though its mail is
    written once the 8th has begun: «until 15 December, 00:00» would promise a minute it lacks."""
    make_subject(email="asel@example.kz", language="ru")
    time_machine.move_to(datetime(2026, 12, 7, 23, 59, 59, 999000, tzinfo=ALMATY), tick=False)
    write = tickets.ticket_mail

    def slow_write(*args, **kwargs):
        time_machine.move_to(datetime(2026, 12, 8, 0, 0, 0, 500000, tzinfo=ALMATY), tick=False)
        return write(*args, **kwargs)

    monkeypatch.setattr(tickets, "ticket_mail", slow_write)
    web_request(client, "ru", "access")
    for part in read(mail_to("asel@example.kz", with_link)):
        assert UNTIL_14TH["ru"] in part and "15 декабря" not in part


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_request_sent_again_names_the_end_of_the_new_link_it_carries(
    client, make_subject, time_machine, lang
):
    """The same request sent again two days on (joining.file_repeat): the new link it mails
    works seven days from then, not from the first."""
    make_subject(email="asel@example.kz", language=lang)
    time_machine.move_to(datetime(2026, 12, 5, 10, tzinfo=ALMATY), tick=False)
    web_request(client, lang, "access")
    first = Email.objects.filter(to=["asel@example.kz"]).count()
    time_machine.move_to(datetime(2026, 12, 7, 23, 59, tzinfo=ALMATY), tick=False)
    web_request(client, lang, "access")
    [again] = Email.objects.filter(to=["asel@example.kz"]).order_by("id")[first:]
    assert with_link(again)
    for part in read(again):
        assert UNTIL_14TH[lang] in part and DAYS[lang] not in part


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_subscription_mailed_at_23_59_names_its_link_s_end(client, texts, time_machine, lang):
    time_machine.move_to(datetime(2027, 11, 15, 23, 59, tzinfo=ALMATY), tick=False)
    data = {"token": aged_token(), "full_name": "Әсел", "email": "asel@example.kz",
            "consent_marketing": "on", **SHOWN}  # fmt: skip
    client.post(f"/{lang}/newsletter/", data)
    until = {
        "kk": "Сілтеме мына уақытқа дейін жарамды: 2027 жылғы 22 қараша, 23:59.",
        "ru": "Ссылка действует до 22 ноября 2027 г., 23:59.",
    }[lang]
    for part in read(mail_to("asel@example.kz", with_link)):
        assert until in part and DAYS[lang] not in part


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_form_whose_consent_waits_for_the_owner_names_its_link_s_end(
    client, texts, make_subject, contact_data, time_machine, lang
):
    """A form sent with the address of someone who had withdrawn the service consent: the mail
    to the address asks its owner to confirm by a link (consent/core/held.py), and said «within
    seven days» twice, of a link that ends a week after the moment the form was sent."""
    withdrew_service(texts, make_subject, language=lang)
    time_machine.move_to(datetime(2026, 12, 7, 23, 59, tzinfo=ALMATY), tick=False)
    sent = client.post(f"/{lang}/contact/", contact_data(email="asel@example.kz"))
    assert sent.status_code == 302
    mail = mail_to("asel@example.kz", with_link)
    assert link_in(mail)
    for part in read(mail):
        assert UNTIL_14TH[lang] in part
        assert DAYS[lang] not in part and {"kk": "жеті", "ru": "семь"}[lang] not in part
