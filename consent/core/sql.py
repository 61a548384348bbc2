"""Database-level guarantees on PostgreSQL (docs/architecture.md, "The ledger and the audit log").

Two locks, because either alone can be bypassed:
- triggers reject UPDATE, DELETE and TRUNCATE on the append-only tables, for every role, and
  any change to a published policy or consent text;
- the runtime role (settings DATABASES APP_ROLE) holds only SELECT and INSERT on those tables,
  so it can neither rewrite rows nor drop or disable the triggers (only the owner can).
Destroying a subject is the one exception: emalu_destroy_subject() runs as the owner
(SECURITY DEFINER), the trigger lets its DELETE through for that one subject only, and the
function writes the tombstone and the audit row itself (DESTROY below).
"""

from django.db import connections
from django.db.models.signals import post_migrate
from django.dispatch import receiver

PUBLISHED_TABLES = ["consent_policyversion", "consent_consenttext"]


def append_only_tables():
    """The tables of every model built on AppendOnly, in whichever app it lives."""
    from django.apps import apps

    from .models import AppendOnly

    return sorted(m._meta.db_table for m in apps.get_models() if issubclass(m, AppendOnly))


INSTALL = """
CREATE OR REPLACE FUNCTION emalu_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' AND TG_TABLE_NAME = 'consent_ledgerentry'
       AND current_setting('emalu.destroying', true) = OLD.subject_id::text THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'emalu: % is append-only, % refused', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'insufficient_privilege';
END $$;

CREATE OR REPLACE FUNCTION emalu_frozen_when_published() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.published_at IS NOT NULL THEN
        RAISE EXCEPTION 'emalu: a published row of % cannot be changed', TG_TABLE_NAME
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
    RETURN NEW;
END $$;

"""

# Destruction through the database is the whole audited operation or nothing (compliance L13):
# the function needs the request it answers, removes the subject's ledger rows (the only way a
# ledger row ever goes) and writes the tombstone and the audit row itself; a deferred trigger
# then refuses the commit unless the subject's own row is gone too by then. Called directly as
# the runtime role it can neither wipe a ledger quietly nor leave a person without their
# consents on record.
DESTROY = """
DROP FUNCTION IF EXISTS emalu_destroy_subject(bigint);
CREATE OR REPLACE FUNCTION emalu_destroy_subject(
    p_subject bigint, p_request_ref text, p_actor_id bigint, p_actor_label text
) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE tombstone_id bigint;
BEGIN
    IF coalesce(btrim(p_request_ref), '') = '' THEN
        RAISE EXCEPTION 'emalu: destruction needs the request it answers'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM consent_subject WHERE id = p_subject) THEN
        RAISE EXCEPTION 'emalu: no data subject %', p_subject USING ERRCODE = 'no_data_found';
    END IF;
    PERFORM set_config('emalu.destroying', p_subject::text, true);
    DELETE FROM consent_ledgerentry WHERE subject_id = p_subject;
    PERFORM set_config('emalu.destroying', '', true);
    INSERT INTO consent_tombstone (subject_ref, request_ref, at, actor_id, actor_label)
        VALUES (p_subject, p_request_ref, now(), p_actor_id, coalesce(p_actor_label, ''))
        RETURNING id INTO tombstone_id;
    INSERT INTO consent_auditevent
        (at, action, actor_id, actor_label, subject_ref, object_type, object_id, detail)
        VALUES (now(), 'subject_destroy', p_actor_id, coalesce(p_actor_label, ''), p_subject,
                'consent.tombstone', tombstone_id::text, '{}'::jsonb);
    RETURN tombstone_id;
END $$;
REVOKE ALL ON FUNCTION emalu_destroy_subject(bigint, text, bigint, text) FROM PUBLIC;

CREATE OR REPLACE FUNCTION emalu_tombstone_means_gone() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM consent_subject WHERE id = NEW.subject_ref) THEN
        RAISE EXCEPTION 'emalu: data subject % has a tombstone but still exists', NEW.subject_ref
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NULL;
END $$;
DROP TRIGGER IF EXISTS consent_tombstone_means_gone ON consent_tombstone;
CREATE CONSTRAINT TRIGGER consent_tombstone_means_gone AFTER INSERT ON consent_tombstone
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION emalu_tombstone_means_gone();
"""
# Since tombstones also record a part of a record destroyed (a minimisation, a parent's data on
# a child's record: Tombstone.kind), only the whole person's must mean they are gone
# (migration consent.0041).
TOMBSTONE_KINDS = """
CREATE OR REPLACE FUNCTION emalu_tombstone_means_gone() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.kind = 'subject' AND EXISTS (SELECT 1 FROM consent_subject WHERE id = NEW.subject_ref)
    THEN
        RAISE EXCEPTION 'emalu: data subject % has a tombstone but still exists', NEW.subject_ref
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NULL;
END $$;
"""
DESTROY_SIGNATURE = "emalu_destroy_subject(bigint, text, bigint, text)"


def install_destroy(schema_editor) -> None:
    """The destroy function and its commit-time check (migration consent.0015)."""
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DESTROY, params=None)


def install_tombstone_kinds(schema_editor) -> None:
    """The commit-time check for the whole person's tombstone only (migration consent.0041)."""
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(TOMBSTONE_KINDS, params=None)


TABLE_TRIGGERS = """
DROP TRIGGER IF EXISTS {t}_append_only ON {t};
CREATE TRIGGER {t}_append_only BEFORE UPDATE OR DELETE ON {t}
    FOR EACH ROW EXECUTE FUNCTION emalu_append_only();
DROP TRIGGER IF EXISTS {t}_no_truncate ON {t};
CREATE TRIGGER {t}_no_truncate BEFORE TRUNCATE ON {t}
    FOR EACH STATEMENT EXECUTE FUNCTION emalu_append_only();
"""

# Each grant and withdrawal counted for the statistics (consent/core/counted.py) by the database,
# as its ledger row is inserted: whatever code inserts it. Counted by the code, the consents that
# hosts not yet reloaded recorded while a release rolled out (README, Deploying, step 9: the
# others serve the code before until their reload) were never counted, nor those between the
# upgrade's count of the ledger (migration 0064) and the reload. The local month and the age band
# on the local day, as counted.age_band gives them: `day - interval 'N years'` keeps 28 February
# for 29 February, as relativedelta does. {zone} is settings.TIME_ZONE, a constant.
COUNT_CONSENTS = """
CREATE OR REPLACE FUNCTION emalu_count_consent() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    day date := (NEW.at AT TIME ZONE '{zone}')::date;
    born date := (SELECT birth_date FROM consent_subject WHERE id = NEW.subject_id);
    spoken text := NEW.language;
BEGIN
    IF NEW.kind = 'withdraw' THEN
        -- Under the language of the grant it withdraws, the purpose's event before it
        -- (counted.count_event): a withdrawal's own row has none.
        spoken := coalesce((SELECT CASE WHEN kind = 'grant' THEN language ELSE '' END
                            FROM consent_ledgerentry
                            WHERE subject_id = NEW.subject_id AND purpose = NEW.purpose
                              AND id < NEW.id
                            ORDER BY id DESC LIMIT 1), '');
    END IF;
    INSERT INTO consent_consentcounted (month, kind, purpose, language, age_band)
    VALUES (date_trunc('month', day)::date, NEW.kind, coalesce(NEW.purpose, ''), spoken,
            CASE WHEN born IS NULL THEN 'unknown'
                 WHEN born <= day - interval '60 years' THEN '60+'
                 WHEN born <= day - interval '45 years' THEN '45-59'
                 WHEN born <= day - interval '30 years' THEN '30-44'
                 WHEN born <= day - interval '18 years' THEN '18-29'
                 ELSE '<18' END);
    RETURN NULL;
END $$;
DROP TRIGGER IF EXISTS consent_ledgerentry_counted ON consent_ledgerentry;
CREATE TRIGGER consent_ledgerentry_counted AFTER INSERT ON consent_ledgerentry
    FOR EACH ROW WHEN (NEW.kind IN ('grant', 'withdraw'))
    EXECUTE FUNCTION emalu_count_consent();
"""


def install_counting(schema_editor) -> None:
    """The trigger that counts each grant and withdrawal (COUNT_CONSENTS; PostgreSQL only):
    migrations 0064 and 0065 install it, the same whether it is there already or not."""
    from django.conf import settings

    if schema_editor.connection.vendor == "postgresql":
        # nosemgrep: emalu-sql-formatted -- the zone is a settings constant, DDL takes no params
        schema_editor.execute(COUNT_CONSENTS.format(zone=settings.TIME_ZONE), params=None)


PUBLISHED_TRIGGERS = """
DROP TRIGGER IF EXISTS {t}_frozen ON {t};
CREATE TRIGGER {t}_frozen BEFORE UPDATE OR DELETE ON {t}
    FOR EACH ROW EXECUTE FUNCTION emalu_frozen_when_published();
DROP TRIGGER IF EXISTS {t}_no_truncate ON {t};
CREATE TRIGGER {t}_no_truncate BEFORE TRUNCATE ON {t}
    FOR EACH STATEMENT EXECUTE FUNCTION emalu_append_only();
"""


def install(schema_editor, append_only_tables):
    """Create the functions and triggers (migration 0002 calls this; PostgreSQL only). Tables
    added later get their triggers in their own migration (TABLE_TRIGGERS)."""
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(INSTALL, params=None)
    # Table names come from constant lists in the migrations, never from input.
    for table in append_only_tables:
        # nosemgrep: emalu-sql-formatted -- table name from a constant list, DDL takes no params
        schema_editor.execute(TABLE_TRIGGERS.format(t=table), params=None)
    for table in PUBLISHED_TABLES:
        # nosemgrep: emalu-sql-formatted -- table name from a constant list, DDL takes no params
        schema_editor.execute(PUBLISHED_TRIGGERS.format(t=table), params=None)


@receiver(post_migrate)
def grant_runtime_role(using, **kwargs):
    """After every migrate: the runtime role gets rights on every table, less the locked ones."""
    connection = connections[using]
    role = connection.settings_dict.get("APP_ROLE")
    if connection.vendor != "postgresql" or not role:
        return
    q = connection.ops.quote_name
    # Role and table names cannot be query parameters in DDL: the role (from settings) is quoted
    # with quote_name, the tables are constants; hence the nosemgrep comments below.
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", [role])
        if cursor.fetchone() is None:
            # nosemgrep: emalu-sql-formatted -- role quoted by quote_name
            cursor.execute(f"CREATE ROLE {q(role)} NOLOGIN")
        # nosemgrep: emalu-sql-formatted -- role quoted by quote_name
        cursor.execute(f"GRANT USAGE ON SCHEMA public TO {q(role)}")
        # nosemgrep: emalu-sql-formatted -- role quoted by quote_name
        cursor.execute(
            f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {q(role)}"
        )
        # nosemgrep: emalu-sql-formatted -- role quoted by quote_name
        cursor.execute(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {q(role)}")
        locked = ", ".join(append_only_tables())
        # nosemgrep: emalu-sql-formatted -- constant table names, role quoted by quote_name
        cursor.execute(f"REVOKE UPDATE, DELETE, TRUNCATE ON {locked} FROM {q(role)}")
        # nosemgrep: emalu-sql-formatted -- constant signature, role quoted by quote_name
        cursor.execute(f"GRANT EXECUTE ON FUNCTION {DESTROY_SIGNATURE} TO {q(role)}")
