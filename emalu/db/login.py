"""Whether the login role of DATABASE_URL is stronger than a web host's should be.

A request runs as the runtime role (emalu/db/base.py SET ROLE), but only as far as the login
lets it: one that owns the site's tables, or a superuser, may RESET ROLE back to itself, and
then rewrite the ledger and the audit log (their triggers are the owner's to drop). That
passed every check and ran silently: `check --deploy` (emalu.W009) and /healthz (`login_role`)
say so now. `release`, which migrates, is given the owner's URL on purpose (README, Deploying,
step 4)."""

OWNER_QUERY = """
SELECT r.rolsuper, EXISTS (
    SELECT 1 FROM pg_class c
    WHERE c.relnamespace = to_regnamespace(current_schema()) AND c.relkind IN ('r', 'p')
      AND pg_has_role(session_user, c.relowner, 'MEMBER')
)
FROM pg_roles r WHERE r.rolname = session_user
"""


# The append-only tables the role requests run as (current_user, after SET ROLE) may change.
REWRITES_QUERY = """
SELECT t FROM unnest(%s::text[]) AS t
WHERE to_regclass(t) IS NOT NULL
  AND has_table_privilege(current_user, t, 'UPDATE, DELETE, TRUNCATE')
ORDER BY t
"""


def login_too_strong(connection) -> str:
    """Empty for a login that may only be the runtime role; else what it is: "superuser", or
    "owner" (of a table of the site's, or a member of its owner's role), or "rewrites": the
    role requests run as (DATABASE_APP_ROLE) may UPDATE, DELETE or TRUNCATE an append-only
    table (a role other than the one `release` revoked those from). PostgreSQL only."""
    if connection.vendor != "postgresql":
        return ""
    with connection.cursor() as cursor:
        cursor.execute(OWNER_QUERY)
        row = cursor.fetchone()
    if row is None:
        return ""
    superuser, owner = row
    if superuser or owner:
        return "superuser" if superuser else "owner"
    return "rewrites" if runtime_rewrites(connection) else ""


def runtime_rewrites(connection) -> list[str]:
    """The append-only tables (the ledger, the audit log...) the role requests run as may
    UPDATE, DELETE or TRUNCATE: none where `release` gave it its rights."""
    from consent.core.sql import append_only_tables

    with connection.cursor() as cursor:
        cursor.execute(REWRITES_QUERY, [append_only_tables()])
        return [table for (table,) in cursor.fetchall()]


# The other sessions on this database whose login is stronger than a web host's should be.
# pg_stat_activity names every session's login and database to any role, and nothing more
# (its client address, state and type to the login's members only: `release` runs as the
# runtime role, SET ROLE, which is not one).
CONNECTED_QUERY = """
SELECT a.usename, r.rolsuper, count(*)
FROM pg_stat_activity a JOIN pg_roles r ON r.oid = a.usesysid
WHERE a.datname = current_database() AND a.pid <> pg_backend_pid()
  AND (r.rolsuper OR EXISTS (
    SELECT 1 FROM pg_class c
    WHERE c.relnamespace = to_regnamespace(current_schema()) AND c.relkind IN ('r', 'p')
      AND pg_has_role(r.oid, c.relowner, 'MEMBER')
  ))
GROUP BY a.usename, r.rolsuper ORDER BY a.usename
"""


def strong_logins_connected(connection) -> list[tuple[str, str, int]]:
    """(login, "superuser" or "owner", sessions) of each login too strong
    for a web host (login_too_strong) that another process is connected to this database as
    now: a host or a timer's job running with the owner's URL, which `release` (itself the
    owner) does not stop but whose next start emalu.W009 will. PostgreSQL only."""
    if connection.vendor != "postgresql":
        return []
    with connection.cursor() as cursor:
        cursor.execute(CONNECTED_QUERY)
        rows = cursor.fetchall()
    return [(login, "superuser" if su else "owner", n) for login, su, n in rows]
