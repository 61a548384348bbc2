"""The site speaks Kazakh (the default) and Russian; texts are stored as `<name>_kk`/`<name>_ru`."""

from django.db.models import Model
from django.utils.translation import get_language


def localised(source: Model | dict[str, str], name: str, language: str | None = None) -> str:
    """`source.<name>_<language>` (or `source["<name>_<language>"]` for a dict) in `language`
    (default: the active one); Kazakh for any language other than Russian."""
    language = language or get_language()
    key = f"{name}_ru" if language == "ru" else f"{name}_kk"
    return source[key] if isinstance(source, dict) else getattr(source, key)
