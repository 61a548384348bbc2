"""Which policy version is in force, for what reads it on every request (the cookie banner):
the published versions' numbers and effective dates, cached, and the date compared on each read;
and each published version's life for the policy page's list of versions (`spans`)."""

from dataclasses import dataclass
from datetime import date, datetime

from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

from consent.common.dates import local_date, local_midnight

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


@dataclass(frozen=True)
class Span:
    """One published version's life, as the site applies it (what `texts.current_policy` gives
    at each moment): from midnight in Almaty of its effective date until a later version takes
    over, at its own midnight (or at its publication, when published on that day). A later
    version taking over at or before its midnight replaced it before its date (an editor who
    finds a typo in a version announced ahead publishes its correction for the same date): it
    never applied, and its page names the version that replaced it (`replaced_by`). Its page
    said «in effect from» that date and, after it, «no longer in effect», of a version that
    never was."""

    policy: PolicyVersion
    start: datetime
    end: datetime | None  # when a later version took or takes over; None: nothing announced
    replaced_by: PolicyVersion | None  # the later version that took over before `start`

    @property
    def replaced_before_effect(self) -> bool:
        return self.replaced_by is not None

    @property
    def starts_on(self) -> date:
        return self.policy.effective_date

    @property
    def ends_on(self) -> date | None:
        return None if self.end is None else local_date(self.end)

    def state(self, now: datetime) -> str:
        if self.replaced_before_effect:
            return "never"
        if self.start > now:
            return "coming"
        return "in_force" if self.end is None or self.end > now else "replaced"


def _takeover(policy: PolicyVersion) -> datetime:
    return max(policy.published_at, local_midnight(policy.effective_date))


def spans() -> list[Span]:
    """Every published version, oldest first, with when it applied or is to apply."""
    published = list(PolicyVersion.objects.filter(published_at__isnull=False).order_by("number"))
    result = []
    for i, policy in enumerate(published):
        start = local_midnight(policy.effective_date)
        later = published[i + 1 :]
        replaced_by = next((other for other in later if _takeover(other) <= start), None)
        end = min((_takeover(other) for other in later), default=None)
        result.append(Span(policy, start, end, replaced_by))
    return result


def last_applied_before(policy: PolicyVersion, every: list[Span]) -> PolicyVersion | None:
    """The version that applied (or is to apply) last before `policy`: what its «what changed»
    compares with. One replaced before its date never applied, so nothing changed since it."""
    earlier = [s.policy for s in every if s.policy.number < policy.number]
    applied = {s.policy.number for s in every if not s.replaced_before_effect}
    return next((p for p in reversed(earlier) if p.number in applied), None)
