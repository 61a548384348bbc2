"""The access export's consents (compliance L10): the consent history, a row per ledger event,
and for each purpose the text the person consented to, in the words and the language they were
shown it in (rights.consented). The purposes said only what each purpose declares today, and
the history gave a version and a hash: the person had to ask for the words they agreed to."""

from datetime import date, datetime

from django.utils import timezone

from consent.common.dates import document_time
from consent.common.i18n import language_name
from consent.common.text import Verbatim
from consent.core import gate
from consent.core.guardians import guardian_name
from consent.core.ledger import data_shown, grants_ended, reason_shown
from consent.core.models import LedgerEntry, Subject

from .consented import as_published, ending_named, text_checked


def when(value: datetime | date | None) -> datetime | date | None:
    """A time in the site's time zone, to the second (the JSON writes it in ISO 8601 with
    its offset, the PDF as the person writes it); a date as it is."""
    if isinstance(value, datetime):
        return timezone.localtime(value).replace(microsecond=0)
    return value


def consents(subject: Subject) -> tuple[list[dict], dict[str, dict]]:
    """The consent history, a row per ledger event, oldest first; and by purpose what the
    latest grant of it gave (the words, their version and when), for the purposes section."""
    entries = list(
        LedgerEntry.objects.filter(subject=subject)
        .select_related("text__policy", "guardian")
        .order_by("id")
    )
    asking, ended = gate.asking_again(), grants_ended(entries)
    history, given = [], {}
    for e in entries:
        shown, proven = text_checked(e)
        # A sentence for the person, its time as the PDF writes times (the JSON's times are
        # the rows' own; the grant it names is the row with that time and version).
        ends = ending_named(e, ended, document_time)
        history.append(_ledger_row(e, asking, shown, proven, ends))
        if e.kind == LedgerEntry.Kind.GRANT:
            given[e.purpose] = {
                "consent_given_at": when(e.at),
                "consent_text_version_given": e.text.version if e.text else "",
                "consent_text_given": Verbatim(shown),
            }
    return history, given


def _ledger_row(e, asking, shown, proven, ends):
    return {
        "at": when(e.at),
        "event": e.get_kind_display(),
        "purpose": e.get_purpose_display() if e.purpose else "",
        "consent_ended": ends,  # what a withdrawal withdrew (an expiry… ended)
        "consent_text_version": e.text.version if e.text else "",
        "privacy_policy_version": e.text.policy.number if e.text else "",
        "text_sha256": e.text_sha256,
        "shown_name": Verbatim(e.shown_name),  # what the hash was taken over (plain_text)
        "shown_fields": Verbatim(data_shown(e)),
        "consent_text": Verbatim(shown),
        "text_gives_sha256": proven,
        # Whether the words kept are the words published (their SHA-256 as published): a text
        # changed in the database since says «no» here, whatever its row's own hash gives.
        "text_as_published": as_published(e),
        "language": language_name(e.language),
        "source": e.get_source_display(),
        "ip": e.ip or "",
        "user_agent": e.user_agent,
        "expires_at": when(e.expires_at) or "",
        "consent_asked_again": when(gate.asked_again_at(e, asking)) or "",
        "guardian": guardian_name(e.guardian),
        "reason": reason_shown(e),
    }
