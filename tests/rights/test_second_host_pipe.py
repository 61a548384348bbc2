"""A second host as an operator adds one: the MTA pipes letters to its intake, and its timers run
the jobs, with the environment it was given.

A SITE_URL that leads nowhere (left empty in the copied file, the host alone, a path after it)
was refused by the web's start only (`check --deploy`, emalu.W002): on that host the MTA pipe
and the timers' jobs ran with it, and the confirmation link mailed to a person who asked for
their data to be destroyed read «/ru/requests/confirm/…», no site before it. And the pipe as
docs/deploy/mta-pipe.md gave it, the command alone in /etc/aliases, read no environment: it
exited 1 («SECRET_KEY is not set»), and the MTA returned every letter to its sender."""

import os
import re
import shlex
import subprocess

import pytest

from tests.live import PYTHON, ROOT, live_database, query, shell, site_env
from tests.rights.conftest import message

pytestmark = pytest.mark.live

PERSON = "aigerim@example.kz"
NAMED = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
ON_RECORD = f"""
from consent.core.models import Subject
Subject.objects.create(full_name="Айгерим Сейтова", email="{PERSON}", language="ru")
"""


def letter(number):
    return message("Удалите мои данные", sender=PERSON, message_id=f"<second-host-{number}@x>",
                   body="Прошу удалить мои персональные данные.")  # fmt: skip


def piped(env, number, command=("manage.py", "ingest_request_mail")):
    """The MTA's pipe: the letter on stdin, the host's environment `env` (None: the MTA's own)."""
    program = [PYTHON, *command] if command[0] == "manage.py" else list(command)
    return subprocess.run(program, cwd=ROOT, input=letter(number), capture_output=True,
                          env=env if env is not None else {"PATH": os.environ["PATH"]})  # fmt: skip


def env_file(path, env):
    """/etc/emalu/env as an operator writes it: one VARIABLE=value a line, as sh reads it."""
    path.write_text("".join(f"{name}={shlex.quote(value)}\n" for name, value in env.items()
                            if NAMED.match(name)))  # fmt: skip
    return path


@pytest.fixture(scope="module")
def database(django_db_blocker):
    with django_db_blocker.unblock(), live_database() as url:
        shell(ON_RECORD, site_env(url))
        yield url


@pytest.mark.parametrize(
    "site_url", ["", "emaluplus-vko.kz", "https://emaluplus-vko.kz/ru/", "https://"]
)
def test_a_host_whose_site_url_leads_nowhere_mails_no_link(database, site_url):
    host_b = site_env(database, SITE_URL=site_url)
    taken = piped(host_b, 1)
    assert taken.returncode == 75, taken.stderr  # the MTA keeps the letter for later
    said = taken.stderr.decode()
    assert said.startswith("SITE_URL is not the site's address") and "Traceback" not in said
    assert query(database, "SELECT count(*) FROM consent_request") == [(0,)]
    assert query(database, "SELECT count(*) FROM post_office_email") == [(0,)]
    # Nor does any timer's job run on it: each stops at once with the same line.
    job = subprocess.run([PYTHON, "manage.py", "send_request_digest"], cwd=ROOT, env=host_b,
                         capture_output=True, text=True)  # fmt: skip
    assert job.returncode == 1 and job.stderr.startswith("SITE_URL is not the site's address")


def test_the_letter_kept_is_taken_with_the_sites_address_once_it_is_set(database):
    taken = piped(site_env(database, SITE_URL="https://emaluplus-vko.kz/"), 1)
    assert taken.returncode == 0, taken.stderr
    [(mail,)] = query(database, "SELECT message FROM post_office_email")
    links = re.findall(r"\S*/ru/requests/confirm/\S+", mail)
    assert links and all(link.startswith("https://emaluplus-vko.kz/ru/") for link in links)


def test_a_letter_piped_without_the_hosts_environment_is_kept_by_the_mta(database, tmp_path):
    """The command alone, as the MTA runs it: no environment but its PATH."""
    taken = piped(None, 3)
    assert taken.returncode == 75
    assert (
        taken.stderr.decode().startswith("SECRET_KEY is not set")
        and b"Traceback" not in taken.stderr
    )
    wrapper = str(ROOT / "scripts" / "ingest-mail")
    missing = piped(None, 3, (wrapper, str(tmp_path / "no-such-env")))
    assert missing.returncode == 75
    assert b"no-such-env cannot be read" in missing.stderr
    # The wrapper the page gives the MTA reads the host's file, and the letter becomes a request.
    given = env_file(tmp_path / "env", site_env(database, SITE_URL="https://emaluplus-vko.kz"))
    taken = piped(None, 3, (wrapper, str(given)))
    assert taken.returncode == 0, taken.stderr
    assert query(
        database,
        "SELECT message_id, type FROM consent_request WHERE message_id = '<second-host-3@x>'",
    ) == [("<second-host-3@x>", "destroy")]


@pytest.mark.parametrize(
    ("url", "said"),
    [
        ("postgres://emalu_no_such_role@127.0.0.1:5432/postgres",
         'refused DATABASE_URL\'s login (user emalu_no_such_role, database postgres): role '
         '"emalu_no_such_role" does not exist'),
        ("postgres://postgres@127.0.0.1:1/emalu",
         "the database could not be reached (connection failed:"),
    ],
)  # fmt: skip
def test_a_letter_the_database_cannot_take_is_kept_saying_why(url, said):
    """Exit 75, with the line every command gives: where, and PostgreSQL's own reason. The MTA's
    log had read «database unavailable (OperationalError)» for a login refused (a host's copied
    file with another host's password) as for a server down, for as long as it kept the letter."""
    taken = piped(site_env(url), 4)
    assert taken.returncode == 75
    line = taken.stderr.decode()
    assert "not taken: ingest_request_mail stopped: " in line and said in line, line
    assert "Traceback" not in line
