"""What the answer to a correction names (compliance L11): the items corrected and the items
removed, by the names the consent texts give them, in the person's language. The letter said
only «Ваши данные исправлены» («Деректеріңіз түзетілді»): a person who asked for their surname
and their telephone number to be changed, of whom one was, read that both were."""

from django.utils.functional import lazy
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from consent.core.purposes import DATA_FIELDS

CORRECTED = _("Corrected: %(items)s.")
REMOVED = _("Removed at your request: %(items)s.")


def _items(sentence, fields) -> str:
    # «; » between them: a name may hold commas («фамилия, имя и отчество»).
    return str(sentence) % {"items": "; ".join(str(DATA_FIELDS[f]) for f in fields)}


_said = lazy(_items, str)


def corrected_told(outcome, changed: list[str], cleared: list[str]):
    """`outcome` followed by the items corrected, then those removed, as one lazy text read in
    the language it is shown in (the request's, closing.ticket_close)."""
    corrected = [f for f in changed if f not in cleared]
    parts = [_said(CORRECTED, corrected)] if corrected else []
    parts += [_said(REMOVED, cleared)] if cleared else []
    return format_lazy(" ".join(["{}"] * (len(parts) + 1)), outcome, *parts)
