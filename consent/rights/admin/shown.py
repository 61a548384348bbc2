"""What the request page showed when its panel was posted: its type and status. A panel posted
from a page out of date (a double click, a second tab, a colleague who acted since) does
nothing and says what was done, when and by whom, as the assignment form does
(assignment.ticket_assign): a repeated «change the type» read «Choose a type other than the
request's own», a repeated answer «already closed», both as failures."""

from django.utils.translation import gettext as _

from consent.common.dates import reader_time
from consent.core.models import AuditEvent

from ..closing import ticket_lock
from ..models import Ticket

# The audit rows of what changes a request's type or status (not a view, not a hand-over).
Action = AuditEvent.Action
CHANGES = [Action.REQUEST_OPEN, Action.REQUEST_VERIFY, Action.REQUEST_RETYPE,
           Action.REQUEST_CLOSE, Action.REQUEST_REOPEN]  # fmt: skip


def page_state(ticket: Ticket) -> str:
    """The panel's hidden «state»: what its action depends on."""
    return f"{ticket.status}:{ticket.type}"


def changed_since(ticket: Ticket, posted, user) -> str | None:
    """None while `ticket` is as the page showed it (`posted`'s «state»; a page without it, from
    before this rule, is not checked); otherwise what the officer is told: done already by
    them, or by someone else, when, and what the request is now."""
    shown = posted.get("state")
    if shown is None:
        return None
    # Held until the view's transaction ends: a double click's two posts, served at once by two
    # workers, read the request one after the other, the second as the first left it.
    ticket_lock(ticket)
    ticket.refresh_from_db(fields=["status", "type"])
    if shown == page_state(ticket):
        return None
    last = (
        AuditEvent.objects.filter(object_type=Ticket._meta.label_lower, object_id=str(ticket.pk))
        .filter(action__in=CHANGES)
        .order_by("-id")
        .first()
    )
    now = {"state": f"{ticket.get_type_display()}, {ticket.get_status_display()}"}
    if last is None:
        return _("This request changed after this page was opened (now: %(state)s), so "
                 "nothing was done. Read the page again first.") % now  # fmt: skip
    now["time"] = reader_time(last.at)
    if last.actor_id == user.pk:
        return _("Already done: you did it at %(time)s (now: %(state)s), so nothing was done "
                 "again.") % now  # fmt: skip
    now["who"] = last.actor_label or _("the system")
    return _("Already done after this page was opened: at %(time)s, by %(who)s (now: "
             "%(state)s), so nothing was done. Read the page again first.") % now  # fmt: skip
