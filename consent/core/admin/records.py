"""The ledger, the audit log and destruction records: read-only for everyone."""

from django.contrib import admin

from ..models import (
    AuditEvent,
    LedgerEntry,
    Tombstone,
)  # fmt: skip
from .base import AuditedAdmin, EstimatedCountPaginator, ReadOnlyAdmin, subject_number


@admin.register(LedgerEntry)
class LedgerEntryAdmin(AuditedAdmin, ReadOnlyAdmin):
    """A ledger row holds the person's IP and browser: opening one is audited."""

    list_display = ["id", "at", subject_number, "purpose", "kind", "source", "text"]
    list_filter = ["kind", "purpose", "source"]
    list_select_related = ["text"]
    raw_id_fields = ["subject"]
    list_lookups = ("subject__id__exact",)  # one person's history, linked from their page
    show_full_result_count = False
    paginator = EstimatedCountPaginator


@admin.register(AuditEvent)
class AuditEventAdmin(ReadOnlyAdmin):
    list_display = ["id", "at", "action", "actor_label", "subject_ref", "object_type", "object_id"]
    list_filter = ["action"]
    search_fields = ["=subject_ref", "=actor_label"]
    show_full_result_count = False
    paginator = EstimatedCountPaginator


@admin.register(Tombstone)
class TombstoneAdmin(ReadOnlyAdmin):
    list_display = ["id", "at", "subject_ref", "request_ref", "actor_label"]
