from django import template
from django.db.models import Count, Q

from consent.common.dates import local_today
from consent.rights.models import QuarantinedMessage, Ticket

register = template.Library()


@register.inclusion_tag("admin/rights/desk_summary.html", takes_context=True)
def desk_summary(context):
    """Open and overdue requests, and emails set aside that no request was opened from yet,
    for the admin index (one query each)."""
    user = context["request"].user
    if not user.has_perm("rights.view_ticket"):
        return {"show": False}
    today = local_today()
    counts = Ticket.objects.open().aggregate(
        open=Count("id"),
        overdue=Count("id", filter=Q(due_date__lt=today)),
        today=Count("id", filter=Q(due_date=today)),
    )
    set_aside = None
    if user.has_perm("rights.view_quarantinedmessage"):
        set_aside = QuarantinedMessage.objects.filter(ticket__isnull=True).count()
    return {"show": True, "set_aside": set_aside, **counts}
