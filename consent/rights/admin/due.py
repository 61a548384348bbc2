"""A request's due date as the officer reads it, on the desk and on the person's page alike."""

from django.contrib import messages
from django.utils import formats, timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from ..models import Ticket


def due_shown(ticket: Ticket):
    """The due date counts from receipt, as the law counts it (compliance L8): past it, a
    request is overdue whether or not the person has confirmed it yet (Ticket.is_overdue);
    one waiting says so too, or that it can be closed once the link has expired (L9)."""
    label = formats.date_format(ticket.due_date, "SHORT_DATE_FORMAT")
    if ticket.is_overdue:
        label = format_html("{} · {}", label, _("overdue"))
    if ticket.is_waiting:
        if ticket.closable_as(timezone.now()):
            return format_html('<strong class="closable">{} · {}</strong>', label,
                               _("not confirmed: can be closed"))  # fmt: skip
        return format_html('<span class="waiting{}">{} · {}</span>',
                           " overdue" if ticket.is_overdue else "", label,
                           _("waiting for the person"))  # fmt: skip
    if ticket.is_overdue:
        return format_html('<strong class="overdue">{}</strong>', label)
    if ticket.is_due_today:
        return format_html('<strong class="due-today">{} · {}</strong>', label, _("today"))
    return label


def due_told(ticket: Ticket) -> tuple[str, int]:
    """The sentence an officer is told, after an action that leaves `ticket` to be answered
    (a type changed, a request opened from an email set aside or at the desk), of its due date
    as counted from receipt, and the message's level: a warning once it has passed. The date
    moves with the type, often days earlier, and a request opened from an email that waited is
    due from the day it came: the messages gave none, and a date already passed showed only
    on the page."""
    due = {"due": formats.date_format(ticket.due_date, "SHORT_DATE_FORMAT")}
    if ticket.is_overdue:
        return _("Counted from the day it was received, it was due on %(due)s: it is overdue, "
                 "answer it at once.") % due, messages.WARNING  # fmt: skip
    return _("Counted from the day it was received, it is due on %(due)s.") % due, messages.SUCCESS
