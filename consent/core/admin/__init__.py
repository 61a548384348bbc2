"""The core's admin: the ledger, the audit log and destruction records (read-only for
everyone), and the policy and consent texts (drafts edited, published ones frozen)."""

from .base import (
    AuditedAdmin,
    EstimatedCountPaginator,
    LatestRowsFormSet,
    ReadOnlyAdmin,
    ReadOnlyInline,
    guardian_named,
    may_see_people,
    saved,
    subject_number,
)
from .details import submission_data
from .names import person_link, person_named, staff_named, with_names
from .published import ConsentTextAdmin, OperatorDocumentAdmin, PolicyVersionAdmin, diff_rows
from .records import AuditEventAdmin, LedgerEntryAdmin, TombstoneAdmin

__all__ = [
    "AuditEventAdmin", "AuditedAdmin", "ConsentTextAdmin", "EstimatedCountPaginator",
    "LatestRowsFormSet", "LedgerEntryAdmin", "OperatorDocumentAdmin", "PolicyVersionAdmin",
    "ReadOnlyAdmin", "ReadOnlyInline", "TombstoneAdmin", "diff_rows", "guardian_named",
    "may_see_people", "person_link", "person_named", "saved", "staff_named", "subject_number",
    "submission_data", "with_names",
]  # fmt: skip
