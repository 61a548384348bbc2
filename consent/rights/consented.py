"""What a person consented to, in words, for the consent evidence and the access export
(compliance L4, L10): the text of each grant as they were shown it, whether it still gives the
grant's SHA-256, and the grant a withdrawal (an expiry, a purpose achieved, consent asked again)
ended. Both gave a grant's version and hash only: to read the words they agreed to, the person,
or a court, had to ask the operator's staff for them."""

from collections.abc import Callable

from django.utils.translation import gettext as _

from consent.core.ledger import text_altered, text_proven, text_shown
from consent.core.models import LedgerEntry


def consent_named(grant: LedgerEntry, written: Callable[..., str]) -> str:
    """A grant named for a reader: when it was given, to which version; its time `written` so."""
    return _("the consent given %(time)s to consent text version %(version)s") % {
        "time": written(grant.at, seconds=True),
        "version": grant.text.version if grant.text else "—",
    }


def ending_named(
    entry: LedgerEntry, ended: dict[int, LedgerEntry | None], written: Callable[..., str]
) -> str:
    """What a row ends (`ended`, from core.ledger.grants_ended): the grant, named; "" for a row
    that ends none."""
    if entry.pk not in ended:
        return ""
    if (grant := ended[entry.pk]) is None:
        return _("none: no consent stood for this purpose then")
    return consent_named(grant, written)


def text_checked(entry: LedgerEntry) -> tuple[str, bool | None]:
    """A grant's words as shown (core.ledger.text_shown) and whether they give its SHA-256;
    ("", None) for a row with no text."""
    shown = text_shown(entry)
    return shown, (text_proven(entry, shown) if shown else None)


def as_published(entry: LedgerEntry) -> bool | None:
    """Whether a grant's text is kept as it was published (core.ledger.text_altered); None
    for a row with no text."""
    if not text_shown(entry):
        return None
    return not text_altered(entry)


def proof_said(proven: bool | None, entry: LedgerEntry | None = None) -> str:
    """Whether a grant's text gives its SHA-256, said to the reader of the evidence; when its
    text has been changed in the database since it was published, that is said first."""
    if proven is None:
        return ""
    if proven:
        return _("yes")
    if entry is not None and text_altered(entry):
        return _(
            "no: the consent text version %(version)s kept in the database is not the text "
            "published: its words do not give the SHA-256 published with it (%(digest)s), so "
            "they are not proven to be the words shown"
        ) % {
            "version": entry.text.version,
            "digest": getattr(entry.text, f"sha256_{entry.language}"),
        }
    return _(
        "no: the text kept in the database does not give the SHA-256 on this row, so it is "
        "not proven to be the text shown"
    )
