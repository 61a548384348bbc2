"""Emails set aside by several intakes at once, as hosts with their own MTA pipe take them in:
the officers are told of the first once, however many processes set letters aside together
(alerts.tell_set_aside counts in the database they share, under one advisory lock)."""

import subprocess
from concurrent.futures import ThreadPoolExecutor

import pytest

from tests.live import PYTHON, ROOT, live_database, query, site_env

pytestmark = [pytest.mark.live, pytest.mark.django_db]
PROCESSES = 6


def letter(n):
    return (f"From: Asel at home\r\nTo: em.alu.plus@mail.kz\r\nSubject: hi\r\n"
            f"Message-ID: <host{n}@x>\r\n\r\nbody {n}\r\n").encode()  # fmt: skip


def test_letters_set_aside_by_several_processes_at_once_make_one_notice(
    django_db_setup, django_db_blocker
):
    with django_db_blocker.unblock(), live_database() as url:
        env = site_env(url)
        # Alice, the officer told, as a row: a `manage.py shell` to create her cost as much as
        # two of the pipes, and the test is about the pipes.
        alice = ("INSERT INTO auth_user (password, is_superuser, username, first_name, last_name,"
                 " email, is_staff, is_active, date_joined) VALUES ('!', true, 'alice', '', '',"
                 " 'alice@example.kz', true, true, now()) RETURNING id")  # fmt: skip
        query(url, alice)

        def pipe(n):
            command = [PYTHON, "manage.py", "ingest_request_mail"]
            return subprocess.run(command, cwd=ROOT, env=env, input=letter(n),
                                  capture_output=True, check=True).stdout  # fmt: skip

        with ThreadPoolExecutor(max_workers=PROCESSES) as pool:
            said = list(pool.map(pipe, range(PROCESSES)))
        assert all(b"set aside as Q-" in out for out in said), said
        notices = query(url, "SELECT count(*) FROM post_office_email "
                             "WHERE \"to\" LIKE '%alice@example.kz%'")  # fmt: skip
        held = query(url, "SELECT count(*) FROM rights_quarantinedmessage WHERE told_at IS NULL")
        assert notices == [(1,)] and held == [(PROCESSES - 1,)]
