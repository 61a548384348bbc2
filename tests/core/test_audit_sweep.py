"""Compliance T16, T18: each request action leaves exactly one audit row of its kind,
with actor, time and subject number and no personal data; logs carry no personal data either."""

import logging
import re

import pytest
from django.db import connection
from post_office.models import Email

from consent.core.ledger import consent_grant
from consent.core.models import AuditEvent, Source
from consent.core.purposes import MARKETING, SERVICE
from consent.marketing.campaigns import unsubscribe
from consent.rights.access import ticket_answer_access
from consent.rights.answers import ticket_block, ticket_correct, ticket_destroy
from consent.rights.models import Ticket
from consent.rights.tickets import ticket_open, ticket_verify
from tests.texts import SHOWN

EMAIL = "zq.person@example.kz"
PHONE = "+77019990011"
PD = re.compile(r"zq\.person|7019990011|1991-02-03|03\.02\.1991|Zq")


@pytest.fixture
def person(texts, make_subject):
    from datetime import date

    s = make_subject(full_name="Zq Person", email=EMAIL, phone=PHONE, birth_date=date(1991, 2, 3))
    consent_grant(s, texts[SERVICE], language="kk", source=Source.CONTACT_FORM)
    consent_grant(s, texts[MARKETING], language="kk", source=Source.NEWSLETTER_FORM)
    return s


def opened(ticket_type, **kwargs):
    ticket = ticket_open(kind=ticket_type, email=EMAIL, language="kk", channel="web", **kwargs)
    ticket_verify(ticket)
    return Ticket.objects.get(pk=ticket.pk)


def rows(action):
    return list(AuditEvent.objects.filter(action=action))


@pytest.mark.parametrize(
    "ticket_type,run,action",
    [
        ("access", lambda r, u: ticket_answer_access(r, actor=u), "subject_export"),
        ("correct", lambda r, u: ticket_correct(r, changes={"full_name": "Zq New"},
                                                 document="doc 1", actor=u), "subject_edit"),
        ("block", lambda r, u: ticket_block(r, reason="check", actor=u), "subject_block"),
        ("destroy", lambda r, u: ticket_destroy(r, actor=u), "subject_destroy"),
    ],
)  # fmt: skip
def test_each_staff_action_writes_one_audit_row(person, officer, ticket_type, run, action):
    ticket = opened(ticket_type)
    run(ticket, officer)
    [event] = rows(action)
    assert (event.actor_id, event.actor_label) == (officer.pk, "alice")
    assert event.subject_ref == person.pk and event.at.utcoffset().total_seconds() == 0


def test_withdrawal_and_unsubscribe_write_one_row_each(person):
    opened("withdraw", purpose=SERVICE)
    assert len(rows("consent_withdraw")) == 1
    unsubscribe(person.pk)
    assert len(rows("consent_withdraw")) == 2
    assert {e.detail["purpose"] for e in rows("consent_withdraw")} == {SERVICE, MARKETING}


def test_every_ledger_event_has_its_one_audit_row(client, texts, contact_data, officer):
    """Art. 22(1)(5), compliance L16: every grant, withdrawal and term change of a consent, and
    every block, is in the audit log, once, naming the person and the purpose: a consent given
    on a form, one given by the newsletter's link, one withdrawn, expired and achieved, a block
    and its lifting."""
    from consent.core.ledger import (
        consent_achieve,
        consent_expire,
        consent_withdraw,
        subject_block,
        subject_unblock,
    )
    from consent.core.models import LedgerEntry, Subject

    assert client.post("/kk/contact/", contact_data(consent_marketing="on")).status_code == 302
    person = Subject.objects.get()
    confirm = next(m for m in Email.objects.all() if "/newsletter/confirm/" in m.message)
    path = re.search(r"https?://[^/\s]+(/\S+/newsletter/confirm/\S+/)", confirm.message)[1]
    assert client.post(path, SHOWN).status_code == 200
    consent_withdraw(person, MARKETING, source=Source.UNSUBSCRIBE)
    consent_expire(person, SERVICE, source=Source.RETENTION)
    consent_grant(person, texts[SERVICE], language="ru", source=Source.APPLICATION_FORM)
    consent_achieve(person, SERVICE, source=Source.RETENTION)
    subject_block(person, reason="check", source=Source.ADMIN, actor=officer)
    subject_unblock(person, reason="not confirmed", source=Source.ADMIN, actor=officer)
    entries = LedgerEntry.objects.filter(subject=person).order_by("id")
    assert [e.kind for e in entries] == ["grant", "grant", "withdraw", "expire", "grant",
                                         "achieved", "block", "unblock"]  # fmt: skip
    for entry in entries:
        [event] = AuditEvent.objects.filter(object_type="consent.ledgerentry",
                                            object_id=str(entry.pk))  # fmt: skip
        assert event.subject_ref == person.pk
        assert event.detail["purpose"] == (entry.purpose or "")


def test_no_audit_column_holds_personal_data(person, officer, client):
    ticket_answer_access(opened("access"), actor=officer)
    ticket_block(opened("block"), reason="x", actor=officer)
    with connection.cursor() as cursor:
        cursor.execute("SELECT CAST(t.* AS text) FROM consent_auditevent t")
        for (row,) in cursor.fetchall():
            assert not PD.search(row), row


def test_logs_carry_no_personal_data(client, texts, caplog, settings):
    from tests.conftest import aged_token

    settings.FORM_RATE_LIMIT = "1000/60"
    with caplog.at_level(logging.DEBUG):
        client.post("/kk/contact/", {"token": aged_token(), **SHOWN,
                                     "full_name": "Zq Person\nFAKE LOG LINE", "email": EMAIL,
                                     "phone": PHONE, "message": "hi",
                                     "consent_service": "on"})  # fmt: skip
        honeypot = {"token": aged_token(), "email": EMAIL, "full_name": "Zq Person",
                    "phone": "+7 916 000 00 00", "website": "x"}  # fmt: skip
        client.post("/kk/contact/", honeypot)
        client.post("/kk/requests/new/", {"token": aged_token(), "type": "access", "email": EMAIL})
        client.get("/kk/no-such-page/?email=" + EMAIL)
    for record in caplog.records:
        text = record.getMessage()
        assert not PD.search(text), text
        assert "FAKE LOG LINE" not in text


def test_every_form_uses_post(client, texts):
    for path in [
        "/kk/contact/",
        "/kk/apply/",
        "/kk/newsletter/",
        "/kk/requests/new/",
        "/kk/my-data/",
    ]:
        html = client.get(path).content.decode()
        assert re.findall(r'<form method="(\w+)"', html) and set(
            re.findall(r'<form method="(\w+)"', html)) == {"post"}  # fmt: skip
