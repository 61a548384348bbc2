"""The one rule of every system check that reads the database: where the database cannot answer
(down, or not yet migrated: `migrate` runs the database checks before it makes the tables, and
`release`'s `check --deploy` runs before `migrate`), it says nothing. What is wrong is said by
the checks that ask for exactly that: emalu.E003 (not reached) and emalu.E001 (migrations
lacking)."""

from functools import wraps

from django.core.checks import Tags, register
from django.db import DatabaseError


def database_check(*, deploy: bool = False, named: bool = False):
    """Register a system check that reads the database, quiet where it cannot answer.

    `deploy`: run by `check --deploy` (emalu.service's start, `release`'s first step). `named`: a
    database check proper (Tags.database), run only where the command names a database
    (`migrate`, `check --database default`): what only an officer can put right must not stop
    the release's `check --deploy`, which runs before `migrate` and stops at a warning."""

    def decorate(check):
        @wraps(check)
        def quiet(app_configs, databases=None, **kwargs):
            if named and not databases:
                return []
            try:
                return check(app_configs, databases=databases, **kwargs)
            except DatabaseError:
                return []

        return register(*([Tags.database] if named else []), deploy=deploy)(quiet)

    return decorate
