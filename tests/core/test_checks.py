"""Deploy checks: the data stays in Kazakhstan (compliance L18), the cache is shared."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

ALMATY = ZoneInfo("Asia/Almaty")


@pytest.mark.parametrize("host,warns", [("127.0.0.1", False), ("db.example.com", True)])
def test_data_location_check(settings, host, warns):
    from consent.core.checks import check_data_location

    settings.DATABASES = {**settings.DATABASES, "default": {**settings.DATABASES["default"],
                                                            "HOST": host}}  # fmt: skip
    assert bool(check_data_location(None)) == warns


@pytest.mark.parametrize("host,warns", [("127.0.0.1", False), ("smtp.mailgun.org", True)])
def test_the_mail_relay_must_be_in_kazakhstan(settings, host, warns):
    """Every message passes it, a confirmation link before any consent too (compliance L18)."""
    from consent.core.checks import check_data_location

    mailer = settings.MAILERS["default"]
    settings.MAILERS = {"default": {**mailer, "OPTIONS": {"host": host}}}
    settings.CROSS_BORDER_PROCESSORS = ["Mailgun (USA)"]  # declaring it changes nothing
    names = [w.msg.split()[0] for w in check_data_location(None)]
    assert ("EMAIL_URL" in names) == warns


def test_a_cache_of_its_own_per_worker_warns_on_deploy(settings):
    from consent.core.checks import check_shared_cache

    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    assert [w.id for w in check_shared_cache(None)] == ["consent.W002"]
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache",
                                   "LOCATION": "redis://127.0.0.1:6379/1"}}  # fmt: skip
    assert check_shared_cache(None) == []


def test_a_cache_abroad_warns(settings):
    from consent.core.checks import check_data_location

    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache",
                                   "LOCATION": "redis://cache.example.com:6379/1"}}  # fmt: skip
    assert [w.msg.split()[0] for w in check_data_location(None)] == ["CACHE_URL"]


def test_a_time_zone_database_from_before_kazakhstans_single_zone_stops_the_site(tmp_path):
    """Kazakhstan moved to UTC+5 on 1 March 2024 (tzdata 2024a). A host whose zone database is
    older (a server or an image not updated since) still puts Almaty at UTC+6: every request
    received between 23:00 and midnight, every breach detected then, was dated the next day,
    and its deadline a working day late, with nothing to say so. `check` (run by the release and
    before every start, docs/deploy/emalu.service) now refuses such a host; here Omsk's zone
    file, UTC+6 throughout, stands for Almaty's as it was before 2024a."""
    import shutil
    import zoneinfo
    from pathlib import Path

    from django.core.management import call_command
    from django.core.management.base import SystemCheckError

    assert ALMATY.utcoffset(datetime(2026, 3, 20, 23, 59)) == timedelta(hours=5)
    call_command("check")  # this host's database is current
    (tmp_path / "Asia").mkdir()
    omsk = next(
        Path(d, "Asia", "Omsk") for d in zoneinfo.TZPATH if Path(d, "Asia", "Omsk").exists()
    )
    shutil.copy(omsk, tmp_path / "Asia" / "Almaty")
    zoneinfo.reset_tzpath(to=[str(tmp_path)])
    try:
        with pytest.raises(SystemCheckError, match=r"consent\.E010.*UTC\+06:00"):
            call_command("check")
    finally:
        zoneinfo.reset_tzpath()


@pytest.mark.parametrize(
    "processors,refused",
    [
        (["Mailgun (USA)", "Cloudflare, Inc. (USA)"], []),
        (["Mailgun"], ["Mailgun"]),
        (["Mailgun (USA)", "Sendgrid ()"], ["Sendgrid ()"]),
        (["(USA)"], ["(USA)"]),
    ],
)
def test_a_processor_abroad_is_named_with_its_country(settings, processors, refused):
    """The cross-border consent's text names each processor as configured (Art. 8(4)(5), 16):
    «Cross-border transfer: yes, to Mailgun.» told the person who, not where; the site
    does not start until each entry names its country."""
    from consent.core.checks import check_processors_abroad

    settings.CROSS_BORDER_PROCESSORS = processors
    errors = check_processors_abroad(None)
    assert [e.id for e in errors] == ["consent.E013"] * len(refused)
    assert all(repr(name) in e.msg for name, e in zip(refused, errors, strict=True))
