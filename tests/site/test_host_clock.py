"""A host whose clock is hours off (a clock never synchronised, a zone taken for UTC) dates every
request, consent and daily job wrongly: it refuses to run the jobs and to start, and /healthz
names it (consent/common/clock.py). The database server's clock is the one the hosts share."""

import os
import subprocess
from datetime import timedelta

import pytest
import time_machine
from django.core.checks import run_checks
from django.utils import timezone

from emalu.settings import HOST_CLOCK_TOLERANCE as PRODUCTION_TOLERANCE
from tests.live import PYTHON, ROOT, live_database, query
from tests.rights.conftest import message

pytestmark = [pytest.mark.django_db, pytest.mark.real_clock]


@pytest.fixture(autouse=True)
def production_tolerance(settings):
    settings.HOST_CLOCK_TOLERANCE = PRODUCTION_TOLERANCE


# manage.py in a process of its own, on a host whose clock is off by argv[1] hours, checking its
# clock as production does (tests.settings leave it to this file).
OFF_HOST = (
    "import datetime, runpy, sys, time_machine;"
    "from django.conf import settings;"
    "from emalu.settings import HOST_CLOCK_TOLERANCE;"
    "settings.HOST_CLOCK_TOLERANCE = HOST_CLOCK_TOLERANCE;"
    "now = datetime.datetime.now(datetime.UTC);"
    "time_machine.travel(now + datetime.timedelta(hours=float(sys.argv[1])), tick=True).start();"
    "sys.argv = ['manage.py', *sys.argv[2:]];"
    "runpy.run_path('manage.py', run_name='__main__')"
)


def on_host(url, hours, *command, letter=None):
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "tests.settings", "DATABASE_URL": url}
    return subprocess.run([PYTHON, "-c", OFF_HOST, str(hours), *command], cwd=ROOT, env=env,
                          input=letter, capture_output=True)  # fmt: skip


@pytest.mark.live
def test_a_host_whose_clock_is_hours_off_runs_no_daily_job(django_db_blocker):
    """Hours ahead, then hours behind, on one database: neither runs a job (no run recorded
    after either), and set right the host runs both."""
    with django_db_blocker.unblock(), live_database() as url:
        for hours in [6, -5]:
            for command in ["enforce_retention", "send_request_digest"]:
                off = on_host(url, hours, command)
                assert off.returncode == 1, off.stdout + off.stderr
                way = "ahead of" if hours > 0 else "behind"
                assert (
                    f"clock is {abs(hours)} h 0 min {way} the database server's"
                    in off.stderr.decode()
                )
                assert b"Traceback" not in off.stderr
            assert query(url, "SELECT count(*) FROM consent_jobrun") == [(0,)]
        # Set right, the same host runs them, each for the local day.
        for command in ["enforce_retention", "send_request_digest"]:
            right = on_host(url, 0, command)
            assert right.returncode == 0, right.stdout + right.stderr
        today = timezone.localdate().isoformat()
        runs = query(url, "SELECT job, period FROM consent_jobrun ORDER BY job")
        assert runs == [("digest", today), ("retention", today)]


def clock_errors():
    return [m for m in run_checks(include_deployment_checks=True) if m.id == "consent.E011"]


def test_a_host_whose_clock_is_off_does_not_start():
    """emalu.service's ExecStartPre and the release's first step are `check --deploy`."""
    assert clock_errors() == []
    with time_machine.travel(timezone.now() - timedelta(hours=3), tick=True):
        [error] = clock_errors()
    assert "3 h 0 min behind the database server's" in error.msg
    assert "timedatectl" in error.msg


def test_healthz_names_a_clock_off_on_the_host_that_answers(client):
    well = client.get("/healthz").json()
    assert well["clock"]["status"] == "ok" and "clock" not in well["failing"]
    with time_machine.travel(timezone.now() + timedelta(minutes=90), tick=True):
        response = client.get("/healthz")
    body = response.json()
    assert response.status_code == 503 and "clock" in body["failing"]
    assert 89 * 60 <= body["clock"]["ahead_seconds"] <= 91 * 60


@pytest.mark.live
def test_a_letter_piped_to_a_host_whose_clock_is_off_is_kept_by_the_mta(django_db_blocker):
    """Exit 75 (EX_TEMPFAIL): the MTA keeps it and pipes it again once the clock is set."""
    letter = message("Сұрақ", message_id="<clock@x>")
    with django_db_blocker.unblock(), live_database() as url:
        off = on_host(url, 4, "ingest_request_mail", letter=letter)
        assert off.returncode == 75 and b"not taken: This host's clock is 4 h" in off.stderr
        assert query(url, "SELECT count(*) FROM consent_request") == [(0,)]
        assert on_host(url, 0, "ingest_request_mail", letter=letter).returncode == 0
        assert query(url, "SELECT count(*) FROM consent_request") == [(1,)]


def test_a_clock_that_drifts_while_the_site_runs_stops_its_posts_not_its_pages(
    client, texts, contact_data, monkeypatch
):
    """Decided: no job is there to refuse what a form, a request or a staff action dates by a
    clock that drifted after the start, so the host's posts answer 503 in the visitor's
    language (nothing stored; sent again, on this host once its clock is set or on another)
    while its pages are still shown. Compared once a minute per worker."""
    from consent.common import clock
    from consent.core.models import Submission

    monkeypatch.setattr(clock, "_lately", None)
    assert client.post("/kk/contact/", contact_data(email="before@example.kz")).status_code == 302
    with time_machine.travel(timezone.now() + timedelta(hours=5), tick=True):
        assert (
            client.post("/ru/contact/", contact_data()).status_code == 302
        )  # compared < 1 min ago
        monkeypatch.setattr(clock, "_lately", None)  # a minute later
        for language, title in [("kk", "Уақытша қолжетімсіз"), ("ru", "Временно недоступно")]:
            response = client.post(f"/{language}/contact/", contact_data(email="off@example.kz"))
            assert response.status_code == 503 and response["Retry-After"] == "30"
            assert title in response.content.decode()
        assert client.get("/kk/contact/").status_code == 200
    assert not Submission.objects.filter(data__email="off@example.kz").exists()
    monkeypatch.setattr(clock, "_lately", None)  # set right: the next post is taken
    assert client.post("/kk/contact/", contact_data(email="after@example.kz")).status_code == 302


@pytest.mark.live
def test_a_host_whose_clock_is_hours_off_plans_no_retention(django_db_blocker):
    """`enforce_retention --dry-run`, which the retention unit says to try first, on a host hours
    ahead: it printed the plan by that clock as what the night would do (people whose term had
    not ended listed to be destroyed). It refuses as the run does, saying how far off."""
    with django_db_blocker.unblock(), live_database() as url:
        off = on_host(url, 6, "enforce_retention", "--dry-run")
        assert off.returncode == 1, off.stdout + off.stderr
        assert b"retention not planned: This host's clock is 6 h 0 min ahead of" in off.stderr
        assert b"would destroy" not in off.stdout
        right = on_host(url, 0, "enforce_retention", "--dry-run")
        assert right.returncode == 0 and b"would destroy subjects: " in right.stdout
