"""A correction that stops consents counting: a date of birth corrected to show the person under
18, whose consents were given without a parent or guardian (the gate's rule 4; Law 94-V Art.
7(1), 8(1): a minor's consent is given by their legal representative). Nothing of theirs is
processed from then on, and the nightly retention leaves them for staff to decide
(retention.UNDER_AGE). The correction still is made (Art. 13); the person and the officer are
told what it stopped: the answer said only «your data has been corrected», and the person's
data was destroyed that night."""

from django.utils.functional import Promise
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from consent.core import gate
from consent.core.models import Subject
from consent.core.purposes import PURPOSES, purposes_named

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
