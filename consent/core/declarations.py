"""The facts every document about the processing is written from (issue 20): the operator, the
purposes, the rights with their deadlines. The consent texts, the privacy policy, the list of
data and the register of processing all read them here, so that none can say otherwise.
"""

from collections.abc import Callable

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from consent.common.i18n import localised

from .purposes import DATA_FIELDS, PURPOSES, Purpose

# The rights of Art. 24 a policy lists, with the request type that exercises each.
RIGHTS = (
    (
        "access",
        _(
            "The right to know whether the operator processes your personal data "
            "and to receive them free of charge"
        ),
    ),
    (
        "correct",
        _(
            "The right to have your personal data changed or supplemented, on "
            "documents that confirm the change"
        ),
    ),
    (
        "block",
        _(
            "The right to have your personal data blocked when there is information"
            " that the rules of their collection or processing were broken"
        ),
    ),
    (
        "destroy",
        _(
            "The right to have your personal data destroyed when they were "
            "collected or processed in breach of the law"
        ),
    ),
    (
        "withdraw",
        _("The right to withdraw your consent to the collection and processing of personal data"),
    ),
    (
        "publication_removal",
        _(
            "The right to have your personal data removed from publicly available "
            "sources where they were published unlawfully"
        ),
    ),
    (
        "transfer_notice",
        _("The right to be told of a transfer of your personal data to third parties"),
    ),
    (
        "automated_objection",
        _("The right to object to a decision taken solely by automated processing"),
    ),
)

_deadline_days: Callable[[str], int] | None = None


def register_deadlines(days: Callable[[str], int]) -> None:
    """The requests app tells the core how many working days each request type has."""
    global _deadline_days
    _deadline_days = days


def deadline_days(kind: str) -> int:
    if _deadline_days is None:
        raise LookupError("no request deadlines registered (consent.rights not installed?)")
    return _deadline_days(kind)


def operator(language: str) -> dict[str, str]:
    """The operator's facts in `language`. The one place they are read, so that they can move
    from the settings to a model of the company without any document noticing."""
    op = settings.OPERATOR
    # Whom the operator appointed to organise the processing, and how to reach them (Art.
    # 25(2)(10), 25(3)), as one filling: a sentence of the two said «Demo, .» of a person whose
    # contact was not set, and nothing of a contact without the person.
    responsible = ", ".join(filter(None, (op["responsible_person"], op["responsible_contact"])))
    return {
        "operator_name": localised(op, "name", language),
        "bin": op["bin"],
        "address": localised(op, "address", language),
        "email": op["email"],
        "site": op["site"],
        "responsible_person": op["responsible_person"],
        "responsible_contact": op["responsible_contact"],
        "responsible": responsible,
        "data_location": localised(op, "data_location", language),
    }


def backups(language: str) -> dict[str, str]:
    """Where the nightly copies of the database are kept and how long each holds the data, in
    `language` (Art. 12(2); Art. 24(1)(1), 25(2)(6): the storage periods). Every purpose's data
    is in them, as it was on the night a copy was made, also after a correction, the end of a
    term or a destruction: the register, the access answer and the policy page say so, with
    the database's own place; scripts/backup deletes each copy after BACKUP_KEEP_DAYS."""
    days = settings.BACKUP_KEEP_DAYS
    with translation.override(language):
        place = localised(settings.OPERATOR, "data_location", language)
        term = ngettext(
            "each copy is deleted %(count)d day after it was made",
            "each copy is deleted %(count)d days after it was made",
            days,
        ) % {"count": days}
        said = _(
            "Backups of the database (encrypted copies) are stored in the same place: "
            "%(place)s. Each holds the data as they were on the night it was made, also once "
            "they have since been corrected or destroyed; %(term)s."
        ) % {"place": place, "term": term}
    return {"place": place, "term": term, "said": str(said)}


def offered_purposes() -> list[Purpose]:
    """The purposes consent is asked for now: the cross-border one only with someone abroad."""
    return [p for p in PURPOSES.values() if not (p.processors_setting and not p.processors())]


def purpose_facts(purpose: Purpose, language: str) -> dict:
    """What a document says of one purpose, in `language`."""
    with translation.override(language):
        return {
            "code": purpose.code,
            "name": str(purpose.name),
            "description": str(purpose.description),
            "fields": [str(DATA_FIELDS[f]) for f in purpose.fields],
            "basis": str(purpose.basis),
            "term": str(purpose.term_text),
            "term_years": purpose.term_years,
            "third_parties": [str(t) for t in purpose.third_parties],
            "abroad": [str(c) for c in purpose.recipients_abroad()],
            "published": purpose.published,
        }


def agreement_key(purpose: Purpose) -> dict:
    """The facts two documents must agree on (term, data, recipients, processors abroad), in a
    form that no translation changes: field codes, years and the untranslated names."""
    with translation.override(None):
        return {
            "term_years": purpose.term_years,
            "fields": list(purpose.fields),
            "third_parties": [str(t) for t in purpose.third_parties],
            "abroad": [str(c) for c in purpose.recipients_abroad()],
        }


# The term as facts frozen before it was counted in years stated it: three years and one year
# as 3 × 365 and 365 days (the texts said years all along).
_TERM_IN_DAYS = {365: 1, 3 * 365: 3}


def stated_term(facts: dict) -> int | None:
    """The term in years that frozen facts state, read from either form."""
    if "term_years" in facts:
        return facts["term_years"]
    return _TERM_IN_DAYS.get(facts.get("term_days"))


def declared_key() -> dict[str, dict]:
    return {p.code: agreement_key(p) for p in offered_purposes()}
