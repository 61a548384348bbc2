"""Where a request's time goes: cProfile over N requests through Django's WSGI handler with the
bench's production settings, in-process (make bench compares; this explains).

    python bench/where.py GET /kk/ [N]          # top functions by own time, to stdout
    python bench/where.py POST /kk/contact/ [N] # the contact form, each post a fresh token
    python bench/where.py GET /bare/home [N]    # a bare view, for the difference

On the DATABASE_URL database (migrated, `load_demo`); DEBUG off, as gunicorn runs it.
"""

import cProfile
import io
import os
import pstats
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.update(DJANGO_SETTINGS_MODULE="bench.settings", DEBUG="0", SECURE_SSL_REDIRECT="false",
                  SECRET_KEY="bench-" + "k" * 50, ALLOWED_HOSTS="testserver",
                  OPERATOR_BIN="123456789012", RESPONSIBLE_PERSON="Bench",
                  RESPONSIBLE_CONTACT="bench@example.kz", FORM_MIN_FILL_SECONDS="0",
                  FORM_RATE_LIMIT="100000000/60",
                  STATIC_ROOT=str(ROOT / "var/bench-static"))  # fmt: skip

import django  # noqa: E402

django.setup()

from django.core.handlers.wsgi import WSGIHandler  # noqa: E402
from django.test import Client, RequestFactory  # noqa: E402

from tests.conftest import aged_token  # noqa: E402
from tests.texts import SHOWN, as_shown  # noqa: E402


def main(method, path, n):
    """As gunicorn calls Django: the WSGI handler, one environ a request, no test client."""
    handler, factory = WSGIHandler(), RequestFactory()

    def one(i):
        if method == "GET":
            environ = factory.get(path).environ
        else:
            data = {"token": aged_token(), "full_name": "Bench", "phone": "87011234567",
                    "email": f"p{i}-{os.getpid()}@example.kz", "message": "hi",
                    "consent_service": "on", "csrfmiddlewaretoken": "c" * 32, **shown}  # fmt: skip
            environ = factory.post(path, data).environ
            environ["HTTP_COOKIE"] = cookie
        status = []
        b"".join(handler(environ, lambda s, h: status.append(s)))
        assert status[0][:3] in ("200", "302"), status

    cookie, shown = "", {}
    if method == "POST":  # the visitor's CSRF cookie and token, as a browser holds them
        from django.conf import settings

        settings.CSRF_COOKIE_NAME = "csrftoken"
        cookie = "csrftoken=" + "c" * 32
        factory = RequestFactory(enforce_csrf_checks=False)
        # The words the form's page shows, posted back as a browser does: none, nothing stored.
        shown.update(as_shown(Client(), path, SHOWN))
    one(-1)  # warm: imports, templates, the page cache

    profile = cProfile.Profile()
    profile.enable()
    for i in range(n):
        one(i)
    profile.disable()
    out = io.StringIO()
    stats = pstats.Stats(profile, stream=out)
    print(f"{method} {path}: {stats.total_tt / n * 1000:.2f} ms a request (profiled)")
    stats.sort_stats("tottime").print_stats(25)
    print(out.getvalue())


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 500)
