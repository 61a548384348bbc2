"""What every live helper needs: the project's paths, a free port, the served site's environment."""

import os
import socket
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PYTHON = Path(sys.executable)
# The id of a test run split over pytest-xdist workers (conftest.py sets it in the controller).
RUN_ID = "EMALU_TEST_RUN"
LIVE_SECRET_KEY = "live-test-" + "k" * 50


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def site_env(url, **extra_env):
    """The environment of the site as operators run it: production settings on `url`."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "emalu.settings",
        "DEBUG": "0",
        "SECRET_KEY": LIVE_SECRET_KEY,
        "ALLOWED_HOSTS": "127.0.0.1",
        **({"DATABASE_URL": url} if url else {}),
        "SECURE_SSL_REDIRECT": "false",
        "OPERATOR_BIN": "123456789012",
        "RESPONSIBLE_PERSON": "Live Test",
        "RESPONSIBLE_CONTACT": "dpo@example.kz",
        **extra_env,
    }
