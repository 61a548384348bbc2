"""Carrying out a confirmed request: each type's operation, with its answer to the person in
their language (compliance L10-L14). Opening, confirming and closing are in tickets.py."""

from typing import Any

from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from consent.common.dates import local_date
from consent.common.text import clean_form_text
from consent.core import gate
from consent.core.audit import audit
from consent.core.ledger import subject_block, subject_unblock
from consent.core.models import AuditEvent, Source, Subject
from consent.core.phones import normalise_phone
from consent.core.purposes import DATA_FIELDS
from consent.core.subjects import address_lookup_key, clean_birth_date, clean_email, held_by_other

from .closing import require_open, tell_old_address, ticket_close, ticket_locked
from .corrected_age import counted, told_stopped
from .corrected_told import corrected_told
from .destroyed_told import destroyed_tell
from .erasure import (
    ERASED,
    guardian_erase,
    outbox_copies_delete,
    subject_destroy,
    subject_minimise,
)
from .expiring import unconfirmed_outcome
from .models import Correction, Ticket
from .tickets import Status, Type, _mailable
from .withdrawals_held import refusal_kept


@transaction.atomic
def ticket_answer(ticket: Ticket, *, answer: str, actor: AbstractBaseUser | None) -> Ticket:
    """Close a request whose outcome staff write themselves (ANSWERED types), and send it."""
    require_open(ticket)
    if not answer.strip():
        raise ValidationError({"answer": _("Write the answer to the person.")})
    return ticket_close(ticket, outcome=answer, actor=actor)


@transaction.atomic
def ticket_correct(
    ticket: Ticket,
    *,
    changes: dict[str, object],
    document: str,
    actor: AbstractBaseUser | None,
    words: str = "",
) -> Ticket:
    """Apply a correction backed by a document; old and new values are kept with the subject.
    An item removed at the person's request is erased as minimisation erases it (Art. 18;
    compliance L11, L13): from the record, the forms' data and the earlier corrections of it,
    with a tombstone for `tombstones reapply`; its correction row says «removed», not what it
    was."""
    require_open(ticket)
    if not document.strip():
        raise ValidationError(
            {"document": _("A correction needs a reference to the supporting document.")}
        )
    changes = {field: _corrected(field, value) for field, value in changes.items()}
    subject = ticket.subject
    before = counted(subject)  # what a corrected date of birth may stop (corrected_age.py)
    changed, cleared, old_email = [], [], subject.email
    for field, value in changes.items():
        old = getattr(subject, field)
        if str(old or "") == str(value or ""):
            continue
        if value == ERASED[field]:
            _refuse_clearing(subject, field)
            cleared.append(field)
            changed.append(field)
            continue
        if field == "email" and held_by_other(subject, value):  # under the address's lock
            # One address, one person: the unique column compares letter case, lookups do not.
            raise ValidationError({"email": _(
                "Another person on record holds this address, and an address belongs to one "
                "person only. Check the address and the document."
            )})  # fmt: skip
        if field == "birth_date" and value > (since := local_date(subject.created_at)):
            # Only a typo puts a birth after the day the person's data reached us; stored, it
            # made an adult a newborn to the gate, and every consent they gave stopped.
            raise ValidationError({"birth_date": _(
                "We first received this person's data on %(date)s; they cannot have been born "
                "after that. Check the date of birth and the document."
            ) % {"date": date_format(since)}})  # fmt: skip
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
    if cleared:
        subject_minimise(subject, set(DATA_FIELDS) - set(cleared), request_ref=ticket.reference,
                         actor=actor)  # fmt: skip
        for field in cleared:
            Correction.objects.create(subject=subject, ticket=ticket, field=field,
                                      document=document)  # fmt: skip
    # An answer mailed before holds what was just corrected.
    outbox_copies_delete(subject, cause="corrected", actor=actor)
    audit(AuditEvent.Action.SUBJECT_EDIT, actor=actor, subject=subject, obj=ticket, fields=changed,
          **({"cleared": cleared} if cleared else {}))  # fmt: skip
    stopped = before - counted(subject)
    outcome = corrected_told(
        of_whom(
            ticket, _("Your data has been corrected."), _("The child's data has been corrected.")
        ),
        changed,
        cleared,
    )
    detail = {"stopped": sorted(stopped)} if stopped else None
    ticket = ticket_close(ticket, outcome=told_stopped(outcome, stopped, ticket), actor=actor,
                          words=words, detail=detail)  # fmt: skip
    ticket.consents_stopped = sorted(stopped)  # told to the officer (corrected_age.officer_told)
    old_key = address_lookup_key(old_email)
    moved = "email" in changed and old_key not in ("", address_lookup_key(subject.email))
    if moved and "email" not in cleared:  # a new spelling of the same mailbox moves nothing
        tell_old_address(ticket, old_email)
    return ticket


def _corrected(field: str, value: object) -> object:
    """A corrected value as every form stores it: a phone number in E.164, an address in its
    one normalised form (or refused), a name or a place as a form's text (no invisible
    character, such as a bidi override pasted from a letter, which made the name read
    otherwise on the desk than it is stored), a date of birth as a form takes it, and an emptied
    field as erasure leaves it."""
    if isinstance(value, str) and field not in ("phone", "email"):
        value = clean_form_text(value, multiline=False)
    if value in (None, ""):
        return ERASED[field]
    try:
        if field == "phone":
            return normalise_phone(value)
        if field == "email":
            return clean_email(value)
        if field == "birth_date":
            return clean_birth_date(value)
    except ValidationError as error:
        raise ValidationError({field: error.messages}) from error
    return value


def _refuse_clearing(subject: Subject, field: str) -> None:
    """A field that may be corrected but not removed (every other one may be, on request)."""
    if field == "email":
        raise ValidationError({"email": _(
            "The email address cannot be removed: it is how the person is recognised and "
            "answered. Enter the corrected address, or destroy the data instead if no address "
            "may be kept."
        )})  # fmt: skip
    if field == "birth_date" and gate.needs_guardian(subject):
        raise ValidationError({"birth_date": _(
            "The date of birth cannot be removed while it shows the person is under 18: their "
            "consents stand only with a parent's or guardian's. Enter the corrected date."
        )})  # fmt: skip


@transaction.atomic
def ticket_block(
    ticket: Ticket, *, reason: str, actor: AbstractBaseUser | None, words: str = ""
) -> Ticket:
    """Block processing (compliance L12). A person already blocked (a second request to block,
    or one reopened since its answer) is told that it is blocked, and the block stands as it
    was: refusing was all the desk allowed, which told them their request was refused."""
    require_open(ticket, allowed_when_blocked=True)
    outcome = of_whom(ticket, _("Processing of your data is blocked."),
                      _("Processing of the child's data is blocked."))  # fmt: skip
    if gate.is_blocked(ticket.subject):
        return ticket_close(ticket, outcome=outcome, actor=actor,
                            detail={"already_blocked": True}, words=words)  # fmt: skip
    subject_block(ticket.subject, reason=reason, source=Source.ADMIN, actor=actor)
    return ticket_close(ticket, outcome=outcome, actor=actor, words=words)


@transaction.atomic
def ticket_unblock(
    ticket: Ticket, *, reason: str, actor: AbstractBaseUser | None, words: str = ""
) -> Ticket:
    require_open(ticket, allowed_when_blocked=True)
    subject_unblock(ticket.subject, reason=reason, source=Source.ADMIN, actor=actor)
    return ticket_close(ticket, outcome=_("Processing of your data is unblocked."), actor=actor,
                        words=words)  # fmt: skip


def of_whom(ticket: Ticket, own: Promise, childs: Promise) -> Promise:
    """An answer's words about the person's data, or, for a request their parent or guardian
    asked for them (`Ticket.guardian`, answered at the parent's address), about the child's."""
    return childs if ticket.guardian_id else own


# Compliance L12 (Art. 25(2)(8)): what may destroy a blocked person's data. The person's own
# request to destroy it, or to withdraw consent (which destroys it when no consent is left), and
# the end of the block with a finding that the processing was unlawful, written on the person's
# request to unblock. A correction is not one: data that cannot be verified is left blocked.
DESTROYS_WHILE_BLOCKED = (Type.DESTROY, Type.WITHDRAW, Type.UNBLOCK)
BLOCKED_DESTRUCTION = _(
    "Processing of this person's data is blocked. Blocked data is destroyed only at the "
    "person's own request, or when the block ends with a finding that the processing was "
    "unlawful (answer their request to unblock so). Until then, this request can only be "
    "refused with reasons."
)


# What was destroyed: the record of this address. A person may be on record under another address
# too (only an address links a request to a record, compliance L9): the letter says how to reach
# that (`under_address`), never that all their data is gone.
DESTROYED_UNDER_ADDRESS = _("We have destroyed the personal data we held under this email address.")


@transaction.atomic
def ticket_destroy(
    ticket: Ticket,
    *,
    actor: AbstractBaseUser | None,
    outcome: str | Promise | None = None,
    template: str = "request_done",
    detail: dict[str, Any] | None = None,
    words: str = "",
) -> Ticket:
    """Destroy the subject's data. The request keeps its number and loses the address; the
    confirmation (`template`, saying `outcome`) is sent once the destruction commits, and kept
    nowhere (see mail.py). `detail` adds codes to the request's closing audit row."""
    require_open(ticket, allowed_when_blocked=True)
    if gate.is_blocked(ticket.subject):
        # Compliance L12: blocked data is destroyed only at the person's request (a destruction
        # or a withdrawal) or on a finding of unlawful processing (ticket_destroy_unlawful);
        # the closing audit row says it was blocked.
        if ticket.type not in DESTROYS_WHILE_BLOCKED:
            raise ValidationError(BLOCKED_DESTRUCTION)
        detail = {**(detail or {}), "blocked": True}
    # To the address on record (a parent's for a child), as closing.ticket_close answers: not
    # the one the request came from, which a correction may have given to someone else since.
    email, language, reference = ticket.address_on_record, ticket.language, ticket.reference
    subject, own = ticket.subject, ticket.is_own
    if outcome is None:
        outcome = DESTROYED_UNDER_ADDRESS
    # Closed first, then destroyed with the person's other requests: the answer (the officer's
    # words, a reason, a finding) reaches the person in the letter and stays nowhere, as nothing
    # else they or the officer wrote about them does (forgetting.requests_forget).
    ticket_close(ticket, outcome=outcome, actor=actor, detail=detail, words=words, notify=False)
    # Another address of theirs is the person's to think of, not a parent's asking for a child.
    context = {"reference": reference, "ticket": ticket, "outcome": ticket.outcome,
               "under_address": own}  # fmt: skip
    if ticket.as_guardian:  # what they gave as a parent or guardian goes with their record
        guardian_erase(email, request_ref=reference, actor=actor)
    subject_destroy(subject, request_ref=reference, actor=actor)
    destroyed_tell(ticket, email, context, language=language, actor=actor, template=template)
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


@transaction.atomic
def ticket_destroy_unlawful(
    ticket: Ticket, *, reason: str, actor: AbstractBaseUser | None
) -> Ticket:
    """End a block by destroying the data, the check it was for having found the processing
    unlawful (compliance L12, L13; Art. 25(2)(8) of Law 94-V), in answer to the person's request
    to unblock. The officer's finding is what the person is told and what the request keeps as
    its outcome; the closing audit row says `unlawful`."""
    if ticket.type != Type.UNBLOCK:
        raise ValidationError(_("Only a request to unblock can end a block by destroying the "
                                "data."))  # fmt: skip
    require_open(ticket, allowed_when_blocked=True)
    if not gate.is_blocked(ticket.subject):
        raise ValidationError(_("Processing of this person's data is not blocked."))
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": _("Write the finding: why the processing was "
                                           "unlawful.")})  # fmt: skip
    return ticket_destroy(ticket, actor=actor, outcome=reason, detail={"unlawful": True})


@transaction.atomic
def ticket_refuse(ticket: Ticket, *, reason: str, actor: AbstractBaseUser | None) -> Ticket:
    """A reasoned refusal (e.g. Art. 8(2): a law requires keeping the data), sent to the person;
    never of what the law leaves no room to refuse (Ticket.refusable)."""
    require_open(ticket, allowed_when_blocked=True)
    if not ticket.refusable:
        raise ValidationError(Ticket.NOT_REFUSABLE, code="not_refusable")
    if not reason.strip():
        raise ValidationError({"reason": _("A refusal needs its reasons.")})
    # A withdrawal's letter says what was withdrawn and until when the data stays: «we cannot
    # carry out your request» was untrue of a gate closed at confirmation (compliance L14).
    withdrawn = refusal_kept(ticket) if ticket.type == Type.WITHDRAW else {}
    return ticket_close(ticket, outcome=reason, status=Status.REFUSED, actor=actor,
                        template="request_refused", context={"withdrawn": withdrawn})  # fmt: skip


# What the person is told when an officer closes a request they never confirmed.
@transaction.atomic
def ticket_close_unconfirmed(ticket: Ticket, *, actor: AbstractBaseUser | None) -> Ticket:
    """Close a request its sender never confirmed, so that it does not stay open for ever
    (compliance L8, L9): "no data held" at once when no one on record has its address,
    "identity not confirmed" once the link has expired unused, or a week after it was opened
    when the mail limit held the link back (Ticket.closable_as, the night's rule too). Nothing
    is done to anyone's data. Who is told, in the person's language: for "no data held", the
    address it came from, where the "nothing held" note went (a fixed text, nothing typed); for
    "identity not confirmed", the address on record, only when a link went there (one held back
    every time is not written to, as the night writes to none: expiring.py); for a letter
    closed without action, no one."""
    ticket = ticket_locked(ticket)
    status = ticket.closable_as(timezone.now())
    if status is None:
        raise ValidationError(_("The person can still confirm this request through the link: "
                                "it can be closed once the link has expired."))  # fmt: skip
    if status == Status.CLOSED:  # forwarded: its sender was told all they are told (tickets.py)
        to, notify = None, False
    elif status == Status.NOT_CONFIRMED:
        to = ticket.address_on_record
        notify = bool(to) and ticket.link_sent_at is not None
    else:
        to, notify = ticket.email, _mailable(ticket.email)
    return ticket_close(ticket, outcome=unconfirmed_outcome(ticket, status), status=status, to=to,
                        notify=notify, actor=actor, template="request_closed")  # fmt: skip
