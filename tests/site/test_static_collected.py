"""A host whose `collectstatic` has not run for its code (README, Deploying: `release` collects
on its own host only; a second host, or one reloaded onto a new release, collects itself):
every page was gunicorn's bare «Internal Server Error» in English (no manifest entry for the
stylesheet the templates name, and the site's own 500 page names it too), /healthz said ok and
the start's check passed. Now the start stops naming the command (emalu.E005), and a host
already serving shows its pages, with an ERROR line saying what to run (emalu/static_files.py)."""

import json
import subprocess

import pytest
from django.core.management import call_command

from emalu.static_files import check_static_collected
from tests.live import PYTHON, ROOT, gunicorn, live_database, redis_cache, site_env
from tests.live.servers import request

SITE_STORAGE = {
    "default": {"BACKEND": "consent.core.files.DatabaseStorage"},
    "staticfiles": {"BACKEND": "emalu.static_files.SiteStaticStorage"},
}


@pytest.fixture
def production_static(settings, tmp_path):
    settings.DEBUG = False
    settings.STORAGES = SITE_STORAGE
    settings.STATIC_ROOT = tmp_path / "static"
    return settings.STATIC_ROOT


def ids(problems):
    return [problem.id for problem in problems]


def test_a_host_starts_only_on_the_static_files_of_its_own_code(production_static):
    [never] = check_static_collected(None)  # a new host: nothing collected
    assert never.id == "emalu.E005" and "collectstatic --no-input" in never.hint
    assert str(production_static) in never.msg and "css/site.css" not in never.msg  # 3 named
    call_command("collectstatic", "--no-input", "-v", "0")
    assert check_static_collected(None) == []
    # The code moved on (a release added a file) and this host did not collect it.
    manifest = production_static / "staticfiles.json"
    collected = json.loads(manifest.read_text())
    del collected["paths"]["css/site.css"]
    manifest.write_text(json.dumps(collected))
    [stale] = check_static_collected(None)
    assert stale.id == "emalu.E005" and "lacks 1 of this code's static files (css/site.css)" in (
        stale.msg
    )


def test_release_collects_after_its_check_which_does_not_ask(production_static):
    from emalu.checks import RELEASING

    token = RELEASING.set(True)
    try:
        assert check_static_collected(None) == []
    finally:
        RELEASING.reset(token)


@pytest.mark.live
@pytest.mark.django_db
def test_emalu_service_does_not_start_before_collectstatic(django_db_blocker, tmp_path):
    with django_db_blocker.unblock(), live_database() as url, redis_cache(12) as cache:
        env = site_env(url, **cache, STATIC_ROOT=str(tmp_path / "never-collected"))
        check = [PYTHON, "manage.py", "check", "--deploy", "--fail-level", "WARNING"]
        refused = subprocess.run(check, cwd=ROOT, env=env, capture_output=True, text=True)
    assert refused.returncode == 1
    assert "(emalu.E005) STATIC_ROOT" in refused.stderr and "Traceback" not in refused.stderr


@pytest.mark.live
@pytest.mark.django_db
@pytest.mark.parametrize("language", ["kk", "ru"])
def test_a_served_host_without_its_static_files_shows_its_pages(
    django_db_blocker, tmp_path, language
):
    """`systemctl reload emalu` onto new code runs no check: the pages show, the journal says."""
    with (
        django_db_blocker.unblock(),
        live_database() as url,
        gunicorn(url, tmp_path, STATIC_ROOT=str(tmp_path / "never-collected")) as (port, proc),
    ):
        statuses = {}
        for path in (f"/{language}/", f"/{language}/contact/", f"/{language}/no-such-page/"):
            status, _headers, body = request(port, "GET", path)
            statuses[path] = status
            page = body.decode()
            assert f'<html lang="{language}">' in page, path
            assert 'href="/static/css/site.css"' in page, path  # the plain name nginx serves
        log = proc.stop()
    assert list(statuses.values()) == [200, 200, 404]
    errors = [json.loads(line) for line in log.splitlines() if '"ERROR"' in line]
    assert errors and all(e["logger"] == "emalu.static_files" for e in errors), log
    assert any("the static file css/site.css is not among" in e["message"] for e in errors)
    assert all(
        "Run manage.py collectstatic --no-input on this host" in e["message"] for e in errors
    )
    assert "Traceback" not in log and "Internal Server Error" not in log


@pytest.mark.live
@pytest.mark.django_db
def test_a_host_with_its_static_files_collected_logs_nothing_of_them(django_db_blocker, tmp_path):
    """WhiteNoise asks the storage at each start for names no file has, and counts on its
    refusal: those are not a file missing."""
    with (
        django_db_blocker.unblock(),
        live_database() as url,
        gunicorn(url, tmp_path) as (port, proc),
    ):
        status, _headers, body = request(port, "GET", "/kk/")
        log = proc.stop()
    assert status == 200 and "/static/css/site." in body.decode()
    assert 'href="/static/css/site.css"' not in body.decode()  # the collected, hashed name
    assert "emalu.static_files" not in log, log
