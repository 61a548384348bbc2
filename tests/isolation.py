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
