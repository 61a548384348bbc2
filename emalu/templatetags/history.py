"""An admin page's History and the index's «Recent actions» in the staff member's language,
field names and the names of the rows too.

Django stores a change's fields by their form labels, untranslated, «Effective date», and
translates them when the page is read with gettext, whose catalogue knows the model's own
msgid, «effective date»: every History page said «Изменено: Effective date, Template (Kazakh)
и Template (Russian)». Each name is looked up as stored and as its field's msgid, the rows
stored before included."""

import json

from django import template
from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.utils.text import capfirst
from django.utils.translation import gettext

register = template.Library()


def field_named(stored: str) -> str:
    """A field's stored label in the active language (as stored when no catalogue has it)."""
    translated = gettext(stored)
    if translated != stored:
        return translated
    msgid = stored[:1].lower() + stored[1:]
    return capfirst(gettext(msgid))


@register.filter
def change_told(entry: LogEntry) -> str:
    """`entry.get_change_message()`, its field names in the active language."""
    try:
        parts = json.loads(entry.change_message)
    except ValueError:
        parts = None
    if not isinstance(parts, list) or not all(isinstance(p, dict) for p in parts):
        # A message stored as text: a desk operation's, the msgid of its audit action
        # (core.audit.admin_logged), read in the reader's language.
        # gettext("") is the catalogue's header.
        text = entry.get_change_message()
        return capfirst(gettext(text)) if text else text
    for part in parts:
        changed = part.get("changed")
        if isinstance(changed, dict) and isinstance(changed.get("fields"), list):
            changed["fields"] = [field_named(str(name)) for name in changed["fields"]]
    return LogEntry(change_message=json.dumps(parts)).get_change_message()


@register.filter
def named_now(entries) -> list[tuple[LogEntry, str]]:
    """Each of `entries` with the row it was on, by its name in the active language: the log
    keeps the name in the language of the moment it was written, so an editor who had published
    «Новости и специальные предложения, версия 2» read that Russian name among the Kazakh words
    of the index's «Recent actions», after switching the admin to Kazakh. A row deleted since
    keeps the name it was logged under. The rows of each kind read by one query (they were one
    a row, on every staff member's first page)."""
    entries = list(entries)
    wanted: dict[int, set[str]] = {}
    for entry in entries:
        if not entry.is_deletion() and entry.content_type_id is not None:
            wanted.setdefault(entry.content_type_id, set()).add(entry.object_id)
    names = {}
    for kind, keys in wanted.items():
        model = ContentType.objects.get_for_id(kind).model_class()
        if model is None:
            continue
        try:
            rows = model._base_manager.filter(pk__in=keys)
            names |= {(kind, str(row.pk)): str(row) for row in rows}
        except (ValidationError, ValueError):  # a key of another shape than the model's now
            continue
    return [
        (entry, names.get((entry.content_type_id, entry.object_id), entry.object_repr))
        for entry in entries
    ]
