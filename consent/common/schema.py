"""Migration operations that keep the site serving while a large table changes."""

from django.contrib.postgres import operations as postgres
from django.db.migrations.operations import AddIndex


class AddIndexConcurrently(postgres.AddIndexConcurrently):
    """An index built without stopping writes to its table: on PostgreSQL, CREATE INDEX
    CONCURRENTLY, outside any transaction (the migration says `atomic = False`). A plain CREATE
    INDEX holds its table's writes while it reads every row, and in a migration's transaction
    after an ALTER TABLE its reads too: a campaign's recipients, a million rows, stopped the
    sending and the desk for as long. Elsewhere (SQLite on a developer's machine) a plain
    index."""

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            return super().database_forwards(app_label, schema_editor, from_state, to_state)
        return AddIndex.database_forwards(self, app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            return super().database_backwards(app_label, schema_editor, from_state, to_state)
        return AddIndex.database_backwards(self, app_label, schema_editor, from_state, to_state)


def migrations_lacking() -> list[str]:
    """The migrations this code has that its database has not applied ("app.name", in the
    order `migrate` applies them): none once `release` ran. DatabaseError when the database
    does not answer.

    Asked at the start of every job, of the MTA's pipe and of `check --deploy`: the usual answer,
    none, is read from the migration files' names, which every applied migration's row names. The
    plan imported every migration file (~50 ms of CPU, a tenth of a job's start), and is made
    only when a file is not recorded applied."""
    from django.db import connection
    from django.db.migrations.recorder import MigrationRecorder

    files = migration_files()
    if files is not None and files <= set(MigrationRecorder(connection).applied_migrations()):
        return []
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    return [f"{migration.app_label}.{migration.name}" for migration, _backwards in plan]


def migration_files() -> set[tuple[str, str]] | None:
    """(app label, name) of every migration file of the installed apps, found as Django's
    MigrationLoader finds them (its load_disk) but not imported; None when an app's migrations
    module is one the loader would refuse, which the loader then says."""
    import pkgutil
    from importlib import import_module

    from django.apps import apps
    from django.db.migrations.loader import MIGRATIONS_MODULE_NAME, MigrationLoader

    found = set()
    for app in apps.get_app_configs():
        module_name, explicit = MigrationLoader.migrations_module(app.label)
        if module_name is None:
            continue  # MIGRATION_MODULES says the app has none
        try:
            module = import_module(module_name)
        except ModuleNotFoundError as error:
            if not explicit and MIGRATIONS_MODULE_NAME in error.name.split("."):
                continue  # an app with no migrations
            return None
        # A migrations.py, or a folder with no __init__.py (a namespace): no migrations.
        path = getattr(module, "__path__", None)
        if path is None or (
            getattr(module, "__file__", None) is None and not isinstance(path, list)
        ):
            continue
        names = pkgutil.iter_modules(path)
        found |= {
            (app.label, name) for _, name, package in names if not package and name[0] not in "_~"
        }
    return found


def code_ahead(lacking: list[str]) -> str:
    """What an operator is told when the database lacks `lacking` (migrations_lacking())."""
    return (
        f"the database lacks {len(lacking)} migration(s) this code needs (the first: "
        f"{lacking[0]}): run `manage.py release` on one host with the owner's DATABASE_URL "
        f"(README, Deploying, steps 4 and 9)"
    )
