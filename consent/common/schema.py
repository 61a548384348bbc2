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
