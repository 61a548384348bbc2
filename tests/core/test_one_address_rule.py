"""Every place that compares a person's address with another reads two spellings alike by one
rule (core.subjects.address_lookup_key, the `__address` lookup in the database): the address
normalised (surrounding space cut, an IDN domain in either form and any case, a quoted local
part unquoted), then the case of the 26 ASCII letters set aside. Nothing else: a dot or a
«+tag» in the local part, a letter of another alphabet (the long s, the dotless ı, which
PostgreSQL's UPPER() and Python's casefold() map onto Latin ones), make another mailbox.

The outbox's sender compared by Python's lower() and the database's LOWER(), the thread
reader and the forward reader by casefold(), the guardians' mail by the address exactly as
written: a mail of files queued to « asel@mail.kz » or to the ASCII form of an IDN domain went
to a person blocked since, a mail to «Asel@…» for a child was held back from the parent who
gave «asel@…», and «aſel@» was read as the sender's own address."""

import email
from datetime import timedelta
from email import policy

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils import timezone
from post_office.models import Attachment, Email

from consent.core.guardians import guardian_pending
from consent.core.ledger import consent_grant, consent_withdraw, subject_block
from consent.core.mail import CONFIRMS, NOT_WHILE_BLOCKED
from consent.core.models import Guardian, GuardianMail, Source
from consent.core.purposes import MARKETING
from consent.core.subjects import address_lookup_key, subject_find
from consent.core.withheld import (
    blocked_files,
    no_longer_named,
    not_while_blocked,
    unconfirmable,
)
from consent.rights.forwarded import from_someone_else
from consent.rights.threads import reply_to

pytestmark = pytest.mark.django_db

# (address on record, the same address written another way)
SAME = [
    ("asel@mail.kz", "ASEL@MAIL.KZ"),
    ("asel@mail.kz", "Asel@Mail.Kz"),
    ("asel@mail.kz", " asel@mail.kz "),
    ("asel@mail.kz", "asel@mail.kz\n"),
    ("asel@mail.kz", '"asel"@mail.kz'),
    ("asel@алма.kz", "asel@xn--80aa6ae.kz"),  # an IDN domain as the DNS writes it
    ("asel@алма.kz", "ASEL@XN--80AA6AE.KZ"),
    ("asel@алма.kz", "asel@АЛМА.kz"),  # its Unicode letters' case
]
# Spellings post_office's outbox refuses to queue: its places are not asked of them.
UNQUEUED = {" asel@mail.kz ", "asel@mail.kz\n"}
# (address on record, another mailbox)
OTHER = [
    ("asel@mail.kz", "a.sel@mail.kz"),
    ("asel@mail.kz", "asel+news@mail.kz"),
    ("asel@mail.kz", "aſel@mail.kz"),  # the long s: casefold() makes it «s»
    ("asel@mail.kz", "asel@maıl.kz"),  # the dotless ı: UPPER() makes it «I»
    ("asel@mail.kz", "asel@mail.kz.example"),
]


def mail(to, **headers):
    return Email.objects.create(
        to=[to], from_email="site@example.kz", subject="x", message="x", headers=headers
    )


def test_the_outbox_takes_no_address_with_space_around_it():
    """Why the outbox's places are not asked about such spellings: no mail is queued to them."""
    for written in UNQUEUED:
        with pytest.raises(ValidationError):
            mail(written)


def sent_before(person, to, **headers):
    """A mail to `to`, queued a minute before what happens to `person` next."""
    queued = mail(to, **headers)
    Email.objects.filter(pk=queued.pk).update(created=timezone.now() - timedelta(minutes=1))
    queued.refresh_from_db()
    return queued


def files_held(person, written):
    answer = sent_before(person, written)
    attachment = Attachment(name="export.json")
    attachment.file.save("export.json", ContentFile(b"{}"), save=True)
    attachment.emails.add(answer)
    subject_block(person, reason="disputed", source="admin")
    return blocked_files([Email.objects.prefetch_related("attachments").get(pk=answer.pk)]) != []


def confirmation_held(person, written, texts):
    consent_grant(person, texts[MARKETING], language="kk", source=Source.NEWSLETTER_FORM)
    asking = sent_before(person, written, **{CONFIRMS: MARKETING})
    consent_withdraw(person, MARKETING, source="unsubscribe_link")
    return unconfirmable([asking]) != []


def acknowledgement_held(person, written):
    subject_block(person, reason="disputed", source="admin")
    return not_while_blocked([mail(written, **{NOT_WHILE_BLOCKED: "1"})]) != []


def parent_still_named(child, written, make_subject):
    """The mail to the parent at `written`, who gave the address on record as their own."""
    ward = make_subject(email="child@mail.kz")
    parent = Guardian.objects.create(subject=ward, full_name="Гүлнар", contact=child.email)
    letter = mail(written)
    GuardianMail.objects.create(email=letter, guardian=parent)
    return no_longer_named([letter]) == set()


def reply_to_sender(person, written):
    head = f"From: {person.email}\nReply-To: {written}\nSubject: x\n\nx"
    message = email.message_from_string(head, policy=policy.default)
    return reply_to(message, person.email) == ""


PLACES = {
    "the outbox's files to a blocked person": lambda p, w, **f: files_held(p, w),
    "the outbox's confirmation after an unsubscribe": lambda p, w, texts, **f: confirmation_held(
        p, w, texts
    ),
    "the outbox's acknowledgement to a blocked person": lambda p, w, **f: acknowledgement_held(
        p, w
    ),
    "the outbox's mail to a parent": lambda p, w, make_subject, **f: parent_still_named(
        p, w, make_subject
    ),
    "a letter's Reply-To": lambda p, w, **f: reply_to_sender(p, w),
    "a forwarded letter's sender": lambda p, w, **f: not from_someone_else(w, p.email, ()),
    "a parent giving the child's address": lambda p, w, **f: not guardian_pending(w, p.email),
    "a form finding the person": lambda p, w, **f: subject_find(email=w) == p,
    "address_lookup_key": lambda p, w, **f: address_lookup_key(w) == address_lookup_key(p.email),
}


@pytest.mark.parametrize(
    ("place", "stored", "written"),
    [(place, stored, written) for place in PLACES for stored, written in SAME + OTHER
     if not (place.startswith("the outbox") and written in UNQUEUED)],
)  # fmt: skip
def test_every_place_reads_an_address_by_the_one_rule(place, stored, written, make_subject, texts):
    person = make_subject(email=stored)
    same = PLACES[place](person, written, texts=texts, make_subject=make_subject)
    assert same == ((stored, written) in SAME)
