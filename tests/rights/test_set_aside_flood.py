"""A flood of letters that cannot become requests: every one is kept and listed in the digest,
but the officers' mailboxes get one notice at once and then at most one summary an hour. A
thousand at once: test_set_aside_thousand.py."""

import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from post_office.models import Email

from consent.core.audit import audit
from consent.core.models import AuditEvent
from consent.rights.alerts import SET_ASIDE_WINDOW, maybe_alert
from consent.rights.models import QuarantinedMessage
from consent.rights.quarantine import quarantine_record

from .conftest import BAD_MESSAGES, message

FLOOD = 1000
RAW, REASON = BAD_MESSAGES["from is no address"]


def flood(count, start=0):
    return [quarantine_record(RAW, reason=REASON, key=f"flood-{n}") for n in range(start, count)]


def notices(to="alice@example.kz"):
    return list(Email.objects.filter(to=[to]).order_by("id"))


@pytest.fixture
def monday(officer, time_machine):
    time_machine.move_to("2026-12-07 10:00+05:00", tick=False)  # Monday
    return time_machine


def test_the_next_letter_piped_in_sends_the_summary_once_the_hour_is_over(monday, monkeypatch):
    flood(3)
    monday.shift(SET_ASIDE_WINDOW)
    raw, _reason = BAD_MESSAGES["two senders"]
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(raw)))
    call_command("ingest_request_mail", stdout=io.StringIO())
    assert len(notices()) == 2 and "3" in notices()[1].subject  # the two held and this one


def test_a_letter_after_a_quiet_hour_is_told_of_at_once(monday):
    flood(1)
    monday.shift(SET_ASIDE_WINDOW + timedelta(seconds=1))
    second = flood(2, start=1)[0]
    assert second.reference in notices()[1].subject


def test_machine_mail_raises_no_notice_and_holds_back_none(monday):
    quarantine_record(RAW, reason=QuarantinedMessage.Reason.AUTOMATED, key="auto")
    assert notices() == []
    assert flood(1)[0].reference in notices()[0].subject


def test_a_steady_attacker_raises_one_security_alert_per_window(db, time_machine, settings):
    """A failed sign-in every 61 seconds keeps the count at the threshold (10 in 10 minutes):
    before, every failure mailed the responsible person once the count reached it (51 mails in
    the hour)."""
    settings.OPERATOR = {**settings.OPERATOR, "responsible_contact": "dpo@example.kz"}
    time_machine.move_to("2026-12-07 10:00+05:00", tick=False)
    sent = 0
    for _minute in range(60):
        audit(AuditEvent.Action.LOGIN_FAILED)
        sent += maybe_alert(AuditEvent.Action.LOGIN_FAILED)
        time_machine.shift(timedelta(seconds=61))
    assert 1 <= sent <= 7, sent  # at most one per 10-minute window
    assert Email.objects.filter(to=["dpo@example.kz"]).count() == sent


def test_a_flood_of_emailed_requests_makes_a_bounded_number_of_notices(monday, settings):
    """Anyone can mail requests from any number of addresses: each is a request, on the desk,
    but each officer gets at most 20 notices an hour and one saying the next are held back."""
    from consent.core.staff import NOTICE_RATE
    from consent.rights.intake import ingest
    from consent.rights.models import Ticket

    limit = int(NOTICE_RATE.split("/")[0])
    for n in range(60):
        ingest(message("Деректерімді жойыңыз", sender=f"s{n}@example.kz",
                       message_id=f"<flood{n}@example.kz>"))  # fmt: skip
    assert Ticket.objects.count() == 60
    told = notices()
    assert len(told) == limit + 1
    assert "/admin/rights/ticket/?due=all" in told[-1].message
    monday.shift(timedelta(hours=1))
    ingest(message("Деректерімді жойыңыз", sender="late@example.kz", message_id="<late@x>"))
    assert len(notices()) == limit + 2  # the next hour's first is told of again


def test_a_flood_of_forms_makes_a_bounded_number_of_staff_notices(texts, settings, db):
    from consent.core.models import Source, Submission
    from consent.core.purposes import SERVICE
    from consent.core.staff import NOTICE_RATE
    from consent.core.submissions import submission_record
    from tests.site.mail_scenarios import FakeRequest

    limit = int(NOTICE_RATE.split("/")[0])
    for n in range(30):
        submission_record(source=Source.CONTACT_FORM, language="ru",
                          data={"full_name": "Әсел", "email": f"f{n}@example.kz", "message": "…"},
                          consents={SERVICE: True}, request=FakeRequest())  # fmt: skip
    assert Submission.objects.count() == 30
    staff = notices(settings.STAFF_NOTIFY_EMAIL)
    assert len(staff) == limit + 1
    assert "/admin/consent/submission/" in staff[-1].message
