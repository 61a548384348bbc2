"""Answering an access request (Art. 24(1)(1); compliance L10): everything held about the
person, made from the data held now as JSON and PDF, mailed in the request's language; and the
same answer made anew and sent again when it was lost."""

from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from consent.common.dates import reader_time
from consent.core import gate
from consent.core.audit import audited
from consent.core.models import AuditEvent

from .closing import require_open, ticket_close, ticket_locked, ticket_mail
from .disclosure import disclosure_record
from .models import Ticket
from .outbox import unsent_answers_withdraw
from .tickets import Status, Type


@transaction.atomic
def ticket_answer_access(
    ticket: Ticket, *, actor: AbstractBaseUser | None, words: str = ""
) -> Ticket:
    """Send the person everything held about them, as JSON and PDF, free of charge; while
    their processing is blocked too, when it is their own request (`answered_while_blocked`),
    the export and the closing audited as made while blocked."""
    require_open(ticket, allowed_when_blocked=stands_while_blocked(ticket))
    blocked = {"blocked": True} if answered_while_blocked(ticket) else {}
    files = _access_files(ticket, actor=actor, **blocked)
    return ticket_close(ticket, outcome=ANSWERED_WITH[ticket.is_own], actor=actor,
                        to=ticket.address_on_record, attachments=files, words=words,
                        detail=blocked, context={"under_address": ticket.is_own})  # fmt: skip


# What the answer's letter says it carries, by whose the request is (Ticket.is_own): the data held
# under the person's own address (only an address links a request to a record, compliance L9:
# a person on record under a second address holds more, and the letter says how to ask for it),
# or a parent's, the child's. It said «the data we hold about you» to both: untrue of a person
# on record twice, and of the child's data mailed to the parent.
ANSWERED_WITH = {
    True: _("The data we hold under this email address is attached, as JSON and as PDF."),
    False: _("The data we hold about the child you asked for is attached, as JSON and as PDF."),
}
SENT_AGAIN_WITH = {
    True: _("As you asked, here again is the data we hold under this email address, as it "
            "stands today, attached as JSON and as PDF."),
    False: _("As you asked, here again is the data we hold about the child you asked for, as "
             "it stands today, attached as JSON and as PDF."),
}  # fmt: skip


def stands_while_blocked(ticket: Ticket) -> bool:
    """Whether an access answer for `ticket` is given while the person's processing is blocked
    (compliance L12): the one rule of it, for the desk's answer, its sending again and the
    self-service download (selfservice.access_download). Law 94-V Art. 1(3) suspends
    collection, accumulation, change, addition, use, distribution, depersonalisation and
    destruction; telling the person what is held about them (Art. 24(1)(1)) is none of these:
    the export goes to the person themself (their address on record, or their own page), and
    nowhere else. A parent's request for a blocked child is not the person's own
    (`Ticket.is_own`): its answer would go to the parent, and waits for the block to be lifted."""
    return ticket.is_own


def answered_while_blocked(ticket: Ticket) -> bool:
    """Whether an access answer for `ticket` is given although the person's processing is
    blocked now (`stands_while_blocked`): its export's audit row says so."""
    return stands_while_blocked(ticket) and gate.is_blocked(ticket.subject)


def refused_while_blocked(ticket: Ticket) -> bool:
    """Whether an access answer for `ticket` waits for the block to be lifted now: the
    person's processing is blocked and the request is not theirs (`stands_while_blocked`)."""
    return not stands_while_blocked(ticket) and gate.is_blocked(ticket.subject)


def access_answers(ticket: Ticket) -> QuerySet[AuditEvent]:
    """The audit rows of the answers made for an access request, the first one first."""
    return audited(AuditEvent.Action.SUBJECT_EXPORT, ticket)


def answer_held_back(ticket: Ticket) -> AuditEvent | None:
    """The record that the latest answer never went out (the sender held it back for a person
    blocked since, outbox.answers_held_back), or None: none was, or a new one was made since."""
    held = audited(AuditEvent.Action.ANSWER_HELD_BACK, ticket).last()
    latest = access_answers(ticket).last()
    return held if held is not None and (latest is None or held.pk > latest.pk) else None


def answered_by_mail(ticket: Ticket) -> bool:
    """Whether an access answer was mailed for `ticket` (ticket_answer_access), not only
    downloaded on a self-service page (selfservice.access_download, whose export row says so).
    How it was answered, not how it came (`channel`): a parent's request for a child comes by
    their page, and retyped to an access by the officer it is answered by mail, but read as a
    download its answer could never be sent again."""
    # A row without the key is kept («exclude(detail__channel=…)» alone dropped it too); not
    # `detail__contains`, which SQLite (`make run`) does not have: the answered request's page
    # was a 500 there.
    by_mail = Q(detail__channel__isnull=True) | ~Q(detail__channel="self_service")
    return access_answers(ticket).filter(by_mail).exists()


def resendable(ticket: Ticket) -> bool:
    """Whether an answer can be sent again: an access request answered by email
    (`answered_by_mail`) whose person is still on record, with an address to answer at
    (Ticket.address_on_record: a parent's for a child), and not one a parent asked for a child
    who is 18 now (Ticket.outgrown: their data no longer goes to the parent)."""
    return (
        ticket.type == Type.ACCESS
        and ticket.status == Status.DONE
        and ticket.subject_id is not None
        and not ticket.outgrown
        and bool(ticket.address_on_record)
        and answered_by_mail(ticket)
    )


@transaction.atomic
def ticket_resend_access(
    ticket: Ticket, *, actor: AbstractBaseUser | None, after: int | None
) -> Ticket:
    """Send an answered access request's answer again (the person lost it, or it never
    arrived), made anew from the data held now: the right of access is to the data the
    operator holds (Art. 24(1)(1)), not to an old copy, and the first answer's files leave the
    outbox a week after delivery (outbox.SENT_ATTACHMENTS_KEPT). Through closing.ticket_mail,
    as the first answer: to the address on record (a parent's for a child), in the request's
    language; audited as an export. `after` is the id of the latest answer
    the officer saw (access_answers): when another was sent since (a second press, a second
    officer), nothing is sent."""
    ticket = ticket_locked(ticket)
    if not resendable(ticket):
        raise ValidationError(_("Only an access request answered by email, whose person is "
                                "still on record, can have its answer sent again."))  # fmt: skip
    if refused_while_blocked(ticket):
        # Not closing.BLOCKED_REQUEST's «it can only be refused»: an answered
        # request has nothing to refuse, and the page offered no refusal.
        blocked = _(
            "Processing of the person's data is blocked, so the answer was not "
            "sent again: it can be sent once the block is lifted."
        )
        raise ValidationError(blocked)
    latest = access_answers(ticket).last()
    if latest is not None and latest.pk != after:
        done = {"time": reader_time(latest.at), "who": latest.actor_label or _("the system")}
        raise ValidationError(_("The answer was sent at %(time)s by %(who)s, after this page "
                                "was opened, so it was not sent once more.") % done)  # fmt: skip
    unsent_answers_withdraw(ticket)  # one still waiting is replaced, not sent as well
    blocked = {"blocked": True} if answered_while_blocked(ticket) else {}
    files = _access_files(ticket, actor=actor, resent=True, logged=True, **blocked)
    ticket_mail(ticket, ticket.address_on_record, "request_done",
                {"ticket": ticket, "outcome": SENT_AGAIN_WITH[ticket.is_own],
                 "under_address": ticket.is_own}, attachments=files)  # fmt: skip
    return ticket


def _access_files(ticket: Ticket, *, actor: AbstractBaseUser | None, **detail: object):
    """The access answer's files, made now from the data held, and the export's audit row."""
    from django.core.files.base import ContentFile

    from .export import export_json
    from .readable import export_pdf

    json_name, pdf_name = sorted(ticket.answer_files)
    files = {
        json_name: ContentFile(export_json(ticket.subject, ticket.language)),
        pdf_name: ContentFile(export_pdf(ticket.subject, ticket.language)),
    }
    disclosure_record(ticket.subject, action=AuditEvent.Action.SUBJECT_EXPORT, actor=actor,
                      obj=ticket, **detail)  # fmt: skip
    return files
