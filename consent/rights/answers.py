"""Carrying out a confirmed request: each type's operation, with its answer to the person in
their language (compliance L10-L14). Opening, confirming and closing are in tickets.py."""

from typing import Any

from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from consent.core import gate
from consent.core.audit import audit
from consent.core.ledger import subject_block, subject_unblock
from consent.core.mail import interpolate, send_without_trace
from consent.core.models import AuditEvent, Source
from consent.core.subjects import clean_email, normalise_phone, subject_find_for_update

from .closing import require_open, ticket_close, ticket_locked
from .disclosure import disclosure_record
from .erasure import subject_destroy, subject_keep_only_for
from .models import Correction, Ticket
from .tickets import Status, Type, _mailable


@transaction.atomic
def ticket_answer(ticket: Ticket, *, answer: str, actor: AbstractBaseUser | None) -> Ticket:
    """Close a request whose outcome staff write themselves (ANSWERED types), and send it."""
    require_open(ticket)
    if not answer.strip():
        raise ValidationError({"answer": _("Write the answer to the person.")})
    return ticket_close(ticket, outcome=answer, actor=actor)


@transaction.atomic
def ticket_correct(
    ticket: Ticket, *, changes: dict[str, object], document: str, actor: AbstractBaseUser | None
) -> Ticket:
    """Apply a correction backed by a document; old and new values are kept with the subject."""
    require_open(ticket)
    if not document.strip():
        raise ValidationError(
            {"document": _("A correction needs a reference to the supporting document.")}
        )
    if changes.get("phone"):  # as every form stores it (E.164), or refused
        try:
            changes = {**changes, "phone": normalise_phone(changes["phone"])}
        except ValidationError as error:
            raise ValidationError({"phone": error.messages}) from error
    if changes.get("email"):
        changes = {**changes, "email": _address_for(ticket, changes["email"])}
    subject = ticket.subject
    changed = []
    for field, value in changes.items():
        old = getattr(subject, field)
        if str(old or "") == str(value or ""):
            continue
        Correction.objects.create(subject=subject, ticket=ticket, field=field,
                                  old_value=str(old or ""), new_value=str(value or ""),
                                  document=document)  # fmt: skip
        setattr(subject, field, value)
        changed.append(field)
    if not changed:
        # The panel shows the data on record: carrying it out unedited told the person "your
        # data has been corrected" while nothing was.
        raise ValidationError(_(
            "Nothing differs from the data on record, so nothing would be corrected. Enter the "
            "corrected values, or refuse with reasons (for example, that the data is already "
            "correct)."
        ))  # fmt: skip
    subject.full_clean()
    subject.save()
    audit(AuditEvent.Action.SUBJECT_EDIT, actor=actor, subject=subject, obj=ticket, fields=changed)
    return ticket_close(ticket, outcome=_("Your data has been corrected."), actor=actor)


def _address_for(ticket: Ticket, typed: str) -> str:
    """The corrected address as every form stores it (clean_email), or refused when someone else
    on record holds it in any letter case: the unique column compares as typed, and two records
    of one mailbox became one person to every lookup, the first one recorded."""
    try:
        email = clean_email(typed)
    except ValidationError as error:
        raise ValidationError({"email": error.messages}) from error
    holder = subject_find_for_update(email=email)
    if holder is not None and holder.pk != ticket.subject_id:
        raise ValidationError({"email": _("Another person on record has this email address.")})
    return email


@transaction.atomic
def ticket_answer_access(ticket: Ticket, *, actor: AbstractBaseUser | None) -> Ticket:
    """Send the person everything held about them, as JSON and PDF, free of charge."""
    from django.core.files.base import ContentFile

    from .export import export_json
    from .readable import export_pdf

    require_open(ticket)
    files = {
        f"{ticket.reference}.json": ContentFile(export_json(ticket.subject, ticket.language)),
        f"{ticket.reference}.pdf": ContentFile(export_pdf(ticket.subject, ticket.language)),
    }
    disclosure_record(ticket.subject, action=AuditEvent.Action.SUBJECT_EXPORT, actor=actor,
                      obj=ticket)  # fmt: skip
    outcome = _("The data we hold about you is attached, as JSON and as PDF.")
    return ticket_close(ticket, outcome=outcome, actor=actor, to=ticket.subject.email,
                         attachments=files)  # fmt: skip


@transaction.atomic
def ticket_block(ticket: Ticket, *, reason: str, actor: AbstractBaseUser | None) -> Ticket:
    require_open(ticket)
    subject_block(ticket.subject, reason=reason, source=Source.ADMIN, actor=actor)
    return ticket_close(ticket, outcome=_("Processing of your data is blocked."), actor=actor)


@transaction.atomic
def ticket_unblock(ticket: Ticket, *, reason: str, actor: AbstractBaseUser | None) -> Ticket:
    require_open(ticket, allowed_when_blocked=True)
    subject_unblock(ticket.subject, reason=reason, source=Source.ADMIN, actor=actor)
    return ticket_close(ticket, outcome=_("Processing of your data is unblocked."), actor=actor)


@transaction.atomic
def ticket_destroy(
    ticket: Ticket,
    *,
    actor: AbstractBaseUser | None,
    outcome: str | Promise | None = None,
    template: str = "request_done",
    detail: dict[str, Any] | None = None,
) -> Ticket:
    """Destroy the subject's data. The request keeps its number and loses the address; the
    confirmation (`template`, saying `outcome`) is sent once the destruction commits, and kept
    nowhere (see mail.py). `detail` adds codes to the request's closing audit row."""
    require_open(ticket, allowed_when_blocked=True)
    email, language, reference = ticket.email, ticket.language, ticket.reference
    subject_destroy(ticket.subject, request_ref=reference, actor=actor)
    ticket.refresh_from_db()
    if outcome is None:
        outcome = _("Your personal data has been destroyed.")
    ticket_close(ticket, outcome=outcome, actor=actor, detail=detail)
    context = {"reference": reference, "ticket": ticket, "outcome": outcome}
    transaction.on_commit(
        lambda: send_without_trace(
            email, template, context, language=language,
            subject_line=interpolate(_("Your request %(ref)s"), {"ref": reference}),
        )
    )  # fmt: skip
    return ticket


@transaction.atomic
def ticket_destroy_instead(
    ticket: Ticket, *, reason: str, actor: AbstractBaseUser | None
) -> Ticket:
    """Answer a correction by destroying the data instead (compliance L11; Art. 14, 25 of Law
    94-V: data that cannot be verified may be destroyed rather than corrected), through the
    one destruction operation. The officer's reason is what the person is told and what the
    request keeps as its outcome; the closing audit row says it was instead of a correction."""
    if ticket.type != Type.CORRECT:
        raise ValidationError(_("Only a correction can be answered by destroying the data."))
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": _("Write why the data cannot be verified.")})
    return ticket_destroy(ticket, actor=actor, outcome=reason, template="request_destroyed_instead",
                          detail={"instead_of": Type.CORRECT})  # fmt: skip


def withdrawal_keeps(ticket: Ticket) -> list[str]:
    """The purposes for which a withdrawal leaves the data in place: those whose consent still
    stands (a block aside). Compliance L14: the data is destroyed only when none is left; a
    withdrawal of every purpose leaves none."""
    if ticket.type != Type.WITHDRAW or not ticket.purpose or ticket.subject_id is None:
        return []
    return gate.consents_standing(ticket.subject)


@transaction.atomic
def ticket_withdraw(ticket: Ticket, *, actor: AbstractBaseUser | None) -> Ticket:
    """Carry out a withdrawal; the gate for the purpose closed at confirmation already. With
    consent for another purpose still standing, the data stays for that purpose only and the
    person is told so; otherwise it is destroyed."""
    require_open(ticket, allowed_when_blocked=True)
    kept = withdrawal_keeps(ticket)
    if not kept:
        return ticket_destroy(ticket, actor=actor)
    # What only the withdrawn purpose needed goes now; the rest stays for the others.
    subject_keep_only_for(ticket.subject, kept, actor=actor)
    with translation.override(ticket.language):
        outcome = _(
            "Your consent for “%(purpose)s” is withdrawn, and we no longer process your data "
            "for it. Your other consents remain in force, so we keep your data only for them."
        ) % {"purpose": ticket.get_purpose_display()}
    return ticket_close(ticket, outcome=outcome, actor=actor, detail={"kept": kept})


@transaction.atomic
def ticket_refuse(ticket: Ticket, *, reason: str, actor: AbstractBaseUser | None) -> Ticket:
    """A reasoned refusal (e.g. Art. 8(2): a law requires keeping the data), sent to the person."""
    require_open(ticket, allowed_when_blocked=True)
    if not reason.strip():
        raise ValidationError({"reason": _("A refusal needs its reasons.")})
    return ticket_close(ticket, outcome=reason, status=Status.REFUSED, actor=actor,
                         template="request_refused")  # fmt: skip


# What the person is told when an officer closes a request they never confirmed.
UNCONFIRMED_OUTCOMES = {
    Status.NOT_CONFIRMED: _(
        "The request was not confirmed through the link we sent within 7 days, so nothing "
        "has been done. If you still want it, please send the request again."
    ),
    Status.NO_DATA: _(
        "We hold no personal data linked to the address the request came from, so there is "
        "nothing to act on. If you gave us another address, please write to us from it."
    ),
}


@transaction.atomic
def ticket_close_unconfirmed(ticket: Ticket, *, actor: AbstractBaseUser | None) -> Ticket:
    """Close a request its sender never confirmed, so that it does not stay open for ever
    (compliance L8, L9): "no data held" at once when no one on record has its address,
    "identity not confirmed" once the link has expired unused (Ticket.closable_as). Nothing
    is done to anyone's data. The person is told in their language: at the address on record,
    or, with no data held, where the "nothing held" note went (a fixed text, nothing typed)."""
    ticket = ticket_locked(ticket)
    status = ticket.closable_as(timezone.now())
    if status is None:
        raise ValidationError(_("The person can still confirm this request through the link: "
                                "it can be closed once the link has expired."))  # fmt: skip
    if status == Status.NOT_CONFIRMED:
        to, notify = ticket.subject.email, bool(ticket.subject.email)
    else:
        to, notify = ticket.email, _mailable(ticket.email)
    return ticket_close(ticket, outcome=UNCONFIRMED_OUTCOMES[status], status=status, to=to,
                        notify=notify, actor=actor, template="request_closed")  # fmt: skip
