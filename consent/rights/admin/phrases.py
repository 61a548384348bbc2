"""The intake's phrase table (compliance L7): privacy officers add the ways people write their
requests, or take one out of use; the policy's own phrases change only with the policy."""

from django.contrib import admin
from django.forms.models import model_to_dict

from consent.core.audit import audit, edit_detail
from consent.core.models import AuditEvent

from ..models import IntakePhrase

POLICY_FIELDS = ["phrase", "type", "language", "active", "canonical"]


@admin.register(IntakePhrase)
class IntakePhraseAdmin(admin.ModelAdmin):
    # Five columns, to fit 1280 px beside the menu and the filters with the note readable: the
    # language shows in the phrase itself, and is a filter.
    list_display = ["phrase", "type", "active", "canonical", "note"]
    list_filter = ["type", "language", "active", "canonical"]
    search_fields = ["phrase", "note"]
    fields = ["phrase", "type", "language", "active", "canonical", "note"]

    def get_readonly_fields(self, request, obj=None):
        # The policy's phrase is what the policy and the marketing mails tell people to write:
        # edited here it would no longer be what they wrote.
        return POLICY_FIELDS if obj is not None and obj.canonical else ["canonical"]

    def has_delete_permission(self, request, obj=None):
        return False  # taken out of use instead, so the table shows what was once matched

    def save_model(self, request, obj, form, change):
        """Saved and audited: who added or changed which phrase, before and after. A phrase
        decides which request an email opens and by when it is due; a change left no trace."""
        stored = IntakePhrase.objects.filter(pk=obj.pk).first() if change else None
        super().save_model(request, obj, form, change)
        detail = edit_detail(stored and self._audited(stored), self._audited(obj))
        if detail:
            audit(AuditEvent.Action.PHRASE_CHANGE, actor=request.user, obj=obj, **detail)

    def _audited(self, phrase):
        return model_to_dict(phrase, fields=[*POLICY_FIELDS, "purpose", "note"])

    def formfield_for_choice_field(self, db_field, request, **kwargs):
        if db_field.name == "type":
            kwargs["choices"] = [
                (value, label) for value, label in db_field.choices if value != "other"
            ]
        return super().formfield_for_choice_field(db_field, request, **kwargs)
