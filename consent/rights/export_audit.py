"""The access export's record of what was done with the person's data (compliance L10, L16): the
audit log's rows about them, oldest first, each with its time, what was done and whether one of
our staff did it, and the request it was done under. The export held the ledger of consents but
not the log, so a person asking who has seen or taken their data was never told that staff had
opened their page, downloaded their data or the proof of their consents, or changed them.

The staff member's name is left out, as the consent history leaves it out: it is an employee's
data, not the person's; that it was one of our staff, and when, is theirs to know."""

from django.db.models import Q
from django.utils.translation import gettext_lazy

from consent.core.models import AuditEvent, Subject

from .export_consents import when
from .models import QuarantinedMessage, Ticket
from .set_aside import destroyed_on, held_for_block, set_aside_of

BY_STAFF = gettext_lazy("one of our staff")
TICKET = Ticket._meta.label_lower
LETTER = QuarantinedMessage._meta.label_lower


def set_aside_letters(subject: Subject) -> tuple[list[dict], list[int]]:
    """Her letters the intake set aside (a «thank you», an auto-reply, one too long to open), by
    the rule her destruction erases them by (set_aside.set_aside_of), as the export lists them:
    kept encrypted for the officers until retention destroys them, the answer said nothing of
    them. And their numbers, for the audit rows of our staff downloading them (audit_trail)."""
    held = held_for_block()
    letters = list(
        set_aside_of(subject)
        .defer("content")
        .select_related("ticket")
        .order_by("received_at", "pk")
    )
    rows = [
        {
            "received": when(m.received_at),
            "reason": m.get_reason_display(),
            "request": m.ticket.reference if m.ticket_id else "",
            "destroyed_on": destroyed_on(m.received_at, m.pk in held),
        }
        for m in letters
    ]
    return rows, [m.pk for m in letters]


def audit_trail(subject: Subject, letters: list[int] = ()) -> list[dict]:
    """The audit rows about `subject` (AuditEvent.subject_ref), oldest first, as the export
    writes them, in the language active; with those of `letters`, her letters set aside
    (set_aside_letters): a download of one names no subject (disclosure.quarantined_eml), and
    her answer never said that our staff had read her letter."""
    theirs = Q(object_type=LETTER, object_id__in=[str(pk) for pk in letters])
    rows = list(
        AuditEvent.objects.filter(Q(subject_ref=subject.pk) | theirs)
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
