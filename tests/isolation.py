"""What one test leaves behind that the next must not find: each fixture here is autouse, from
tests/conftest.py."""

import pytest


@pytest.fixture(autouse=True)
def fresh_limits(monkeypatch):
    """Rate-limit counters do not leak from one test into the next, and every window opens as the
    test starts. The limits count in fixed windows of the clock (consent/common/ratelimit.py):
    a test whose posts ran across a window's end counted them in two (CI once saw a flood write
    40 rows where the bound is 20). Every window the tests set divides a day, so the limits'
    clock starts one second past a day's start; a test that sets the clock itself
    (time_machine) keeps the windows it chose."""
    import time_machine
    from django.core.cache import cache

    from consent.common import ratelimit

    cache.clear()
    real = ratelimit.shared_time
    shift = real() % 86400 - 1
    travelling = time_machine.escape_hatch.is_travelling
    monkeypatch.setattr(ratelimit, "shared_time", lambda: real() - (0 if travelling() else shift))


@pytest.fixture(autouse=True)
def fresh_health():
    """A stranger's /healthz reads the last report of the process for a few seconds: not one
    made for another test's database."""
    from emalu import health

    health.forget_reports()


@pytest.fixture(autouse=True)
def site_language():
    """Each test starts in the site's default language (kk), as a new visitor's request does. A
    request through the test client leaves its language active in the thread (LocaleMiddleware
    activates it and nothing deactivates it), so a /ru/ page in one test would otherwise make a
    later test's messages Russian, depending on the order the tests ran in."""
    from django.utils import translation

    translation.deactivate()
    yield
    translation.deactivate()


# The moment every test that sets its own clock (asks for time_machine) starts at: each moves it
# to the days it tells of (a Monday's request, its due date, a policy dated ahead), forward from
# here. Started at the real time, a test that then moved to a fixed day made its people and
# published its texts after that day: once the real date passed it, a consent was given after
# the withdrawal asking for it (and stood), a text was not yet in force, a draft dated ahead was
# refused as dated in the past, and the test failed from that day on (test_reopen did, on 7
# December 2026). Policy version 1 is published before it (its migration, 0002). A test of the
# host's clock beside the database server's, or of processes it starts (they keep the real
# time), keeps the real time to start from (marked `real_clock` or `live`). A test that tells
# of fixed days without moving the clock asks for time_machine all the same.
SUITE_DAY = "2026-12-07 09:00+05:00"


@pytest.fixture(autouse=True)
def clock_on_the_suites_day(request):
    real = request.node.get_closest_marker("real_clock") or request.node.get_closest_marker("live")
    if "time_machine" in request.fixturenames and not real:
        request.getfixturevalue("time_machine").move_to(SUITE_DAY, tick=True)
