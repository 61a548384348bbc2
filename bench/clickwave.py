"""Issue 21's click wave (make bench): 2,000 one-click unsubscribe POSTs from 50 concurrent
clients to gunicorn (4 workers, production settings), against 2,000 POSTs to a bare view that
does one insert in one transaction, through the same gunicorn and middleware, in pairs
(bench/pairs.py). Each wave has 2,000 people of its own with a marketing consent, so every click
withdraws a consent that was given; afterwards each of them must have exactly one withdrawal.

    python bench/clickwave.py DATABASE_URL   # a migrated database with the demo; one JSON line
"""

import http.client
import json
import os
import sys
import tempfile
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")

import django

django.setup()

from django.test import override_settings  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import timezone, translation  # noqa: E402

from bench.pairs import PAIRS, WARMUP, compare  # noqa: E402
from consent.core.models import ConsentText, LedgerEntry, Source, Subject  # noqa: E402
from consent.core.purposes import CROSS_BORDER, MARKETING, PURPOSES  # noqa: E402
from consent.core.texts import current_policy, current_text, text_publish  # noqa: E402
from consent.marketing.campaigns import unsubscribe_token  # noqa: E402
from tests import live  # noqa: E402

WAVE = int(os.environ.get("BENCH_WAVE", "2000"))  # clicks a wave
CLIENTS, GOAL = 50, 0.5


def people(n, run):
    """`n` people with a marketing consent given now; their ids."""
    if current_text(MARKETING) is None:
        for code in (c for c in PURPOSES if c != CROSS_BORDER):
            text_publish(
                ConsentText.objects.create(purpose=code, version=1, policy=current_policy())
            )
    text, now = current_text(MARKETING), timezone.now()
    subjects = Subject.objects.bulk_create(
        Subject(full_name=f"Wave {i}", email=f"wave-{run}-{i}@example.kz") for i in range(n)
    )
    LedgerEntry.objects.bulk_create(
        LedgerEntry(subject=s, purpose=MARKETING, kind="grant", text=text, language="kk",
                    source=Source.NEWSLETTER_FORM, at=now,
                    expires_at=PURPOSES[MARKETING].term_end(now))
        for s in subjects
    )  # fmt: skip
    return [s.pk for s in subjects]


def wave(port, paths, body):
    """POST each path once from CLIENTS threads; (requests per second, statuses)."""

    def post(path):
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        try:
            conn.request("POST", path, body, {"Content-Type": "application/x-www-form-urlencoded"})
            return conn.getresponse().status
        finally:
            conn.close()

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=CLIENTS) as pool:
        statuses = list(pool.map(post, paths))
    return len(paths) / (time.perf_counter() - started), statuses


def main(url):
    run = uuid.uuid4().hex[:8]
    waves = [people(WAVE, f"{run}-{i}") for i in range(WARMUP + PAIRS)]
    # Signed with the served site's key, as the mails it sends are.
    with translation.override("kk"), override_settings(SECRET_KEY=live.LIVE_SECRET_KEY):
        clicks = [[reverse("unsubscribe", args=[unsubscribe_token(pk, 0)]) for pk in ids]
                  for ids in waves]  # fmt: skip
    statuses = []

    def unsubscribe_wave():
        rate, answered = wave(port, clicks.pop(0), "List-Unsubscribe=One-Click")
        statuses.extend(answered)
        return rate

    def bare_wave():
        rate, answered = wave(port, ["/bare-insert"] * WAVE, "")
        statuses.extend(answered)
        return rate

    env = {**live.FAST, "DJANGO_SETTINGS_MODULE": "bench.settings"}
    try:
        with (
            tempfile.TemporaryDirectory() as media,
            live.gunicorn(url, Path(media), workers=4, **env) as (port, _),
        ):
            result = compare(unsubscribe_wave, bare_wave, GOAL)
    finally:
        live.finish()  # the static files it collected
    ids = [pk for ids in waves for pk in ids]
    withdrawals = LedgerEntry.objects.filter(subject_id__in=ids, purpose=MARKETING, kind="withdraw")
    rows, once = withdrawals.count(), withdrawals.values("subject_id").distinct().count()
    return {
        "clickwave": result,
        "clickwave_errors": sum(1 for s in statuses if s >= 400),
        # every click withdrew its person's consent, once: "clicks / people", and rows if more
        "clickwave_once": f"{len(ids)} / {once}" + ("" if rows == once else f" ({rows} rows)"),
    }


if __name__ == "__main__":
    print(json.dumps(main(sys.argv[1])))
