"""A legal deadline counts from the day of receipt in Almaty, around a public holiday too: a
request that arrives at 23:30 on the eve of Independence Day (Wednesday 16 December 2026), at
00:30 on the holiday (still the 15th in UTC) or at 00:30 the day after it (still the holiday in
UTC) is due when the Almaty day says, by the web form, by email and by our MTA's stamp, and the
person reads that day; so is a breach found then, as the officer types it in. The UTC day would
make the last one due a working day early."""

import io
import re
import sys
from datetime import UTC, date, datetime

import pytest
from django.core.management import call_command

from consent.rights.models import Ticket
from tests.rights.conftest import confirm_link, message

# (moment of arrival, due date of an access request (3 working days), of a correction (1))
ARRIVALS = [
    ("2026-12-15 23:30+05:00", date(2026, 12, 21), date(2026, 12, 17)),  # the eve
    ("2026-12-16 00:30+05:00", date(2026, 12, 21), date(2026, 12, 17)),  # the holiday
    ("2026-12-17 00:30+05:00", date(2026, 12, 22), date(2026, 12, 18)),  # UTC: the holiday
]
SHOWN = {date(2026, 12, 21): "21 декабря 2026\xa0г.", date(2026, 12, 22): "22 декабря 2026\xa0г."}


@pytest.mark.parametrize("moment,access_due,correction_due", ARRIVALS)
def test_a_web_request_is_due_and_told_by_the_almaty_day(
    client, texts, make_subject, time_machine, moment, access_due, correction_due
):
    from tests.conftest import aged_token

    make_subject(email="asel@example.kz")
    time_machine.move_to(moment, tick=False)
    client.post("/ru/requests/new/", {"token": aged_token(), "type": "access",
                                      "email": "asel@example.kz"})  # fmt: skip
    page = client.post(confirm_link()).content.decode()
    assert Ticket.objects.get().due_date == access_due
    told = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page))
    assert SHOWN[access_due].replace("\xa0", " ") in told.replace("\xa0", " "), told


@pytest.mark.parametrize("moment,access_due,correction_due", ARRIVALS)
def test_an_emailed_request_is_due_by_the_almaty_day(
    texts, make_subject, time_machine, moment, access_due, correction_due
):
    from consent.rights.intake import ingest

    make_subject(email="asel@example.kz")
    time_machine.move_to(moment, tick=False)
    ingest(message("Жеке деректерді жаңарту"))
    assert Ticket.objects.get().due_date == correction_due


@pytest.mark.parametrize("moment,access_due,correction_due", ARRIVALS)
def test_a_letter_our_mta_stamped_in_utc_is_due_by_the_almaty_day(
    texts, make_subject, time_machine, monkeypatch, moment, access_due, correction_due
):
    """The MTA writes its Received stamp in UTC and pipes the letter in later: its receipt is
    the stamp, its day the Almaty one."""
    make_subject(email="asel@example.kz")
    stamp = datetime.fromisoformat(moment).astimezone(UTC)
    received = f"Received: from mx by mx.emalu.kz; {stamp:%a, %d %b %Y %H:%M:%S +0000}\r\n"
    raw = received.encode() + message("Жеке деректерді жаңарту")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(raw)))
    time_machine.move_to("2026-12-18 10:00+05:00", tick=False)  # piped in later
    call_command("ingest_request_mail", stdout=io.StringIO())
    ticket = Ticket.objects.get()
    assert ticket.received_at == stamp
    assert ticket.due_date == correction_due


@pytest.mark.parametrize("moment,access_due,correction_due", ARRIVALS)
def test_a_breach_the_officer_types_in_is_due_by_the_almaty_day(
    client, officer, time_machine, moment, access_due, correction_due
):
    """The officer types when the breach was found as the clock on the wall says it (Almaty);
    the regulator is told within one working day of that day (Art. 25(2)(8))."""
    from consent.rights.models import Breach
    from tests.staff import verified_login

    found = datetime.fromisoformat(moment)
    time_machine.move_to("2026-12-17 09:00+05:00", tick=False)
    answer = verified_login(client, officer).post("/admin/rights/breach/add/", {
        "detected_at_0": f"{found:%d.%m.%Y}", "detected_at_1": f"{found:%H:%M}",
        "description": "Lost laptop", "people_affected": "3",
    })  # fmt: skip
    assert answer.status_code == 302
    breach = Breach.objects.get()
    assert breach.detected_at == found
    assert breach.regulator_due == correction_due  # one working day, as a correction
