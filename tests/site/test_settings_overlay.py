"""The suite runs on production's settings whatever the developer's shell exports: `DEBUG=1`,
left exported after `make run`'s or makemessages' commands, turned on `make run`'s sending of
mail after each page (MAIL_SENT_AFTER_EACH_PAGE follows DEBUG), and a test that read a mail's
confirmation link found it sent already, its secret written «[token]» as the outbox keeps it."""

import os
import subprocess

from tests.live import PYTHON, ROOT

READ = "from django.conf import settings as s; print(s.DEBUG, s.MAIL_SENT_AFTER_EACH_PAGE)"


def test_a_shell_that_exports_debug_leaves_the_tests_settings_as_productions():
    env = {**os.environ, "DEBUG": "1", "DJANGO_SETTINGS_MODULE": "tests.settings"}
    done = subprocess.run([PYTHON, "-c", f"import django; django.setup(); {READ}"], cwd=ROOT,
                          env=env, capture_output=True, text=True, check=True)  # fmt: skip
    assert done.stdout.split() == ["False", "False"]
