"""`systemctl reload emalu` (gunicorn's HUP, README, Deploying, step 9) after a release: the
workers the master forks must import the release's code from disk. The master had imported
emalu.logs for its log lines, and with it Django and consent.common.net; the workers a reload
forked kept those modules, and after a release that added a name to one of them every page
answered 500 («cannot import name 'download' from 'consent.common.net'») until a restart."""

import json
import subprocess

from tests.live.base import PYTHON, ROOT

SITE = ("django", "asgiref", "emalu", "consent", "forms_app")

# The master as gunicorn runs it: the settings file read by gunicorn's own loader (as the
# module __config__), its logger made, then read again as a reload does. `before` is imported
# first: what a master started on an earlier release holds.
MASTER = """
import json, sys
for name in {before!r}:
    __import__(name)
from gunicorn.app.wsgiapp import WSGIApplication
from gunicorn.arbiter import Arbiter
sys.argv = ["gunicorn", "-c", "emalu/gunicorn.py", "emalu.wsgi"]
app = WSGIApplication("%(prog)s [OPTIONS] [APP_MODULE]")
arbiter = Arbiter(app)
app.reload()
site = sorted(m for m in sys.modules if m.partition(".")[0] in {site!r})
print(json.dumps({{"site": site, "gunicorn": "gunicorn.arbiter" in sys.modules,
                  "formatter": type(arbiter.log.error_log.handlers[0].formatter).__name__}}))
"""


def master_modules(before=()):
    out = subprocess.run(
        [PYTHON, "-c", MASTER.format(before=list(before), site=SITE)],
        cwd=ROOT, capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    return json.loads(out.splitlines()[-1])


def test_gunicorns_master_holds_no_module_of_the_site_or_django():
    """What the master imports, every worker it forks keeps: none of the site's code."""
    master = master_modules()
    assert master["site"] == []
    assert master["formatter"] == "JsonFormatter"  # its lines are still the site's JSON


def test_a_reload_in_a_master_of_an_earlier_release_forgets_its_modules():
    """The first reload onto this release happens in a master an earlier one started, which
    imported them: reading this settings file drops them, gunicorn's own modules kept."""
    master = master_modules(before=["django.conf", "emalu.logs", "consent.common.net"])
    assert master["site"] == []
    assert master["gunicorn"]


def test_importing_the_settings_file_leaves_the_importers_modules_alone():
    """A test (or anything) importing emalu.gunicorn as a module keeps its Django."""
    code = (
        "import sys, django.conf, emalu.gunicorn; "
        "print('django.conf' in sys.modules and 'emalu.gunicorn' in sys.modules)"
    )
    out = subprocess.run([PYTHON, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert out.stdout.strip() == "True", out.stderr
