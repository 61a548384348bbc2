"""The order an admin list sorts a column of choices in: the order of what the staff member
reads in it, in her language, not of the codes stored.

Django's admin sorted a choice column by the stored code («access», «automated_objection»,
«block»...), so the desk's list sorted by type read «деректерге қол жеткізу, автоматтандырылған
шешімдерге қарсылық, өңдеуді бұғаттау» in Kazakh, «доступ к данным, возражение против
автоматизированных решений, блокирование обработки» in Russian: an order the officer could not
see; by status, the closed ones first and the ones waiting for the person's confirmation last.

Every list of the admin site (emalu/staff.py gives this to each registered admin) now sorts a
choice field, a column's own or the one a computed column sorts by, by its labels in the
alphabet of the language the page is in, or, for the fields an admin names in `stage_ordered`
(a request's status), in the order their choices are declared: the order the work goes through
them.
"""

import functools

from django.contrib.admin.utils import NotRelationField, get_fields_from_path
from django.core.exceptions import FieldDoesNotExist
from django.db.models import Case, IntegerField, Value, When

# The Kazakh Cyrillic alphabet, in its order; Russian's letters are all in it, in Russian order.
ALPHABET = "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя"
_PLACE = {letter: place for place, letter in enumerate(ALPHABET)}


def alphabetical(text) -> tuple:
    """A sort key of `text` as a Kazakh or Russian dictionary orders words: «қ» after «к»,
    «ә» after «а», «і» after «ы» (by code point «ә», «қ», «і» come after «я»), letter case
    aside; spaces (a no-break one as any other), digits and Latin letters before the Cyrillic
    ones."""
    folded = (" " if c.isspace() else c for c in str(text).casefold())
    return tuple((1, _PLACE[c]) if c in _PLACE else (0, ord(c)) for c in folded)


def choices_ranked(model, name: str, by_stage: bool = False, labels=None) -> list | None:
    """The stored values of the choice field `name` (a path, «subject__language», allowed) of
    `model`, in the order a list shows them: by label in the active language, or as declared
    (`by_stage`). `labels`: the (value, label) pairs a column shows for a field that declares
    no choices (the audit log's model labels). None when `name` is no field with choices."""
    try:
        field = get_fields_from_path(model, name)[-1]
    except (FieldDoesNotExist, NotRelationField):
        return None
    choices = list(labels() if labels else getattr(field, "flatchoices", None) or ())
    if not choices:
        return None
    if not by_stage:
        choices.sort(key=lambda choice: alphabetical(choice[1]))
    return [value for value, _label in choices]


def label_ordered(model, ordering, stage_ordered=(), labelled_by=None):
    """`ordering`, one item of a queryset's order («type», «-status», an expression), with a
    choice field's codes replaced by their rank as the list shows them; a value no choice has
    (a code since retired, none) after every other. `labelled_by`: {field: a callable giving
    the (value, label) pairs its column shows} for fields that declare no choices."""
    if not isinstance(ordering, str):
        return ordering
    name = ordering.removeprefix("-")
    labels = (labelled_by or {}).get(name)
    ranked = choices_ranked(model, name, by_stage=name in stage_ordered, labels=labels)
    if ranked is None:
        return ordering
    whens = [When(**{name: value}, then=Value(rank)) for rank, value in enumerate(ranked)]
    rank = Case(*whens, default=Value(len(ranked)), output_field=IntegerField())
    return rank.desc() if ordering.startswith("-") else rank.asc()


@functools.cache
def label_ordered_changelist(changelist):
    """`changelist`, a ChangeList class, sorting its choice columns as `label_ordered` does."""

    class LabelOrdered(changelist):
        def get_ordering(self, request, queryset):
            staged = getattr(self.model_admin, "stage_ordered", ())
            labelled = getattr(self.model_admin, "labelled_by", None)
            ordering = super().get_ordering(request, queryset)
            return [label_ordered(self.model, item, staged, labelled) for item in ordering]

    LabelOrdered.__name__ = LabelOrdered.__qualname__ = changelist.__name__
    return LabelOrdered


class LabelOrderedAdmin:
    """Given to every registered ModelAdmin by the admin site: its list sorts choice columns by
    what they read (label_ordered). An admin's `stage_ordered`: the fields sorted as their
    choices are declared, the order of the work, rather than by label; its `labelled_by`, the
    labels of a column whose field declares no choices (label_ordered). No defaults here: this
    class comes first in the admin's bases, and would hide the admin's own."""

    def get_changelist(self, request, **kwargs):
        return label_ordered_changelist(super().get_changelist(request, **kwargs))
