"""The access export's record of what was done with the person's data (compliance L10, L16): the
audit log's rows about them, oldest first, each with its time, what was done and whether one of
our staff did it, and the request it was done under. The export held the ledger of consents but
not the log, so a person asking who has seen or taken their data was never told that staff had
opened their page, downloaded their data or the proof of their consents, or changed them.

The staff member's name is left out, as the consent history leaves it out: it is an employee's
data, not the person's; that it was one of our staff, and when, is theirs to know."""

from django.utils.translation import gettext_lazy

from consent.core.models import AuditEvent, Subject

from .export_consents import when
from .models import Ticket

BY_STAFF = gettext_lazy("one of our staff")
TICKET = Ticket._meta.label_lower


def audit_trail(subject: Subject) -> list[dict]:
    """The audit rows about `subject` (AuditEvent.subject_ref), oldest first, as the export
    writes them, in the language active."""
    rows = list(
        AuditEvent.objects.filter(subject_ref=subject.pk)
        .only("at", "action", "actor_id", "object_type", "object_id")
        .order_by("id")
    )
    under = {
        r.pk: int(r.object_id) for r in rows if r.object_type == TICKET and r.object_id.isdigit()
    }
    tickets = {t.pk: t.reference for t in Ticket.objects.filter(pk__in=under.values()).only("id")}
    return [
        {
            "at": when(r.at),
            "action": r.get_action_display(),
            "by": str(BY_STAFF) if r.actor_id is not None else "",
            "request": tickets.get(under.get(r.pk), ""),
        }
        for r in rows
    ]
