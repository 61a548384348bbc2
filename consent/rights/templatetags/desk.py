from django import template
from django.db.models import Count, Q

from consent.common.dates import local_today
from consent.rights.models import Ticket

register = template.Library()


@register.inclusion_tag("admin/rights/desk_summary.html", takes_context=True)
def desk_summary(context):
    """Open and overdue requests, for the admin index (one query)."""
    user = context["request"].user
    if not user.has_perm("rights.view_ticket"):
        return {"show": False}
    today = local_today()
    counts = Ticket.objects.open().aggregate(
        open=Count("id"),
        overdue=Count("id", filter=Q(due_date__lt=today)),
        today=Count("id", filter=Q(due_date=today)),
    )
    return {"show": True, **counts}
