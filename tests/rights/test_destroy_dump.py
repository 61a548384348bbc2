"""Compliance T17: after destruction a full pg_dump (files included: they are rows) and the
media folder hold no trace of the person; the tombstone and the audit row remain. Before it, the
person corrected their address and had an access request answered (the JSON and PDF export,
really sent by SMTP)."""

import os
import subprocess

import pytest

from tests.live import live_database, query, shell, smtp_relay

pytestmark = [
    pytest.mark.live,
    pytest.mark.django_db,
    pytest.mark.requires_tool("pg_dump", apt="postgresql-client"),
]

SCRIPT = """
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.contrib.auth.models import User
from django.contrib.sessions.backends.db import SessionStore
from post_office.models import Attachment
from consent.core.ledger import consent_grant, subject_block
from consent.core.mail import queue_mail
from consent.core.models import Guardian, Source, Subject, Submission
from consent.rights.models import Ticket
from consent.core.subjects import address_tag
from consent.rights.selfservice import SESSION_KEY, draft_keep
from consent.rights.tickets import ticket_open, ticket_verify
from consent.rights.access import ticket_answer_access
from consent.rights.answers import ticket_correct, ticket_destroy
from consent.core.texts import current_text

officer = User.objects.create_superuser("alice", "alice@example.kz", "pw-alice-123456")
s = Subject.objects.create(full_name="Zqmarker Name", email="zqmarker-old@example.kz",
                           phone="+77019998877", birth_place="Zqmarker town")
s.photo.save("p.jpg", ContentFile(b"\\xff\\xd8 Zqmarker"), save=True)
sub = Submission.objects.create(subject=s, source=Source.APPLICATION_FORM, language="kk",
                                data={"message": "Zqmarker says hi", "phone": "+77019998877"})
sub.photo.save("q.jpg", ContentFile(b"\\xff\\xd8 Zqmarker"), save=True)
g = Guardian.objects.create(subject=s, full_name="Zqmarker Parent", contact="+77010000000")
consent_grant(s, current_text("service"), language="kk", source=Source.APPLICATION_FORM,
              guardian=g)
ticket = ticket_open(kind="correct", email="zqmarker-old@example.kz", language="kk",
                   channel="email", message="Zqmarker: new address")
ticket_verify(ticket)
ticket_correct(Ticket.objects.get(pk=ticket.pk), changes={"email": "zqmarker@example.kz"},
                document="letter", actor=officer)  # answered at the old address
ticket = ticket_open(kind="access", email="zqmarker@example.kz", language="ru", channel="email")
ticket_verify(ticket)
ticket_answer_access(Ticket.objects.get(pk=ticket.pk), actor=officer)
call_command("send_queued_mail", processes=1)
print("ATTACHMENTS", Attachment.objects.count())
s.refresh_from_db()
# a request written on the person's own page after it closed, kept for their next page
session = SessionStore()
session[SESSION_KEY] = {"s": s.pk, "a": address_tag(s.email), "until": 0}
assert draft_keep(session, {"type": "block", "message": "Zqmarker kept request"})
session.save()
subject_block(s, reason="Zqmarker complained", source=Source.ADMIN)
queue_mail(s.email, "ack", {"name": s.full_name, "ack_line": "x", "policy_number": 1},
           language="kk", subject_line="ack")
ticket = ticket_open(kind="destroy", email="zqmarker@example.kz", language="kk", channel="email",
                     message="Zqmarker: destroy it all",
                     message_id="<20261201.Zqmarker.Name@mail.zqmarker.kz>")
ticket_verify(ticket)
ticket_destroy(Ticket.objects.get(pk=ticket.pk), actor=officer)
print("REF", ticket.reference)
"""


def test_destroy_leaves_nothing_in_a_full_dump(django_db_setup, django_db_blocker, tmp_path):
    media = tmp_path / "media"
    with (
        smtp_relay() as (inbox, smtp_port),
        django_db_blocker.unblock(),
        live_database() as url,
    ):
        env = {**os.environ, "DJANGO_SETTINGS_MODULE": "tests.settings",
               "DATABASE_URL": url, "MEDIA_ROOT": str(media),
               "EMAIL_URL": f"smtp://127.0.0.1:{smtp_port}"}  # fmt: skip
        before = shell(SCRIPT, env)
        dump, tombstones, audit = dump_and_ledger(url)
    assert "REF R-" in before and "ATTACHMENTS 2" in before
    exported = {part.get_filename(): part.get_payload(decode=True)
                for m in inbox.messages for part in m.walk() if part.get_filename()}  # fmt: skip
    assert sorted(name.rsplit(".")[-1] for name in exported) == ["json", "pdf"]
    assert any(b"zqmarker@example.kz" in body for body in exported.values())  # it held the data
    assert any(m["To"] == "zqmarker-old@example.kz" for m in inbox.messages)

    for trace in ["zqmarker", "Zqmarker", "+77019998877", "7019998877", "+77010000000"]:
        assert trace not in dump, trace
    assert b"Zqmarker".hex() not in dump  # files are rows (bytea, dumped in hex): none left
    assert "consent_storedfile VALUES" not in dump
    left = [p for p in media.rglob("*") if p.is_file()]
    assert not [p for p in left if b"zqmarker" in p.read_bytes().lower()]
    assert not [p for p in left if "post_office_attachments" in p.parts]  # the export is gone
    assert left == []
    assert tombstones[0][0].startswith("R-") and audit[0][0] == 1
    assert "INSERT INTO public.consent_tombstone" in dump  # the dump really holds the data


def dump_and_ledger(url):
    dump = subprocess.run(
        ["pg_dump", "--data-only", "--inserts", url.replace("postgres://", "postgresql://")],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    tombstones = query(url, "SELECT request_ref FROM consent_tombstone")
    audit = query(url, "SELECT count(*) FROM consent_auditevent WHERE action = 'subject_destroy'")
    return dump, tombstones, audit
