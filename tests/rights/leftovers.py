"""What a destroyed person may have left behind, looked for everywhere the database can hold it.

Every text, JSON, binary and IP address column of every table (read from PostgreSQL's
catalogue, so a table or column added later is searched without anyone naming it here), binary
values decrypted when they are the site's ciphertext (photos, access answers, letters set
aside), and every file under a folder. What is found is (table.column, what) pairs; the test
says which, if any, the law keeps on purpose (docs/compliance.md, L13: the tombstone and the
audit log hold none of it).
"""

import contextlib
import hashlib
import json
import pickle
import re
from dataclasses import dataclass, field
from pathlib import Path

from cryptography.fernet import InvalidToken
from django.contrib.sessions.backends.db import SessionStore
from django.core.cache import cache
from django.db import connection

from consent.core.photos import fernet

# And the IP addresses (inet, read as text: «203.0.113.9/32»), which the person's are too.
TEXT_TYPES = {"text", "character varying", "character", "json", "jsonb", "bytea", "ARRAY", "inet"}
FERNET = re.compile(r"gAAAAA[A-Za-z0-9_\-=]{40,}")
SIGNED = re.compile(r"\.?[A-Za-z0-9_\-]+:[A-Za-z0-9_\-]+:[A-Za-z0-9_\-]+")


@dataclass
class Traces:
    """What identifies a person: `words` found in any case, `numbers` (their last ten digits)
    however they were written (spaces, dashes, brackets, a leading 8 or +7), and `digests`:
    the SHA-256 of files of theirs (a photo as uploaded, as stored)."""

    words: set[str] = field(default_factory=set)
    numbers: set[str] = field(default_factory=set)
    digests: set[str] = field(default_factory=set)

    def add_phone(self, typed: str) -> None:
        digits = re.sub(r"\D", "", typed)
        self.words.add(typed)
        self.numbers.add(digits[-10:])

    def add_file(self, content: bytes) -> None:
        self.digests.add(hashlib.sha256(content).hexdigest())

    def found_in_text(self, text: str) -> set[str]:
        folded = text.casefold()
        found = {w for w in self.words if w.casefold() in folded}
        digits = re.sub(r"\D", "", text)
        found |= {n for n in self.numbers if n in digits}
        found |= {d for d in self.digests if d in folded}
        return found

    def found_in_bytes(self, content: bytes) -> set[str]:
        found = set()
        for blob in _readings(content):
            if hashlib.sha256(blob).hexdigest() in self.digests:
                found.add("file digest")
            found |= self.found_in_text(blob.decode("utf-8", "replace"))
        return found


def _readings(content: bytes) -> list[bytes]:
    """The value as stored, and decrypted when it is the site's ciphertext."""
    readings = [content]
    with contextlib.suppress(InvalidToken, TypeError, ValueError):
        readings.append(fernet().decrypt(content))
    return readings


def _decrypted_text(text: str) -> str:
    """A text value with each Fernet token in it decrypted beside it, and a signed session's
    data (django.core.signing, compressed or not) decoded beside it."""
    plain = []
    if SIGNED.fullmatch(text):
        plain.append(json.dumps(SessionStore().decode(text), ensure_ascii=False, default=str))
    for token in FERNET.findall(text):
        with contextlib.suppress(InvalidToken, TypeError, ValueError):
            plain.append(fernet().decrypt(token.encode()).decode("utf-8", "replace"))
    return "\n".join([text, *plain])


def columns() -> list[tuple[str, str, str]]:
    """(table, column, type) of every column of the site's schema that can hold words."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT c.table_name, c.column_name, c.data_type FROM information_schema.columns c "
            "JOIN information_schema.tables t USING (table_schema, table_name) "
            "WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE' "
            "ORDER BY 1, 2"
        )
        return [row for row in cursor.fetchall() if row[2] in TEXT_TYPES]


def found_in_database(traces: Traces) -> set[tuple[str, str]]:
    """(table.column, trace) of each trace held anywhere in the database."""
    found = set()
    with connection.cursor() as cursor:
        for table, column, kind in columns():
            value = f'"{column}"' if kind in ("bytea", "text") else f'CAST("{column}" AS text)'
            if kind == "json":  # as written, \u escapes and all: read as jsonb writes it
                value = f'CAST(CAST("{column}" AS jsonb) AS text)'
            cursor.execute(f'SELECT {value} FROM "{table}" WHERE "{column}" IS NOT NULL')
            for (content,) in cursor.fetchall():
                if isinstance(content, memoryview | bytes):
                    hits = traces.found_in_bytes(bytes(content))
                else:
                    hits = traces.found_in_text(_decrypted_text(content))
                found |= {(f"{table}.{column}", hit) for hit in hits}
    return found


def found_in_files(traces: Traces, *folders: Path) -> set[tuple[str, str]]:
    """(path, trace) of each trace in a file under `folders` (decrypted when it is ciphertext)."""
    found = set()
    for folder in folders:
        for path in Path(folder).rglob("*"):
            if path.is_file():
                found |= {(str(path), hit) for hit in traces.found_in_bytes(path.read_bytes())}
    return found


def found_in_cache(traces: Traces) -> set[tuple[str, str]]:
    """(key, trace) of each trace in the cache (the tests' local memory one)."""
    found = set()
    for key, value in getattr(cache, "_cache", {}).items():
        value = pickle.loads(value) if isinstance(value, bytes) else value  # noqa: S301 (ours)
        text = json.dumps(value, ensure_ascii=False, default=str)
        found |= {(f"cache {key}", hit) for hit in traces.found_in_text(text)}
    return found
