"""Marketing 0006 runs under the serving site, on a recipients table of millions of rows: the
old code, still running until the restart, inserts rows without the new columns, and the
sending job and the desk keep reading and writing the table while its index is built."""

import os
import subprocess
import sys
from pathlib import Path

from django.db import connection

MANAGE = Path(__file__).resolve().parents[2] / "manage.py"


def test_it_keeps_the_running_code_writing_and_the_table_open(db):
    # As the operator reads it before a release (a test's own transaction would hide it), on
    # this run's test database: the one DATABASE_URL names need not exist.
    db = connection.settings_dict
    url = f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"
    sql = subprocess.run(
        [sys.executable, MANAGE, "sqlmigrate", "marketing", "0006"],
        capture_output=True, text=True, check=True, env={**os.environ, "DATABASE_URL": url},
    ).stdout  # fmt: skip
    # The old code's INSERT names no returned_as: the column's default stays in the database.
    assert 'ADD COLUMN "returned_as" varchar(10) DEFAULT' in sql
    assert "DROP DEFAULT" not in sql
    # Not a plain CREATE INDEX in one transaction with the ALTER TABLE, which held every read
    # and write of the table while it read each row.
    assert 'CREATE INDEX CONCURRENTLY "campaign_mail_returned"' in sql
    assert "BEGIN;" not in sql
