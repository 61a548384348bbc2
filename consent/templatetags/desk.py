from django import template
from django.db.models import Count, Q
from django.utils import timezone

from consent.models import Request

register = template.Library()


@register.inclusion_tag("admin/consent/desk_summary.html", takes_context=True)
def desk_summary(context):
    """Open and overdue requests, for the admin index (one query)."""
    user = context["request"].user
    if not user.has_perm("consent.view_request"):
        return {"show": False}
    today = timezone.localdate()
    counts = Request.objects.filter(status__in=["unverified", "open"]).aggregate(
        open=Count("id"),
        overdue=Count("id", filter=Q(due_date__lt=today)),
        today=Count("id", filter=Q(due_date=today)),
    )
    return {"show": True, **counts}
