"""What every operation on a request goes through: the person's and the request's locks, the
check that the request is open now, and its closing with the answer to the person."""

from collections.abc import Mapping
from typing import Any

from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.core.files.base import File
from django.core.validators import MaxLengthValidator
from django.db import transaction
from django.utils import timezone, translation
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from post_office.models import Email

from consent.common.dates import reader_time
from consent.common.text import REASON_MAX_CHARS, clean_form_text
from consent.core import gate
from consent.core.audit import audit, audited
from consent.core.ledger import subject_lock
from consent.core.mail import interpolate, queue_mail
from consent.core.models import AuditEvent, Subject

from .deadlines import due_for
from .models import Ticket
from .outbox import unsent_answers_withdraw

Status = Ticket.Status
# What the desk is told of a request a parent asked for a child who has come of age since
# (Ticket.outgrown), whatever it tried: carry out, refuse, retype, reopen.
OUTGROWN = _(
    "A parent or guardian asked this for a child who is 18 now by our records, so the parent "
    "no longer acts for them: it can no longer be carried out, refused, given another type or "
    "reopened, and nothing was done. Close it as asked for a child now of age: the parent is "
    "told, without any of the child's data, that the person asks themselves now."
)


def ticket_lock(ticket):
    """Hold the request's person, then the request, until the transaction ends: two officers
    acting on one request at once, an officer and the person's link, or two requests of one
    person (an export and a destruction of the same data), run one after the other. The person
    first, always, as the destruction does (`erasure.subject_destroy`), which closes the
    person's other requests: the other order could deadlock."""
    subject_id = Ticket.objects.filter(pk=ticket.pk).values_list("subject_id", flat=True).get()
    if subject_id is not None:
        subject_lock(Subject(pk=subject_id))
    Ticket.objects.select_for_update(of=("self",)).filter(pk=ticket.pk).values_list("pk").get()


def ticket_locked(ticket):
    """The request's row, locked as `ticket_lock` locks it, read again with its subject."""
    ticket_lock(ticket)
    return Ticket.objects.select_related("subject").get(pk=ticket.pk)


# What an officer who pressed «carry out» on a blocked person's request is told. Not «unblock or
# destroy first, or refuse»: no officer lifts a block or destroys blocked data at will (the
# person's request to unblock does, answers.ticket_unblock; DESTROYS_WHILE_BLOCKED), so what
# is theirs to do with this request is to refuse it, or wait.
BLOCKED_REQUEST = _(
    "Processing of this person's data is blocked, so this request was not carried out: until "
    "the block is lifted, when their request to unblock is answered, it can only be refused "
    "with reasons."
)


def require_open(ticket, *, allowed_when_blocked=False):
    """Refuse unless the request is confirmed and open now. The person and the request are
    locked until the operation's transaction ends (`ticket_lock`) and `ticket` is read again under
    the locks: two officers acting on one request at once (each page read it open) carry it out
    once, and two requests of one person (an export and a destruction) are carried out one
    after the other; the second waits for the first and acts on what it left, or is refused."""
    ticket_lock(ticket)
    ticket.refresh_from_db(fields=["status", "subject"])
    if ticket.status != Status.OPEN or not ticket.holds_data:
        raise ValidationError(_("Only a confirmed, open request can be acted on."))
    if ticket.outgrown:  # the answer would reach the parent of someone now of age
        raise ValidationError(OUTGROWN)
    blocked = ticket.subject_id is not None and gate.is_blocked(ticket.subject)
    if blocked and not allowed_when_blocked:
        # Compliance L12: while blocked, only unblocking or destruction, the person's own access
        # (access.answered_while_blocked), or a reasoned refusal.
        raise ValidationError(BLOCKED_REQUEST)


@transaction.atomic
def ticket_close(
    ticket: Ticket,
    *,
    outcome: str | Promise,
    template: str = "request_done",
    status: str = Status.DONE,
    actor: AbstractBaseUser | None = None,
    to: str | None = None,
    attachments: Mapping[str, File] | None = None,
    detail: dict[str, Any] | None = None,
    notify: bool = True,
    context: Mapping[str, Any] | None = None,
    unproven_address: str | None = None,
    words: str = "",
) -> Ticket:
    """Close the request and answer the person by email in their language (to the request's
    address on record, Ticket.address_on_record, unless `to` names another; no mail without
    `notify`). Not the address the request came from: a correction may have moved the person
    since, and the old mailbox may be someone else's now. `detail` adds
    codes to the audit row; `context`, to the answer's template; `unproven_address`, that the
    request came from an address nobody has shown to be the requester's (an email's From): the
    answer then counts in that budget of the address's limit (core.mail.queue_mail), and one
    the limit holds back is recorded so, `held_back` in the audit row (it read as answered,
    and no letter had gone). `words`,
    what the officer typed beside an answer of fixed text: `with_officer_words`."""
    with translation.override(ticket.language):
        outcome = with_officer_words(outcome, words)  # as the person was told it, in their language
    if words := clean_form_text(words, multiline=True):
        detail = {**(detail or {}), "officer_words": True}
    ticket.status = status
    ticket.closed_at = timezone.now()
    ticket.outcome = outcome
    ticket.save(update_fields=["status", "closed_at", "outcome"])
    if notify and (to := to or ticket.address_on_record):
        context = {**(context or {}), "ticket": ticket, "outcome": outcome}
        queued = ticket_mail(ticket, to, template, context, attachments=attachments,
                             unproven_address=unproven_address)  # fmt: skip
        if queued is None:  # the address's hourly limit held the answer back: not «answered»
            detail = {**(detail or {}), "held_back": True}
    audit(AuditEvent.Action.REQUEST_CLOSE, actor=actor, subject=ticket.subject, obj=ticket,
          logged=True, status=status, **(detail or {}))  # fmt: skip
    return ticket


def ticket_mail(
    ticket: Ticket, to: str, template: str, context: Mapping[str, Any], *,
    subject_line: str | Promise | None = None, **options: Any,
) -> Email | None:  # fmt: skip
    """A mail about `ticket` to `to`, its person's address or the parent's or guardian's acting
    for them: in the request's language unless `options` name another, under «Your request
    № …» unless `subject_line`; one written to a parent for a child is held by the sender once
    the child is 18 (Ticket.for_child). `options`: core.mail.queue_mail's. The mail queued, or
    None when the per-address limit held it back."""
    options.setdefault("language", ticket.language)
    line = subject_line or interpolate(_("Your request %(ref)s"), {"ref": ticket.reference})
    return queue_mail(to, template, dict(context), subject_line=line,
                      for_child=ticket.for_child, **options)  # fmt: skip


def tell_old_address(ticket: Ticket, old: str) -> None:
    """Tell the address a correction replaced that the address on record changed, in the
    person's language: the answer goes to the new one only, so a person whose mailbox was taken
    over, and a correction asked in their name, would never have learnt of it. The new address
    is not named (its owner may not be the person). Mail to the old address stays the person's
    (mailed.py), destroyed with their record."""
    queue_mail(old, "address_changed", {"ticket": ticket}, language=ticket.subject.language,
               subject_line=_("The email address on record has changed"))  # fmt: skip


def with_officer_words(outcome: str | Promise, words: str) -> str:
    """The one home of the officer's own words in an answer: the operation's fixed text (in the
    language active, the person's), then what the officer typed, set apart under a heading of
    its own, as the person reads it in the letter and the request keeps it as its outcome."""
    outcome, words = str(outcome), clean_form_text(words, multiline=True)
    if not words:
        return outcome
    heading = str(_("From the staff member who handled your request:"))
    return f"{outcome}\n\n{heading}\n{words}" if outcome else f"{heading}\n{words}"


# Why a request was reopened without an officer's words (erasure.outbox_copies_delete): codes in
# its audit row, read on the desk in the officer's language.
REOPEN_CAUSES = {
    "corrected": _(
        "Its answer never went out: the person's data was corrected before the letter was sent, "
        "and a letter holding the old data is not sent. Send a new answer."
    ),
    "minimised": _(
        "Its answer never went out: part of the person's data was erased before the letter was "
        "sent, and a letter holding it is not sent. Send a new answer."
    ),
}


def reopen_refusal(ticket: Ticket) -> Promise | None:
    """Why `ticket` cannot be reopened (ticket_reopen), or None when it can: it must be closed,
    and reopened have something to act on: the person confirmed it and is still on record."""
    if ticket.is_open or ticket.is_filed:
        return _("Only a closed request can be reopened.")
    if ticket.outgrown:
        return OUTGROWN
    if ticket.subject_id is None and not (ticket.as_guardian and ticket.email):
        return _("No data is held for this request's person any more (destroyed, or never on "
                 "record), so there is nothing to act on.")  # fmt: skip
    if ticket.verified_at is None:
        return _("The person never confirmed this request, so it cannot be reopened; they can "
                 "send it again.")  # fmt: skip
    return None


@transaction.atomic
def ticket_reopen(
    ticket: Ticket,
    *,
    reason: str = "",
    cause: str = "",
    actor: AbstractBaseUser | None,
    closed_at: str | None = None,
) -> Ticket:
    """Put a closed request back among the open ones (closed by mistake, or its answer never
    reached the person), to be carried out again. Its due date is the law's, counted from
    receipt: reopening does not extend it (compliance L8), but a change of the working-day
    calendar since it was answered, which left it the date it was judged by, moves it now as it
    moves every open request's (recount.deadlines_recount): it kept a day the calendar no longer
    gave (a Saturday made working since, due a day later than the law), until the next change
    of any day moved it. `due_moved_from`, on the request returned, is the date it had then
    (None when it stands). Needs the officer's
    `reason` (kept on the request, `Ticket.reopen_reasons`), or a `cause` of REOPEN_CAUSES when
    the system reopens it; only a request the person confirmed, whose person is still on
    record, can be reopened: anything else would have nothing to act on, or no one to act for.
    `closed_at` is the closing time the officer's page showed (ISO 8601): a request reopened and
    closed again since (by a colleague) is not reopened on the strength of the older page. An
    access answer still waiting in the outbox is withdrawn (outbox.unsent_answers_withdraw)."""
    ticket = ticket_locked(ticket)
    reason = clean_form_text(reason, multiline=True)  # a zero-width space is no reason
    if not reason and cause not in REOPEN_CAUSES:
        raise ValidationError({"reason": _("Write why the request is reopened.")})
    MaxLengthValidator(REASON_MAX_CHARS)(reason)  # the request keeps it, shown on its page
    refusal = reopen_refusal(ticket)
    if refusal is not None:
        raise ValidationError(refusal)
    if closed_at is not None and closed_at != (ticket.closed_at and ticket.closed_at.isoformat()):
        raise ValidationError(_("The request was closed again at %(time)s, after this page was "
                                "opened, so it was not reopened. Read it again first.")
                              % {"time": reader_time(ticket.closed_at)})  # fmt: skip
    if ticket.type == Ticket.Type.ACCESS:
        unsent_answers_withdraw(ticket)  # carried out again, it is answered once, afresh
    old, due = ticket.status, due_for(ticket.type, ticket.received_at)
    moved = ticket.due_date if due != ticket.due_date else None
    row = audit(AuditEvent.Action.REQUEST_REOPEN, actor=actor, subject=ticket.subject, obj=ticket,
                logged=True, old_status=old, due=due.isoformat(),
                **({"old_due": moved.isoformat()} if moved else {}),
                **({"reason_written": True} if reason else {"cause": cause}))  # fmt: skip
    ticket.status, ticket.closed_at, ticket.due_date = Status.OPEN, None, due
    ticket.due_moved_from = moved
    if reason:  # the officer's words stay with the request, to go with the person's data
        ticket.reopen_reasons = {**ticket.reopen_reasons, str(row.pk): reason}
    ticket.save(update_fields=["status", "closed_at", "due_date", "reopen_reasons"])
    return ticket


def reopenings(ticket: Ticket) -> list[dict[str, Any]]:
    """Each time the request was reopened, oldest first: when, by whom, and why (the officer's
    words, or the cause in the reader's language)."""
    events = audited(AuditEvent.Action.REQUEST_REOPEN, ticket)
    # An audit row written before the reasons were kept on the request holds its reason itself.
    return [{"at": e.at, "by": e.actor_label,
             "why": ticket.reopen_reasons.get(str(e.pk)) or e.detail.get("reason")
             or REOPEN_CAUSES.get(e.detail.get("cause"), "")}
            for e in events]  # fmt: skip
