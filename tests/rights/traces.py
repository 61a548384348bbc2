"""Where a text is held in the database: every table of it, each row read as text, as a dump
would show it (the tests of destruction and minimisation look for what must be gone)."""

from django.db import connection


def tables_holding(text: str) -> list[str]:
    """The tables with a row that holds `text` (letter case aside)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT table_name FROM information_schema.tables"
            " WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name"
        )
        tables = [name for (name,) in cursor.fetchall()]
        found = []
        for table in tables:
            quoted = connection.ops.quote_name(table)
            cursor.execute(f"SELECT 1 FROM {quoted} t WHERE t::text ILIKE %s LIMIT 1",
                           [f"%{text}%"])  # fmt: skip
            if cursor.fetchone():
                found.append(table)
        return found
