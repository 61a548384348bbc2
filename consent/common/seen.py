"""A row edited in the admin by two staff members at once (a site page, the company's details,
a service, a calendar day's note, a phrase, a draft).

Django's admin saves what the form posts over whatever the row holds: the staff member who
opened the page before a colleague saved it wrote the colleague's changes away without a word.
Every change form of the admin site (emalu/staff.py gives it to each registered admin) carries
what the row held when it was opened: a hash of each field it edits. A save is refused when the
row holds something else, saying which fields changed, who saved them and when, with what the
staff member typed kept in the form; the row is locked from that check until the save.

An inline's rows are held alike, each by its own mark (a row a colleague changed under the page
was written back as the page showed it). What no form field edits is not held: a disabled field
(a user's password hash), and a user's last sign-in, which changes whenever they sign in and is
shown read-only (emalu/users_admin.py), so an administrator's save is neither refused for them
nor writes an old one back."""

import functools
import hashlib
import json

from django import forms
from django.contrib.admin.models import LogEntry
from django.contrib.admin.utils import flatten_fieldsets
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from .directions import OldMarksKept

SEEN = "seen"


def fingerprints(row, names) -> dict[str, str]:
    """A short hash of each of `names` as `row` holds it."""
    values = {name: row._meta.get_field(name).value_from_object(row) for name in names}
    return {name: hashlib.sha256(repr(v).encode()).hexdigest()[:16] for name, v in values.items()}


def last_saved(row) -> LogEntry | None:
    """The admin's log entry of the last save of `row`, if it has one."""
    kind = ContentType.objects.get_for_model(row)
    return (
        LogEntry.objects.filter(content_type=kind, object_id=str(row.pk))
        .select_related("user")
        .order_by("-action_time", "-pk")
        .first()
    )


def changed_meanwhile(row, labels: list[str]) -> str:
    """What a staff member is told whose save would write a colleague's changes away (`row`:
    the record the admin's log names, an inline row's parent)."""
    entry = last_saved(row)
    fields = ", ".join(f"«{label}»" for label in labels)
    if entry is None:  # changed outside the admin (a job, the site itself)
        return _(
            "This record was changed after you opened it; changed: %(fields)s. Your changes "
            "were not saved, so as not to write those away; they are still in the form below. "
            "Open the record again in a new tab, make your changes there and save it."
        ) % {"fields": fields}
    when = formats.date_format(timezone.localtime(entry.action_time), "DATETIME_FORMAT")
    return _(
        "This record was saved by %(who)s on %(when)s, after you opened it; changed: "
        "%(fields)s. Your changes were not saved, so as not to write theirs away; they are "
        "still in the form below. Open the record again in a new tab, make your changes there "
        "and save it."
    ) % {"who": entry.user.get_username(), "when": when, "fields": fields}


class SeenForm(OldMarksKept, forms.ModelForm):
    """An admin change form refusing to save over a colleague's changes (see the module); as
    the base of every admin form, it keeps a row's value saved before the direction rule when
    it is posted back unchanged (directions.OldMarksKept)."""

    seen = forms.CharField(widget=forms.HiddenInput, required=False, max_length=4000, label="")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None:
            self.fields[SEEN].initial = json.dumps(self._fingerprints(self.instance))

    def _edited(self):
        """The row's fields this form writes: not a disabled one, which keeps what the row
        holds (a user's password hash, shown but never posted)."""
        concrete = {f.name for f in self._meta.model._meta.concrete_fields}
        return sorted(n for n, f in self.fields.items() if n in concrete and not f.disabled)

    def _fingerprints(self, row):
        return fingerprints(row, self._edited())

    def _refusal(self, now, changed) -> str | None:
        """Why the save is refused, the row now being `now` and `changed` its fields changed
        since the page was opened (None: it is not)."""
        if not changed:
            return None
        return changed_meanwhile(self._logged(now), [str(self.fields[n].label) for n in changed])

    def _logged(self, row):
        """The record whose save the admin logs: an inline row's parent, else `row`."""
        for field in self.fields.values():
            parent = getattr(field, "parent_instance", None)  # InlineForeignKeyField
            if parent is not None and parent.pk is not None:
                return parent
        return row

    def clean(self):
        cleaned = super().clean()
        # As its field cleaned it (at most its max_length: a longer one is that field's error).
        seen = cleaned.get(SEEN) or ""
        if self.instance.pk is None or not seen:  # a new row, or a page opened before this
            return cleaned
        try:
            before = json.loads(seen)
        except (ValueError, RecursionError):  # not the mark this page wrote; «[» nested past
            before = {}  # Python's depth (a thousand, 1 kB of them) was a 500
        before = before if isinstance(before, dict) else {}
        model = type(self.instance)
        # Locked until the save commits (the admin saves in one transaction): nobody else's save
        # lands between this check and ours.
        now = model._default_manager.select_for_update().filter(pk=self.instance.pk).first()
        if now is None:
            return cleaned  # deleted meanwhile: the admin says so itself
        after = self._fingerprints(now)
        changed = [n for n in self._edited() if n in before and before[n] != after[n]]
        refusal = self._refusal(now, changed)
        if refusal:
            raise ValidationError(refusal)
        return cleaned


def seen_form(form):
    """`form`, an admin's form class, refusing to save over a colleague's changes."""
    if issubclass(form, SeenForm):
        return form
    return type(form.__name__, (SeenForm, form), {"__module__": form.__module__})


class SeenFieldsets:
    """The form is a SeenForm, and the hidden mark of what the row held is on the change page of
    staff who may change the row (a read-only page shows no form field)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.form = seen_form(self.form)

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is not None and not self.has_change_permission(request, obj):
            # Django's default fieldsets list the form's own fields too: a read-only page
            # showed the mark as a field, «Seen: None», in English whatever the staff language.
            return [(name, {**options, "fields": [f for f in options["fields"] if f != SEEN]})
                    for name, options in fieldsets]  # fmt: skip
        if obj is None or not fieldsets or SEEN in flatten_fieldsets(fieldsets):
            return fieldsets
        *rest, (name, options) = fieldsets
        return [*rest, (name, {**options, "fields": [*options["fields"], SEEN]})]


@functools.cache
def seen_inline(inline):
    """`inline`, an inline admin class, each of its rows refusing to save over a colleague's
    changes (one class each, so that the admin's checks and caches see the same class)."""
    if issubclass(inline, SeenFieldsets):
        return inline
    return type(inline.__name__, (SeenFieldsets, inline), {"__module__": inline.__module__})


class SeenAdmin(SeenFieldsets):
    """Given to every registered ModelAdmin by the admin site, for its change form and each row
    of its inlines."""

    def get_inlines(self, request, obj):
        return [seen_inline(inline) for inline in super().get_inlines(request, obj)]
