"""The admin index's line on the nightly backup (scripts/backup records each dump it writes,
consent/core/jobs.py::run_recorded), for administrators: a backup that fails shows on the
page they open, not only in the journal of the host that runs it."""

from django import template
from django.conf import settings
from django.utils import timezone

from consent.core.jobs import BACKUP, last_run

register = template.Library()


@register.inclusion_tag("admin/consent/backup.html", takes_context=True)
def backup_summary(context):
    """When the last backup was made, a warning when it is older than HEALTH_BACKUP_MAX_AGE
    (the limit /healthz holds it to), or that none has been recorded."""
    if not context["request"].user.is_superuser:
        return {"show": False}
    run = last_run(BACKUP)
    made = timezone.localtime(run.finished_at) if run else None
    late = made is None or timezone.now() - made > settings.HEALTH_BACKUP_MAX_AGE
    return {"show": True, "made": made, "late": late}
