"""A runaway query held its gunicorn worker until gunicorn's timeout killed the worker (a bare
502 from nginx), and ran on in the database after. A page's query is cancelled after
DATABASE_STATEMENT_TIMEOUT: the visitor gets the 503 page in their language, nothing is stored,
the worker serves the next request and the database runs nothing of it. A command (a job,
`migrate`) takes DATABASE_JOB_STATEMENT_TIMEOUT, none unless set.

The slow query is a real one: a row-level policy that sleeps (pg_sleep) on the table the page
reads, which applies to the runtime role the site's requests run as."""

import pytest

from tests.live import FAST, form_session, gunicorn, live_database, post_contact, query, request
from tests.live.base import shell, site_env

pytestmark = [pytest.mark.live, pytest.mark.django_db]

SLOW = (
    "ALTER TABLE {table} ENABLE ROW LEVEL SECURITY; "
    "CREATE POLICY slow ON {table} USING (pg_sleep(3) IS NOT NULL)"
)
FAST_AGAIN = "DROP POLICY slow ON {table}; ALTER TABLE {table} DISABLE ROW LEVEL SECURITY"
SLEEPING = (
    "SELECT count(*) FROM pg_stat_activity WHERE query LIKE '%consent_%' AND wait_event = 'PgSleep'"
)


def execute(url, sql):
    import psycopg

    with psycopg.connect(url.replace("postgres://", "postgresql://"), autocommit=True) as conn:
        conn.execute(sql)


def test_a_page_whose_query_runs_too_long_answers_503_in_its_language(
    django_db_setup, django_db_blocker, tmp_path
):
    with (
        django_db_blocker.unblock(),
        live_database() as url,
        gunicorn(url, tmp_path, DATABASE_STATEMENT_TIMEOUT="1", **FAST) as (port, server),
    ):
        execute(url, SLOW.format(table="consent_consenttext"))
        for language, word in [("kk", "Уақытша қолжетімсіз"), ("ru", "Временно недоступно")]:
            status, headers, body = request(port, "GET", f"/{language}/contact/")
            page = body.decode()
            assert status == 503 and headers["Retry-After"] == "30"
            assert f'<html lang="{language}">' in page and word in page
            assert "Traceback" not in page
        # Cancelled, not waited out (a query waited out would give the page, 200; the log below
        # names the timeout), and the database runs nothing of it after.
        assert query(url, SLEEPING) == [(0,)]
        execute(url, FAST_AGAIN.format(table="consent_consenttext"))

        # A form sent while the insert is slow: 503, and nothing half-stored.
        session = form_session(port, "/kk/contact/")
        execute(url, SLOW.format(table="consent_submission"))
        status, _, body = post_contact(port, session, "slow@example.kz", full=True)
        assert status == 503 and '<html lang="kk">' in body.decode()
        execute(url, FAST_AGAIN.format(table="consent_submission"))
        assert query(url, "SELECT count(*) FROM consent_submission") == [(0,)]

        # The one worker serves the next visitor at once.
        assert request(port, "GET", "/kk/contact/")[0] == 200
        assert post_contact(port, form_session(port, "/kk/contact/"), "next@example.kz") == 302
        log = server.stop()
    assert "DATABASE_STATEMENT_TIMEOUT" in log  # the fault is logged (and mailed to ADMINS)


@pytest.mark.parametrize(("job_timeout", "shown"), [(None, "0"), ("600", "10min")])
def test_a_command_takes_the_job_statement_timeout(job_timeout, shown):
    """The timers' jobs, `release` and `migrate` run through manage.py: a retention run over
    many people, or an index built, is not cut at the page's 20 seconds."""
    extra = {"DATABASE_JOB_STATEMENT_TIMEOUT": job_timeout} if job_timeout else {}
    env = site_env("postgres://postgres@127.0.0.1:5432/postgres", **extra)
    code = (
        "from django.db import connection; c = connection.cursor(); "
        "c.execute('SHOW statement_timeout'); print(c.fetchone()[0])"
    )
    assert shell(code, env).strip() == shown


def test_a_statement_timeout_that_is_no_number_is_named():
    import subprocess

    from tests.live import PYTHON, ROOT

    env = site_env("postgres://postgres@127.0.0.1:5432/postgres", DATABASE_STATEMENT_TIMEOUT="20s")
    done = subprocess.run([PYTHON, "manage.py", "check"], cwd=ROOT, env=env, capture_output=True,
                          text=True)  # fmt: skip
    assert done.returncode != 0 and "DATABASE_STATEMENT_TIMEOUT" in done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize(
    ("statement", "worker", "warned"),
    [(20, None, False), (0, None, True), (30, None, True), (50, "60", False),
     (20, "0", False), (0, "0", False)],  # gunicorn's 0: no worker is ever killed
)  # fmt: skip
def test_a_statement_timeout_gunicorn_would_outrun_is_refused_at_start(
    statement, worker, warned, monkeypatch
):
    """emalu.service's `check --deploy --fail-level WARNING` stops at emalu.W003. The check's
    rule, case by case, in this process (each start is ~1.8 CPU-s of Django and the project):
    the statement timeout as settings.py reads it, gunicorn's from the environment, as the check
    reads them; that a start reads them so and says it is the next test's."""
    from django.conf import settings

    from emalu.checks import check_statement_timeout

    monkeypatch.setitem(settings.DATABASES["default"], "STATEMENT_TIMEOUT", statement)
    if worker:
        monkeypatch.setenv("GUNICORN_TIMEOUT", worker)
    else:
        monkeypatch.delenv("GUNICORN_TIMEOUT", raising=False)
    said = check_statement_timeout(None)
    assert [m.id for m in said] == (["emalu.W003"] if warned else [])


def test_a_start_reads_both_timeouts_and_stops_at_one_gunicorn_would_outrun():
    """A start's `check --deploy`: DATABASE_STATEMENT_TIMEOUT and GUNICORN_TIMEOUT read from the
    environment, and emalu.W003 said with both (a Warning: emalu.service's --fail-level WARNING
    stops there)."""
    import subprocess

    from tests.live import PYTHON, ROOT

    env = site_env(
        "postgres://postgres@127.0.0.1:5432/postgres",
        DATABASE_STATEMENT_TIMEOUT="50",
        GUNICORN_TIMEOUT="40",
    )
    done = subprocess.run([PYTHON, "manage.py", "check", "--deploy"], cwd=ROOT, env=env,
                          capture_output=True, text=True)  # fmt: skip
    said = done.stderr + done.stdout
    assert "WARNINGS:" in said and "(emalu.W003) DATABASE_STATEMENT_TIMEOUT is 50, not below " \
        "GUNICORN_TIMEOUT (40)" in said, said  # fmt: skip
