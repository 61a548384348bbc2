"""PostgreSQL backend whose connections run as the runtime role.

The login role of DATABASE_URL owns the tables and runs migrations. Every other connection
switches to the runtime role (settings APP_ROLE), which may only SELECT and INSERT on the
append-only tables (consent/core/sql.py); so a bug or an injection in a request cannot rewrite the
consent ledger or the audit log. In production the runtime can log in as the runtime role
itself; SET ROLE to oneself is harmless.
"""

from contextlib import contextmanager, suppress

import psycopg
from django.db import connections
from django.db.backends.base.base import NO_DB_ALIAS
from django.db.backends.postgresql import base
from psycopg import errors

from consent.common.refusals import ROLE_REFUSED
from emalu.db import process

_as_owner = False


class DatabaseWrapper(base.DatabaseWrapper):
    def get_connection_params(self):
        """A query running past the statement timeout is cancelled by the server: a runaway
        query (a missing index, a lock held by a migration) held its gunicorn worker until
        gunicorn killed it, and went on running in the database after. Passed at connection,
        so it costs no round trip; 0 is none."""
        params = super().get_connection_params()
        seconds = self.settings_dict.get(process.timeout_setting) or 0
        timeout = f"-c statement_timeout={int(seconds * 1000)}"
        params["options"] = f"{params.get('options') or ''} {timeout}".strip()
        return params

    def connect(self):
        try:
            super().connect()
        except Exception:
            # Django keeps a connection whose set-up failed and, no longer "closed", uses it for
            # the next query as it is: a refused SET ROLE (a DATABASE_APP_ROLE the login may not
            # take) would leave the login role's rights in place, the owner's when
            # DATABASE_URL is the owner's. Dropped, the next query connects and is refused anew.
            if self.connection is not None:
                with suppress(Exception):
                    self.connection.close()
                self.connection = None
            raise

    def _configure_role(self, connection):
        role = self.settings_dict.get("APP_ROLE")
        if not role or _as_owner or self.alias == NO_DB_ALIAS:
            return super()._configure_role(connection)
        try:
            with connection.cursor() as cursor:
                cursor.execute(self.ops.compose_sql("SET ROLE %s", [role]))
        except (errors.InsufficientPrivilege, errors.InvalidParameterValue) as error:
            # A role not granted to the login (the owner's URL before step 2's GRANT), or one
            # that does not exist (mistyped): every start and command stopped in a traceback
            # ending in «permission denied to set role», naming no variable. Now it is the
            # database refusing (E003, a command's one line, the 503 page), saying what to do.
            login = self.settings_dict.get("USER")
            if isinstance(error, errors.InvalidParameterValue):
                # No such role: the GRANT once advised here fails the same way («role … does
                # not exist»); a runtime role made under another name (or a typo) is named.
                todo = (
                    "name in DATABASE_APP_ROLE the runtime role README, Deploying, step 2 made "
                    "(emalu_app), as the database server spells it"
                )
            else:
                todo = (
                    f"as the database's owner, GRANT {role} TO {login} (README, Deploying, "
                    "step 2), or name the runtime role in DATABASE_APP_ROLE"
                )
            raise psycopg.OperationalError(
                f"{ROLE_REFUSED}{login} may not take the role {role} ({error}): {todo}"
            ) from None
        return True


@contextmanager
def as_owner():
    """Run the block on fresh connections as the login (owner) role: schema changes only."""
    global _as_owner
    connections.close_all()
    _as_owner = True
    try:
        yield
    finally:
        _as_owner = False
        connections.close_all()
