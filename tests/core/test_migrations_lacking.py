"""What a job, the MTA's pipe and `check --deploy` ask at their start: the migrations this code
has that the database has not applied (consent/common/schema.py). The usual answer, none, is read
from the migration files' names without importing them; any file not recorded applied is answered
by Django's own plan."""

import sys

import pytest
from django.db import connection
from django.db.migrations.loader import MigrationLoader

from consent.common.schema import migration_files, migrations_lacking

pytestmark = pytest.mark.django_db


def test_the_files_named_are_the_ones_djangos_loader_reads():
    assert migration_files() == set(MigrationLoader(None).disk_migrations)


def test_a_database_that_applied_every_file_lacks_none_and_no_file_is_imported(monkeypatch):
    for name in [name for name in sys.modules if ".migrations.0" in name]:
        monkeypatch.delitem(sys.modules, name)
    assert migrations_lacking() == []
    assert not [name for name in sys.modules if ".migrations.0" in name]


def test_a_migration_not_applied_is_named_as_the_plan_names_it():
    leaf = next(n for n in MigrationLoader(None).graph.leaf_nodes() if n[0] == "consent")
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM django_migrations WHERE app = %s AND name = %s", leaf)
    assert migrations_lacking() == [f"consent.{leaf[1]}"]
