"""Retention (compliance L5): nothing kept past the term of every purpose it serves."""

import io
from datetime import timedelta
from importlib import import_module
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.management import call_command
from django.utils import timezone

from consent.core import gate
from consent.core.ledger import consent_grant, consent_withdraw, subject_block
from consent.core.models import LedgerEntry, Source, StoredFile, Subject
from consent.core.purposes import MARKETING, SERVICE
from consent.rights.retention import enforce_retention
from consent.rights.tickets import ticket_open

ALMATY = ZoneInfo("Asia/Almaty")


def grant_at(subject, text, at, days):
    LedgerEntry.objects.bulk_create([LedgerEntry(
        subject=subject, purpose=text.purpose, kind="grant", text=text, source=Source.CONTACT_FORM,
        at=at, expires_at=at + timedelta(days=days),
    )])  # fmt: skip


def test_retention_destroys_exactly_what_is_past_its_term(texts, make_subject, time_machine):
    time_machine.move_to("2026-11-25 03:00+05:00", tick=False)
    now = timezone.now()
    long_ago = now - timedelta(days=3 * 365 + 1)
    past = make_subject(full_name="Past")  # every consent expired
    grant_at(past, texts[SERVICE], long_ago, 3 * 365)
    current = make_subject(full_name="Current")
    consent_grant(current, texts[SERVICE], language="kk", source=Source.CONTACT_FORM)
    mixed = make_subject(full_name="Mixed")  # marketing withdrawn, service still running
    consent_grant(mixed, texts[SERVICE], language="kk", source=Source.CONTACT_FORM)
    consent_grant(mixed, texts[MARKETING], language="kk", source=Source.NEWSLETTER_FORM)
    consent_withdraw(mixed, MARKETING, source=Source.UNSUBSCRIBE)
    withdrawn = make_subject(full_name="Withdrawn")  # withdrew the only consent
    consent_grant(withdrawn, texts[SERVICE], language="kk", source=Source.CONTACT_FORM)
    consent_withdraw(withdrawn, SERVICE, source=Source.EMAIL_REQUEST)
    blocked = make_subject(full_name="Blocked")  # expired, but blocked: staff decide
    grant_at(blocked, texts[SERVICE], long_ago, 3 * 365)
    subject_block(blocked, reason="complaint", source=Source.ADMIN)
    pending = make_subject(full_name="Pending", email="pending@example.kz")
    grant_at(pending, texts[SERVICE], long_ago, 3 * 365)
    ticket_open(kind="access", email="pending@example.kz", language="kk", channel="web")

    plan = enforce_retention(dry_run=True)
    assert sorted(plan["destroy"]) == sorted([past.pk, withdrawn.pk])
    assert {sid for sid, _ in plan["review"]} == {blocked.pk, pending.pk}
    assert Subject.objects.count() == 6  # a dry run changes nothing

    enforce_retention()
    assert set(Subject.objects.values_list("full_name", flat=True)) == {
        "Current", "Mixed", "Blocked", "Pending"}  # fmt: skip
    assert LedgerEntry.objects.filter(subject=blocked, kind="expire").exists()
    assert gate.may_process(current, SERVICE) and gate.may_process(mixed, SERVICE)


def test_retention_drops_delivered_access_answers_after_a_week_and_undeliverable_ones_later(
    texts, make_subject, settings, tmp_path, time_machine
):
    """The attachment copies of everything held about a person leave the outbox once sent."""
    from django.core.files.base import ContentFile
    from post_office.models import STATUS, Attachment, Email

    from consent.core.mail import queue_mail

    settings.MEDIA_ROOT = tmp_path
    time_machine.move_to("2026-11-10 10:00+05:00", tick=False)
    for address in ("sent@example.kz", "queued@example.kz", "failed@example.kz",
                    "expired@example.kz"):  # fmt: skip
        export = {"R-1.json": ContentFile(b'{"email": "x"}')}
        context = {"outcome": "x", "type": "access"}
        queue_mail(
            address, "request_done", context, language="kk", subject_line="R-1", attachments=export
        )
    Email.objects.filter(to=["sent@example.kz"]).update(status=STATUS.sent)
    Email.objects.filter(to=["failed@example.kz"]).update(status=STATUS.failed)
    # Held back unsent (the sender, for a person blocked since: consent.core.delivery): it will
    # never go, so its copy of the data has nothing to wait for.
    Email.objects.filter(to=["expired@example.kz"]).update(expires_at=timezone.now())

    def kept():
        return sorted(a.emails.get().to[0] for a in Attachment.objects.all())

    time_machine.move_to("2026-11-18 03:00+05:00", tick=False)
    enforce_retention()
    assert kept() == ["failed@example.kz", "queued@example.kz"]
    # Given up on: a month for staff to requeue it, then the copy goes too (it stayed for good).
    time_machine.move_to("2026-12-11 03:00+05:00", tick=False)
    enforce_retention()
    assert kept() == ["queued@example.kz"]
    left = Attachment.objects.get()
    assert list(StoredFile.objects.values_list("name", flat=True)) == [left.file.name]
    assert Email.objects.count() == 4  # the mails themselves stay, as post_office keeps them


def test_retention_command_dry_run_prints_the_plan(texts, make_subject):
    s = make_subject()
    grant_at(s, texts[SERVICE], timezone.now() - timedelta(days=4 * 365), 365)
    out = io.StringIO()
    call_command("enforce_retention", "--dry-run", stdout=out)
    assert f"would destroy subjects: [{s.pk}]" in out.getvalue()
    assert Subject.objects.filter(pk=s.pk).exists()


def test_the_nightly_run_records_its_local_date(texts, make_subject, time_machine):
    """At 00:30 in Almaty it is still the day before in UTC: the destruction record names the
    local day the job ran (compliance L8)."""
    from consent.core.models import Tombstone

    time_machine.move_to("2026-12-10 00:30+05:00", tick=False)
    past = make_subject(full_name="Past")
    grant_at(past, texts[SERVICE], timezone.now() - timedelta(days=3 * 365 + 1), 3 * 365)
    enforce_retention()
    assert Tombstone.objects.get(subject_ref=past.pk).request_ref == "retention 2026-12-10"


def test_retention_deletes_sessions_past_their_age(db, time_machine):
    """A session (a staff sign-in, the person a self-service link opened the page for) is
    deleted once it has expired: Django deletes them only when asked, and nothing asked."""
    store = import_module(settings.SESSION_ENGINE).SessionStore
    old, fresh = store(), store()
    for session, expiry in ((old, 60), (fresh, None)):
        session["subject_id"] = 1
        session.set_expiry(expiry)
        session.save()
    time_machine.move_to(timezone.now() + timedelta(minutes=5))
    enforce_retention()
    assert not store().exists(old.session_key)
    assert store().exists(fresh.session_key)
