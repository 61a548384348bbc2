"""When a person the nightly retention leaves for staff (retention_plan's "review") stops being
left by itself, with no decision (compliance L5, L6, L25). The digest listed such people every
day with «decide» and no date, so nobody knew that the data would be processed again, or
destroyed, on a day of its own:

- under 18 by a corrected date of birth (retention.UNDER_AGE): on their 18th birthday the
  consents they gave alone count again (the gate reads their age on each day), unless the last
  of those consents ends first;
- consent asked again by a later text (retention.ASKED_AGAIN): when the last grant to the
  earlier text ends.

A consent that ends leaves no purpose standing (else the person would not be under review), so
the nightly retention then destroys the data."""

from datetime import date, datetime
from typing import NamedTuple

from django.db.models import Max

from consent.common.dates import local_date, local_midnight
from consent.core import gate

from .retention import ASKED_AGAIN, UNDER_AGE, asked_again_grants, under_age_grants


class Until(NamedTuple):
    """The day a review ends by itself: the person's 18th birthday (`of_age`), or the day the
    last consent holding them ends."""

    day: date
    of_age: bool


def review_until(review: list[tuple[int, str]], at: datetime) -> dict[int, Until]:
    """For each person of `review` (retention_plan's, at `at`) whose review ends by itself,
    the day it does unless an officer decides first."""
    held = {
        reason: [pk for pk, why in review if why == reason] for reason in (UNDER_AGE, ASKED_AGAIN)
    }
    ends = {}
    asked = asked_again_grants(at).filter(subject_id__in=held[ASKED_AGAIN]).order_by()
    for row in asked.values("subject_id").annotate(last=Max("expires_at")):
        ends[row["subject_id"]] = Until(local_date(row["last"]), False)
    minors = under_age_grants(at).filter(subject_id__in=held[UNDER_AGE]).order_by()
    for row in minors.values("subject_id", "subject__birth_date").annotate(last=Max("expires_at")):
        birthday = gate.of_age_on(row["subject__birth_date"])
        unending = minors.filter(subject_id=row["subject_id"], expires_at__isnull=True).exists()
        if unending or local_midnight(birthday) < row["last"]:
            ends[row["subject_id"]] = Until(birthday, True)
        else:
            ends[row["subject_id"]] = Until(local_date(row["last"]), False)
    return ends
