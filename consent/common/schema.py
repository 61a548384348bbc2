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
    does not answer."""
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    return [f"{migration.app_label}.{migration.name}" for migration, _backwards in plan]


def code_ahead(lacking: list[str]) -> str:
    """What an operator is told when the database lacks `lacking` (migrations_lacking())."""
    return (
        f"the database lacks {len(lacking)} migration(s) this code needs (the first: "
        f"{lacking[0]}): run `manage.py release` on one host with the owner's DATABASE_URL "
        f"(README, Deploying, steps 4 and 9)"
    )
