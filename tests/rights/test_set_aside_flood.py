"""A flood of letters that cannot become requests: every one is kept and listed in the digest,
but the officers' mailboxes get one notice at once and then at most one summary an hour."""

import io
from datetime import date, timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from post_office.models import Email

from consent.core.audit import audit
from consent.core.delivery import send_queued
from consent.core.models import AuditEvent
from consent.rights.alerts import SET_ASIDE_WINDOW, maybe_alert, tell_set_aside
from consent.rights.digest import REVIEW_LISTED, digest
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


def test_a_thousand_letters_make_one_notice_then_one_summary(monday):
    entries = flood(FLOOD)
    assert QuarantinedMessage.objects.count() == FLOOD  # every letter is kept
    (first,) = notices()  # the first at once, by its own number
    assert entries[0].reference in first.subject
    monday.shift(SET_ASIDE_WINDOW / 2)
    flood(FLOOD + 1, start=FLOOD)  # still within the hour: no mail
    assert tell_set_aside() == 0 and len(notices()) == 1

    monday.shift(SET_ASIDE_WINDOW / 2)
    assert tell_set_aside() == FLOOD  # the rest, in one summary
    summary = notices()[1]
    assert f"{FLOOD}" in summary.subject and f"{FLOOD}" in summary.message
    assert entries[1].reference in summary.message
    assert "/admin/rights/quarantinedmessage/" in summary.message
    assert tell_set_aside() == 0 and len(notices()) == 2
    assert not QuarantinedMessage.objects.filter(told_at=None).exists()

    # Delivered as real mail, in the officer's language (Kazakh by default).
    send_queued()
    assert [m.subject for m in mail.outbox] == [first.subject, summary.subject]
    assert "хаттар" in summary.subject


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


def test_the_digest_accounts_for_every_letter_of_the_flood(monday):
    flood(FLOOD)
    Email.objects.all().delete()
    assert digest(date(2026, 12, 8)) == 1
    text = notices()[0].message
    listed = [line for line in text.splitlines() if line.startswith("- Q-")]
    assert len(listed) == REVIEW_LISTED
    assert f"{FLOOD - REVIEW_LISTED}" in text
    assert "/admin/rights/quarantinedmessage/" in text


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
