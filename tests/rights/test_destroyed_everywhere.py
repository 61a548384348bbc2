"""Compliance T17, class-proof: a person with one of everything the site keeps (record, photo,
form, parent, consents, a correction, an access answer with its files, a request kept on their
page, letters taken in, letters set aside, outbox, sessions, cache) is destroyed, and then every
row of every model (ciphertexts decrypted), every table as PostgreSQL writes it, every session
and the cache are searched for their name, addresses and phone number: none is left. What the
destruction keeps is the tombstone, the audit log's numbers and codes, and the requests'
numbers and dates (docs/compliance.md, L13)."""

import contextlib
import json
import pickle
from email.message import EmailMessage

import pytest
from cryptography.fernet import InvalidToken
from django.apps import apps
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.db import connection, models

from consent.core.ledger import consent_grant
from consent.core.mail import queue_mail
from consent.core.models import AuditEvent, Guardian, Source, Submission, Tombstone
from consent.core.photos import fernet
from consent.core.purposes import MARKETING, SERVICE
from consent.core.subjects import address_tag
from consent.rights.access import ticket_answer_access
from consent.rights.answers import ticket_correct, ticket_destroy
from consent.rights.erasure import subject_destroy, subject_minimise
from consent.rights.intake import ingest
from consent.rights.models import QuarantinedMessage, SetAsideSender, Ticket
from consent.rights.selfservice import SESSION_KEY, draft_keep
from consent.rights.tickets import ticket_open, ticket_verify

from .conftest import raw

NAME = "Qzwmarker Әселова"
OLD, NEW = "qzw.old@example.kz", "qzw@example.kz"
PHONE = "+77017775533"
TRACES = ["Qzwmarker", "qzwmarker", "qzw.old@", "qzw@", "Qzw@", "QZW@", PHONE, "7017775533"]


def letter(sender, text, *, message_id, subject_line="Рахмет", name=NAME):
    msg = EmailMessage()
    msg["From"] = f"{name} <{sender}>"
    msg["To"] = "em.alu.plus@mail.kz"
    msg["Subject"] = subject_line
    msg["Message-ID"] = message_id
    msg.set_content(text)
    return msg.as_bytes()


def bounce(recipient, message_id):
    """A mail server's report that our mail to `recipient` did not arrive (RFC 3464)."""
    return raw(
        b"From: MAILER-DAEMON@mx.example.kz", b"To: em.alu.plus@mail.kz",
        b"Subject: Undelivered Mail Returned to Sender", b"Auto-Submitted: auto-replied",
        f"Message-ID: {message_id}".encode(), b"MIME-Version: 1.0",
        b'Content-Type: multipart/report; report-type=delivery-status; boundary="b"',
        body=(b"--b\r\nContent-Type: text/plain\r\n\r\nUndeliverable.\r\n"
              b"--b\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mx\r\n\r\n"
              b"Final-Recipient: rfc822; " + recipient.encode() + b"\r\nAction: failed\r\n"
              b"Status: 5.1.1\r\n\r\n--b\r\nContent-Type: text/rfc822-headers\r\n\r\n"
              b"To: " + recipient.encode() + b"\r\nSubject: Qzwmarker\r\n\r\n--b--"),
    )  # fmt: skip


def traces_left(words):
    """Where any of `words` is still held: (model or table, field) of each finding."""
    found = []

    def look(where, value):
        if isinstance(value, memoryview | bytes):
            value = bytes(value)
            with contextlib.suppress(InvalidToken, TypeError):
                value = fernet().decrypt(value)
            value = value.decode("utf-8", "replace")
        elif not isinstance(value, str):
            value = json.dumps(value, ensure_ascii=False, default=str)
        found.extend((where, word) for word in words if word in value)

    for model in apps.get_models():
        for row in model._base_manager.all():
            for field in model._meta.concrete_fields:
                if not isinstance(field, models.AutoField | models.ForeignKey):
                    look(f"{model._meta.label}.{field.name}", getattr(row, field.attname))
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            cursor.execute(f'SELECT CAST(t.* AS text) FROM "{table}" t')
            for (text,) in cursor.fetchall():
                look(table, text)
    for session in Session.objects.all():
        look("session", session.get_decoded())
    for key, value in getattr(cache, "_cache", {}).items():  # tests run on the local memory
        value = pickle.loads(value) if isinstance(value, bytes) else value  # noqa: S301 (our own)
        look(f"cache {key}", value)
    return found


@pytest.fixture
def everything(texts, make_subject, officer, settings, tmp_path):
    """The person with one of everything; returns them and a stranger's letter set aside."""
    settings.MEDIA_ROOT = tmp_path
    person = make_subject(full_name=NAME, email=OLD, phone=PHONE, birth_place="Qzwmarker ауылы")
    person.photo.save("p.jpg", ContentFile(b"\xff\xd8 Qzwmarker"), save=True)
    form = Submission.objects.create(subject=person, source=Source.APPLICATION_FORM,
                                     language="kk",
                                     data={"message": f"{NAME}, {PHONE}"})  # fmt: skip
    form.photo.save("q.jpg", ContentFile(b"\xff\xd8 Qzwmarker"), save=True)
    parent = Guardian.objects.create(subject=person, full_name="Qzwmarker Ата", contact=PHONE)
    consent_grant(person, texts[SERVICE], language="kk", source=Source.APPLICATION_FORM,
                  guardian=parent)  # fmt: skip
    consent_grant(person, texts[MARKETING], language="kk", source=Source.NEWSLETTER_FORM)
    queue_mail(OLD, "ack", {"name": NAME, "ack_line": "x", "policy_number": 1}, language="kk",
               subject_line="ack")  # fmt: skip
    # Letters set aside from the address she held before the correction, while she held it.
    assert ingest(letter(OLD, "Рахмет!", message_id="<t1@qzw>")).reason == "nothing_asked"
    assert ingest(bounce(OLD, "<b1@mx>")).reason == "automated"
    # The correction: a request of hers taken in by mail, answered at her old address.
    taken = ingest(letter(OLD, f"Менің мекенжайым {NEW}. {NAME}, {PHONE}. Түзетіңіз.",
                          message_id="<c1@qzw>", subject_line="Деректерді түзету"))  # fmt: skip
    assert isinstance(taken, Ticket) and taken.subject == person
    ticket_verify(taken)
    ticket_correct(Ticket.objects.get(pk=taken.pk), changes={"email": NEW}, document="letter",
                   actor=officer)  # fmt: skip
    person.refresh_from_db()
    # Set aside from her address now: an auto-reply, one too long to open, and one kept from
    # before the addresses were noted (read when she is destroyed).
    auto = letter(NEW, f"Мен демалыстамын. {PHONE}", message_id="<a1@qzw>")
    ingest(auto.replace(b"MIME-Version", b"Auto-Submitted: auto-replied\nMIME-Version"))
    assert ingest(letter(NEW.upper(), "сөз " * 30_000, message_id="<l1@qzw>")).reason == "too_long"
    before = ingest(letter(NEW, "Көп рахмет!", message_id="<o1@qzw>"))
    SetAsideSender.objects.filter(entry=before).delete()
    QuarantinedMessage.objects.filter(pk=before.pk).update(senders_noted=False)
    access = ticket_open(kind="access", email=NEW, language="ru", channel="email")
    ticket_verify(access)
    ticket_answer_access(Ticket.objects.get(pk=access.pk), actor=officer)
    session = SessionStore()
    person.refresh_from_db()
    session[SESSION_KEY] = {"s": person.pk, "a": address_tag(person.email), "until": 0}
    assert draft_keep(session, {"type": "block", "message": f"{NAME} жазған сұрау"})
    session.save()
    stranger = ingest(letter("stranger@example.kz", "Рахмет!", message_id="<s1@x>", name="Бөтен"))
    assert QuarantinedMessage.objects.count() >= 6
    return person, stranger


def test_a_destroyed_person_is_found_nowhere(
    everything, officer, django_capture_on_commit_callbacks
):
    person, stranger = everything
    assert {word for _where, word in traces_left(TRACES)} >= {"Qzwmarker", "qzw.old@", PHONE}
    request = ticket_open(kind="destroy", email=NEW, language="kk", channel="email",
                          message=f"{NAME}: барлығын жойыңыз")  # fmt: skip
    ticket_verify(request)

    with django_capture_on_commit_callbacks(execute=True):
        ticket_destroy(Ticket.objects.get(pk=request.pk), actor=officer)

    assert traces_left(TRACES) == []
    assert list(QuarantinedMessage.objects.all()) == [stranger]  # nobody else's letter goes
    assert Tombstone.objects.filter(subject_ref=person.pk, request_ref=request.reference).exists()
    assert AuditEvent.objects.filter(action="subject_destroy", subject_ref=person.pk).exists()
    # The requests keep their number, type and dates, and nothing anyone wrote.
    kept = Ticket.objects.filter(pk__lte=request.pk)
    assert kept.count() == 3 and not kept.exclude(email="", message="").exists()


def test_a_letter_from_her_old_address_after_someone_else_took_it_is_theirs(
    texts, make_subject, officer
):
    """The rule of whose mail is whose (mailed.held_spans) holds for letters set aside too: a
    letter from an address she gave up, written after another person took it, stays with them."""
    person = make_subject(email=OLD)
    request = ticket_open(kind="correct", email=OLD, language="kk", channel="email")
    ticket_verify(request)
    ticket_correct(Ticket.objects.get(pk=request.pk), changes={"email": NEW}, document="letter",
                   actor=officer)  # fmt: skip
    hers = ingest(letter(OLD, "Рахмет!", message_id="<h1@qzw>"))
    make_subject(email=OLD)  # the address is someone else's from now on
    theirs = ingest(letter(OLD, "Рахмет!!", message_id="<h2@qzw>"))
    mine_now = ingest(letter(NEW, "Рахмет!", message_id="<h3@qzw>"))
    person.refresh_from_db()

    subject_destroy(person, request_ref="R-1", actor=officer)

    assert list(QuarantinedMessage.objects.all()) == [theirs]
    assert hers.pk and mine_now.pk


def test_erasing_the_address_erases_the_letters_set_aside_from_it(texts, make_subject):
    """A minimisation that erases the address deletes the letters from it as a destruction does;
    one that keeps it keeps them."""
    person = make_subject(email=NEW)
    ingest(letter(NEW, "Рахмет!", message_id="<m1@qzw>"))
    subject_minimise(person, keep={"email", "full_name"}, request_ref="R-2")
    assert QuarantinedMessage.objects.count() == 1
    subject_minimise(person, keep={"full_name"}, request_ref="R-3")
    assert not QuarantinedMessage.objects.exists()


def test_a_parents_erasure_erases_the_letters_set_aside_from_their_address(texts, make_subject):
    """A parent no record holds as a person: their letters set aside go with their erasure."""
    from consent.rights.erasure import guardian_erase

    child = make_subject()
    Guardian.objects.create(subject=child, full_name="Ата", contact="ata@example.kz")
    ingest(letter("ata@example.kz", "Рахмет!", message_id="<p1@qzw>", name="Ата"))
    guardian_erase("ata@example.kz", request_ref="R-4")
    assert not QuarantinedMessage.objects.exists()


@pytest.mark.parametrize(
    "written",
    ["asel@мысал.kz", "ASEL@МЫСАЛ.KZ", "Asel@" + "мысал".encode("idna").decode() + ".kz",
     "asel@мысал.kz."],
)  # fmt: skip
def test_her_letters_are_found_however_her_address_is_written(texts, make_subject, written):
    """An address is hers whatever the letter's case or its domain's spelling (IDN in Unicode or
    as the DNS writes it), as normalise_email and the `__address` lookup read it."""
    person = make_subject(email="asel@мысал.kz")
    raw = f"From: Әсел <{written}>\r\nSubject: Рахмет\r\nMessage-ID: <i1@x>\r\n\r\nРахмет!\r\n"
    entry = ingest(raw.encode())
    assert isinstance(entry, QuarantinedMessage)
    subject_destroy(person, request_ref="R-5")
    assert not QuarantinedMessage.objects.exists()
