"""Issue 9: retention job, breach register, depersonalised statistics, data location check,
headers and cookies."""

import csv
import io
import re
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.utils import timezone

from consent import gate
from consent.ledger import consent_grant, consent_withdraw, subject_block
from consent.models import Breach, LedgerEntry, Source, Subject
from consent.purposes import MARKETING, SERVICE
from consent.requests import request_open
from consent.retention import enforce_retention

from .conftest import verified_login

ALMATY = ZoneInfo("Asia/Almaty")


def grant_at(subject, text, at, days):
    LedgerEntry.objects.bulk_create([LedgerEntry(
        subject=subject, purpose=text.purpose, kind="grant", text=text, source=Source.CONTACT_FORM,
        at=at, expires_at=at + timedelta(days=days),
    )])  # fmt: skip


def test_retention_destroys_exactly_what_is_past_its_term(texts, make_subject, time_machine):
    time_machine.move_to("2026-11-25 03:00+05:00", tick=False)
    now = timezone.now()
    long_ago = now - timedelta(days=3 * 365 + 1)
    past = make_subject(full_name="Past")  # every consent expired
    grant_at(past, texts[SERVICE], long_ago, 3 * 365)
    current = make_subject(full_name="Current")
    consent_grant(current, texts[SERVICE], language="kk", source=Source.CONTACT_FORM)
    mixed = make_subject(full_name="Mixed")  # marketing withdrawn, service still running
    consent_grant(mixed, texts[SERVICE], language="kk", source=Source.CONTACT_FORM)
    consent_grant(mixed, texts[MARKETING], language="kk", source=Source.NEWSLETTER_FORM)
    consent_withdraw(mixed, MARKETING, source=Source.UNSUBSCRIBE)
    withdrawn = make_subject(full_name="Withdrawn")  # withdrew the only consent
    consent_grant(withdrawn, texts[SERVICE], language="kk", source=Source.CONTACT_FORM)
    consent_withdraw(withdrawn, SERVICE, source=Source.EMAIL_REQUEST)
    blocked = make_subject(full_name="Blocked")  # expired, but blocked: staff decide
    grant_at(blocked, texts[SERVICE], long_ago, 3 * 365)
    subject_block(blocked, reason="complaint", source=Source.ADMIN)
    pending = make_subject(full_name="Pending", email="pending@example.kz")
    grant_at(pending, texts[SERVICE], long_ago, 3 * 365)
    request_open(type="access", email="pending@example.kz", language="kk", channel="web")

    plan = enforce_retention(dry_run=True)
    assert sorted(plan["destroy"]) == sorted([past.pk, withdrawn.pk])
    assert {sid for sid, _ in plan["review"]} == {blocked.pk, pending.pk}
    assert Subject.objects.count() == 6  # a dry run changes nothing

    enforce_retention()
    assert set(Subject.objects.values_list("full_name", flat=True)) == {
        "Current", "Mixed", "Blocked", "Pending"}  # fmt: skip
    assert LedgerEntry.objects.filter(subject=blocked, kind="expire").exists()
    assert gate.may_process(current, SERVICE) and gate.may_process(mixed, SERVICE)


def test_retention_command_dry_run_prints_the_plan(texts, make_subject):
    s = make_subject()
    grant_at(s, texts[SERVICE], timezone.now() - timedelta(days=4 * 365), 365)
    out = io.StringIO()
    call_command("enforce_retention", "--dry-run", stdout=out)
    assert f"would destroy subjects: [{s.pk}]" in out.getvalue()
    assert Subject.objects.filter(pk=s.pk).exists()


def test_breach_deadline_lands_after_the_holiday(officer_client, officer, db, time_machine):
    # Detected on Tuesday 15 December 2026, the eve of Independence Day (Wednesday 16).
    breach = Breach.objects.create(detected_at=datetime(2026, 12, 15, 18, tzinfo=ALMATY),
                                   description="Lost laptop", people_affected=12)  # fmt: skip
    assert breach.regulator_due == date(2026, 12, 17)
    html = officer_client.get(f"/admin/consent/breach/{breach.pk}/change/").content.decode()
    assert "123456789012" in html and "Test Responsible" in html and "dpo@example.kz" in html
    time_machine.move_to("2026-12-16 12:00+05:00")
    verified_login(officer_client, officer)  # the session would have expired meanwhile
    assert 'class="overdue"' not in officer_client.get("/admin/consent/breach/").content.decode()
    time_machine.move_to("2026-12-17 09:00+05:00")  # due today, no one notified yet
    assert 'class="overdue"' in officer_client.get("/admin/consent/breach/").content.decode()


def test_statistics_have_no_direct_identifiers(officer_client, texts, make_subject):
    s = make_subject(full_name="Zq Person", email="zq@example.kz", phone="+77011112233",
                     birth_date=date(1990, 5, 17))  # fmt: skip
    consent_grant(s, texts[SERVICE], language="ru", source=Source.APPLICATION_FORM)
    response = officer_client.get("/admin/consent/ledgerentry/statistics.csv")
    body = response.content.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(body)))
    assert rows and rows[0]["purpose"] == SERVICE and rows[0]["age_band"] == "30-44"
    assert rows[0]["consents_given"] == "1"
    for trace in ["Zq", "zq@", "7011112233", "1990", "05-17"]:
        assert trace not in body
    assert not re.search(r"\d{4}-\d{2}-\d{2}", body)  # months only, never a day


@pytest.mark.parametrize("host,warns", [("127.0.0.1", False), ("db.example.com", True)])
def test_data_location_check(settings, host, warns):
    from consent.checks import check_data_location

    settings.DATABASES = {**settings.DATABASES, "default": {**settings.DATABASES["default"],
                                                            "HOST": host}}  # fmt: skip
    assert bool(check_data_location(None)) == warns


@pytest.mark.parametrize(
    "processors,hosts,warns",
    [
        ([], [], True),
        (["Mailgun (USA)"], [], True),
        (["Mailgun (USA)"], ["smtp.mailgun.org"], False),
    ],
)
def test_a_mail_relay_abroad_must_be_a_declared_cross_border_processor(
    settings, processors, hosts, warns
):
    from consent.checks import check_data_location

    mailer = settings.MAILERS["default"]
    settings.MAILERS = {"default": {**mailer, "OPTIONS": {"host": "smtp.mailgun.org"}}}
    settings.CROSS_BORDER_PROCESSORS, settings.CROSS_BORDER_HOSTS = processors, hosts
    names = [w.msg.split()[0] for w in check_data_location(None)]
    assert ("EMAIL_URL" in names) == warns


def test_a_cache_abroad_warns(settings):
    from consent.checks import check_data_location

    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache",
                                   "LOCATION": "redis://cache.example.com:6379/1"}}  # fmt: skip
    assert [w.msg.split()[0] for w in check_data_location(None)] == ["CACHE_URL"]


PAGES = ["/kk/", "/ru/privacy/", "/kk/contact/", "/kk/apply/", "/kk/requests/new/", "/kk/my-data/"]


@pytest.mark.parametrize("path", PAGES)
def test_security_headers(client, texts, settings, path):
    settings.SECURE_HSTS_SECONDS = 31536000
    response = client.get(path, secure=True)
    assert response.status_code == 200
    csp = response["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in csp and "unsafe-inline" not in csp
    assert response["Strict-Transport-Security"].startswith("max-age=31536000; includeSubDomains")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["Cross-Origin-Resource-Policy"] == "same-origin"
    if path not in ("/kk/", "/ru/privacy/"):
        assert "no-store" in response["Cache-Control"]


def test_plain_http_redirects_to_https(client, db, settings):
    settings.SECURE_SSL_REDIRECT = True
    response = client.get("/kk/")
    assert response.status_code == 301 and response["Location"].startswith("https://")


def test_production_cookies_are_host_prefixed_and_secure(db):
    """With DEBUG off the settings name the cookies __Host- and mark them Secure (T5)."""
    from django.conf import settings

    assert settings.SESSION_COOKIE_NAME == "__Host-sessionid"
    assert settings.CSRF_COOKIE_NAME == "__Host-csrftoken"
    assert settings.SESSION_COOKIE_SECURE and settings.CSRF_COOKIE_SECURE
    assert settings.SESSION_COOKIE_HTTPONLY and settings.SESSION_COOKIE_SAMESITE == "Lax"


def test_form_page_sets_a_host_prefixed_csrf_cookie(client, texts):
    response = client.get("/kk/contact/", secure=True)
    cookie = response.cookies["__Host-csrftoken"]
    assert cookie["secure"] and cookie["path"] == "/" and not cookie["domain"]
    assert cookie["samesite"] == "Lax"
