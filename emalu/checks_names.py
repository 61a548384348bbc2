"""A variable of /etc/emalu/env whose name is mistyped (ALLOWED_HOST, ADMIN, Debug,
SECRET_KEY_FALLBACK) was read by nothing: the site ran on that setting's default, and nothing
said so. The names the site reads are .env.example's: tests/site/test_deploy_files.py's
test_every_variable_the_site_reads_is_documented holds it to what the settings and gunicorn read.

So was a variable named as Django's settings or other projects name it (EMAIL_HOST and
EMAIL_HOST_PASSWORD for the relay, DB_HOST, REDIS_URL, DJANGO_SECRET_KEY): far from any name of
ours, no close match caught it, and the site mailed through its default relay, 127.0.0.1:25
(where Debian's own exim, if installed, takes every mail and sends it on unsigned), with only
an information line at the start. `ELSEWHERE` names the variable that holds what each meant."""

import os
from difflib import get_close_matches
from pathlib import Path

from django.core.checks import Warning as CheckWarning
from django.core.checks import register

EXAMPLE = Path(__file__).resolve().parent.parent / ".env.example"
# Names other Django projects and Django's settings use, by the variable of ours that holds the
# same (a URL holds host, port, user, password and TLS at once). Not POSTGRES_*: the database
# image's own, which a machine running it may export for every process.
ELSEWHERE = {
    **dict.fromkeys(["EMAIL_HOST", "EMAIL_PORT", "EMAIL_HOST_USER", "EMAIL_HOST_PASSWORD",
                     "EMAIL_USE_TLS", "EMAIL_USE_SSL", "EMAIL_BACKEND", "SMTP_HOST", "SMTP_PORT",
                     "SMTP_USER", "SMTP_PASSWORD", "SMTP_URL"], "EMAIL_URL"),
    **dict.fromkeys([f"{prefix}_{part}" for prefix in ("DB", "DATABASE")
                     for part in ("HOST", "PORT", "NAME", "DB", "USER", "PASSWORD")],
                    "DATABASE_URL"),
    **dict.fromkeys(["REDIS_URL", "REDIS_HOST", "REDIS_PORT", "REDIS_PASSWORD", "CACHE_LOCATION"],
                    "CACHE_URL"),
    **dict.fromkeys(["IMAP_HOST", "IMAP_PORT", "IMAP_USER", "IMAP_PASSWORD"], "IMAP_URL"),
    "SERVER_EMAIL": "DEFAULT_FROM_EMAIL",
}  # fmt: skip


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
        if (meant := ELSEWHERE.get(name)) or name.removeprefix("DJANGO_") in known - {name}:
            meant = meant or name.removeprefix("DJANGO_")
            said.append(
                CheckWarning(
                    f"{name} is not a variable the site reads: {meant} is, and stays at its "
                    "default.",
                    hint=f"Put what {name} holds into {meant} in /etc/emalu/env, in the form "
                    f".env.example gives, and remove {name}; then start the host again.",
                    id="emalu.W008",
                )
            )
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
