"""The ledger and audit log are append-only for the runtime role, in the database."""

import pytest
from django.db import DatabaseError, connection, transaction
from django.db.models import QuerySet

from consent.core.audit import audit
from consent.core.ledger import consent_grant
from consent.core.models import AppendOnlyError, AuditEvent, LedgerEntry, Source, Tombstone
from consent.core.purposes import SERVICE
from consent.core.sql import append_only_tables

# Written out, so that a model that stops being AppendOnly (or a table renamed) fails here.
APPEND_ONLY_TABLES = [
    "consent_auditevent",
    "consent_consentcounted",
    "consent_cookiechoice",
    "consent_ledgerentry",
    "consent_tombstone",
    "cookies_bannerwording",
]

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the guarantees are PostgreSQL's"
)


@pytest.fixture
def rows(texts, make_subject):
    s = make_subject()
    entry = consent_grant(s, texts[SERVICE], language="kk", source=Source.CONTACT_FORM)
    return s, entry


def raw(sql):
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(sql)


def test_every_append_only_model_in_any_app_is_locked():
    assert append_only_tables() == APPEND_ONLY_TABLES


def test_requests_run_as_the_runtime_role(db):
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_user")
        assert cursor.fetchone()[0] == "emalu_app"


@pytest.mark.parametrize("table", APPEND_ONLY_TABLES)
@pytest.mark.parametrize(
    "sql", ["UPDATE {t} SET id = id", "DELETE FROM {t}", "TRUNCATE {t}", "TRUNCATE {t} CASCADE"]
)
def test_raw_sql_cannot_rewrite_append_only_tables(rows, table, sql):
    # A person destroyed long ago: no living subject may hold the id (the database refuses a
    # tombstone beside a living person, which id 1 would be whenever this test made it).
    Tombstone.objects.create(subject_ref=2**31, request_ref="R-1")
    with pytest.raises(DatabaseError):
        raw(sql.format(t=table))


@pytest.mark.parametrize("table", APPEND_ONLY_TABLES)
def test_runtime_role_cannot_disable_the_triggers(rows, table):
    with pytest.raises(DatabaseError):
        raw(f"ALTER TABLE {table} DISABLE TRIGGER ALL")
    with pytest.raises(DatabaseError):
        raw("SET session_replication_role = replica")


def test_orm_cannot_rewrite_the_ledger(rows):
    _, entry = rows
    entry.reason = "changed"
    with pytest.raises(AppendOnlyError):
        entry.save()
    with pytest.raises(AppendOnlyError):
        entry.delete()
    with pytest.raises(AppendOnlyError):
        LedgerEntry.objects.filter(pk=entry.pk).update(reason="changed")
    with pytest.raises(AppendOnlyError):
        LedgerEntry.objects.filter(pk=entry.pk).delete()
    # and past the ORM's own guard, the database refuses too
    with pytest.raises(DatabaseError), transaction.atomic():
        LedgerEntry.objects.filter(pk=entry.pk)._raw_delete(connection.alias)
    with pytest.raises(DatabaseError), transaction.atomic():
        QuerySet.update(LedgerEntry.objects.filter(pk=entry.pk), reason="x")
    assert LedgerEntry.objects.filter(pk=entry.pk, reason="").exists()


def test_audit_rows_cannot_be_changed(rows):
    event = audit(AuditEvent.Action.SUBJECT_VIEW)
    with pytest.raises(AppendOnlyError):
        event.save()
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditEvent.objects.filter(pk=event.pk)._raw_delete(connection.alias)


def test_the_runtime_role_holds_only_select_and_insert(rows):
    with connection.cursor() as cursor:
        cursor.execute(
            """SELECT table_name, string_agg(privilege_type, ',' ORDER BY privilege_type)
               FROM information_schema.role_table_grants
               WHERE grantee = current_user AND table_name = ANY(%s) GROUP BY table_name""",
            [APPEND_ONLY_TABLES],
        )
        grants = dict(cursor.fetchall())
    assert grants == {t: "INSERT,SELECT" for t in APPEND_ONLY_TABLES}


@pytest.mark.parametrize(
    "sql",
    # A row trigger fires only on a row: DELETE where the fixture has rows (no cookie choice,
    # no banner wording).
    [*(f"DELETE FROM {t}" for t in APPEND_ONLY_TABLES if "cookie" not in t),
     *(f"TRUNCATE {t} CASCADE" for t in APPEND_ONLY_TABLES)],
)  # fmt: skip
def test_even_the_owner_is_stopped_by_the_trigger(rows, sql):
    """The owner could drop the trigger on purpose, but no stray statement slips through: not a
    DELETE, nor a TRUNCATE, which fires no row trigger (a maintenance script emptying a table
    as the owner would have wiped the audit log)."""
    Tombstone.objects.create(subject_ref=2**31, request_ref="R-1")
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("RESET ROLE")
        try:
            with pytest.raises(DatabaseError), transaction.atomic():
                cursor.execute(sql)
        finally:
            cursor.execute("SET ROLE emalu_app")
    assert AuditEvent.objects.exists() and LedgerEntry.objects.exists()
