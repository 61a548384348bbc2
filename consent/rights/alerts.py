"""Staff alerts: a notice when a request opens or an email is set aside (compliance L7), and a
mail to the responsible person on a burst of failed sign-ins or exports (compliance L22). The
officers' daily digest is digest.py.

What an outsider can repeat at will (a letter that cannot become a request, a failed sign-in)
raises at most one mail per window, counted in the database or the shared cache, so on every
host alike: a flood of letters must not become a flood in every officer's mailbox."""

from datetime import date, datetime, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AbstractUser
from django.core.cache import cache
from django.db import transaction
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from consent.common.locks import transaction_lock
from consent.common.net import absolute_url
from consent.core.guardians import guardian_decline
from consent.core.mail import interpolate, lazy_date, queue_mail, queue_mail_each
from consent.core.models import Declined, Guardian, Subject
from consent.core.staff import (
    Notice,
    address_language,
    held_back_notice,
    notice_bounded,
    staff_addressed,
)

from .deadlines import due_soonest
from .models import QUIET_REASONS, QuarantinedMessage, Ticket
from .models.officers import works_requests


def desk_staff() -> QuerySet[AbstractUser]:
    """Active staff who work requests: the privacy officer group, and superusers. Who may take
    one (assignment.ticket_assign)."""
    return get_user_model().objects.filter(works_requests()).distinct()


def officers() -> QuerySet[AbstractUser]:
    """Those of them mail reaches (desk_staff with an address)."""
    return desk_staff().exclude(email="")


def _tell_officers(ticket: Ticket, template: str, subject_line: str, **context) -> None:
    """Each officer is mailed, in their own language, a link to the request's page."""
    url = absolute_url(reverse("admin:rights_ticket_change", args=[ticket.pk]))
    queue_mail_each(
        staff_addressed(officers()), template, {"ticket": ticket, "url": url, **context},
        subject_line=subject_line,
    )  # fmt: skip


def notify_new_ticket(ticket: Ticket) -> None:
    """No personal data in the subject line: the number, the type and the due date, or for a
    reply or a repeated request filed with an earlier request (joining.py) the two numbers.
    Each officer reads it in their own language (compliance L24). Bounded: anyone can mail
    requests, from any number of addresses (core.staff.notice_bounded)."""
    # A possible breach (misdirected.py): its own subject line and bound, so that a flood of
    # ordinary requests never holds it back, and it stands out among them (L21: one working day).
    breach = ticket.limits.get("misdirected")
    bound = notice_bounded("possible-breach" if breach else "new-request")
    if bound is not Notice.SEND:
        if bound is Notice.LAST:
            url = absolute_url(reverse("admin:rights_ticket_changelist")) + "?due=all"
            what = _("possible breaches") if breach else _("new requests")
            held_back_notice(staff_addressed(officers()), what, url)
        return
    if breach:
        subject_line = interpolate(
            _("Possible breach: request %(ref)s says someone else's data was sent to its writer"),
            {"ref": ticket.reference},
        )
    elif ticket.regarding_id is not None and not ticket.is_open:
        subject_line = interpolate(
            _("Request %(about)s: a letter about it has arrived (%(ref)s)"),
            {"about": ticket.regarding.reference, "ref": ticket.reference},
        )
    else:
        # One opened by hand with an earlier day of receipt may be overdue already (L8).
        overdue = _("New request %(ref)s, already overdue: it was due %(due)s")
        subject_line = interpolate(
            overdue if ticket.is_overdue else _("New request %(ref)s, due %(due)s"),
            {"ref": ticket.reference, "due": lazy_date(ticket.due_date)},
        )
    _tell_officers(ticket, "staff_new_request", subject_line, soonest=soonest_due(ticket))


def soonest_due(ticket: Ticket) -> date | None:
    """For a letter the intake could not type ("other", due in our own fifteen working days):
    the day it would be due as the type the law gives the fewest working days (a correction, a
    block, a destruction), which its words may be asking for unrecognised. The notice says to
    read it today and names that day (compliance L8). None for a typed one."""
    typed = ticket.type != Ticket.Type.OTHER or ticket.channel != Ticket.Channel.EMAIL
    if typed or ticket.limits.get("misdirected"):  # chosen on a form or by an officer
        return None
    return due_soonest(ticket.received_at)


def notify_confirmed_late(ticket: Ticket) -> None:
    """A request the person confirmed only on its due date or after it (the law counts from
    receipt, L8): it is to be answered today, and the officers are told now, each in their
    language. They heard of it once, at receipt, when it could not be acted on; it then waited
    unseen among the waiting ones until the next day's digest. No personal data."""
    if not (ticket.is_overdue or ticket.is_due_today):
        return
    subject_line = (
        _("Request %(ref)s confirmed, already overdue: it was due %(due)s")
        if ticket.is_overdue
        else _("Request %(ref)s confirmed, due today: %(due)s")
    )
    _tell_officers(ticket, "staff_confirmed_late", interpolate(
        subject_line, {"ref": ticket.reference, "due": lazy_date(ticket.due_date)}))  # fmt: skip


def notify_reopened(ticket: Ticket) -> None:
    """A request answered by a letter that will never go out (erasure.outbox_copies_delete) is
    open again: the officers are told, each in their own language, since nobody looks at an
    answered request. No personal data: the number and the due date."""
    _tell_officers(ticket, "staff_reopened", interpolate(
        _("Request %(ref)s is open again: its answer was not sent"), {"ref": ticket.reference},
    ))  # fmt: skip


def notify_answer_held_back(ticket: Ticket) -> None:
    """An access answer the sender held back because the person's processing was blocked after
    it was made (outbox.answers_held_back): the request reads as answered, so the officers are
    told that it was not, to send it again once the block is lifted. No personal data."""
    _tell_officers(ticket, "staff_answer_held_back", interpolate(
        _("The answer to request %(ref)s was not sent: processing is blocked"),
        {"ref": ticket.reference},
    ))  # fmt: skip


@transaction.atomic
def guardian_declined_by_child(row: Guardian) -> list[str] | None:
    """The person, on their own page, said the parent or guardian a form named for them is not
    theirs (core.guardians.guardian_decline; compliance L6): the desk is told, since someone
    typed a child's address with their own as the parent's, and the child's data may now stand
    without a consent. None, with nothing changed or told, when the contact was not waiting."""
    ended = guardian_decline(row, Declined.BY_CHILD)
    if ended is not None:
        notify_guardian_declined(row.subject, ended)
    return ended


def notify_guardian_declined(subject: Subject, ended: list[str]) -> None:
    """Each officer is mailed, in their own language, the record's number, whether consents
    ended with it, and a link to the person's page: no name, no address, neither the child's
    nor the one declined. Bounded, as anyone may make records and decline on their pages
    (core.staff.notice_bounded); the person's page in the admin lists every declined row."""
    bound = notice_bounded("guardian-declined")
    url = absolute_url(reverse("admin:consent_subject_change", args=[subject.pk]))
    if bound is not Notice.SEND:
        if bound is Notice.LAST:
            changelist = absolute_url(reverse("admin:consent_subject_changelist"))
            held_back_notice(staff_addressed(officers()), _("parents or guardians declined"),
                             changelist)  # fmt: skip
        return
    queue_mail_each(
        staff_addressed(officers()), "staff_guardian_declined",
        {"number": subject.pk, "ended": bool(ended), "url": url},
        subject_line=interpolate(
            _("Record No. %(number)s: the person says a parent or guardian named is not theirs"),
            {"number": subject.pk},
        ),
    )  # fmt: skip


def notify_quarantined(entry: QuarantinedMessage) -> None:
    """An email to the requests address could not become a request (compliance L7): the
    officers open it by hand. No personal data in the mail at all: the entry's number, the
    reason and the time it arrived. Sent only by `tell_set_aside`, which bounds how often."""
    url = absolute_url(reverse("admin:rights_quarantinedmessage_change", args=[entry.pk]))
    reason = QuarantinedMessage.Reason(entry.reason).label  # lazy: rendered in the mail's language
    queue_mail_each(
        staff_addressed(officers()), "staff_quarantined",
        {"entry": entry, "reason": reason, "url": url},
        subject_line=interpolate(_("Email %(ref)s set aside: read it and act by hand"),
                                 {"ref": entry.reference}),
    )  # fmt: skip


# At most one notice of emails set aside per window (the notice says "once an hour"): the first
# at once, those after it in one summary once the window since the last notice has passed. Each
# stays in the list and in the next daily digest (digest.py), so the officers miss none.
SET_ASIDE_WINDOW = timedelta(hours=1)


def tell_set_aside(now: datetime | None = None) -> int:
    """Tell the officers of the emails set aside they have not heard of yet, unless they were
    told of one within SET_ASIDE_WINDOW: one alone by its own notice, more by one summary with
    how many. Returns how many emails the mail told of (0: none sent now).

    Called when an email is set aside (quarantine.quarantine_record, in its transaction) and
    after each run of the intake, which sends the summary of a burst once its window is over.
    Emails set aside as a machine's, or as asking nothing, are never told of here (the digest
    lists them)."""
    now = now or timezone.now()
    with transaction.atomic():
        transaction_lock(
            "rights:set-aside-notice"
        )  # every insert that needs telling waits here too
        entries = QuarantinedMessage.objects
        if entries.filter(told_at__gt=now - SET_ASIDE_WINDOW).exists():
            return 0
        waiting = entries.filter(told_at=None).exclude(reason__in=QUIET_REASONS)
        first, last = waiting.order_by("pk").first(), waiting.order_by("pk").last()
        if first is None:
            return 0
        told = waiting.filter(pk__lte=last.pk).update(told_at=now)
        if told == 1:
            notify_quarantined(first)
        else:
            _notify_set_aside_many(first, last, told)
        return told


def _notify_set_aside_many(first: QuarantinedMessage, last: QuarantinedMessage, count: int) -> None:
    """One notice for `count` emails set aside, from `first` to `last`: no personal data, the
    numbers only, and a link to the list of them all."""
    url = absolute_url(reverse("admin:rights_quarantinedmessage_changelist"))
    queue_mail_each(
        staff_addressed(officers()), "staff_quarantined_many",
        {"first": first, "last": last, "count": count, "url": url},
        subject_line=interpolate(_("Emails set aside: %(count)d, read them and act by hand"),
                                 {"count": count}),
    )  # fmt: skip


def maybe_alert(action: str, actor: AbstractBaseUser | None = None) -> bool:
    """Mail the responsible person once a burst crosses its threshold: failed sign-ins (all
    staff, 10 minutes) or exports of personal data (one staff member, an hour)."""

    from consent.core.models import AuditEvent

    contact = settings.OPERATOR["responsible_contact"]
    if "@" not in contact:
        return False
    now = timezone.now()
    if action == AuditEvent.Action.LOGIN_FAILED:
        since, threshold = now - timedelta(minutes=10), settings.ALERT_FAILED_LOGINS
        events = AuditEvent.objects.filter(action=action)
        kind, key = _("failed staff sign-ins"), "alert:failed-sign-ins"
    else:
        since, threshold = now - timedelta(hours=1), settings.ALERT_BULK_EXPORTS
        events = AuditEvent.objects.filter(action__in=EXPORTS, actor_id=getattr(actor, "pk", None))
        kind = _("exports of personal data by one staff member")
        key = f"alert:exports:{getattr(actor, 'pk', None)}"
    count = events.filter(at__gte=since).count()
    # One mail per window and kind (and staff member, for exports), whichever host counts:
    # "exactly at the threshold" alone mailed at every failure of a steady attacker, whose
    # count stays at the threshold as old failures leave the window.
    window = int((now - since).total_seconds())
    if count < threshold or not cache.add(key, 1, window):
        return False
    queue_mail(
        contact, "staff_alert", {"kind": kind, "count": count, "since": since},
        language=address_language(contact),
        subject_line=interpolate(_("Security alert: %(kind)s"), {"kind": kind}),
    )  # fmt: skip
    return True


EXPORTS = ["subject_export", "evidence_export"]
