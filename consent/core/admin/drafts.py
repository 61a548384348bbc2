"""A draft (a policy version, a consent text) edited by two staff members at once.

Django's admin saves what the form posts over whatever the row holds: an editor who opened the
draft before another saved it wrote the other's changes away without a word, and one who saved
after the other had published it got a bare «access denied», their changes gone unexplained.
The form now carries what the draft held when it was opened (a hash of each field it edits and
of its publication), and a save is refused, saying what changed and who saved it, when the
row holds something else; the row is locked from that check until the save."""

import hashlib
import json

from django import forms
from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.utils import formats, timezone
from django.utils.translation import gettext as _

SEEN = "seen"


def _fingerprints(row, names) -> dict[str, str]:
    """A short hash of each of `names` as `row` holds it, and of its publication."""
    values = {name: row._meta.get_field(name).value_from_object(row) for name in names}
    values["published_at"] = row.published_at
    return {name: hashlib.sha256(repr(v).encode()).hexdigest()[:16] for name, v in values.items()}


def published_meanwhile(row) -> str:
    """What an editor is told who saves a draft published since they opened it."""
    when = formats.date_format(timezone.localtime(row.published_at), "DATETIME_FORMAT")
    return _(
        "It was published on %(when)s, while you were editing it: what is published is not "
        "changed, and your changes were not saved. Make them in a new draft."
    ) % {"when": when}


def last_saved_by(row) -> str:
    """Who saved `row` last in the admin, by login ("" when the admin's log has no entry)."""
    kind = ContentType.objects.get_for_model(row)
    entry = (
        LogEntry.objects.filter(content_type=kind, object_id=str(row.pk))
        .select_related("user")
        .order_by("-action_time", "-pk")
        .first()
    )
    return entry.user.get_username() if entry else ""


class DraftForm(forms.ModelForm):
    """The admin form of a published model's draft, refusing to save over another's changes."""

    seen = forms.CharField(widget=forms.HiddenInput, required=False, max_length=2000, label="")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None:
            self.fields[SEEN].initial = json.dumps(_fingerprints(self.instance, self._edited()))

    def _edited(self):
        concrete = {f.name for f in self._meta.model._meta.concrete_fields}
        return sorted(name for name in self.fields if name in concrete)

    def clean(self):
        cleaned = super().clean()
        seen = self.data.get(self.add_prefix(SEEN)) or ""
        if self.instance.pk is None or not seen:  # a new draft, or a page opened before this
            return cleaned
        try:
            before = json.loads(seen)
        except ValueError:
            before = {}
        model = type(self.instance)
        # Locked until the save commits (the admin saves in one transaction): nobody else's save
        # lands between this check and ours.
        now = model._default_manager.select_for_update().filter(pk=self.instance.pk).first()
        if now is None:
            return cleaned  # deleted meanwhile: the admin says so itself
        if now.published_at is not None:
            raise ValidationError(published_meanwhile(now))
        after = _fingerprints(now, self._edited())
        changed = [name for name in self._edited() if before.get(name) != after[name]]
        if changed:
            labels = ", ".join(f"«{self.fields[name].label}»" for name in changed)
            who = last_saved_by(now) or _("another staff member")
            raise ValidationError(
                _("This draft was saved after you opened it (saved by: %(who)s); changed: "
                  "%(fields)s. Your changes were not saved, so as not to write theirs away: copy "
                  "what you need from below, open the draft again and make your changes there.")
                % {"who": who, "fields": labels}
            )  # fmt: skip
        return cleaned
