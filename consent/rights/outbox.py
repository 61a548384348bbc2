"""The outbox's copies of the access answers: their files are deleted, and the letters that
carried them expire, when what they hold must not be sent (erasure, retention) or a new answer
replaces one still waiting (closing.ticket_reopen, access.ticket_resend_access), or past their
time (`drop_outbox_attachments`); the mail a destruction takes (`mail_delete`, of what mailed.py
finds); and what the nightly retention prunes of the outbox (`outbox_prune`)."""

from datetime import datetime, timedelta

from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from post_office.models import STATUS, Attachment, Email

from consent.common.text import whole_number
from consent.core.audit import audit
from consent.core.files import file_delete
from consent.core.models import AuditEvent
from consent.core.staff import staff_notices_prune

from .alerts import notify_answer_held_back
from .models import Ticket

# An access answer carries everything held about the person; once delivered, the outbox keeps
# its attachments a week (for a resend of that copy), not for as long as it keeps the mail. One
# given up on (every retry failed: a full or closed mailbox) keeps them a month, for staff to
# requeue it once the cause is known; after that a new answer is made from the data held then
# (the request's "send the answer again"), not an old copy kept without end.
SENT_ATTACHMENTS_KEPT = timedelta(days=7)
FAILED_ATTACHMENTS_KEPT = timedelta(days=30)


@transaction.atomic  # the mails expired and their files gone, or neither (a database gone between)
def attachments_delete(attachments: QuerySet[Attachment]) -> list:
    """Delete outbox attachments (the access answers) and return their files, for the caller
    to delete with `core.files.file_delete`. The mails they went with expire at once
    (post_office's `expires_at`, which the sender and the outbox's resend respect): their
    letter says that the files are attached, and it never goes out again without them. The
    person's data is sent again only as a new answer (`access.ticket_resend_access`)."""
    gone = Attachment.objects.filter(pk__in=attachments.values("pk"))
    Email.objects.filter(attachments__in=gone).update(expires_at=timezone.now())
    files = [(a.file.storage, a.file.name) for a in gone if a.file]
    gone.delete()
    return files


def mail_delete(mailed: Q) -> list:
    """Delete the outbox mail `mailed` finds (post_office's Email, sent or waiting, with its
    delivery logs) and the attachments no one else's mail shares; returns those files, to
    delete with the transaction (core.files.file_delete)."""
    # Their rows locked before their logs are read: a sender recording a mail's outcome (its
    # log row) meanwhile commits first, and its log goes too, or finds the mail gone
    # (core.claims.settle). Read before the lock, a log written meanwhile failed the commit.
    locked = Email.objects.filter(mailed).select_for_update(of=("self",)).values_list("pk")
    emails = Email.objects.filter(pk__in=[pk for (pk,) in locked])
    files = mail_attachments_delete(emails)
    emails.delete()
    return files


def mail_attachments_delete(emails) -> list:
    """Delete the attachments of `emails` (the access answers) that no other mail shares;
    returns their files, to delete once the transaction commits."""
    return attachments_delete(Attachment.objects.filter(emails__in=emails).exclude(
        emails__in=Email.objects.exclude(pk__in=emails)  # shared with someone else's mail
    ))  # fmt: skip


def unsent_answers_withdraw(ticket: Ticket) -> None:
    """Withdraw the request's access answers not delivered: waiting in the outbox (a mail
    server down or refusing), or failed, which staff could put back in the queue. Their letters
    expire and their files go with the transaction, as in `attachments_delete`. A new answer
    replaces them, made from the data held when it is made (closing.ticket_reopen,
    access.ticket_resend_access): otherwise the old letter went out too once the server was
    back, and the person received two answers, one of old data."""
    unsent = Email.objects.exclude(status=STATUS.sent)
    answers = Attachment.objects.filter(emails__in=unsent, name__in=ticket.answer_files)
    for storage, name in attachments_delete(answers):
        file_delete(storage, name)


def answers_held_back(names: set[str], **_signal) -> None:
    """The sender held back letters carrying these files for a person blocked since they were
    made (core.outbox_signals.files_mail_held_back): an access request they answered stays answered
    on paper, but its answer never reached the person. Each such request records it (shown on
    its page, until a new answer is sent) and the officers are told, so that the answer is sent
    again once the block is lifted."""
    # «R-12.pdf» is request 12's (Ticket.answer_files); its number read by the one rule.
    stems = [name.rpartition(".")[0] for name in names]
    numbers = {whole_number(stem.removeprefix(Ticket.REFERENCE_PREFIX)) for stem in stems}
    answered = Ticket.objects.filter(type=Ticket.Type.ACCESS, status=Ticket.Status.DONE,
                                     pk__in=numbers - {None})  # fmt: skip
    for ticket in answered.select_related("subject"):
        if not ticket.answer_files & names:
            continue
        audit(AuditEvent.Action.ANSWER_HELD_BACK, subject=ticket.subject, obj=ticket)
        notify_answer_held_back(ticket)


def drop_outbox_attachments(at: datetime) -> None:
    """Delete attachments (rows and files) whose every email was sent SENT_ATTACHMENTS_KEPT or
    failed FAILED_ATTACHMENTS_KEPT before `at`, or expired unsent (held back by the sender for a
    person blocked since, `core.withheld.blocked_files`), and attachments no email refers to any
    more; their emails are never sent again without them (`outbox.attachments_delete`)."""
    kept = (
        Email.objects.exclude(status=STATUS.sent, last_updated__lt=at - SENT_ATTACHMENTS_KEPT)
        .exclude(status=STATUS.failed, last_updated__lt=at - FAILED_ATTACHMENTS_KEPT)
        .exclude(~Q(status=STATUS.sent), expires_at__lte=at)
    )
    for storage, name in attachments_delete(Attachment.objects.exclude(emails__in=kept)):
        file_delete(storage, name)


def outbox_prune(at: datetime) -> None:
    """What the nightly retention deletes of the outbox at `at`: the access answers' files
    (`drop_outbox_attachments`) and the notices to staff past their time
    (core.staff.staff_notices_prune)."""
    drop_outbox_attachments(at)
    staff_notices_prune(at)
