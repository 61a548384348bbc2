"""A due date counted again after the working-day calendar changed (recount.deadlines_recount)
is not mailed to the person: Law 94-V counts each term in working days from receipt and has no
extension, so nothing in it asks the operator to tell a date, or a new one (docs/compliance.md,
L8). What she reads of the request from then on is the date as it stands: her own page says the
new date, in her language, and the receipt she was mailed stays the only letter about it."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth.models import User
from django.test import Client

from tests.rights.conftest import confirm, mails_to, web_request
from tests.rights.test_selfservice import open_page
from tests.staff import verified_login

ALMATY = ZoneInfo("Asia/Almaty")
# A correction received on Tuesday 15 December 2026, the eve of Independence Day (16 December):
# one working day, Thursday 17; with Thursday made a day off by a decree, Friday 18.
DUE = {"kk": ("2026 жылғы 17 желтоқсан", "2026 жылғы 18 желтоқсан"),
       "ru": ("17 декабря 2026 г.", "18 декабря 2026 г.")}  # fmt: skip


def read(response):
    return " ".join(response.content.decode().replace("\xa0", " ").split())


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_date_moved_by_the_calendar_is_on_her_page_and_no_letter_goes(
    client, person, privacy_officer, time_machine, lang
):
    from consent.rights.models import Ticket

    time_machine.move_to(datetime(2026, 12, 15, 10, tzinfo=ALMATY), tick=False)
    web_request(client, lang, "correct")
    ticket = confirm(client, lang)
    assert ticket.due_date == date(2026, 12, 17)
    mailed = len(mails_to("asel@example.kz"))

    desk = verified_login(Client(), User.objects.get(pk=privacy_officer.pk))
    desk.post("/admin/workdays/calendaroverride/add/",
              {"date": "2026-12-17", "is_working_day": "", "note": "decree"})  # fmt: skip
    ticket.refresh_from_db()
    assert ticket.due_date == date(2026, 12, 18) and ticket.status == Ticket.Status.OPEN
    assert len(mails_to("asel@example.kz")) == mailed  # the law asks no letter of it

    own = Client()
    open_page(own, lang)
    page = read(own.get(f"/{lang}/my-data/"))
    old, new = DUE[lang]
    assert new in page and old not in page, page
