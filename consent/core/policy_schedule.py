"""Which policy version is in force, for what reads it on every request (the cookie banner):
the published versions' numbers and effective dates, cached, and the date compared on each read."""

from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

from consent.common.dates import local_date

from .models import PolicyVersion

# The published versions' (number, effective date), cached for the cookie banner, which reads the
# version in force on every request. Publication deletes it (now and at the commit: a request in
# between may have cached the rows before); the date is compared on each read, so a version dated
# ahead takes effect at midnight in Almaty without anything expiring. The timeout only bounds a
# cache that missed the deletion (a local-memory cache of another worker: use Redis there).
SCHEDULE = "consent:policy-schedule"
SCHEDULE_SECONDS = 60


def schedule_forget() -> None:
    cache.delete(SCHEDULE)
    transaction.on_commit(lambda: cache.delete(SCHEDULE))


def policy_number_in_force() -> int:
    """The number of the version in force today in Almaty (0 when none is): what
    `texts.current_policy()` gives, from the cached schedule, so that it costs no query."""
    schedule = cache.get(SCHEDULE)
    if schedule is None:
        published = PolicyVersion.objects.filter(published_at__isnull=False)
        schedule = list(published.values_list("number", "effective_date"))
        cache.set(SCHEDULE, schedule, SCHEDULE_SECONDS)
    day = local_date(timezone.now())
    return max((number for number, effective in schedule if effective <= day), default=0)


def replaced_before_effect(policy: PolicyVersion) -> PolicyVersion | None:
    """The version published after `policy` that takes effect no later than it, so that it never
    applies (an editor who finds a typo in a version announced ahead publishes its correction for
    the same date); None when `policy` does take effect. Its page said «in effect from» that date
    and, after it, «no longer in effect», of a version that never was."""
    return (
        PolicyVersion.objects.filter(
            published_at__isnull=False,
            number__gt=policy.number,
            effective_date__lte=policy.effective_date,
        )
        .order_by("number")
        .first()
    )
