"""A block stops processing (Art. 1(3), 25(2)(8); compliance L12), and sending someone
everything held about them is processing: an access answer queued before the block (the mail
server down, the queue long) is held back by the sender when it comes to it, and expires unsent.
A letter without files, the block's own confirmation say, still goes.

Real parts: the outbox in PostgreSQL, `manage.py send_queued_mail` in a process of its own, and
aiosmtpd on loopback, as the suite's other mail tests (tests/core/test_senders.py).
"""

import pytest
from post_office.models import STATUS

from tests.live import live_database, run_case, smtp_relay

pytestmark = [pytest.mark.live, pytest.mark.django_db]


def answer_then_block():
    """Two people's access requests answered; one of them blocked before the sender runs; the
    sender run, and run again once the block is lifted. The outbox's state at each step."""
    from django.contrib.auth.models import User
    from django.core.management import call_command
    from django.utils import timezone
    from post_office.models import Email

    from consent.core.ledger import consent_grant, subject_block, subject_unblock
    from consent.core.mail import queue_mail
    from consent.core.models import Source, Subject
    from consent.core.texts import current_text
    from consent.rights.access import ticket_answer_access
    from consent.rights.models import Ticket
    from consent.rights.tickets import ticket_open, ticket_verify

    officer = User.objects.create_superuser("alice", "alice@example.kz", "pw-alice-123456")
    people = {}
    for name in ("blocked", "free"):
        person = Subject.objects.create(full_name=name, email=f"{name}@example.kz", language="kk")
        consent_grant(person, current_text("service"), language="kk", source=Source.CONTACT_FORM)
        ticket = ticket_open(kind="access", email=person.email, language="kk", channel="email")
        ticket_verify(ticket)
        ticket_answer_access(Ticket.objects.get(pk=ticket.pk), actor=officer)
        people[name] = person
    subject_block(people["blocked"], reason="accuracy disputed", source=Source.ADMIN)
    queue_mail("blocked@example.kz", "ack", {"ack_line": "x", "policy_number": 1},
               language="kk", subject_line="no files")  # fmt: skip
    Email.objects.filter(to__contains="@example.kz").update(scheduled_time=None)

    def outbox():
        now = timezone.now()
        return sorted(
            [m.to[0], m.attachments.count(), m.status,
             m.expires_at is not None and m.expires_at <= now]
            for m in Email.objects.filter(to__contains="@example.kz").exclude(subject="no files")
            .exclude(attachments=None)
        )  # fmt: skip

    call_command("send_queued_mail")
    after_block = outbox()
    subject_unblock(people["blocked"], reason="accuracy confirmed", source=Source.ADMIN)
    call_command("send_queued_mail")
    return [after_block, outbox()]


def test_an_access_answer_to_a_person_blocked_since_is_held_back_and_expires_unsent(
    django_db_blocker,
):
    with (
        smtp_relay() as (inbox, smtp_port),
        django_db_blocker.unblock(),
        live_database() as url,
    ):
        mail = f"smtp://127.0.0.1:{smtp_port}"
        after_block, after_unblock = run_case(
            url, "tests.core.test_blocked_mail", "answer_then_block", EMAIL_URL=mail
        )
    # Held back, never sent, expired: lifting the block does not send the old answer.
    held = ["blocked@example.kz", 2, STATUS.queued, True]
    assert after_block == after_unblock == [held, ["free@example.kz", 2, STATUS.sent, False]]
    received = {}
    for message in inbox.messages:
        files = [part.get_filename() for part in message.walk() if part.get_filename()]
        received.setdefault(message["To"], []).append((message["Subject"], len(files)))
    assert [files for _subject, files in received["free@example.kz"] if files] == [2]
    # The blocked person's letters without files go (here, the one queued after the block).
    assert received["blocked@example.kz"]
    assert all(files == 0 for _subject, files in received["blocked@example.kz"])
