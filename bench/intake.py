"""Letter intake (make bench): the recognition set's letters (tests/rights/intake_mail, which
tests/rights/test_recognition.py checks for what each opens) taken in as the mailbox fetch takes
them (intake.ingest: read, recognised, opened or set aside), against as many bare inserts of one
row in one transaction, in pairs (bench/pairs.py). Each round's letters are new ones: another
Message-ID and another sender, so no letter is seen before and no request is joined to an
earlier round's. The ratio is a rate's, higher is better; no goal yet, a figure to compare.

    python bench/intake.py   # on the DATABASE_URL database (migrated, demo texts); JSON
"""

import json
import os
import re
import sys
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")

import django

django.setup()

from django.db import transaction  # noqa: E402

from bench.pairs import compare  # noqa: E402
from consent.core.models import AuditEvent  # noqa: E402
from consent.rights.intake import ingest  # noqa: E402

LETTERS = sorted((Path(__file__).resolve().parents[1] / "tests/rights/intake_mail").glob("*.eml"))
MESSAGE_ID = re.compile(rb"^Message-ID:[^\r\n]*", re.IGNORECASE | re.MULTILINE)
# The sender's address in the From field, folded or not: its local part gets the round's mark.
SENDER = re.compile(rb"^(From:(?:[^\r\n]*\r?\n[ \t])*[^\r\n]*?)([\w.+-]+@)", re.I | re.M)


def fresh(raw: bytes, mark: str) -> bytes:
    """The letter as another one: its own Message-ID, its sender's address marked."""
    raw = SENDER.sub(lambda m: m[1] + mark.encode() + b"." + m[2], raw, count=1)
    new_id = f"Message-ID: <{mark}@bench.example.kz>".encode()
    if MESSAGE_ID.search(raw):
        return MESSAGE_ID.sub(lambda m: new_id, raw, count=1)
    return new_id + b"\r\n" + raw


def intake_rate():
    """Letters taken in per second, every letter of the set once, each a new one."""
    letters = [fresh(path.read_bytes(), f"b{uuid.uuid4().hex[:12]}") for path in LETTERS]
    started = time.perf_counter()
    for raw in letters:
        ingest(raw)
    return len(letters) / (time.perf_counter() - started)


def bare_rate():
    """One ORM insert in one transaction per letter: the floor any stored letter pays."""
    started = time.perf_counter()
    for _ in LETTERS:
        with transaction.atomic():
            AuditEvent.objects.create(action=AuditEvent.Action.SUBMISSION)
    return len(LETTERS) / (time.perf_counter() - started)


def main():
    result = compare(intake_rate, bare_rate)
    letters_per_second = sorted(result["a"])[len(result["a"]) // 2]
    return {"intake_bare": result, "intake_letters_per_second": round(letters_per_second, 1)}


if __name__ == "__main__":
    print(json.dumps(main()))
