"""A variable of /etc/emalu/env that cannot be read stops the site with a message naming it, and
never shows its value: a URL holds a password, and the traceback goes to the journal."""

import subprocess

import pytest

from tests.live import PYTHON, ROOT, site_env

SECRET = "pw-s3cr3t-9a7"


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("DATABASE_URL", f"postgres://emalu_app:{SECRET}@127.0.0.1:notaport/emalu"),
        ("CACHE_URL", f"redis//:{SECRET}@127.0.0.1:6379/1"),
        ("EMAIL_URL", f"smtp+tls://mailer:{SECRET}@smtp.example.kz:587x"),
        ("CONN_MAX_AGE", "60   # seconds"),
        # Read on every form post: malformed, each post was a 500 while `check` passed.
        ("FORM_RATE_LIMIT", "five"),
        ("FAILED_LOGIN_AUDIT_LIMIT", "20/0"),
    ],
)
def test_a_malformed_variable_is_named_and_its_value_not_shown(name, value):
    env = site_env("postgres://emalu_app@127.0.0.1:5432/emalu", **{name: value})
    result = subprocess.run([PYTHON, "manage.py", "check"], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=60)  # fmt: skip
    assert result.returncode != 0
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith(f"django.core.exceptions.ImproperlyConfigured: {name} "), last
    assert SECRET not in result.stderr and value not in result.stderr
    assert "During handling" not in result.stderr  # no parser's exception chained, with the value
