"""The audit log holds millions of rows (a look at a person's page is one): what a page reads
of it, it reads by an index, not by scanning the table."""

from django.db import connection

from consent.core.audit import audit, audited
from consent.core.models import AuditEvent
from consent.rights.models import Ticket
from consent.rights.tickets import ticket_open


def test_a_requests_own_audit_rows_are_read_by_their_index(make_subject):
    """Every request's page reads its reopenings (closing.reopenings), an access request's its
    answers (access.access_answers): each scanned the whole log, 170 ms at 1,000,000 rows."""
    person = make_subject()
    ticket = ticket_open(kind="access", email=person.email, language="kk", channel="web")
    audit(AuditEvent.Action.REQUEST_REOPEN, obj=ticket, old_status="done")
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")  # the plan as on a large log
    rows = audited(AuditEvent.Action.REQUEST_REOPEN, Ticket.objects.get(pk=ticket.pk))
    assert "audit_object" in rows.explain()
    assert [row.detail for row in rows] == [{"old_status": "done"}]
