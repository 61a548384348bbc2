"""Production settings plus two bare views, so that pages are measured against Django itself
through the same gunicorn set-up (make bench)."""

from emalu.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
