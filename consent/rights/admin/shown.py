"""What the request page showed when its panel was posted: its type and status. A panel posted
from a page out of date (a double click, a second tab, a colleague who acted since) does
nothing and says what was done, when and by whom, as the assignment form does
(assignment.ticket_assign): a repeated «change the type» read «Choose a type other than the
request's own», a repeated answer «already closed», both as failures.

The actions its panel offers are part of what it showed: a colleague's block of the person
(through another request) takes «destroy instead of correcting» away and an unblock takes
«destroy: processing found unlawful», with the request's status and type unchanged; the page
opened before said «This action is not offered for this request», which reads as a fault of
the desk. Now the officer is told that the request changed meanwhile, what changed, when and
by whom, and sees it as it is now."""

from django.utils.translation import gettext as _

from consent.common.dates import reader_time
from consent.core.models import AuditEvent

from ..closing import OUTGROWN, ticket_lock
from ..desk import actions_offered
from ..models import Ticket

# The audit rows of what changes a request's type or status (not a view, not a hand-over).
Action = AuditEvent.Action
CHANGES = [Action.REQUEST_OPEN, Action.REQUEST_VERIFY, Action.REQUEST_RETYPE,
           Action.REQUEST_CLOSE, Action.REQUEST_REOPEN, Action.REQUEST_EXPIRE]  # fmt: skip


# The audit rows about the person that change what a request's panel offers.
PERSON_CHANGES = [Action.SUBJECT_BLOCK, Action.SUBJECT_UNBLOCK]


def page_state(ticket: Ticket, panel=None) -> str:
    """The forms' hidden «state»: what their actions depend on, the request's status and type
    and, while its panel is there, the actions it offers (`panel`: the page's, read rather than
    made again)."""
    shown = ticket.is_open or ticket.is_filed
    offered = "+".join(actions_offered(ticket, panel)) if shown else ""
    return f"{ticket.status}:{ticket.type}:{offered}"


def changed_since(ticket: Ticket, posted, user, panel=None) -> str | None:
    """None while `ticket` is as the page showed it (`posted`'s «state»; a page without it, from
    before this rule, is not checked); otherwise what the officer is told: done already by
    them, or by someone else, when, and what the request is now. `panel`: makes the posted
    panel of the request as held and read again, whose actions are then read rather than those
    of another panel made for the check alone."""
    shown = posted.get("state")
    if shown is None:
        return None
    # Held until the view's transaction ends: a double click's two posts, served at once by two
    # workers, read the request one after the other, the second as the first left it.
    ticket_lock(ticket)
    ticket.refresh_from_db(fields=["status", "type"])
    current = page_state(ticket, panel and panel())
    if shown == current or (shown.count(":") == 1 and current.startswith(f"{shown}:")):
        return None  # as shown (a page served before the offer was part of it: as far as told)
    last = (
        AuditEvent.objects.filter(object_type=Ticket._meta.label_lower, object_id=str(ticket.pk))
        .filter(action__in=CHANGES)
        .order_by("-id")
        .first()
    )
    now = {"state": f"{ticket.get_type_display()}, {ticket.get_status_display()}"}
    if shown.split(":")[:2] == [ticket.status, ticket.type]:  # the same request, other actions
        return offer_changed(ticket, now)
    if last is None:
        return _("This request changed after this page was opened (now: %(state)s), so "
                 "nothing was done. Read the page again first.") % now  # fmt: skip
    now["time"] = reader_time(last.at)
    now["who"] = last.actor_label or _("the system")
    if destroyed_by := last.detail.get("destroyed_by"):
        # Closed by another request's destruction, not by a press of this panel: «Already done:
        # you did it» read as if the access asked for had been answered.
        now["ref"] = destroyed_by
        return _("This request was closed at %(time)s with the person's data, destroyed under "
                 "request %(ref)s by %(who)s (now: %(state)s), so nothing was "
                 "done.") % now  # fmt: skip
    if last.actor_id == user.pk:
        return _("Already done: you did it at %(time)s (now: %(state)s), so nothing was done "
                 "again.") % now  # fmt: skip
    return _("Already done after this page was opened: at %(time)s, by %(who)s (now: "
             "%(state)s), so nothing was done. Read the page again first.") % now  # fmt: skip


def offer_changed(ticket: Ticket, now: dict) -> str:
    """What the officer is told when the request's status and type are as the page showed them
    but its panel offers other actions now: the child it was asked for is 18 (OUTGROWN, as the
    panel says), or the person's processing was blocked or unblocked since (when, by whom)."""
    if ticket.outgrown:
        return str(OUTGROWN)
    person = (
        AuditEvent.objects.filter(subject_ref=ticket.subject_id, action__in=PERSON_CHANGES)
        .order_by("-id")
        .first()
        if ticket.subject_id is not None
        else None
    )
    if person is None:
        return _("This request changed after this page was opened (now: %(state)s), so "
                 "nothing was done. Read the page again first.") % now  # fmt: skip
    now.update(time=reader_time(person.at), who=person.actor_label or _("the system"),
               what=person.get_action_display())  # fmt: skip
    return _("What can be done with this request changed after this page was opened: at "
             "%(time)s, by %(who)s, %(what)s (now: %(state)s). So nothing was done. Read the "
             "page again first.") % now  # fmt: skip
