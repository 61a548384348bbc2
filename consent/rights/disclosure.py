"""Personal data leaving the system for staff: the person's export, the consent evidence, a
photo and an email set aside by the intake. Each goes through one operation that refuses while
processing is blocked (Art. 23; compliance L12), writes the audit row and raises the bulk-export
alert; the admin only builds the response."""

from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.db.models import Model
from django.db.models.fields.files import FieldFile
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from consent.core import gate
from consent.core.audit import audit
from consent.core.ledger import subject_lock
from consent.core.models import AuditEvent, Subject
from consent.core.photos import photo_read

from .alerts import maybe_alert
from .evidence import evidence_csv, evidence_pdf
from .export import export_json
from .models import QuarantinedMessage
from .quarantine import quarantine_read
from .readable import export_pdf

EXPORT_FORMATS = {"json": export_json, "pdf": export_pdf}
EVIDENCE_FORMATS = {"csv": evidence_csv, "pdf": evidence_pdf}


# What the officer who pressed a download is told while the person is blocked: what was not
# downloaded and what lets it be. A download is no request to refuse (it said «unblock or
# destroy first, or refuse»), nor can the officer lift a block at will: it is lifted by
# answering the person's request to unblock (answers.ticket_unblock), and only then.
BLOCKED_EXPORT = _(
    "Processing of this person's data is blocked, so their data was not downloaded: it can be "
    "once the block is lifted, when their request to unblock is answered."
)
BLOCKED_EVIDENCE = _(
    "Processing of this person's data is blocked, so the consent evidence was not downloaded: "
    "it can be once the block is lifted, when their request to unblock is answered."
)
BLOCKED_PHOTO = _(
    "Processing of this person's data is blocked, so the photo was not downloaded: it can be "
    "once the block is lifted, when their request to unblock is answered."
)

# What a blocked person's pages show in place of each download link (admin/downloads.py), so that
# the officer is not offered what would be refused: the reason and what lifts it, briefly.
BLOCKED_LINK = _(
    "Not available: processing of this person's data is blocked. It can be downloaded once "
    "the block is lifted, when their request to unblock is answered."
)


class ProcessingBlocked(ValidationError):
    """Nothing about a blocked person leaves the system until they are unblocked or destroyed;
    `message` says what was not downloaded and what lets it be."""


class PersonGone(ValidationError):
    """The person's data was destroyed before the download could be made: nothing is given."""


def refuse_if_blocked(subject: Subject, message: str | Promise) -> None:
    if gate.is_blocked(subject):
        raise ProcessingBlocked(message)


def _released(subject: Subject, message: str | Promise, make, action: str, actor, *,
              read_first: bool = True, **detail):  # fmt: skip
    """What `make()` writes of the person, with its audit row. The file is made from one
    consistent read of the database with no lock held (made_from_one_read), then the person's
    lock is taken (as a destruction or a block holds it: ledger.subject_lock) only to find
    them still there and not blocked and to record the download: a download pressed while
    another officer destroys or blocks the person waits for them and then finds the person
    gone (PersonGone) or blocked (ProcessingBlocked, `message`), the file made meanwhile
    thrown away. Built
    under the lock (a large PDF, a second), it held the person's own writes (a consent
    switched on her page, a correction) for as long; with no lock at all, it read the person
    as they were before a destruction or a block committed and handed the file out after.
    `make` reads `subject`, read again each time. `read_first=False`: made under the lock (a
    photo, read in a moment, whose file a destruction deletes)."""
    made = made_from_one_read(_early(subject, message, make), subject) if read_first else None
    with transaction.atomic():
        if not subject_lock(subject):
            raise PersonGone("")
        subject.refresh_from_db()  # as a correction that committed meanwhile left it
        refuse_if_blocked(subject, message)
        body = made_still(subject, made, make)
        disclosure_record(subject, action=action, actor=actor, **detail)
    return body


def _early(subject: Subject, message: str | Promise, make):
    """`make`, refused already for a person gone or blocked, before a file is made for
    nothing."""

    def made():
        try:
            subject.refresh_from_db()
        except Subject.DoesNotExist:
            raise PersonGone("") from None
        refuse_if_blocked(subject, message)
        return make()

    return made


def made_from_one_read(make, subject: Subject) -> tuple[object, int]:
    """`make()` on one snapshot of the database (PostgreSQL's REPEATABLE READ, when this starts
    the transaction): every table as it stood at one moment, a correction committing halfway
    through seen in none of the file or in all of it. Taking no lock, it keeps no one waiting:
    the download takes the person's lock only after, to record itself (_released,
    selfservice.access_download), and hands the file out through made_still. With what
    `subject`'s audit trail held when it was read (before the file: inside a transaction
    already, READ COMMITTED, a write seen by the file is seen by made_still too)."""
    fresh = not transaction.get_connection().in_atomic_block
    with transaction.atomic():
        if fresh and connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        seen = _written(subject)
        return make(), seen


def made_still(subject: Subject, made: tuple[object, int] | None, make):
    """Under the person's lock: the file `made` (made_from_one_read), or `make()` anew when
    anything was written of the person since it was read. Every change to a person is audited
    under her lock (a form erased by retention or the desk, a correction, a consent withdrawn
    or expired, a photo deleted): the file of before it held what was destroyed or corrected
    by the time the download was recorded, and was handed out so. None: made now."""
    if made is not None and _written(subject) == made[1]:
        return made[0]
    return make()


def _written(subject: Subject) -> int:
    """How many audit rows name the person: the audit log only grows (consent/core/sql.py)."""
    return AuditEvent.objects.filter(subject_ref=subject.pk).count()


def download_refusal(subject: Subject, blocked: bool | None = None) -> Promise | None:
    """What a download of the person's data would be refused with now (None: it is not), said
    in place of the link: every download above refuses for the same reason. `blocked`: whether
    the person is, where the page read it already (the desk's panel)."""
    return BLOCKED_LINK if (gate.is_blocked(subject) if blocked is None else blocked) else None


def disclosure_record(
    subject: Subject | None,
    *,
    action: str,
    actor: AbstractBaseUser | None,
    obj: Model | None = None,
    **detail: object,
) -> AuditEvent:
    """The audit row of a disclosure, and the alert when one staff member exports in bulk."""
    event = audit(action, actor=actor, subject=subject, obj=obj, **detail)
    if actor is not None:
        maybe_alert(action, actor)
    return event


def subject_export(subject: Subject, *, fmt: str, actor: AbstractBaseUser | None) -> bytes:
    """Everything held about the person (Art. 24(1)(1); compliance L10) in their language, as
    bytes of `fmt` ("json" or "pdf")."""
    make = EXPORT_FORMATS[fmt]
    return _released(subject, BLOCKED_EXPORT, lambda: make(subject, subject.language),
                     AuditEvent.Action.SUBJECT_EXPORT, actor, format=fmt)  # fmt: skip


def subject_evidence(subject: Subject, *, fmt: str, actor: AbstractBaseUser | None) -> bytes:
    """The proof of the person's consents (Art. 25(2)(5); compliance L4) as "csv" or "pdf"."""
    return _released(subject, BLOCKED_EVIDENCE, lambda: EVIDENCE_FORMATS[fmt](subject),
                     AuditEvent.Action.EVIDENCE_EXPORT, actor, format=fmt)  # fmt: skip


def subject_photo(subject: Subject, file: FieldFile, *, actor: AbstractBaseUser | None) -> bytes:
    """The JPEG bytes of a stored photo of the person; InvalidToken when no configured key
    opens it (then nothing is recorded)."""
    return _released(subject, BLOCKED_PHOTO, lambda: photo_read(file),
                     AuditEvent.Action.SUBJECT_EXPORT, actor, read_first=False,
                     what="photo")  # fmt: skip


def quarantined_eml(entry: QuarantinedMessage, *, actor: AbstractBaseUser | None) -> bytes:
    """The bytes of an email set aside by the intake (compliance L7), for an officer to read in
    a mail program; InvalidToken when no configured key opens it (then nothing is recorded).
    Whose data it holds is unknown until it is read, so the audit row names no subject."""
    body = quarantine_read(entry)
    disclosure_record(None, action=AuditEvent.Action.SUBJECT_EXPORT, actor=actor, obj=entry,
                      what="quarantined_email")  # fmt: skip
    return body
