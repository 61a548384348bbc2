"""A request's due date as the officer reads it: on the desk, in its filter, on the person's
page, and in what she is told after an action."""

from django.contrib import admin, messages
from django.contrib.admin.views.main import SEARCH_VAR
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from consent.common.dates import local_today, reader_time
from consent.workdays.calendar import add_working_days, working_week

from ..joining import no_due_date
from ..links import link_held_back, link_unsent
from ..models import Ticket
from ..statistics import LATE, timed

# What the due column adds for a request waiting with no link sent (unsent), by the status it
# may be closed with at once (Ticket.closable_as).
UNSENT_NOTES = {
    Ticket.Status.NO_DATA: _("no data held, no link was sent: can be closed"),
    # The mail limit held its link back, and a week has passed since it was opened.
    Ticket.Status.NOT_CONFIRMED: _("not confirmed in a week, no link was sent: can be closed"),
}
# A letter answered at once with no link ("closed without action", Ticket.closable_as), by what it
# was (Ticket.limits): every one of them was said «forwarded», a possible breach too.
ANSWERED_NOTES = {
    "forwarded": _("forwarded, no link was sent: can be closed"),
    "analytics": _("a letter about the visit statistics, no link was sent: can be closed"),
    "misdirected": _("possible breach, no link was sent: can be closed"),
}


def unsent(ticket: Ticket) -> bool:
    """Waiting for the person's confirmation by a link that was never sent (links.link_unsent
    says why): a letter forwarded about someone else, an address no one on record holds. The
    list said «waiting for the person to confirm» and «not confirmed: can be closed» of them,
    as if a link had gone out and expired unused."""
    return ticket.is_waiting and not ticket.waits_for_person


def status_shown(ticket: Ticket):
    """The request's status as a list reads it: for one whose link was never sent, that none
    was, and why in its title (links.link_unsent)."""
    if unsent(ticket):
        shown = (
            _("link not sent yet (mail limit)")
            if link_held_back(ticket)
            else _("no confirmation link sent")
        )
        return format_html('<span title="{}">{}</span>', link_unsent(ticket), shown)
    return ticket.get_status_display()


def due_shown(ticket: Ticket, written=reader_time):
    """The due date counts from receipt, as the law counts it (compliance L8): past it, a
    request is overdue whether or not the person has confirmed it yet (Ticket.is_overdue);
    one waiting says so too, or that it can be closed once the link has expired (L9). Short in
    a list's column (reader_time); `written`, document_time on the request's own page, beside
    the other dates there, as the admin writes them.

    `ticket` comes from a queryset that went through statistics.timed, which says whether it was
    answered late (`answered`) in the query that fetched the rows: every list of requests and
    the request's page do. Asked of the database here, a row at a time, a list of 50 asked 50
    times more (tests/rights/test_desk_queries.py); read as «not late» without it, the person's
    page showed the date of a request answered late plain."""
    if ticket.is_filed:  # answered with the request it joined: its date read as a deadline
        return no_due_date(ticket)
    label = written(ticket.due_date)
    if ticket.answered == LATE:
        return format_html('<span class="late" title="{}">{} · {}</span>', _(
            "Answered after its due date: the law's deadline was missed."), label,
            _("answered late"))  # fmt: skip
    if ticket.is_overdue:
        label = format_html("{} · {}", label, _("overdue"))
    if unsent(ticket):
        closable = ticket.closable_as(timezone.now())
        what = next((kind for kind in ANSWERED_NOTES if ticket.limits.get(kind)), None)
        if closable == Ticket.Status.CLOSED and what:
            note = ANSWERED_NOTES[what]
        else:
            note = UNSENT_NOTES.get(closable, _("no link was sent"))
        return format_html('<span class="waiting{}">{} · {}</span>',
                           " overdue" if ticket.is_overdue else "", label, note)  # fmt: skip
    if ticket.waits_for_person:  # TicketQuerySet.waiting: the filter's and the counts' rule
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
    due = {"due": reader_time(ticket.due_date)}
    if ticket.is_overdue:
        return _("Counted from the day it was received, it was due on %(due)s: it is overdue, "
                 "answer it at once.") % due, messages.WARNING  # fmt: skip
    return _("Counted from the day it was received, it is due on %(due)s.") % due, messages.SUCCESS


def week_named(first, last, this_week: bool) -> str:
    """The filter's choice of the week's requests, named as the week it lists (working_week):
    this week while a working day of it is left, else the next one; its one day alone where it
    has one (a Friday, a working Saturday)."""
    days = {"first": reader_time(first), "last": reader_time(last)}
    if first == last:
        if this_week:
            return _("due this week: %(first)s") % days
        return _("due next week: %(first)s") % days
    if this_week:
        return _("due this week: %(first)s–%(last)s") % days
    return _("due next week: %(first)s–%(last)s") % days


class DueFilter(admin.SimpleListFilter):
    """Overdue and due today count every request still to be answered, one waiting for the
    person's confirmation included (TicketQuerySet.overdue: the law counts from receipt).

    The desk opens on the open requests. That default gives way to whatever names the requests
    itself: a number searched, or a status chosen in the filter beside it. «Refused with
    reasons» chosen alone listed the open requests that were refused, none, and the page said
    «0 results» to an officer looking for the refusals she had sent."""

    title = _("deadline")
    parameter_name = "due"
    # The list's own filter of statuses (TicketAdmin.list_filter), as its links name it.
    STATUS_PARAMETERS = ("status__exact", "status")
    # The request's mark while the status filter counts its choices (StatusFilter).
    STATUS_COUNTED = "_counting_a_status"

    def __init__(self, request, params, model, model_admin):
        super().__init__(request, params, model, model_admin)
        self.gives_way = self.value() is None and (
            bool(request.GET.get(SEARCH_VAR, "").strip())
            or any(request.GET.get(name) for name in self.STATUS_PARAMETERS)
            or getattr(request, self.STATUS_COUNTED, False)
        )

    def lookups(self, request, model_admin):
        # The week's work, as an officer plans it on Monday: the list offered only today and
        # the next working day, and «all open» mixed next month's withdrawals with this week's.
        week = week_named(*working_week(local_today()))
        return [("overdue", _("overdue")), ("today", _("due today")),
                ("next", _("due next working day")), ("week", week),
                ("waiting", _("waiting for the person")),
                # What the dashboard counts as «can be closed unconfirmed», one click away: the
                # officer picked them out of every waiting request by the note in their row.
                ("closable", _("not confirmed: can be closed")),
                ("late", _("answered late")),
                ("all", _("all, closed included"))]  # fmt: skip

    def choices(self, changelist):
        """The default first, under its name; a self-service download, done the moment it is
        asked, and every closed request are one click away ("all"), not in the way. Where the
        default gives way, "all" is what is shown and says so, and "all open" narrows the
        status chosen to the open ones by its own value ("?due=open")."""
        choices = super().choices(changelist)
        default = {**next(choices), "display": _("all open")}  # no value: the default
        default["selected"] = self.value() in (None, "open")  # "?due=open": the digest's link
        if self.gives_way:
            open_only = changelist.get_query_string({self.parameter_name: "open"})
            default.update(selected=False, query_string=open_only)
        yield default
        for (value, _label), choice in zip(self.lookup_choices, choices, strict=True):
            yield {**choice, "selected": True} if self.gives_way and value == "all" else choice

    def queryset(self, request, queryset):
        today = local_today()
        if self.value() == "overdue":
            return queryset.overdue(today)
        if self.value() == "today":
            return queryset.due_on(today)
        if self.value() == "next":
            return queryset.due_after(today, add_working_days(today, 1))
        if self.value() == "week":  # from today: the overdue have their own choice
            first, last, _this_week = working_week(today)
            return queryset.due_within(first, last)
        if self.value() == "waiting":
            return queryset.waiting()
        if self.value() == "closable":
            return queryset.closable(timezone.now())
        if self.value() == "late":  # answered after the due date, by the register's rule
            return timed(queryset).filter(answered=LATE)
        if self.value() == "all" or self.gives_way:
            # A search names a request by its number: found whatever its state (the default,
            # open only, answered «0 results» for the closed request a letter quoted); a status
            # chosen names the requests in it, closed ones too.
            return queryset
        return queryset.open()  # the default, and "?due=open" (its link where it gives way)


class StatusFilter(admin.ChoicesFieldListFilter):
    """The list's filter of statuses. Its counts («Санын көрсету») are of the requests each
    link lists: choosing a status makes the deadline filter's default, open requests only, give
    way (DueFilter), and the counts took it as in force, «done (0)» beside a link listing six.
    They are counted on filters made anew from the request (ChangeList.get_queryset), which
    the request's mark tells that a status is being chosen."""

    def get_facet_queryset(self, changelist):
        setattr(self.request, DueFilter.STATUS_COUNTED, True)
        try:
            return super().get_facet_queryset(changelist)
        finally:
            delattr(self.request, DueFilter.STATUS_COUNTED)
