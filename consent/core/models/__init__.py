"""The privacy core's data, a module per kind. Business rules live in ledger.py, gate.py,
subjects.py and texts.py."""

from .base import AppendOnly, AppendOnlyError, AppendOnlyQuerySet, Language, Published
from .operations import JobRun, KeySeen, StaffProfile, StoredFile
from .people import (
    Declined,
    Guardian,
    GuardianMail,
    Held,
    Source,
    Subject,
    Submission,
    photo_path,
)
from .published import ConsentText, OperatorDocument, PolicyVersion
from .records import AuditEvent, ConsentCounted, LedgerEntry, Tombstone

__all__ = [
    "AppendOnly", "AppendOnlyError", "AppendOnlyQuerySet", "AuditEvent", "ConsentCounted",
    "ConsentText", "Declined", "Guardian", "GuardianMail", "Held", "JobRun", "KeySeen", "Language",
    "LedgerEntry", "OperatorDocument", "PolicyVersion", "Published", "Source", "StaffProfile",
    "StoredFile", "Subject", "Submission", "Tombstone", "photo_path",
]  # fmt: skip
