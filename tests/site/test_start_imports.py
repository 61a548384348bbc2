"""What every start of the site's processes pays for: a gunicorn worker, `release`, the timers'
jobs, each `manage.py` command (issue 15). The libraries only one page or document uses are
imported where it is made (consent/common/pdf.py, emalu/enrolment.py), not at start-up, where
they cost every process a sixth of its start; and no test library is ever the site's."""

import json
import subprocess

from tests.live.base import PYTHON, ROOT, site_env

# A web worker (the WSGI application, every address resolved) and every command's module loaded.
STARTED = """
import json, sys
import emalu.wsgi
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


def test_a_start_imports_no_library_only_a_document_or_a_test_uses(tmp_path):
    env = site_env("postgres://nobody@127.0.0.1:9/none", STATIC_ROOT=str(tmp_path))
    done = subprocess.run([PYTHON, "-c", STARTED], cwd=ROOT, env=env, capture_output=True,
                          text=True)  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    imported = set(json.loads(done.stdout.splitlines()[-1]))
    assert "emalu" in imported and "consent" in imported  # the site itself was loaded
    assert imported & NOT_AT_START == set()
