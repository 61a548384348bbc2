"""The gate's truth table, derived from the ledger alone."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from consent.core import gate
from consent.core.ledger import (
    consent_grant,
    consent_require_again,
    consent_withdraw,
    subject_block,
    subject_unblock,
)
from consent.core.models import ConsentText, Guardian, LedgerEntry, Source, Subject
from consent.core.purposes import MARKETING, SERVICE
from consent.core.texts import text_publish

FORM = Source.CONTACT_FORM


def grant(subject, text, **kwargs):
    return consent_grant(subject, text, language="kk", source=FORM, **kwargs)


def test_granted(texts, make_subject):
    s = make_subject()
    grant(s, texts[SERVICE])
    assert gate.may_process(s, SERVICE)


def test_granted_for_one_purpose_only(texts, make_subject):
    s = make_subject()
    grant(s, texts[SERVICE])
    assert not gate.may_process(s, MARKETING)


def test_withdrawn(texts, make_subject):
    s = make_subject()
    grant(s, texts[MARKETING])
    consent_withdraw(s, MARKETING, source=Source.UNSUBSCRIBE)
    assert not gate.may_process(s, MARKETING)


def test_given_again_after_withdrawal(texts, make_subject):
    s = make_subject()
    grant(s, texts[MARKETING])
    consent_withdraw(s, MARKETING, source=Source.UNSUBSCRIBE)
    grant(s, texts[MARKETING])
    assert gate.may_process(s, MARKETING)


def test_expired(texts, make_subject, time_machine):
    time_machine.move_to("2026-01-10 12:00+05:00", tick=False)
    s = make_subject()
    entry = grant(s, texts[MARKETING])
    # Three years on, to the minute, in Almaty: 10.01.2029, across 29.02.2028.
    assert entry.expires_at == datetime(2029, 1, 10, 12, 0, tzinfo=ZoneInfo("Asia/Almaty"))
    assert gate.may_process(s, MARKETING, at=entry.expires_at - timedelta(seconds=1))
    assert not gate.may_process(s, MARKETING, at=entry.expires_at)


def test_blocked_then_unblocked(texts, make_subject):
    s = make_subject()
    grant(s, texts[SERVICE])
    subject_block(s, reason="complaint", source=Source.ADMIN)
    assert not gate.may_process(s, SERVICE)
    assert gate.is_blocked(s)
    subject_unblock(s, reason="violation not confirmed", source=Source.ADMIN)
    assert gate.may_process(s, SERVICE)
    assert not gate.is_blocked(s)


def test_only_a_block_is_lifted(texts, make_subject):
    """An unblock for someone whose processing is not blocked is refused and writes nothing
    (once lifted, a second unblock is refused too)."""
    from django.core.exceptions import ValidationError

    from consent.core.models import LedgerEntry

    s = make_subject()
    grant(s, texts[SERVICE])
    with pytest.raises(ValidationError):
        subject_unblock(s, reason="asked to", source=Source.ADMIN)
    subject_block(s, reason="complaint", source=Source.ADMIN)
    subject_unblock(s, reason="violation not confirmed", source=Source.ADMIN)
    with pytest.raises(ValidationError):
        subject_unblock(s, reason="again", source=Source.ADMIN)
    assert list(LedgerEntry.objects.filter(subject=s).values_list("kind", flat=True)
                .order_by("id")) == ["grant", "block", "unblock"]  # fmt: skip


def test_block_needs_a_reason(texts, make_subject):
    from django.core.exceptions import ValidationError

    s = make_subject()
    with pytest.raises(ValidationError):
        subject_block(s, reason="  ", source=Source.ADMIN)
    assert not LedgerEntry.objects.filter(subject=s).exists()


def test_reconsent_required_by_a_new_text_version(texts, make_subject, policy):
    s = make_subject()
    grant(s, texts[MARKETING])
    v2 = ConsentText.objects.create(
        purpose=MARKETING, version=2, policy=policy, requires_reconsent=True
    )
    assert gate.may_process(s, MARKETING)  # a draft changes nothing
    text_publish(v2)
    assert not gate.may_process(s, MARKETING)
    grant(s, v2)
    assert gate.may_process(s, MARKETING)


def test_new_version_without_reconsent_keeps_old_consents(texts, make_subject, policy):
    s = make_subject()
    grant(s, texts[MARKETING])
    text_publish(ConsentText.objects.create(purpose=MARKETING, version=2, policy=policy))
    assert gate.may_process(s, MARKETING)


def test_reconsent_required_for_one_person(texts, make_subject):
    s = make_subject()
    grant(s, texts[SERVICE])
    consent_require_again(s, SERVICE, source=Source.ADMIN, reason="data changed")
    assert not gate.may_process(s, SERVICE)


def test_unknown_subject(texts):
    assert not gate.may_process(None, SERVICE)
    assert not gate.may_process(Subject(), SERVICE)
    assert not gate.may_process(Subject(pk=999_999), SERVICE)


def test_minor_needs_a_guardians_consent(texts, make_subject, time_machine):
    time_machine.move_to("2026-06-01 12:00+05:00", tick=False)
    # Her own grant, recorded before her date of birth was: 17 years and 364 days.
    minor = make_subject()
    grant(minor, texts[SERVICE])
    minor.birth_date = date(2009, 6, 2)
    minor.save()
    assert not gate.may_process(minor, SERVICE)
    # Nor is one recorded now without a guardian (ledger.consent_grant, compliance L6).
    with pytest.raises(ValidationError):
        grant(minor, texts[SERVICE])
    guardian = Guardian.objects.create(subject=minor, full_name="Parent", contact="+77011112233")
    grant(minor, texts[SERVICE], guardian=guardian)
    assert gate.may_process(minor, SERVICE)


def test_adult_on_their_birthday_needs_no_guardian(texts, make_subject, time_machine):
    time_machine.move_to("2026-06-01 00:30+05:00", tick=False)  # still 31 May in UTC
    adult = make_subject(birth_date=date(2008, 6, 1))
    grant(adult, texts[SERVICE])
    assert gate.may_process(adult, SERVICE)


def test_the_gate_answers_for_a_past_moment(texts, make_subject):
    s = make_subject()
    before = timezone.now()
    grant(s, texts[SERVICE])
    assert not gate.may_process(s, SERVICE, at=before)


def test_batch_gate_is_a_constant_number_of_queries(texts, make_subject, django_assert_num_queries):
    subjects = [make_subject() for _ in range(30)]
    for i, s in enumerate(subjects):
        if i % 3:
            grant(s, texts[MARKETING])
        if i % 5 == 0:
            subject_block(s, reason="x", source=Source.ADMIN)
    expected = {s.pk for i, s in enumerate(subjects) if i % 3 and i % 5}
    with django_assert_num_queries(1):
        got = set(gate.permitted_subjects(MARKETING).values_list("pk", flat=True))
    assert got == expected


def test_batch_gate_for_10000_subjects_is_one_query(texts, django_assert_num_queries):
    now = timezone.now()
    subjects = Subject.objects.bulk_create(
        Subject(full_name="x", email=f"bulk{i}@example.kz") for i in range(10_000)
    )
    LedgerEntry.objects.bulk_create(
        LedgerEntry(
            subject=s,
            purpose=MARKETING,
            kind=LedgerEntry.Kind.GRANT,
            text=texts[MARKETING],
            source=FORM,
            at=now,
            expires_at=now + timedelta(days=30),
        )
        for s in subjects[::2]
    )
    with django_assert_num_queries(1):
        assert gate.permitted_subjects(MARKETING).count() == 5_000


def test_current_state_of_all_purposes_is_one_query(texts, make_subject, django_assert_num_queries):
    s = make_subject()
    grant(s, texts[SERVICE])
    grant(s, texts[MARKETING])
    consent_withdraw(s, MARKETING, source=Source.UNSUBSCRIBE)
    subject_block(s, reason="x", source=Source.ADMIN)
    with django_assert_num_queries(1):
        state = gate.latest_events(s)
        kinds = {purpose: entry.kind for purpose, entry in state.items()}
        versions = {p: e.text.version for p, e in state.items() if e.text}
    assert kinds == {SERVICE: "grant", MARKETING: "withdraw", None: "block"}
    assert versions == {SERVICE: 1}


def test_gate_uses_the_ledger_index(texts, make_subject):
    """The state query is served by the (subject, purpose, -id) index on PostgreSQL."""
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL plan")
    s = make_subject()
    grant(s, texts[SERVICE])
    with CaptureQueriesContext(connection) as ctx:
        list(gate.permitted_subjects(SERVICE, Subject.objects.filter(pk=s.pk)))
    assert "consent_ledgerentry" in ctx.captured_queries[0]["sql"]
