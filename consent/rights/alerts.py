"""Staff alerts: a notice when a request opens or an email is set aside (compliance L7), and a
mail to the responsible person on a burst of failed sign-ins or exports (compliance L22). The
officers' daily digest is digest.py."""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AbstractUser
from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from consent.common.net import absolute_url
from consent.core.mail import interpolate, lazy_date, queue_mail, queue_mail_each
from consent.core.staff import address_language, staff_addressed

from .models import QuarantinedMessage, Ticket


def officers() -> QuerySet[AbstractUser]:
    """Active staff who work requests: the privacy officer group, and superusers."""
    users = get_user_model().objects.filter(is_active=True).exclude(email="")
    return users.filter(Q(groups__name="privacy_officer") | Q(is_superuser=True)).distinct()


def _tell_officers(ticket: Ticket, template: str, subject_line: str) -> None:
    """Each officer is mailed, in their own language, a link to the request's page."""
    url = absolute_url(reverse("admin:rights_ticket_change", args=[ticket.pk]))
    queue_mail_each(
        staff_addressed(officers()), template, {"ticket": ticket, "url": url},
        subject_line=subject_line,
    )  # fmt: skip


def notify_new_ticket(ticket: Ticket) -> None:
    """No personal data in the subject line: the number, the type and the due date, or for a
    reply or a repeated request filed with an earlier request (joining.py) the two numbers.
    Each officer reads it in their own language (compliance L24)."""
    if ticket.regarding_id is not None and not ticket.is_open:
        subject_line = interpolate(
            _("Email about request %(about)s, added to it as %(ref)s"),
            {"about": ticket.regarding.reference, "ref": ticket.reference},
        )
    else:
        subject_line = interpolate(
            _("New request %(ref)s, due %(due)s"),
            {"ref": ticket.reference, "due": lazy_date(ticket.due_date, "SHORT_DATE_FORMAT")},
        )
    _tell_officers(ticket, "staff_new_request", subject_line)


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


def notify_quarantined(entry: QuarantinedMessage) -> None:
    """An email to the requests address could not become a request (compliance L7): the
    officers open it by hand. No personal data in the mail at all: the entry's number, the
    reason and the time it arrived."""
    url = absolute_url(reverse("admin:rights_quarantinedmessage_change", args=[entry.pk]))
    reason = QuarantinedMessage.Reason(entry.reason).label  # lazy: rendered in the mail's language
    queue_mail_each(
        staff_addressed(officers()), "staff_quarantined",
        {"entry": entry, "reason": reason, "url": url},
        subject_line=interpolate(_("Email %(ref)s set aside: read it and act by hand"),
                                 {"ref": entry.reference}),
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
        kind = _("failed staff sign-ins")
    else:
        since, threshold = now - timedelta(hours=1), settings.ALERT_BULK_EXPORTS
        events = AuditEvent.objects.filter(action__in=EXPORTS, actor_id=getattr(actor, "pk", None))
        kind = _("exports of personal data by one staff member")
    count = events.filter(at__gte=since).count()
    if count != threshold:  # exactly at the threshold: one mail per burst
        return False
    queue_mail(
        contact, "staff_alert", {"kind": kind, "count": count, "since": since},
        language=address_language(contact),
        subject_line=interpolate(_("Security alert: %(kind)s"), {"kind": kind}),
    )  # fmt: skip
    return True


EXPORTS = ["subject_export", "evidence_export"]
