"""A variable of /etc/emalu/env whose name is mistyped (ALLOWED_HOST, ADMIN, Debug,
SECRET_KEY_FALLBACK) was read by nothing: the site ran on that setting's default, and nothing
said so. The names the site reads are .env.example's: tests/site/test_deploy_files.py's
test_every_variable_the_site_reads_is_documented holds it to what the settings and gunicorn read."""

import os
from difflib import get_close_matches
from pathlib import Path

from django.core.checks import Warning as CheckWarning
from django.core.checks import register

EXAMPLE = Path(__file__).resolve().parent.parent / ".env.example"


def documented_names() -> set[str]:
    """The variables .env.example documents (each a line NAME=…); none if it is missing."""
    if not EXAMPLE.exists():
        return set()
    lines = EXAMPLE.read_text(encoding="utf-8").splitlines()
    return {line.partition("=")[0] for line in lines if line[:1].isupper() and "=" in line}


@register(deploy=True)
def check_variable_names(app_configs, **kwargs):
    """Each environment variable close to, but not, a name the site reads (a letter missing,
    added or in the wrong case) stops the start, naming both; values are never shown."""
    known = documented_names()
    said = []
    for name in sorted(os.environ):
        if name in known:
            continue
        meant = get_close_matches(name.upper(), known, n=1, cutoff=0.85)
        if meant:
            said.append(
                CheckWarning(
                    f"{name} is not a variable the site reads: {meant[0]} is, and stays at its "
                    "default.",
                    hint=f"Rename {name} to {meant[0]} in /etc/emalu/env (.env.example lists "
                    "every variable), then start the host again.",
                    id="emalu.W008",
                )
            )
    return said
