"""What the outbox sends is decided when it is sent, not when it was queued (compliance L12,
L15): a mail waits in the outbox while the mail server is down or the queue is long, and what
happened to its person meanwhile may contradict it. A parent's access answer for a child
blocked since went out with the child's data; a newsletter confirmation link went to a person
who unsubscribed or was blocked after it was queued, asking them to confirm what its button
then refused. The sender now holds each such mail back; the same mails to people nothing
happened to go.

Real parts: the outbox in PostgreSQL, `manage.py send_queued_mail` in a process of its own, and
aiosmtpd on loopback (as tests/core/test_blocked_mail.py).
"""

import pytest

from tests.live import live_database, run_case, smtp_relay

pytestmark = [pytest.mark.live, pytest.mark.django_db]
PARENTS = {"blocked": "parent.blocked@example.kz", "free": "parent.free@example.kz"}
READERS = {"unsubscribed": "unsub@example.kz", "blocked": "reader.blocked@example.kz",
           "subscribed": "reader.free@example.kz"}  # fmt: skip


def queue_then_contradict():
    """Two children's access answers mailed to their parents, two confirmation links to people
    on record and one to a stranger; then one child blocked, one reader unsubscribed and one
    blocked; the sender run, and run again once the blocks are lifted. Per address: what was
    queued with files or a link, and whether it went (status 0) or expired unsent."""
    from django.contrib.auth.models import User
    from django.core.management import call_command
    from django.db.models import Q
    from django.utils import timezone
    from post_office.models import Email

    from consent.core.ledger import (
        consent_grant,
        consent_withdraw_if_given,
        subject_block,
        subject_unblock,
    )
    from consent.core.models import AuditEvent, Guardian, Source, Subject
    from consent.core.purposes import MARKETING, SERVICE
    from consent.core.texts import current_text
    from consent.marketing.optin import optin_start
    from consent.rights.access import ticket_answer_access
    from consent.rights.wards import ward_request

    officer = User.objects.create_superuser("alice", "alice@example.kz", "pw-alice-123456")
    children = {}
    for name, parent in PARENTS.items():
        child = Subject.objects.create(full_name=f"child {name}", email=f"{name}@example.kz",
                                       birth_date="2012-05-17", language="kk")  # fmt: skip
        row = Guardian.objects.create(subject=child, full_name="parent", contact=parent)
        consent_grant(child, current_text(SERVICE), language="kk", source=Source.APPLICATION_FORM,
                      guardian=row)  # fmt: skip
        ticket = ward_request(parent, row.pk, "access", "", "kk")
        ticket_answer_access(ticket, actor=officer)
        children[name] = child
    readers = {}
    for name, address in READERS.items():
        person = Subject.objects.create(full_name=name, email=address, language="ru")
        consent_grant(person, current_text(MARKETING), language="ru", source=Source.NEWSLETTER_FORM)
        optin_start(address, name, "ru")  # signed up again from another page
        readers[name] = person
    optin_start("stranger@example.kz", "stranger", "kk")
    # Meanwhile, the mail server down:
    subject_block(children["blocked"], reason="accuracy disputed", source=Source.ADMIN)
    consent_withdraw_if_given(readers["unsubscribed"], MARKETING, source=Source.UNSUBSCRIBE)
    subject_block(readers["blocked"], reason="accuracy disputed", source=Source.ADMIN)
    Email.objects.update(scheduled_time=None)

    asking = Q(to__contains="stranger@")  # readers are mailed only the confirmation link
    for address in READERS.values():
        asking |= Q(to__contains=address)

    def outbox():
        now = timezone.now()
        return {
            m.to[0]: [m.status, m.expires_at is not None and m.expires_at <= now]
            for m in Email.objects.filter(asking | Q(attachments__isnull=False)).distinct()
        }

    call_command("send_queued_mail")
    first = outbox()
    subject_unblock(children["blocked"], reason="accuracy confirmed", source=Source.ADMIN)
    subject_unblock(readers["blocked"], reason="accuracy confirmed", source=Source.ADMIN)
    call_command("send_queued_mail")
    held_back = list(AuditEvent.objects.filter(action=AuditEvent.Action.ANSWER_HELD_BACK)
                     .values_list("subject_ref", flat=True))  # fmt: skip
    return [first, outbox(), held_back == [children["blocked"].pk]]


def test_mail_an_event_since_contradicts_is_held_back_and_the_rest_goes(django_db_blocker):
    with (
        smtp_relay() as (inbox, smtp_port),
        django_db_blocker.unblock(),
        live_database() as url,
    ):
        mail = f"smtp://127.0.0.1:{smtp_port}"
        first, after_unblock, recorded = run_case(
            url, "tests.rights.test_held_at_sending", "queue_then_contradict", EMAIL_URL=mail
        )
    held, sent = [2, True], [0, False]  # post_office's «queued» (2) and expired; «sent» (0)
    expected = {
        PARENTS["blocked"]: held,
        PARENTS["free"]: sent,
        READERS["unsubscribed"]: held,
        READERS["blocked"]: held,
        READERS["subscribed"]: sent,
        "stranger@example.kz": sent,
    }
    assert first == after_unblock == expected  # lifting the block sends none of them
    # The parent's request records that its answer never went (the officers are told, to send
    # it again once the block is lifted).
    assert recorded
    # The parents' receipts of their requests (a number and a date, none of the child's data,
    # queued before the block) go; what is held back is the answer that carries her files.
    received = {
        message["To"]
        for message in inbox.messages
        if message["To"] not in PARENTS.values() or any(p.get_filename() for p in message.walk())
    }
    assert PARENTS["free"] in received and READERS["subscribed"] in received
    assert not received & {PARENTS["blocked"], READERS["unsubscribed"], READERS["blocked"]}
