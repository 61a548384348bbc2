"""What every start of the site's processes pays for: a gunicorn worker, `release`, the timers'
jobs, each `manage.py` command (issue 15). The libraries only one page or document uses are
imported where it is made (consent/common/pdf.py, emalu/enrolment.py), not at start-up, where
they cost every process a sixth of its start; and no test library is ever the site's. The site
loads with the cycle collector paused, which a started process has running again, what the
start made set apart from its walks (emalu/start.py)."""

import json
import subprocess

import pytest

from tests.live.base import PYTHON, ROOT, shell, site_env

# A web worker (the WSGI application, every address resolved) and every command's module loaded.
STARTED = """
import gc, json, sys
import emalu.wsgi
print(json.dumps([gc.isenabled(), gc.get_freeze_count()]))
from django.core.management import get_commands, load_command_class
from django.urls import get_resolver
get_resolver().url_patterns
for name, app in get_commands().items():
    load_command_class(app, name)
print(json.dumps(sorted({name.partition(".")[0] for name in sys.modules})))
"""

# The PDF documents (fpdf, fontTools), the authenticator's QR code, a phone number read or shown
# (phonenumbers), a photo sanitised (Pillow), and the suite's own tools.
NOT_AT_START = {
    "fpdf",
    "fontTools",
    "qrcode",
    "phonenumbers",
    "PIL",
    "hypothesis",
    "playwright",
    "pytest",
}


@pytest.fixture(scope="module")
def started(tmp_path_factory):
    """What STARTED printed, run as a worker's start runs: (the collector's state once the WSGI
    application was loaded, the top-level modules once every command's was)."""
    static = tmp_path_factory.mktemp("static")
    env = site_env("postgres://nobody@127.0.0.1:9/none", STATIC_ROOT=str(static))
    done = subprocess.run([PYTHON, "-c", STARTED], cwd=ROOT, env=env, capture_output=True,
                          text=True)  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    collector, imported = done.stdout.splitlines()[-2:]
    return json.loads(collector), set(json.loads(imported))


def test_a_start_imports_no_library_only_a_document_or_a_test_uses(started):
    imported = started[1]
    assert "emalu" in imported and "consent" in imported  # the site itself was loaded
    assert imported & NOT_AT_START == set()


# Far fewer than a loaded site's objects: Python's own at start are some 10,000.
LOADED = 50_000


def test_a_worker_collects_its_garbage_once_the_site_is_loaded(started):
    """A gunicorn worker paused the collector to load the site (emalu/wsgi.py): left paused, its
    cycles, a request's, would pile up until the worker's memory ran out."""
    running, frozen = started[0]
    assert running and frozen > LOADED


def test_a_command_collects_its_garbage_once_the_site_is_loaded(tmp_path):
    """So does every manage.py command, the jobs that go through every row included."""
    code = "import gc, json; print(json.dumps([gc.isenabled(), gc.get_freeze_count()]))"
    env = site_env("postgres://nobody@127.0.0.1:9/none", STATIC_ROOT=str(tmp_path))
    running, frozen = json.loads(shell(code, env).splitlines()[-1])
    assert running and frozen > LOADED


def test_a_worker_whose_site_fails_to_load_still_collects_its_garbage(tmp_path):
    """A site that fails to load (a setting missing, a syntax error in a release) leaves the
    worker's collector running: gunicorn --reload keeps such a worker, serving its error, and
    the process that imported it goes on."""
    code = (
        "import gc, json\n"
        "try:\n    import emalu.wsgi\nexcept Exception as error:\n    failed = repr(error)\n"
        "print(json.dumps([failed, gc.isenabled()]))"
    )
    env = site_env("postgres://nobody@127.0.0.1:9/none", STATIC_ROOT=str(tmp_path))
    env.pop("SECRET_KEY")  # the settings refuse to load without it
    done = subprocess.run([PYTHON, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True)
    failed, running = json.loads(done.stdout.splitlines()[-1])
    assert "SECRET_KEY" in failed and running, done.stderr[-2000:]
