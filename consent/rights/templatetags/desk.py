from django import template
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy as pgettext

from consent.common.dates import local_today
from consent.rights.joining import repeats
from consent.rights.models import Breach, QuarantinedMessage, Ticket
from consent.rights.statistics import consents_by_month, requests_by_week
from consent.workdays.calendar import add_working_days

register = template.Library()


@register.filter
def also_asked(ticket: Ticket) -> str:
    """The other rights a request's letter asks beside it (also.py: «копию данных, а потом
    удалите их»), named in the active language: the desk's note and the person's mail."""
    return ", ".join(str(Ticket.Type(kind).label) for kind in ticket.limits.get("also", []))


@register.filter
def repeated(ticket: Ticket) -> bool:
    """A filed request that asks again what its open request asks (joining.repeats), not a
    reply quoting it: the panel said «filed with the request it quotes» of both."""
    return repeats(ticket)


@register.inclusion_tag("admin/rights/desk_summary.html", takes_context=True)
def desk_summary(context):
    """Open requests: overdue and due today, waiting ones included (TicketQuerySet.overdue:
    the law counts from receipt), and how many wait, of them how many can be closed
    unconfirmed, each counted by the queryset method the desk's list and the digest read (its
    own filters agreed only until either changed); and emails set aside that no request was
    opened from yet. For the admin index, one query each."""
    user = context["request"].user
    if not user.has_perm("rights.view_ticket"):
        return {"show": False}
    today = local_today()

    def counted(requests):  # each by its rule's one home (models/tickets.py)
        return Count("id", filter=Q(pk__in=requests.values("pk")))

    # The next working day by the calendar, from the local date: what the digest lists as due
    # next, and the list's filter «due next working day».
    next_day = add_working_days(today, 1)
    counts = Ticket.objects.open().aggregate(
        open=Count("id"),
        overdue=counted(Ticket.objects.overdue(today)),
        today=counted(Ticket.objects.due_on(today)),
        next=counted(Ticket.objects.due_after(today, next_day)),
        mine=counted(Ticket.objects.held_by(user)),
        unassigned=counted(Ticket.objects.unassigned()),
        waiting=counted(Ticket.objects.waiting()),
        closable=counted(Ticket.objects.closable(timezone.now())),
    )
    set_aside = None
    if user.has_perm("rights.view_quarantinedmessage"):
        set_aside = QuarantinedMessage.objects.filter(ticket__isnull=True).count()
    return {"show": True, "set_aside": set_aside, "next_day": next_day, **counts}


# The breaches listed on the dashboard; beyond them, the register (its link) has them all.
BREACHES_LISTED = 10


@register.inclusion_tag("admin/rights/breach_summary.html", takes_context=True)
def breach_summary(context):
    """For everyone who keeps the breach register, first on the admin index: each breach the
    regulator is still to hear of, with its deadline, «notify now» from the day it is due. The
    register and the digest had them, the dashboard, where the day's work is read, did not."""
    if not context["request"].user.has_perm("rights.view_breach"):
        return {"show": False}
    today = local_today()
    breaches = list(Breach.objects.unreported()[: BREACHES_LISTED + 1])
    rows = [(breach, breach.report_now(today)) for breach in breaches[:BREACHES_LISTED]]
    more = len(breaches) > BREACHES_LISTED
    register = Breach._meta.verbose_name_plural
    return {"show": bool(rows), "rows": rows, "more": more, "register": register}


# Bar patterns, so that the series are told apart without colour (and in print): solid,
# hatched, dotted, grid, outlined. Presentation attributes, not style: the CSP allows no inline
# style.
PATTERNS = ["solid", "hatch", "dots", "grid", "outline"]
CHART_WIDTH, CHART_HEIGHT, AXIS, TOP = 720, 200, 28, 12


def bar_chart(rows, series, label_of):
    """Geometry for a grouped bar chart: one group per row, one bar per (key, label) of
    `series`, scaled to the largest count."""
    top = max([row[key] for row in rows for key, _label in series] + [1])
    group = (CHART_WIDTH - AXIS) / len(rows)
    bar = (group - 6) / len(series)
    plot = CHART_HEIGHT - TOP - 20
    groups = []
    for n, row in enumerate(rows):
        x0 = AXIS + n * group + 3
        bars = []
        for i, (key, label) in enumerate(series):
            height = plot * row[key] / top
            bars.append({"x": round(x0 + i * bar, 1), "y": round(TOP + plot - height, 1),
                         "width": round(bar - 1, 1), "height": round(height, 1),
                         "value": row[key], "label": label, "pattern": PATTERNS[i]})  # fmt: skip
        values = [(label, row[key]) for key, label in series]  # each named, for a phone's card
        groups.append({"label": label_of(row["start"]), "x": round(x0 + (group - 6) / 2, 1),
                       "bars": bars, "values": values})  # fmt: skip
    return {"groups": groups, "series": [(label, PATTERNS[i]) for i, (_k, label) in
                                         enumerate(series)],
            "top": top, "width": CHART_WIDTH, "height": CHART_HEIGHT, "axis": AXIS,
            "baseline": CHART_HEIGHT - 20, "label_y": CHART_HEIGHT - 6, "top_y": TOP}  # fmt: skip


@register.inclusion_tag("admin/rights/work_charts.html", takes_context=True)
def work_charts(context):
    """For privacy officers (and superusers) on the admin index: the last 12 weeks of
    requests and the last 12 months of consents, drawn on the server as SVG with the numbers in
    a table beside them (statistics.py counts, one query each)."""
    user = context["request"].user
    if not (user.has_perm("rights.view_ticket") and user.has_perm("consent.view_ledgerentry")):
        return {"show": False}
    weeks = requests_by_week()
    months = consents_by_month()
    # «received» as what became of a week's requests, beside «answered», not a column's name:
    # Kazakh says both «алынды», as it says «жауап берілді» (the field's «алынған» stood there).
    week_series = [("received", pgettext("what became of requests", "received")),
                   ("on_time", _("answered on time")),
                   ("late", _("answered late")), ("unanswered", _("closed, not answered")),
                   ("open", _("still open"))]  # fmt: skip
    month_series = [("given", _("consents given")), ("withdrawn", _("consents withdrawn"))]
    return {
        "show": True,
        "requests": bar_chart(weeks, week_series, lambda d: date_format(d, "d.m")),
        "consents": bar_chart(months, month_series, lambda d: date_format(d, "m.Y")),
    }
