"""The site speaks Kazakh (the default) and Russian; texts are stored as `<name>_kk`/`<name>_ru`."""

from django.db.models import Model
from django.utils.translation import get_language, gettext_lazy

# A language as the reader names it in their own language (Орысша in Kazakh, Русский in
# Russian), for what a person or a regulator reads; the choices' own labels are each
# language's name for itself, for choosing one.
LANGUAGE_NAMES = {"kk": gettext_lazy("Kazakh"), "ru": gettext_lazy("Russian")}


def localised(source: Model | dict[str, str], name: str, language: str | None = None) -> str:
    """`source.<name>_<language>` (or `source["<name>_<language>"]` for a dict) in `language`
    (default: the active one); Kazakh for any language other than Russian."""
    language = language or get_language()
    key = f"{name}_ru" if language == "ru" else f"{name}_kk"
    return source[key] if isinstance(source, dict) else getattr(source, key)


def language_name(code: str | None) -> str:
    """The name of the language `code` in the active language; "" for none (a blank field)."""
    return str(LANGUAGE_NAMES[code]) if code in LANGUAGE_NAMES else (code or "")
