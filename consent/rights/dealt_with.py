"""When a person's inquiries and applications are dealt with (compliance L5): staff marked
every one answered (`submission_answer()`), and SERVICE_ACHIEVED_GRACE_DAYS have passed since
the last answer. The one rule of the service purpose's end (retention.service_achieved) and of
the end of a refused withdrawal's hold on the data (withdrawals_held.refusals)."""

from datetime import datetime, timedelta

from django.conf import settings
from django.db.models import Max

from consent.core.models import Submission


def answered_before(at: datetime) -> datetime:
    """Inquiries answered before this moment are past their grace period at `at`."""
    return at - timedelta(days=settings.SERVICE_ACHIEVED_GRACE_DAYS)


def last_answered(subject_id: int, at: datetime) -> datetime | None:
    """When the last of the person's inquiries and applications was answered, if every one of
    them was answered before the grace period at `at`; None while one is unanswered, answered
    within the grace period, or they sent none."""
    submissions = Submission.objects.filter(subject_id=subject_id)
    last_answer = submissions.aggregate(last=Max("answered_at"))["last"]
    if last_answer is None or last_answer > answered_before(at):
        return None
    if submissions.filter(answered_at__isnull=True).exists():
        return None
    return last_answer
