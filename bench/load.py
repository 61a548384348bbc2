"""Quality bar T11 as a time (make bench): 200 people send the contact form at once to gunicorn
(4 workers, production settings), and all 200 are stored. tests/forms/test_load.py runs the same
posts with the same helpers and checks that none is lost or doubled; the time is measured here
only, so that a busy machine fails no test.

    python bench/load.py DATABASE_URL   # a migrated database; prints one JSON line
"""

import json
import os
import sys
import tempfile
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")

import django
import psycopg

django.setup()

from tests import live  # noqa: E402

POSTS = 200


def main(url):
    prefix = f"bench-load-{uuid.uuid4().hex[:8]}-"  # this run's people only
    try:
        with (
            tempfile.TemporaryDirectory() as media,
            live.gunicorn(url, Path(media), workers=4, **live.FAST) as (port, _),
        ):
            statuses, seconds = live.concurrent_posts(port, POSTS, prefix=prefix)
    finally:
        live.finish()  # the static files it collected
    sql = "SELECT count(*) FROM consent_submission WHERE data->>'email' LIKE %s"
    with psycopg.connect(url.replace("postgres://", "postgresql://")) as conn:
        stored = conn.execute(sql, [prefix + "%"]).fetchone()[0]
    if statuses.count(302) != POSTS or stored != POSTS:
        sys.exit(f"load: {stored} of {POSTS} stored, statuses {sorted(set(statuses))}")
    return {"load_posts": POSTS, "load_seconds": round(seconds, 2)}


if __name__ == "__main__":
    print(json.dumps(main(sys.argv[1])))
