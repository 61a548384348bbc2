"""Two hosts behind a load balancer, one whose clock is 40 s off the database server's: within
HOST_CLOCK_TOLERANCE, so it serves and its /healthz says the clock is well. A form is shown by
one host and its post reaches the other, which reads how long the visitor took from the time
the token carries. Dated by each host's own clock, a form shown by the host ahead was refused
as «sent too quickly» to a person who took 5 s, and one shown by the host behind let a robot
that posted at once through; and each host counted a visitor's posts in its own window of
FORM_RATE_LIMIT. The token and the windows are dated by the database server's clock now
(consent/common/clock.py::shared_time). Each host is gunicorn under libfaketime."""

import glob
import json
import time

import pytest

from tests.live import (
    form_session,
    gunicorn,
    live_database,
    post_contact,
    query,
    redis_cache,
    request,
)

pytestmark = [pytest.mark.live, pytest.mark.django_db,
              pytest.mark.requires_tool("faketime", apt="faketime")]  # fmt: skip
LIBFAKETIME = next(iter(glob.glob("/usr/lib/*/faketime/libfaketimeMT.so.1")), "")
TOO_QUICK = "Форма тым жылдам жіберілді"


def off_by(seconds):
    """The environment of a host whose clock is `seconds` off (ahead when positive)."""
    return {"LD_PRELOAD": LIBFAKETIME, "FAKETIME": f"{seconds:+d}s"}


def clock_said(port):
    return json.loads(request(port, "GET", "/healthz")[2])["clock"]


def sent(url, email):
    rows = query(url, f"SELECT count(*) FROM consent_submission WHERE data->>'email' = '{email}'")
    return rows == [(1,)]


@pytest.mark.parametrize("seconds", [40, -40])
def test_a_form_shown_by_a_host_whose_clock_is_a_little_off_is_timed_right_by_another(
    django_db_blocker, tmp_path, seconds
):
    fill = {"FORM_MIN_FILL_SECONDS": "2"}
    with (
        django_db_blocker.unblock(),
        live_database() as url,
        gunicorn(url, tmp_path / "off", **off_by(seconds), **fill) as (off, _),
        gunicorn(url, tmp_path / "right", **fill) as (right, _),
    ):
        said = clock_said(off)
        assert said["status"] == "ok" and abs(said["ahead_seconds"] - seconds) <= 1, said

        # A robot posts the form to the other host the moment it is shown: refused.
        robot = form_session(off, "/kk/contact/")
        status, _, body = post_contact(right, robot, "robot@example.kz", full=True)
        assert status == 200 and TOO_QUICK in body.decode()
        assert not sent(url, "robot@example.kz")

        # A person reads it, fills it in for longer than the least fill time, and sends it.
        person = form_session(off, "/kk/contact/")
        time.sleep(3)  # the person's time on the page, what the host under test measures
        status, _, body = post_contact(right, person, "person@example.kz", full=True)
        assert status == 302 and TOO_QUICK not in body.decode()
        assert sent(url, "person@example.kz")


def test_a_visitor_taking_turns_between_two_hosts_a_little_apart_has_the_limit_once(
    django_db_blocker, tmp_path
):
    """Two posts a 30 s window; a host 40 s ahead counted them in another window (always, 40
    being more than 30), so a visitor whose posts the balancer sent by turns had four."""
    fast = {"FORM_MIN_FILL_SECONDS": "0", "FORM_RATE_LIMIT": "2/30"}
    with (
        django_db_blocker.unblock(),
        live_database() as url,
        redis_cache(13) as cache,
        gunicorn(url, tmp_path / "off", **off_by(40), **fast, **cache) as (off, _),
        gunicorn(url, tmp_path / "right", **fast, **cache) as (right, _),
    ):
        ports = (off, right, off, right)
        sessions = [form_session(port, "/kk/contact/") for port in ports]
        while time.time() % 30 > 25:  # the four posts in one window of the database's clock
            time.sleep(0.1)
        statuses = [
            post_contact(port, session, f"turn{i}@example.kz")
            for i, (port, session) in enumerate(zip(ports, sessions, strict=True))
        ]
    assert statuses == [302, 302, 429, 429]
