"""Compliance L5 (Art. 8(4)(3)): a consent ends when the term its text states does, «no longer
than three years» (or one): on the same local date and time that many years on, 29 February
ending on 28 February. The term was counted in days (3 × 365), so a consent given on 03.12.2026
22:23 ended on 02.12.2029 22:23, across 29.02.2028, in the gate, the evidence and the export."""

import json
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from consent.core import gate
from consent.core.ledger import consent_grant
from consent.core.models import Source, Subject
from consent.core.purposes import CROSS_BORDER, MARKETING, PURPOSES, SERVICE
from consent.rights.export import export_json
from tests.rights.test_evidence_contents import evidence, labels
from tests.staff import verified_login

ALMATY = ZoneInfo("Asia/Almaty")


def almaty(text):
    return datetime.strptime(text, "%d.%m.%Y %H:%M").replace(tzinfo=ALMATY)


@pytest.mark.parametrize(
    ("given", "years", "ends"),
    [
        ("03.12.2026 22:23", 3, "03.12.2029 22:23"),  # across 29.02.2028
        ("01.03.2027 10:00", 1, "01.03.2028 10:00"),  # a year of 366 days
        ("29.02.2028 12:00", 3, "28.02.2031 12:00"),  # no 29 February in 2031
        ("29.02.2028 12:00", 1, "28.02.2029 12:00"),
        # 00:30 in Almaty is still 28.02 in UTC: the local date is the one that counts.
        ("29.02.2028 00:30", 3, "28.02.2031 00:30"),
        ("01.03.2028 00:30", 1, "01.03.2029 00:30"),  # 28.02 19:30 in UTC
        ("28.02.2027 23:30", 1, "28.02.2028 23:30"),
    ],
)
def test_a_term_of_years_ends_on_the_same_local_date_and_time(given, years, ends):
    code = {3: SERVICE, 1: CROSS_BORDER}[years]
    assert PURPOSES[code].term_years == years
    assert PURPOSES[code].term_end(almaty(given)) == almaty(ends)


def test_a_consent_given_on_the_form_lasts_three_years_to_the_minute_everywhere(
    client, officer, texts, contact_data, time_machine
):
    time_machine.move_to(almaty("10.12.2026 22:23"), tick=False)  # texts published before
    assert client.post("/kk/contact/", contact_data()).status_code == 302
    person = Subject.objects.get()
    [entry] = person.ledgerentry_set.all()
    assert entry.expires_at == almaty("10.12.2029 22:23")
    # What the officer downloads (the CSV; the PDF has the same rows) ...
    [row] = evidence(verified_login(client, officer), person)
    [expires] = labels("expires (Almaty)")
    assert row[expires] == "10.12.2029 22:23:00"
    # ... what the person's own export says ...
    answer = json.loads(export_json(person, "kk"))
    [service] = [p for p in answer["purposes"] if p["code"] == SERVICE]
    assert service["consent_expires"] == "2029-12-10T22:23:00+05:00"
    # ... and what the gate enforces are one moment.
    end = almaty("10.12.2029 22:23")
    assert gate.may_process(person, SERVICE, at=end - timedelta(seconds=1))
    assert not gate.may_process(person, SERVICE, at=end)


def test_the_gate_holds_a_leap_day_consent_to_28_february(make_subject, texts, time_machine):
    """Given at 00:30 in Almaty on 29.02.2028 (28.02 in UTC): it stands all of 27.02.2031 and
    ends at 00:30 on 28.02.2031 in Almaty, not a day early (three times 365 days) nor on
    01.03 (a UTC date)."""
    time_machine.move_to(almaty("29.02.2028 00:30"), tick=False)
    person = make_subject()
    consent_grant(person, texts[MARKETING], language="kk", source=Source.SELF_SERVICE)
    end = almaty("28.02.2031 00:30")
    assert gate.may_process(person, MARKETING, at=almaty("27.02.2031 23:59"))
    assert not gate.may_process(person, MARKETING, at=end)
    assert gate.may_process(person, MARKETING, at=end - timedelta(microseconds=1))
