"""Everything personal at rest is encrypted (compliance L22): the access answer's JSON and PDF,
kept as mail attachments for a week, are ciphertext in the database (on no host's disk) and plain
only when mailed."""

import json

import pytest
from django.core.management import call_command
from post_office.models import Attachment, Email

from consent.core.models import StoredFile
from consent.rights.access import ticket_answer_access
from consent.rights.models import Ticket
from consent.rights.tickets import ticket_open, ticket_verify


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def answered_access(person, officer):
    ticket = ticket_open(kind="access", email=person.email, language="ru", channel="web")
    ticket_verify(ticket)
    return ticket_answer_access(Ticket.objects.get(pk=ticket.pk), actor=officer)


def test_the_access_answer_is_ciphertext_at_rest_and_plain_in_the_mail(media, person, officer):
    ticket = answered_access(person, officer)
    assert [p for p in media.rglob("*") if p.is_file()] == []  # nothing on this host's disk
    assert StoredFile.objects.count() == 2
    for stored in StoredFile.objects.values_list("content", flat=True):
        stored = bytes(stored)
        assert stored.startswith(b"gAAAAA")  # a Fernet token
        for secret in [person.email, person.full_name, "+77011234567", "%PDF", '"data"']:
            assert secret.encode() not in stored
    # What the person receives is the readable export.
    mail = Email.objects.filter(to=[person.email]).latest("id")
    attached = {name: content for name, content, _type in mail.email_message().attachments}
    data = json.loads(attached[f"{ticket.reference}.json"])
    assert data["data"]["email"] == person.email
    assert bytes(attached[f"{ticket.reference}.pdf"]).startswith(b"%PDF")


def test_an_attachment_stored_before_is_encrypted_by_the_release_command(media, person, officer):
    answered_access(person, officer)
    attachment = Attachment.objects.get(name__endswith=".json")
    plain = attachment.file.read()
    row = StoredFile.objects.filter(name=attachment.file.name)
    row.update(content=plain)  # as a release before this one left it
    assert Attachment.objects.get(pk=attachment.pk).file.read() == plain  # still delivered
    call_command("encrypt_photos")
    assert bytes(row.get().content).startswith(b"gAAAAA")
    assert Attachment.objects.get(pk=attachment.pk).file.read() == plain
