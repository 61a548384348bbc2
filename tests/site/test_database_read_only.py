"""A failover that leaves DATABASE_URL on a PostgreSQL hot standby: the server answers, reads
work, and every write is refused with SQLSTATE 25006 (read_only_sql_transaction). Each form post
was a 500, «the error has been recorded», with a mail to ADMINS per fault, while /healthz's
«SELECT 1» was green. The visitor now gets the 503 page in their language, the journal one ERROR
line naming the cause, ADMINS no mail (/healthz names it), and the post sent again once the
database takes writes is taken: nothing of it was spent.

The refusal is PostgreSQL's own: the test's transaction set read-only (SET LOCAL
transaction_read_only), as a standby has every transaction, inside a savepoint whose end gives
the primary back."""

import json
import logging

import psycopg
import pytest
from django.core import mail
from django.db import DatabaseError, connection, transaction

from consent.common.refusals import READ_ONLY
from consent.core.models import Submission
from emalu.errors import server_error
from tests.live import FAST, form_session, gunicorn, live_database, post_contact, query, request
from tests.site.test_logs import console
from tests.site.test_statement_timeout import execute

pytestmark = pytest.mark.django_db
COME_BACK = {
    "kk": "Сайт қазір сұрауларды қабылдай алмайды.",
    "ru": "Сайт сейчас не может принимать запросы.",
}


@pytest.fixture
def standby(texts):
    """The database read-only until `standby()` (called) gives the primary back."""
    point = transaction.savepoint_create()
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL transaction_read_only = on")
    over = []

    def primary_again():
        over.append(transaction.savepoint_rollback(point))

    yield primary_again
    if not over:
        primary_again()


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_form_sent_to_a_read_only_database(client, contact_data, standby, lang, settings):
    settings.ADMINS = [("ops", "ops@example.kz")]
    client.raise_request_exception = False
    data = contact_data()
    with console() as lines:
        response = client.post(f"/{lang}/contact/", data)
    assert response.status_code == 503 and response["Retry-After"] == "30"
    assert COME_BACK[lang] in response.content.decode()
    assert f'<html lang="{lang}">' in response.content.decode()
    said = [(line["level"], line["message"]) for line in lines if line["level"] != "INFO"]
    assert said == [("ERROR", f"{READ_ONLY} (SQLSTATE 25006): /{lang}/contact/")]
    assert "exception" not in next(line for line in lines if line["level"] == "ERROR")
    assert mail.outbox == []
    standby()  # the primary again: the same post, sent again, is taken
    assert Submission.objects.count() == 0
    assert client.post(f"/{lang}/contact/", data).status_code == 302
    assert Submission.objects.count() == 1


def test_healthz_names_a_read_only_database(client, standby, caplog, monkeypatch):
    monkeypatch.setattr("emalu.views._failing_before", [])
    with caplog.at_level(logging.ERROR):
        response = client.get("/healthz")
    report = response.json()
    assert response.status_code == 503 and report["failing"] == ["database"]
    assert report["database"] == {"status": "error", "cause": READ_ONLY}
    assert [r.getMessage() for r in caplog.records] == ["healthz: failing: database"]


def test_a_refusal_after_the_view_is_the_same_503(rf, standby, caplog):
    """A write refused outside any view (a middleware's, the session saved after it) reaches
    the 500 handler, as Django calls it, in the except block: the same page and line."""
    request = rf.post("/ru/contact/")
    with caplog.at_level(logging.INFO, logger="django.request"):
        try:
            with transaction.atomic(), connection.cursor() as cursor:
                cursor.execute("UPDATE django_session SET expire_date = expire_date")
        except DatabaseError:
            response = server_error(request)
    assert response.status_code == 503 and COME_BACK["ru"] in response.content.decode()
    assert response._has_been_logged  # Django's own «Service Unavailable» line is not written
    [logged] = caplog.records
    assert logged.getMessage() == f"{READ_ONLY} (SQLSTATE 25006): /ru/contact/"
    assert logged.levelno == logging.ERROR and logged.exc_info is None


def failover(url, read_only):
    """The server under DATABASE_URL takes writes no more (or again), and drops the site's
    connections, as a failover does: the site connects anew (CONN_HEALTH_CHECKS)."""
    name = url.rsplit("/", 1)[1]
    setting = (
        "SET default_transaction_read_only = on"
        if read_only
        else "RESET default_transaction_read_only"
    )
    # (Our own session set back to writing first: it too opened read-only.)
    dsn = url.replace("postgres://", "postgresql://")
    with psycopg.connect(dsn, autocommit=True, options="-c default_transaction_read_only=off") as c:
        c.execute(f"ALTER DATABASE {name} {setting}")
    execute(url, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                 " WHERE datname = current_database() AND pid <> pg_backend_pid()")  # fmt: skip


@pytest.mark.live
def test_a_site_whose_database_became_a_standby(django_db_setup, django_db_blocker, tmp_path):
    """The site as gunicorn serves it, every middleware of production's on the way."""
    with (
        django_db_blocker.unblock(),
        live_database() as url,
        gunicorn(url, tmp_path, **FAST, ADMINS="ops@example.kz") as (port, server),
    ):
        session = form_session(port, "/kk/contact/")
        failover(url, read_only=True)
        status, headers, body = post_contact(port, session, "standby@example.kz", full=True)
        assert status == 503 and headers["Retry-After"] == "30"
        assert COME_BACK["kk"] in body.decode() and '<html lang="kk">' in body.decode()
        health = request(port, "GET", "/healthz")
        assert health[0] == 503 and json.loads(health[2])["database"]["cause"] == READ_ONLY
        failover(url, read_only=False)
        assert post_contact(port, session, "standby@example.kz") == 302  # the same post, taken
        lines = [json.loads(line) for line in server.stop().splitlines() if line[:1] == "{"]
        assert query(url, "SELECT count(*) FROM consent_submission") == [(1,)]
    said = [(line["level"], line["message"]) for line in lines if line["level"] != "INFO"]
    assert said == [
        ("ERROR", f"{READ_ONLY} (SQLSTATE 25006): /kk/contact/"),
        ("ERROR", "healthz: failing: database"),
    ], said
    assert not any("exception" in line for line in lines)
