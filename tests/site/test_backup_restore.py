"""docs/deploy/backups.md, followed as an operator would: a nightly dump, a person destroyed
after it, the database lost and the dump restored into a new one. The restored database keeps the
ledger's append-only triggers and the runtime role's grants, the site starts on it, and the
destruction is applied again from the list the current database (or the journal) gives."""

import os
import subprocess
from contextlib import contextmanager
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import psycopg
import pytest
from django.db import connection
from psycopg.sql import SQL, Identifier

from tests.live import (
    PYTHON,
    ROOT,
    _admin_dsn,
    drop_database,
    gunicorn,
    live_database,
    query,
    request,
    running_host,
    site_env,
)

pytestmark = [
    pytest.mark.live,
    pytest.mark.django_db,
    pytest.mark.requires_tool("pg_dump", apt="postgresql-client"),
]

PERSON = """
from consent.core.ledger import consent_grant
from consent.core.models import Source, Subject
from consent.core.texts import current_text
s = Subject.objects.create(full_name="Restore Person", email="restore@example.kz")
consent_grant(s, current_text("service"), language="kk", source=Source.CONTACT_FORM)
print(s.pk)
"""

DESTROY = """
from consent.core.models import Subject
from consent.rights.erasure import subject_destroy
subject_destroy(Subject.objects.get(pk={pk}), request_ref="R-2026-00042")
"""


def ledger_changed(url, role):
    """Whether the site's connection (the runtime role, as emalu/db/base.py sets it) could
    change the ledger: asked here, not in a `manage.py shell` (~1.5 CPU-s to start Django)."""
    with psycopg.connect(dsn(url)) as conn:
        conn.execute(SQL("SET ROLE {}").format(Identifier(role)))
        try:
            conn.execute("UPDATE consent_ledgerentry SET at = at")
        except psycopg.DatabaseError:
            conn.rollback()
            return False
        return True


BACKUPS = ROOT / "docs" / "deploy" / "backups.md"
TRIGGERS = """
SELECT count(*) FROM pg_trigger
WHERE tgrelid = 'consent_ledgerentry'::regclass AND NOT tgisinternal
"""


def manage(env, *command, stdin=None):
    return subprocess.run([PYTHON, "manage.py", *command], input=stdin, cwd=ROOT, env=env,
                          capture_output=True, text=True)  # fmt: skip


def dsn(url):
    return url.replace("postgres://", "postgresql://")


# A stand-in for age (the test holds no key pair): it takes the recipient as age does, and
# passes the dump through, so that what pg_restore reads is what the script wrote.
AGE = """#!/bin/sh
[ "$1" = -r ] && [ -n "$2" ] || exit 2
exec cat
"""


def nightly_backup(env, tmp_path):
    """scripts/backup as emalu-backup.service runs it: the site's environment and the unit's
    two lines. Without its recipient it refuses, naming it, and writes nothing."""
    tools, folder = tmp_path / "bin", tmp_path / "backup"
    tools.mkdir()
    folder.mkdir()
    (tools / "age").write_text(AGE)
    (tools / "age").chmod(0o755)
    env = {**env, "PATH": f"{tools}:{env['PATH']}", "BACKUP_DIR": str(folder)}
    refused = subprocess.run([ROOT / "scripts" / "backup"], env={**env, "BACKUP_RECIPIENT": ""},
                             capture_output=True, text=True)  # fmt: skip
    assert refused.returncode != 0 and "BACKUP_RECIPIENT" in refused.stderr
    assert list(folder.iterdir()) == []
    done = subprocess.run([ROOT / "scripts" / "backup"], env={**env, "BACKUP_RECIPIENT": "age1x"},
                          capture_output=True, text=True)  # fmt: skip
    assert done.returncode == 0, done.stderr
    # Recorded where every host's /healthz and the admin index read it (test_backup_age.py).
    assert "backup recorded at" in done.stdout
    assert query(env["DATABASE_URL"], "SELECT job FROM consent_jobrun") == [("backup",)]
    [dump] = folder.iterdir()
    assert dump.name.startswith("db-") and dump.name.endswith(".dump.age")
    return dump


@contextmanager
def restored_from(dump, current):
    """The dump restored into a new database beside `current`, as after losing it: its URL.
    Dropped at the end."""
    name = current.rsplit("/", 1)[1] + "_restored"
    restored = current.rsplit("/", 1)[0] + "/" + name
    with psycopg.connect(_admin_dsn(), autocommit=True) as admin:
        admin.execute(SQL("CREATE DATABASE {}").format(Identifier(name)))
    try:
        subprocess.run(["pg_restore", "--exit-on-error", "--dbname", dsn(restored), str(dump)],
                       check=True, capture_output=True)  # fmt: skip
        yield restored
    finally:
        drop_database(name)


def test_a_restored_dump_keeps_the_ledgers_guarantees_and_its_destructions(
    django_db_setup, django_db_blocker, tmp_path
):
    with django_db_blocker.unblock(), live_database() as current:
        env = site_env(current)
        with running_host(env) as host:  # one process for both, as a host serving both is
            pk = int(host.ask(PERSON).split()[-1])
            dump = nightly_backup(env, tmp_path)
            host.ask(DESTROY.format(pk=pk))  # the next morning, a request to destroy
        exported = manage(env, "tombstones", "export")
        assert exported.returncode == 0, exported.stderr
        (tmp_path / "tombstones.csv").write_text(exported.stdout)
        with restored_from(dump, current) as restored:
            env_r = {**env, "DATABASE_URL": restored}
            # The append-only triggers and the runtime role's narrow grants came back with it.
            role = connection.settings_dict["APP_ROLE"]
            assert not ledger_changed(restored, role)
            again = manage(env_r, "tombstones", "reapply", str(tmp_path / "tombstones.csv"))
            assert again.returncode == 0, again.stderr
            assert "destroyed again: 1, gone already: 0" in again.stdout
            assert query(restored, TRIGGERS) == query(current, TRIGGERS) != [(0,)]
            # The number the restore's step 5 tells the operator to find (it said 2 after a
            # third trigger came, and a correct restore looked like a broken one).
            [(count,)] = query(current, TRIGGERS)
            assert f"the old database ({count}:" in " ".join(BACKUPS.read_text().split())
            rights = f"SELECT has_table_privilege('{role}', 'consent_ledgerentry', 'INSERT'), " \
                     f"has_table_privilege('{role}', 'consent_ledgerentry', 'UPDATE')"  # fmt: skip
            assert query(restored, rights) == [(True, False)]
            left = query(restored, f"SELECT (SELECT count(*) FROM consent_subject WHERE id = {pk}),"
                                   f" (SELECT count(*) FROM consent_ledgerentry"
                                   f" WHERE subject_id = {pk})")  # fmt: skip
            assert left == [(0, 0)]
            twice = manage(env_r, "tombstones", "reapply", "-", stdin=exported.stdout)
            assert "destroyed again: 0, gone already: 1" in twice.stdout
            with gunicorn(restored, tmp_path) as (port, _proc):
                status, _headers, body = request(port, "GET", "/healthz")
            assert status == 200, body


PARTS = """
from consent.core.ledger import consent_grant
from consent.core.mail import queue_mail
from consent.core.models import Guardian, Source, Subject
from consent.core.texts import current_text
from consent.rights.tickets import ticket_open, ticket_verify
child = Subject.objects.create(full_name="Restore Child", email="child@example.kz",
                               birth_date="2012-05-17")
g = Guardian.objects.create(subject=child, full_name="Zqparent Name", contact="zqparent@example.kz")
consent_grant(child, current_text("service"), language="kk", source=Source.APPLICATION_FORM,
              guardian=g)
queue_mail("zqparent@example.kz", "ack", {"name": "x", "ack_line": "x", "policy_number": 1},
           language="kk", subject_line="ack")
t = ticket_open(kind="destroy", email="zqparent@example.kz", language="kk", channel="email",
                message="Zqparent: destroy my data")
ticket_verify(t)
kept = Subject.objects.create(full_name="Kept Person", email="kept@example.kz",
                              phone="+77019990000", birth_place="Zqtown")
print(t.pk, kept.pk)
"""

ERASE = """
from consent.core.models import Subject
from consent.rights.erasure import subject_minimise
from consent.rights.guardianship import ticket_destroy_guardian
from consent.rights.models import Ticket
ticket_destroy_guardian(Ticket.objects.get(pk={ticket}), actor=None, words="Zqparent, done")
subject_minimise(Subject.objects.get(pk={kept}), keep=["full_name", "email"], request_ref="R-9")
"""


def test_a_restored_dump_loses_again_what_a_parent_and_a_minimisation_erased(
    django_db_setup, django_db_blocker, tmp_path
):
    """A parent's name and contact erased on a child's record, and the items a minimisation
    erased from a person who stays, left no tombstone: the restored dump kept them for good."""
    with django_db_blocker.unblock(), live_database() as current:
        env = site_env(current)
        with running_host(env) as host:
            ticket, kept = (int(n) for n in host.ask(PARTS).split()[-2:])
            dump = nightly_backup(env, tmp_path)
            host.ask(ERASE.format(ticket=ticket, kept=kept))  # the next morning
        exported = manage(env, "tombstones", "export")
        assert exported.returncode == 0, exported.stderr
        with restored_from(dump, current) as restored:
            env_r = {**env, "DATABASE_URL": restored}
            again = manage(env_r, "tombstones", "reapply", "-", stdin=exported.stdout)
            assert again.returncode == 0, again.stderr
            assert "erased again: 2" in again.stdout
            dumped = subprocess.run(["pg_dump", "--data-only", "--inserts", dsn(restored)],
                                    check=True, capture_output=True, text=True).stdout  # fmt: skip
            for trace in ["Zqparent", "zqparent", "+77019990000", "Zqtown"]:
                assert trace not in dumped, trace
            assert query(restored, "SELECT count(*) FROM consent_subject") == [(2,)]
            twice = manage(env_r, "tombstones", "reapply", "-", stdin=exported.stdout)
            assert "erased again: 0" in twice.stdout


# The environment of the tests below, on a database of their own (live_database): the script
# asks this host's clock first (`backup_recorded --keep-days`), which the tests' settings leave
# alone (HOST_CLOCK_TOLERANCE None; the clock's own test runs on the production settings), and
# takes the dump under the backup's lock in the database (test_backup_two_hosts.py).
TESTS_CLOCK = {"DJANGO_SETTINGS_MODULE": "tests.settings", "BACKUP_RECIPIENT": "age1x"}

# Each stand-in writes part of its output, then fails as the real tool does on that fault.
CUT_SHORT = {
    "disk full": ("age", "head -c 4096\necho 'age: error: write: no space left on device' >&2\n"),
    "database gone": ("pg_dump", "head -c 4096 /dev/zero\necho 'pg_dump: error: lost' >&2\n"),
}


@pytest.mark.parametrize("fault", CUT_SHORT)
def test_a_backup_cut_short_leaves_no_part_and_keeps_the_dumps_before_it(
    django_db_blocker, tmp_path, fault
):
    tools, folder = tmp_path / "bin", tmp_path / "backup"
    tools.mkdir()
    folder.mkdir()
    scripts = {"pg_dump": "head -c 65536 /dev/zero\n", "age": "exec cat\n"}
    tool, failing = CUT_SHORT[fault]
    scripts[tool] = failing + "exit 1\n"
    for name, body in scripts.items():
        (tools / name).write_text("#!/bin/sh\n" + body)
        (tools / name).chmod(0o755)
    earlier = folder / "db-2026-12-01.dump.age"
    earlier.write_bytes(b"last night's dump")
    env = {"PATH": f"{tools}:/usr/bin:/bin", "BACKUP_DIR": str(folder), **TESTS_CLOCK}
    with django_db_blocker.unblock(), live_database() as url:
        failed = subprocess.run([ROOT / "scripts" / "backup"], capture_output=True, text=True,
                                env={**env, "DATABASE_URL": url})  # fmt: skip
    assert failed.returncode != 0
    assert "backup failed: nothing written; the dumps before it are kept" in failed.stderr
    assert failing.split("'")[1] in failed.stderr  # the tool's own reason
    assert list(folder.iterdir()) == [earlier]
    assert earlier.read_bytes() == b"last night's dump"


def test_a_backup_without_its_tools_names_the_package_to_install(tmp_path):
    """A new host set up from the README lacked `age`: the unit failed on «age: command not
    found» after pg_dump had started. It names the package first, and writes nothing."""
    tools, folder = tmp_path / "bin", tmp_path / "backup"
    tools.mkdir()
    folder.mkdir()
    (tools / "pg_dump").write_text("#!/bin/sh\nexit 0\n")
    (tools / "pg_dump").chmod(0o755)
    env = {"PATH": str(tools), "BACKUP_DIR": str(folder), "BACKUP_RECIPIENT": "age1x",
           "DATABASE_URL": "postgres://emalu_app@127.0.0.1/emalu"}  # fmt: skip
    failed = subprocess.run(["/bin/bash", ROOT / "scripts" / "backup"], env=env,
                            capture_output=True, text=True)  # fmt: skip
    assert failed.returncode == 1
    assert "age is not installed: apt-get install age postgresql-client" in failed.stderr
    assert list(folder.iterdir()) == []


@pytest.mark.requires_tool("faketime", apt="faketime")
@pytest.mark.parametrize(
    ("shift", "said"), [("+60d", "1440 h 0 min ahead of"), ("-1d", "24 h 0 min behind")]
)
def test_a_host_clock_off_deletes_no_dump_and_records_no_backup(
    django_db_blocker, tmp_path, shift, said
):
    """A host started without time synchronisation, its clock 60 days ahead: the backup named its
    dump by that day, deleted every dump before it as older than 56 days, and recorded a backup
    dated two months on, which /healthz counted as fresh until then; the unit succeeded. A clock
    a day behind found the day before's dump as «today's» and stopped, saying «backup already
    written today», each hour, for as long as the clock was behind: no backup and no failure.
    It deletes and records nothing now, keeps no part, and says why, as every job does."""
    import time

    tools, folder = tmp_path / "bin", tmp_path / "backup"
    tools.mkdir()
    folder.mkdir()
    (tools / "age").write_text(AGE)
    (tools / "age").chmod(0o755)
    today, dumps = datetime.now(ZoneInfo("Asia/Almaty")).date(), []
    for days in (1, 2, 10):  # the day before's is the day's for a clock a day behind
        dump = folder / f"db-{today - timedelta(days=days)}.dump.age"
        dump.write_bytes(b"an earlier night's dump")
        os.utime(dump, (time.time() - days * 86400,) * 2)
        dumps.append(dump)
    with django_db_blocker.unblock(), live_database() as url:
        env = {**site_env(url), "PATH": f"{tools}:{os.environ['PATH']}",
               "BACKUP_DIR": str(folder), "BACKUP_RECIPIENT": "age1x"}  # fmt: skip
        off = subprocess.run(["faketime", "-f", shift, ROOT / "scripts" / "backup"], env=env,
                             capture_output=True, text=True)  # fmt: skip
        assert off.returncode == 1, off.stdout
        assert f"backup not run: This host's clock is {said} the database server's" in off.stderr
        assert "backup failed: nothing written; the dumps before it are kept" in off.stderr
        assert "already written" not in off.stdout
        assert sorted(folder.iterdir()) == sorted(dumps)
        assert query(url, "SELECT count(*) FROM consent_jobrun WHERE job = 'backup'") == [(0,)]
