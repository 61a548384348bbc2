"""The ledger, the audit log and destruction records: read-only for everyone."""

from django.apps import apps
from django.contrib import admin

from ..ledger import data_shown
from ..models import (
    AuditEvent,
    LedgerEntry,
    Tombstone,
)  # fmt: skip
from .base import (
    AuditedAdmin,
    EstimatedCountPaginator,
    ReadOnlyAdmin,
    guardian_named,
    subject_number,
)
from .details import audit_details


@admin.register(LedgerEntry)
class LedgerEntryAdmin(AuditedAdmin, ReadOnlyAdmin):
    """A ledger row holds the person's IP and browser: opening one is audited."""

    list_display = ["id", "at", subject_number, "purpose", "kind", "source", "text"]
    list_filter = ["kind", "purpose", "source"]
    raw_id_fields = ["subject"]
    # The guardian by name and contact (guardian_named), not as «#5»; the data the text named
    # by their names as it named them, not their codes.
    exclude = ["guardian", "shown_fields"]
    readonly_fields = [guardian_named, "data_named"]
    list_select_related = ["text"]
    list_lookups = ("subject__id__exact",)  # one person's history, linked from their page
    show_full_result_count = False
    paginator = EstimatedCountPaginator

    @admin.display(description=LedgerEntry._meta.get_field("shown_fields").verbose_name)
    def data_named(self, entry):
        return data_shown(entry) or "-"


@admin.register(AuditEvent)
class AuditEventAdmin(ReadOnlyAdmin):
    list_display = ["id", "at", "action", "actor_label", "subject_ref", "object_kind", "object_id"]
    fields = ["at", "action", "actor_id", "actor_label", "subject_ref", "object_kind", "object_id",
              "details"]  # fmt: skip
    list_filter = ["action"]
    search_fields = ["=subject_ref", "=actor_label"]
    show_full_result_count = False
    paginator = EstimatedCountPaginator

    @admin.display(description=AuditEvent._meta.get_field("detail").verbose_name)
    def details(self, obj):
        """The details as a readable list in the staff member's language, not raw JSON."""
        return audit_details(obj.detail)

    @admin.display(description=AuditEvent._meta.get_field("object_type").verbose_name,
                   ordering="object_type")  # fmt: skip
    def object_kind(self, obj):
        """What the row is about by the model's name in the staff member's language: the stored
        model label (the app's label, a dot, the model's name) read as code in kk and ru."""
        if not obj.object_type:
            return "-"
        try:
            return apps.get_model(obj.object_type)._meta.verbose_name
        except (LookupError, ValueError):  # a model since removed: its label is all there is
            return obj.object_type


@admin.register(Tombstone)
class TombstoneAdmin(ReadOnlyAdmin):
    list_display = ["id", "at", "subject_ref", "request_ref", "actor_label"]
