"""Data-subject requests: open, verify, carry out, answer — each with its legal due date."""

from datetime import datetime
from typing import Any

from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from consent.common.dates import received_time
from consent.common.link_secrets import redact
from consent.core.audit import audit
from consent.core.guardians import acts_for_any, held_at
from consent.core.mail import LINKS, NOTES, queue_mail, unproven_address_over_limit
from consent.core.models import AuditEvent, Guardian, Subject
from consent.core.purposes import MARKETING, PURPOSES, purposes_named
from consent.core.subjects import clean_email, normalise_email, subject_find_for_update

from .alerts import notify_confirmed_late, notify_new_ticket
from .analytics_letters import answer_without_link
from .closing import ticket_locked, ticket_mail
from .deadlines import due_for
from .given_again import given_again, stands_told
from .joining import close_replaced, file_repeat, file_reply, same_request_open
from .limits import stopped
from .links import confirmation_link, verify_subject_line
from .models import QuarantinedMessage, Ticket
from .self_acting import act_on_arrival, on_confirmed
from .stops import request_stop

Type, Status = Ticket.Type, Ticket.Status

# Types that staff close with a written answer (see desk.py for what the answer usually says).
ANSWERED = (Type.PUBLICATION_REMOVAL, Type.TRANSFER_NOTICE, Type.AUTOMATED_OBJECTION, Type.OTHER)
PURPOSE_ONLY_FOR_WITHDRAWAL = _("A purpose is chosen only for a withdrawal of consent.")


def purpose_for(kind: str, purpose: str) -> str:
    """The purpose a request of `kind` keeps: the one consent a withdrawal stops (every one
    when empty). Any other type names none, and a purpose given with it is refused, whoever
    chose it (an email set aside opened, a type changed, a request opened at the desk, which
    dropped it without a word, so the officer who chose «the news» for a question about them
    was never told it was not kept)."""
    if purpose and (kind != Type.WITHDRAW or purpose not in PURPOSES):
        raise ValidationError(PURPOSE_ONLY_FOR_WITHDRAWAL)
    return purpose


def ticket_create(
    *,
    kind: str,
    subject: Subject | None,
    email: str,
    language: str,
    channel: str,
    received_at: datetime | None = None,
    notify: bool = True,
    audit_detail: dict[str, Any] | None = None,
    actor: AbstractBaseUser | None = None,
    **fields: Any,
) -> Ticket:
    """The one place a ticket row is made: its due date counted from the local day of receipt
    (Asia/Almaty; never after now: `received_time`), its audit row (with the staff member who
    opened it, if one did), and the officers' notice. `fields` are further Ticket fields
    (status, message, verified_at, ...). A message is kept without the secret of any emailed
    link in it (a reply quoting the mail of a link, a link pasted in the form): kept for years
    and read on the desk, it was a link that still acted for the person (their page within its
    hour, their request's confirmation, their unsubscribe for a year)."""
    received_at = received_time(received_at)
    if "message" in fields:
        fields["message"] = redact(fields["message"])
    ticket = Ticket.objects.create(
        type=kind, subject=subject, email=email, language=language, channel=channel,
        received_at=received_at, due_date=due_for(kind, received_at), **fields,
    )  # fmt: skip
    audit(AuditEvent.Action.REQUEST_OPEN, actor=actor, subject=subject, obj=ticket, type=kind,
          logged=True, channel=channel, **(audit_detail or {}))  # fmt: skip
    if notify:
        notify_new_ticket(ticket)
    return ticket


@transaction.atomic
def ticket_open(
    *,
    kind: str,
    email: str,
    language: str,
    channel: str,
    purpose: str = "",
    message: str = "",
    received_at: datetime | None = None,
    message_id: str | None = None,
    letter_key: str | None = None,
    actor: AbstractBaseUser | None = None,
    audit_detail: dict[str, Any] | None = None,
    unsubscribe: bool = False,
    regarding: Ticket | None = None,
    files: int = 0,
    about_someone_else: bool = False,
    acts: bool = True,
    limits: dict | None = None,
    asked_whether: bool = False,
    reply_to: str = "",
    withdraws: str | None = None,
    guardian: Guardian | None = None,
    replaces: bool = False,
) -> Ticket:
    """Record a request and send the confirmation link to the address on record. `actor` is the
    staff member who opened it by hand, if one did; `unsubscribe`, that the letter also asks to
    stop news and offers (intake.recognise); `regarding`, the earlier request of the same address
    an emailed reply quotes (threads.replied_to; `joining.file_reply`); `files`, how many files
    the email carried, none kept: its answer says so; `about_someone_else`, that the letter asks
    about someone else ("other" for the officer, never filed); not `acts`, that an emailed
    withdrawal or unsubscribe waits for the link; `limits`, what the letter's words kept it from
    doing as asked (limits.narrowed: the officer's to read, never filed); `asked_whether`, that
    it asks whether it can be done (the mail says how: intake.recognise); `reply_to`, the other
    address a letter's Reply-To names, shown to the officer and never written to; `withdraws`,
    what a withdrawal beside another right stops on arrival (also.withdrawn_beside);
    `replaces`, that an emailed reply says it changes the request it answers (changed.py);
    `guardian`, the parent's row when an officer opens it for a parent asking for their child
    (desk_open.ticket_open_at_desk): filed under the child's record, its link and answer at the
    parent's address (`Ticket.guardian`), as the parent's page files theirs.

    Whether or not the address is known, the requester sees the same answer; the link goes
    only to an address the operator already holds (Art. 24; compliance L9).
    """
    email = normalise_email(email) or ""
    # What may join an open request reads the person under the address's lock, one at a time
    # (`same_request_open`). Not what staff open: the desk holds the person's row already.
    joins = channel in (Ticket.Channel.EMAIL, Ticket.Channel.WEB) and actor is None
    locked = subject_find_for_update(email=email) if joins else None  # the address's lock first
    if guardian is not None:
        subject, as_guardian = guardian.subject, False
    else:  # the person at the address as read under its lock, not read once more
        subject, as_guardian = held_at(email, locked) if joins else held_at(email)
    filed = False
    stops_now = kind == Type.WITHDRAW or unsubscribe or withdraws is not None
    if (regarding is not None and subject is not None and kind == Type.OTHER
            and not (unsubscribe or about_someone_else or limits)):  # fmt: skip
        # Read again under its lock: an officer may be closing it. Filed only with a request of
        # the sender's own record: the answer may carry its confirmation link, which confirms
        # nothing for no one on record, and must reach only the person on record who made it.
        regarding = ticket_locked(regarding)
        filed = regarding.is_open and regarding.subject_id == subject.pk
    repeated = None
    # The same request mailed or sent by the web form again while the first is open joins it
    # (joining.py); not an unsubscribe mailed from an address on record, carried out as it
    # arrives (`self_acting.acts_on_arrival`; the form's waits for its link), nor one opened by
    # staff, who see the open request on the desk. On arrival: from an address on record (a person's
    # own, or a parent's for a child); the desk says a withdrawal beside another took effect.
    on_arrival = acts and channel == Ticket.Channel.EMAIL and (subject is not None or as_guardian)
    done_on_arrival = on_arrival and kind == Type.UNSUBSCRIBE
    limits = {**limits, "withdrew": True} if on_arrival and withdraws is not None else limits
    if joins and not (filed or about_someone_else or done_on_arrival or limits):
        repeated = same_request_open(kind, purpose, subject, email, message, locked=True)
        regarding = repeated or regarding
    audit_detail = {**(audit_detail or {}), **({"files": files} if files else {})}  # the desk's
    answered = any(map((limits or {}).get, Ticket.ANSWERED_AT_ONCE))  # no link (Ticket's)
    # Its answer counted in the address's budget of notes before the row is made, which says from
    # the start when none goes (links.link_unsent): «its sender was sent a receipt» was the desk's
    # word of every one, the limit's or an address no mail reaches notwithstanding.
    if answered and (not _mailable(email) or unproven_address_over_limit(email, NOTES)):
        limits = {**(limits or {}), "untold": True}
    # The link's time in the row, as it is made: an update after it, for an address on record
    # only, made the form slower for a customer's address than for a stranger's (links.py).
    held = subject is not None or as_guardian
    linked = held and not (filed or repeated or done_on_arrival or answered)
    # Counted in the address's budget of links before the row is made, so that a link the
    # limit holds back is never recorded as sent (links.link_held_back: the next try, or an
    # officer, sends it), with no update after: a stranger's answer counts in the same budget.
    on_record = Ticket.address_of(guardian, subject, email, as_guardian) or ""
    goes = linked and not unproven_address_over_limit(on_record, LINKS)
    # What it changes closes once its link is pressed (ticket_verify), never on a letter alone.
    replaces = replaces and regarding is not None and not (filed or repeated or about_someone_else)
    ticket = ticket_create(
        kind=kind, subject=subject, email=email, language=language, channel=channel,
        received_at=received_at, purpose=purpose, message=message[: Ticket.MESSAGE_MAX_LENGTH],
        message_id=message_id, letter_key=letter_key, actor=actor, audit_detail=audit_detail,
        regarding=regarding, notify=not (filed or repeated), about_someone_else=about_someone_else,
        as_guardian=as_guardian, limits=limits or {}, asked_whether=asked_whether,
        reply_to=reply_to, link_sent_at=timezone.now() if goes else None, guardian=guardian,
        replaces=replaces,
    )  # fmt: skip
    if filed:
        file_reply(ticket, files)
    elif repeated is not None:
        if on_arrival and stops_now:
            # Stopped again as it arrives (compliance L14, L15): a consent given since the
            # first letter is withdrawn too. A web form's waits for the link, as its first did.
            request_stop(ticket, stopped(kind, purpose, unsubscribe, withdraws), actor)
        file_repeat(ticket, files)
    elif done_on_arrival:
        act_on_arrival(ticket, files=files)
    elif answered and _mailable(email):
        answer_without_link(ticket, email, stops_now=on_arrival and stops_now, actor=actor)
    elif linked:  # to the address on record: the person's, or the one a parent gave for a child
        # (held back, `goes` false: the stops below take effect all the same)
        template, context = "request_verify", {"files": files}
        if on_arrival and stops_now:
            # Compliance L14, L15, as for an emailed unsubscribe (self_acting.acts_on_arrival): a
            # withdrawal mailed from an address on record stops processing for the purposes it
            # names (all when none) as it arrives, alone or beside another request, and so does
            # an unsubscribe beside one for marketing; the person is told so. What destroys or
            # sends data waits for the link: the request stays unconfirmed, staff cannot act.
            stops = stopped(kind, purpose, unsubscribe, withdraws)
            withdrawn, children = request_stop(ticket, stops, actor)
            # What stopped for each child a parent or guardian acts for (guardianship.py).
            named = [(c, codes) for c, codes in children if codes]
            context["children"] = [(c, purposes_named(codes)) for c, codes in named]
            # «for this purpose» or «for these purposes»: the purposes stopped for them together.
            context["children_purposes"] = len({code for _c, codes in named for code in codes})
            context["purposes"] = [PURPOSES[code].name for code in withdrawn]
            if kind != Type.WITHDRAW:  # one beside the request opened, or an unsubscribe
                context["withdrew"] = withdraws is not None
                context["unsubscribed"] = withdraws is None and MARKETING in withdrawn
            elif subject or acts_for_any(email):
                template = "request_withdrawn" if subject else "request_withdrawn_guardian"
                # Given again since it reached us (a letter set aside, opened later): it stands.
                with translation.override(language):
                    context["stands"] = "\n\n".join(stands_told(given_again(ticket, subject)))
            # A parent named only by a later form (Guardian.acts) stopped no child's consent:
            # asked to confirm as for any request, never told that a child's data will go.
        if goes:  # counted in its budget above
            ticket_mail(
                ticket, ticket.address_on_record, template,
                {"ticket": ticket, **confirmation_link(ticket), **context},
                language=language, subject_line=verify_subject_line(ticket),
            )  # fmt: skip
    elif _mailable(email):
        queue_mail(
            email, "request_unknown", {"ticket": ticket, "files": files}, language=language,
            subject_line=_("Your request about personal data"), unproven_address=LINKS,
        )  # fmt: skip
    return ticket


@transaction.atomic
def ticket_open_from_quarantine(
    entry: QuarantinedMessage,
    *,
    kind: str,
    email: str,
    language: str,
    message: str = "",
    purpose: str = "",
    actor: AbstractBaseUser | None,
) -> Ticket:
    """An officer opens the request a message holds: received when the mail reached us (the
    deadline counts from then, compliance L8), answered like any emailed request; once.
    `purpose`: the one consent a withdrawal stops (every one when empty), as the phrase read by
    the intake names it."""
    entry = QuarantinedMessage.objects.select_for_update().defer("content").get(pk=entry.pk)
    if entry.ticket_id is not None:
        raise ValidationError(_("A request has already been opened from this email."))
    try:
        # The one rule of an address, the intake's and the forms' (clean_email): one pasted
        # from the letter with a bidi mark read on the desk as another person's.
        email = clean_email(email)
    except ValidationError as error:
        raise ValidationError({"email": error.messages}) from None
    ticket = ticket_open(
        kind=kind, email=email, language=language, channel=Ticket.Channel.EMAIL,
        message=message, received_at=entry.received_at, actor=actor,
        purpose=purpose_for(kind, purpose), audit_detail={"quarantined": entry.pk},
    )  # fmt: skip
    entry.ticket = ticket
    entry.save(update_fields=["ticket"])
    return ticket


def _mailable(email):
    """Whether an address no one has shown to be theirs may be written to: one a person would
    type (a form checks it, a mail's From not); another would fail and be retried."""
    try:
        clean_email(email)
    except ValidationError:
        return False
    return True


@transaction.atomic
def ticket_verify(ticket: Ticket) -> Ticket:
    """The person confirmed through the link: the request is theirs. Self-acting types act now;
    one still to be answered is receipted by mail with its due date."""
    ticket = ticket_locked(ticket)
    if not ticket.is_waiting or not ticket.holds_data:
        # Confirmed already, or closed meanwhile (an officer closed it unconfirmed): a link
        # never reopens a request.
        return ticket
    ticket.verified_at = timezone.now()
    ticket.status = Status.OPEN
    ticket.save(update_fields=["verified_at", "status"])
    audit(AuditEvent.Action.REQUEST_VERIFY, subject=ticket.subject, obj=ticket)
    ticket_confirmed(ticket)
    return ticket


def ticket_confirmed(ticket: Ticket) -> None:
    """What follows once a request is confirmed as the person's, by its link (ticket_verify) or
    by being opened on the person's own page, which the link opened (selfservice.
    ticket_open_verified): one home, so that every way a request is confirmed answers alike.
    A request opened on the page got no receipt while one from the public form did."""
    if ticket.replaces and ticket.regarding_id:
        close_replaced(ticket)  # the person's mailbox said so: the change takes its place
    on_confirmed(ticket)
    if ticket.is_open:  # still to be answered, by staff (self_acting.on_confirmed)
        notify_confirmed_late(ticket)
        # The person's receipt: what was confirmed and by when it is answered (the law's due
        # date, rights/answer_due.txt), kept in their mailbox; the page said it only once.
        ticket_mail(ticket, ticket.address_on_record, "request_confirmed", {"ticket": ticket})
