"""The privacy officers' digest, each working day (compliance L5, L7, L8, L21): requests
overdue, due today and next, those to close unconfirmed, breaches the regulator is still to
hear of, the emails set aside, the destructions whose confirmation did not reach the person,
and the people retention leaves for staff."""

from collections import defaultdict
from datetime import date, timedelta

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from consent.common.net import absolute_url
from consent.core.mail import interpolate, queue_mail_each
from consent.core.models import AuditEvent
from consent.core.staff import staff_addressed
from consent.workdays.calendar import add_working_days, is_working_day

from .alerts import officers
from .destroyed_told import UNDELIVERED
from .models import QUIET_REASONS, Breach, QuarantinedMessage, Ticket
from .retention import REVIEW_REASONS, retention_plan
from .review_ends import review_until

# The people listed, those whose review ends soonest first; beyond them the digest says how
# many more, and `manage.py enforce_retention --dry-run` lists all. The emails set aside
# likewise, each kind (the list in the admin has them all): a flood of letters must not make
# the digest a flood.
REVIEW_LISTED = 50


class NoOfficer(Exception):
    """The digest has something to tell and no one to tell it to: no active privacy officer (or
    superuser) with an address. It had queued nothing and recorded the day as done, /healthz
    saying all was well, while the requests it listed ran past their legal due dates."""

    def __init__(self, due: int):
        super().__init__(due)
        self.due = due


def digest(today: date) -> int:
    """Send the digest for `today` (a date in Asia/Almaty). Returns the number of emails queued;
    nothing on a weekend or public holiday, or when nothing is due. Due and overdue count
    every request still to be answered, waiting ones included (TicketQuerySet.overdue: the law
    counts from receipt); those waiting are listed to close once they can be closed
    unconfirmed, so that none waits for ever.

    Every email set aside is listed once, in the first digest after the day it arrived, and not
    yet opened as a request: those a machine sent (reason "automated") or that ask nothing
    (asked_nothing.py) raise no notice of their own, since an auto-responder could answer
    each, so that a person's request behind such a header is still seen; the others, since
    their notices are bounded (alerts.tell_set_aside), a burst's after the first told of only
    by their number. Reports that our mail about a request came back (threads.py) are listed
    with the request's number, and counted.

    A breach the regulator has not been told of is listed from the day it is due (the local
    date of `today`, as its due date is), and every working day after until it is told.

    A destruction whose confirmation the mail server did not take (destroyed_told.py) is listed
    once, in the first digest after the day it was recorded, with its request's page, which
    says how to tell the person.

    The people retention leaves for staff to decide are listed, each with the reason, every
    working day until the reason is gone (compliance L5)."""
    if not is_working_day(today):
        return 0
    tomorrow = add_working_days(today, 1)
    previous = today - timedelta(days=1)
    while not is_working_day(previous):
        previous -= timedelta(days=1)
    tickets = Ticket.objects.order_by("due_date", "id")  # waiting ones too: L8
    groups = {
        "overdue": list(tickets.overdue(today)),
        "today": list(tickets.due_on(today)),
        "tomorrow": list(tickets.due_after(today, tomorrow)),
        "breaches": list(Breach.objects.report_now(today)),
        "closable": list(Ticket.objects.closable(timezone.now()).order_by("received_at", "id")),
    }
    # Local dates (the current time zone is the site's): the previous working day's arrivals and
    # those of the days off since, each in exactly one digest.
    arrived = QuarantinedMessage.objects.filter(
        ticket=None, received_at__date__gte=previous, received_at__date__lt=today
    ).order_by("received_at", "id")
    Reason = QuarantinedMessage.Reason
    quiet = Q(reason__in=QUIET_REASONS)
    returned = Q(reason=Reason.RETURNED)
    unlisted = {}
    for group, entries in (("automated", arrived.filter(reason=Reason.AUTOMATED)),
                           ("nothing_asked", arrived.filter(reason=Reason.NOTHING_ASKED)),
                           ("returned", arrived.filter(returned).select_related("request")),
                           ("set_aside", arrived.exclude(quiet | returned))):  # fmt: skip
        groups[group] = list(entries[:REVIEW_LISTED])
        unlisted[f"{group}_more"] = entries.count() - len(groups[group]) if groups[group] else 0
    # Destructions whose confirmation the mail server did not take (destroyed_told.py): the
    # officer who pressed was told on the page; the others too, since the person is still to be
    # told another way. Each once, as the emails set aside, by the day it was recorded.
    untold = AuditEvent.objects.filter(
        action=UNDELIVERED, object_type=Ticket._meta.label_lower,
        at__date__gte=previous, at__date__lt=today,
    ).order_by("at", "id")  # fmt: skip
    untold_tickets = Ticket.objects.in_bulk([int(e.object_id) for e in untold])
    groups["untold"] = [
        (untold_tickets[int(e.object_id)], e.at,
         absolute_url(reverse("admin:rights_ticket_change", args=[e.object_id])))
        for e in untold if int(e.object_id) in untold_tickets
    ]  # fmt: skip
    # The people the nightly retention left for staff (its plan's "review"): data past its
    # purpose, kept only until an officer decides. The job wrote them to its log, which no
    # officer reads, so they stayed for ever.
    # Each with the day their review ends by itself, if it does (review_ends.py), those first
    # and the soonest first: by number, the one whose data goes tomorrow could be the 51st.
    now = timezone.now()
    review = retention_plan(now)["review"]
    until = review_until(review, now)
    review.sort(key=lambda entry: (entry[0] not in until, until.get(entry[0], ()), entry[0]))
    groups["review"] = [
        (subject_id, REVIEW_REASONS[reason],
         absolute_url(reverse("admin:consent_subject_change", args=[subject_id])),
         until.get(subject_id))
        for subject_id, reason in review[:REVIEW_LISTED]
    ]  # fmt: skip
    if not any(groups.values()):
        return 0
    desk = absolute_url(reverse("admin:rights_ticket_changelist"))
    url = f"{desk}?due=open"
    breaches_url = absolute_url(reverse("admin:rights_breach_changelist"))
    counts = {"overdue": len(groups["overdue"]), "today": len(groups["today"]),
              "breaches": len(groups["breaches"])}  # fmt: skip
    # Each count after a colon: a number before a noun or participle would need its plural form
    # («1 просрочен», «2 просрочено»), and a subject line is not the place for three of them.
    if groups["breaches"]:
        subject_line = _("Breaches to report to the regulator: %(breaches)d; requests overdue: "
                         "%(overdue)d, due today: %(today)d")  # fmt: skip
    elif groups["overdue"] or groups["today"]:
        subject_line = _("Requests overdue: %(overdue)d, due today: %(today)d")
    else:  # only what is due later, to close, to decide on or set aside: «0, 0» read as nothing
        subject_line = _("Daily digest: no request overdue or due today")
    set_aside_url = absolute_url(reverse("admin:rights_quarantinedmessage_changelist"))
    automated_url = f"{set_aside_url}?reason__exact={Reason.AUTOMATED}"
    nothing_asked_url = f"{set_aside_url}?reason__exact={Reason.NOTHING_ASKED}"
    context = {**groups, **unlisted, "url": url, "automated_url": automated_url,
               "nothing_asked_url": nothing_asked_url,
               "set_aside_url": set_aside_url, "breaches_url": breaches_url,
               "day": today, "next_day": tomorrow, "mine_url": f"{url}&officer=me",
               # The list of them: the dashboard's count leads there too (admin/due.py).
               "closable_url": f"{desk}?due=closable",
               "review_more": max(0, len(review) - REVIEW_LISTED)}  # fmt: skip
    due = groups["overdue"] + groups["today"] + groups["tomorrow"]
    # Each officer's own requests first, those they are in charge of (assignment.py): the
    # officers with the same own requests (most often none) get one mail, rendered once per
    # language.
    # And for everyone those no one who can work them is in charge of: none taken, or held by an
    # officer since deactivated or taken out of the group, who gets no digest (officers.py).
    free = set(Ticket.objects.unassigned().filter(pk__in=[t.pk for t in due]).values_list(
        "pk", flat=True))  # fmt: skip
    context["unassigned"] = [t for t in due if t.pk in free]
    context["unassigned_url"] = f"{url}&officer=none"
    readers = defaultdict(list)
    for officer in officers():
        readers[tuple(t for t in due if t.assignee_id == officer.pk)].append(officer)
    if not readers:  # the only officer deactivated, or none made yet (README, Deploying, step 5)
        raise NoOfficer(len(due))
    return sum(len(queue_mail_each(
        staff_addressed(group), "staff_digest", {**context, "mine": list(mine)},
        subject_line=interpolate(subject_line, counts),
    )) for mine, group in readers.items())  # fmt: skip
