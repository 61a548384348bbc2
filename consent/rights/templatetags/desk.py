from django import template
from django.db.models import Count, Q
from django.utils import timezone

from consent.common.dates import local_today
from consent.rights.models import QuarantinedMessage, Ticket

register = template.Library()


@register.inclusion_tag("admin/rights/desk_summary.html", takes_context=True)
def desk_summary(context):
    """Open requests: overdue and due today among the confirmed ones (a request waiting for the
    person's confirmation is never overdue: TicketQuerySet.actionable), and how many wait, of
    them how many can be closed unconfirmed; and emails set aside that no request was opened
    from yet. For the admin index, one query each."""
    user = context["request"].user
    if not user.has_perm("rights.view_ticket"):
        return {"show": False}
    today = local_today()
    confirmed = Q(status=Ticket.Status.OPEN)
    waiting = Q(status=Ticket.Status.UNVERIFIED)
    closable = Ticket.objects.closable(timezone.now()).values("pk")
    counts = Ticket.objects.open().aggregate(
        open=Count("id"),
        overdue=Count("id", filter=confirmed & Q(due_date__lt=today)),
        today=Count("id", filter=confirmed & Q(due_date=today)),
        waiting=Count("id", filter=waiting),
        closable=Count("id", filter=Q(pk__in=closable)),
    )
    set_aside = None
    if user.has_perm("rights.view_quarantinedmessage"):
        set_aside = QuarantinedMessage.objects.filter(ticket__isnull=True).count()
    return {"show": True, "set_aside": set_aside, **counts}
