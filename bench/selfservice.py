"""Self-service links: an address on record and an unknown one take the same time to answer
(make bench). tests/rights/test_selfservice.py checks that both get the same answer; how long
each takes is measured here, by pairs (bench/pairs.py), so that a busy machine fails no test.

    python bench/selfservice.py   # on the DATABASE_URL database (migrated, demo texts); JSON
"""

import json
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")

import django

django.setup()

from django.test import Client  # noqa: E402
from django.test.utils import override_settings  # noqa: E402

from bench.pairs import compare  # noqa: E402
from consent.core.models import Subject  # noqa: E402
from tests.conftest import aged_token  # noqa: E402

ASKS = 20  # link requests per run
KNOWN = iter(())  # addresses on record, each asked once


def rate(known):
    """Link requests answered per second, for addresses on record or unknown ones; each address
    asked once (three asks an hour spend an address's limit, which answers faster)."""
    client = Client()
    started = time.perf_counter()
    for _ in range(ASKS):
        email = next(KNOWN) if known else f"nobody-{time.time_ns()}@example.kz"
        client.cookies.clear()
        response = client.post("/kk/my-data/", {"token": aged_token(), "email": email})
        assert response.status_code == 302, response.status_code
    return ASKS / (time.perf_counter() - started)


def main():
    emails = [f"bench-known-{i}-{time.time_ns()}@example.kz" for i in range(ASKS * 2 * 40)]
    Subject.objects.bulk_create(Subject(full_name="Bench", email=e) for e in emails)
    global KNOWN
    KNOWN = iter(emails)
    # Within 25% either way: the goal is that the answer's timing says nothing.
    with override_settings(FORM_RATE_LIMIT="100000000/60", ALLOWED_HOSTS=["testserver"]):
        result = compare(lambda: rate(True), lambda: rate(False), goal=0.75)
    return {"selfservice_known_unknown": result}


if __name__ == "__main__":
    print(json.dumps(main()))
