"""Named operations on data subjects: find or create, and destroy."""

from django.db import connection, transaction

from .audit import audit
from .models import AuditEvent, LedgerEntry, Subject, Tombstone


def normalise_email(email):
    email = (email or "").strip()
    if not email:
        return None
    local, _, domain = email.rpartition("@")
    return f"{local}@{domain.lower()}" if local else email.lower()


@transaction.atomic
def subject_destroy(subject, *, request_ref, actor=None):
    """Destroy everything held about the subject so that it cannot be restored (Art. 1(6), 18).

    Rows go with the transaction; the photo file goes once it commits. What remains is a
    tombstone and the audit row: the request, the time, the staff member, no personal data.
    """
    subject_ref = subject.pk
    files = [subject.photo.name] if subject.photo else []
    storage = subject.photo.storage
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT emalu_destroy_subject(%s)", [subject_ref])
    else:  # the development database has no roles or triggers to pass
        LedgerEntry.objects.filter(subject_id=subject_ref)._raw_delete(connection.alias)
    Subject.objects.filter(pk=subject_ref).delete()
    tombstone = Tombstone.objects.create(
        subject_ref=subject_ref,
        request_ref=request_ref,
        actor_id=actor.pk if actor is not None else None,
        actor_label=actor.get_username() if actor is not None else "",
    )
    audit(AuditEvent.Action.SUBJECT_DESTROY, actor=actor, subject=subject, obj=tombstone)
    for name in files:
        transaction.on_commit(lambda name=name: storage.delete(name))
    return tombstone
