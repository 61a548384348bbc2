"""A correction that stops consents counting: a date of birth corrected to show the person under
18, whose consents were given without a parent or guardian (the gate's rule 4; Law 94-V Art.
7(1), 8(1): a minor's consent is given by their legal representative). Nothing of theirs is
processed from then on, and the nightly retention leaves them for staff to decide
(retention.UNDER_AGE). The correction still is made (Art. 13); the person and the officer are
told what it stopped: the answer said only «your data has been corrected», and the person's
data was destroyed that night."""

from datetime import date, datetime
from typing import NamedTuple

from django.db.models import Max
from django.utils.functional import Promise
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from consent.common.dates import local_date, local_midnight
from consent.core import gate
from consent.core.models import Subject
from consent.core.purposes import PURPOSES, purposes_named

from .retention import under_age_grants

TOLD = _(
    "By the corrected date of birth you are under 18. We may process the personal data of a "
    "person under 18 only with the consent of their parent or guardian, so we have stopped "
    "processing your data. A parent or guardian can give the consent on the application form "
    "on our website."
)
OFFICER_TOLD = _(
    "By the corrected date of birth the person is under 18, and they consented without a "
    "parent or guardian, so these consents no longer count and nothing is processed for them: "
    "%(purposes)s. The person was told that a parent or guardian can consent on the "
    "application form. Their data is kept until an officer decides; the daily digest lists "
    "them."
)


def counted(subject: Subject) -> set[str]:
    """The purposes the gate lets us process `subject`'s data for, as stored now."""
    return {code for code in PURPOSES if gate.may_process(subject, code)}


def told_stopped(outcome: Promise | str, stopped: set[str], ticket) -> Promise | str:
    """The answer's words, with what the correction stopped when it made the person (not a
    parent asking for a child) a minor whose consents no longer count."""
    if not stopped or ticket.guardian_id or not gate.needs_guardian(ticket.subject):
        return outcome
    return format_lazy("{}\n\n{}", outcome, TOLD)


def officer_told(ticket) -> str:
    """What the officer who carried the correction out is told of the consents it stopped, in
    the language active (hers)."""
    stopped = getattr(ticket, "consents_stopped", ())
    return OFFICER_TOLD % {"purposes": purposes_named(stopped)} if stopped else ""


class Until(NamedTuple):
    """When the review of a person held as under age ends by itself (retention.UNDER_AGE): on
    `day`, their 18th birthday (`of_age`: the consents they gave alone count again, the gate
    reading their age on each day), or the day the last of those consents ends (the nightly
    retention then destroys their data)."""

    day: date
    of_age: bool


def review_until(subject_ids, at: datetime) -> dict[int, Until]:
    """For each person of `subject_ids` under review as under age at `at`, when it ends unless
    an officer decides first: the digest listed them every day with «decide» and no date, so
    nobody knew that the data would be processed again, or destroyed, on a day of its own."""
    grants = under_age_grants(at).filter(subject_id__in=subject_ids)
    ends = {}
    per_person = grants.order_by().values("subject_id", "subject__birth_date")
    for row in per_person.annotate(last=Max("expires_at")):
        birthday = gate.of_age_on(row["subject__birth_date"])
        unending = grants.filter(subject_id=row["subject_id"], expires_at__isnull=True).exists()
        if unending or local_midnight(birthday) < row["last"]:
            ends[row["subject_id"]] = Until(birthday, True)
        else:
            ends[row["subject_id"]] = Until(local_date(row["last"]), False)
    return ends
