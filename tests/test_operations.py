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

from consent.core import gate
from consent.core.ledger import consent_grant, consent_withdraw, subject_block
from consent.core.models import LedgerEntry, Source, Subject
from consent.core.purposes import MARKETING, SERVICE
from consent.rights.breaches import breach_record
from consent.rights.models import Breach
from consent.rights.retention import enforce_retention
from consent.rights.tickets import ticket_open
from tests.conftest import verified_login

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
    ticket_open(kind="access", email="pending@example.kz", language="kk", channel="web")

    plan = enforce_retention(dry_run=True)
    assert sorted(plan["destroy"]) == sorted([past.pk, withdrawn.pk])
    assert {sid for sid, _ in plan["review"]} == {blocked.pk, pending.pk}
    assert Subject.objects.count() == 6  # a dry run changes nothing

    enforce_retention()
    assert set(Subject.objects.values_list("full_name", flat=True)) == {
        "Current", "Mixed", "Blocked", "Pending"}  # fmt: skip
    assert LedgerEntry.objects.filter(subject=blocked, kind="expire").exists()
    assert gate.may_process(current, SERVICE) and gate.may_process(mixed, SERVICE)


def test_retention_drops_delivered_access_answers_after_a_week(
    texts, make_subject, settings, tmp_path, time_machine
):
    """The attachment copies of everything held about a person leave the outbox once sent."""
    from django.core.files.base import ContentFile
    from post_office.models import STATUS, Attachment, Email

    from consent.core.mail import queue_mail

    settings.MEDIA_ROOT = tmp_path
    time_machine.move_to("2026-11-10 10:00+05:00", tick=False)
    for address in ("sent@example.kz", "queued@example.kz"):
        export = {"R-1.json": ContentFile(b'{"email": "x"}')}
        context = {"outcome": "x", "type": "access"}
        queue_mail(
            address, "request_done", context, language="kk", subject_line="R-1", attachments=export
        )
    Email.objects.filter(to=["sent@example.kz"]).update(status=STATUS.sent)
    time_machine.move_to("2026-11-18 03:00+05:00", tick=False)
    enforce_retention()
    left = Attachment.objects.get()
    assert left.emails.get().to == ["queued@example.kz"]
    assert [p.name for p in tmp_path.rglob("*.json")] == [left.file.name.rsplit("/", 1)[-1]]
    assert Email.objects.count() == 2  # the mails themselves stay, as post_office keeps them


def test_retention_command_dry_run_prints_the_plan(texts, make_subject):
    s = make_subject()
    grant_at(s, texts[SERVICE], timezone.now() - timedelta(days=4 * 365), 365)
    out = io.StringIO()
    call_command("enforce_retention", "--dry-run", stdout=out)
    assert f"would destroy subjects: [{s.pk}]" in out.getvalue()
    assert Subject.objects.filter(pk=s.pk).exists()


def test_breach_deadline_lands_after_the_holiday(officer_client, officer, db, time_machine):
    # Detected on Tuesday 15 December 2026, the eve of Independence Day (Wednesday 16).
    breach = breach_record(Breach(detected_at=datetime(2026, 12, 15, 18, tzinfo=ALMATY),
                                  description="Lost laptop", people_affected=12))  # fmt: skip
    assert breach.regulator_due == date(2026, 12, 17)
    html = officer_client.get(f"/admin/rights/breach/{breach.pk}/change/").content.decode()
    assert "123456789012" in html and "Test Responsible" in html and "dpo@example.kz" in html
    time_machine.move_to("2026-12-16 12:00+05:00")
    verified_login(officer_client, officer)  # the session would have expired meanwhile
    assert 'class="overdue"' not in officer_client.get("/admin/rights/breach/").content.decode()
    time_machine.move_to("2026-12-17 09:00+05:00")  # due today, no one notified yet
    assert 'class="overdue"' in officer_client.get("/admin/rights/breach/").content.decode()


def test_statistics_have_no_direct_identifiers(officer_client, texts, make_subject):
    s = make_subject(full_name="Zq Person", email="zq@example.kz", phone="+77011112233",
                     birth_date=date(1990, 5, 17))  # fmt: skip
    consent_grant(s, texts[SERVICE], language="ru", source=Source.APPLICATION_FORM)
    response = officer_client.get("/admin/rights/ticket/statistics.csv")
    body = response.content.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(body)))
    assert rows and rows[0]["purpose"] == SERVICE and rows[0]["age_band"] == "30-44"
    assert rows[0]["consents_given"] == "1"
    for trace in ["Zq", "zq@", "7011112233", "1990", "05-17"]:
        assert trace not in body
    assert not re.search(r"\d{4}-\d{2}-\d{2}", body)  # months only, never a day


@pytest.mark.parametrize("host,warns", [("127.0.0.1", False), ("db.example.com", True)])
def test_data_location_check(settings, host, warns):
    from consent.core.checks import check_data_location

    settings.DATABASES = {**settings.DATABASES, "default": {**settings.DATABASES["default"],
                                                            "HOST": host}}  # fmt: skip
    assert bool(check_data_location(None)) == warns


@pytest.mark.parametrize("host,warns", [("127.0.0.1", False), ("smtp.mailgun.org", True)])
def test_the_mail_relay_must_be_in_kazakhstan(settings, host, warns):
    """Every message passes it, a confirmation link before any consent too (legal item 18)."""
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


# Every URL name of emalu/urls.py outside the admin, with the arguments that reach it by GET
# (a made-up token reaches the page that says the link is no good), the status that answer has,
# and whether it is a form or staff page that must not be stored (T2: no-store).
PUBLIC_URLS = {
    "home": ({}, 200, False),
    "about": ({}, 200, False),
    "services": ({}, 200, False),
    "contacts": ({}, 200, False),
    "privacy": ({}, 200, False),
    "privacy_version": ({"number": 1}, 200, False),
    "contact_form": ({}, 200, True),
    "application_form": ({}, 200, True),
    "newsletter_form": ({}, 200, True),
    "form_thanks": ({"kind": "contact"}, 200, False),
    "marketing_confirm": ({"token": "x"}, 400, True),
    "request_new": ({}, 200, True),
    "unsubscribe": ({"token": "x"}, 400, True),
    "cookie_settings": ({}, 200, True),
    "my_data": ({}, 200, True),
    "self_service_open": ({"token": "x"}, 200, True),
    "my_data_consent": ({}, 405, False),  # POST only
    "my_data_export": ({}, 405, False),
    "my_data_request": ({}, 405, False),
    "my_data_leave": ({}, 405, False),
    "request_verify": ({"token": "x"}, 400, True),
    "healthz": ({}, 200, True),
    "robots": ({}, 200, False),
    "sitemap": ({}, 200, False),
    "cookie_choice": ({}, 405, False),  # POST only
    "analytics_config": ({}, 200, True),
    "staff_enrol": ({}, 200, True),  # anonymous: the password step
}
THANKS = ["apply", "newsletter", "request"]  # form_thanks of the other forms


def url_names(patterns, namespace=None):
    from django.urls import URLResolver

    for p in patterns:
        if isinstance(p, URLResolver):
            yield from url_names(p.url_patterns, p.namespace or namespace)
        elif p.name:
            yield namespace, p


def assert_header_contract(response, no_store, where):
    """T2: every HTML response carries the CSP, HSTS, nosniff, Referrer and COOP headers;
    forms, admin and exports also say no-store."""
    assert response.status_code < 500, where
    assert response["Strict-Transport-Security"].startswith(
        "max-age=31536000; includeSubDomains"), where  # fmt: skip
    assert response["X-Content-Type-Options"] == "nosniff", where
    if response["Content-Type"].startswith("text/html"):
        directives = {}
        for directive in response["Content-Security-Policy"].split(";"):
            name, _, value = directive.strip().partition(" ")
            directives[name] = value
        assert "'unsafe-inline'" not in directives["script-src"], where
        assert "'unsafe-eval'" not in directives["script-src"], where
        assert directives["frame-ancestors"] == "'none'", where
        assert response["Referrer-Policy"] in ("same-origin", "strict-origin-when-cross-origin")
        assert response["Cross-Origin-Opener-Policy"] == "same-origin", where
    if no_store:
        assert "no-store" in response.get("Cache-Control", ""), where


@pytest.fixture
def site_pages(db):
    from emalu.models import Page

    for slug in Page.Slug:
        Page.objects.create(slug=slug, title_kk="Бет", title_ru="Страница")


def test_every_public_url_name_is_covered():
    """A new URL name must be added to PUBLIC_URLS (or be an admin page) to be checked."""
    from django.urls import get_resolver

    names = {p.name for ns, p in url_names(get_resolver().url_patterns) if ns is None}
    assert names == set(PUBLIC_URLS)


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_security_headers_on_every_public_url(client, texts, site_pages, settings, lang):
    from django.urls import reverse
    from django.utils import translation

    settings.SECURE_HSTS_SECONDS = 31536000
    with translation.override(lang):
        urls = [(reverse(name, kwargs=kw), status, no_store)
                for name, (kw, status, no_store) in PUBLIC_URLS.items()]  # fmt: skip
        urls += [(reverse("form_thanks", args=[kind]), 200, False) for kind in THANKS]
    for path, status, no_store in urls:
        response = client.get(path, secure=True, headers={"accept-language": lang})
        assert response.status_code == status, path
        assert_header_contract(response, no_store, path)


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_security_headers_on_every_staff_url(client, texts, officer, make_subject, settings, lang):
    """The login page, then as a verified officer every admin page reached without arguments
    (index, each changelist and add form), a subject's, request's and page's change form, and the
    subject's exports and consent evidence."""
    from django.contrib import admin
    from django.urls import reverse

    from emalu.models import Page

    settings.SECURE_HSTS_SECONDS = 31536000
    headers = {"accept-language": lang}
    assert_header_contract(client.get("/admin/login/", secure=True, headers=headers), True, "login")
    subject = make_subject(email="headers@example.kz")
    ticket = ticket_open(kind="access", email="headers@example.kz", language=lang, channel="web")
    page = Page.objects.create(slug="about", title_kk="Біз", title_ru="О нас")
    pages = [
        (reverse(f"admin:{p.name}"), p.name.endswith("_changelist"))
        for ns, p in url_names(admin.site.urls[0])
        if not p.pattern.converters and "(?P" not in str(p.pattern) and p.name != "logout"
    ]
    pages += [(reverse("admin:consent_subject_change", args=[subject.pk]), True),
              (reverse("admin:rights_ticket_change", args=[ticket.pk]), True),
              (reverse("admin:emalu_page_change", args=[page.pk]), True)]  # fmt: skip
    pages += [(reverse(f"admin:consent_subject_{view}", args=[subject.pk, fmt]), True)
              for view, fmt in [("export", "json"), ("export", "pdf"), ("evidence", "csv"),
                                ("evidence", "pdf")]]  # fmt: skip
    assert len(pages) > 40 and "/admin/rights/ticket/statistics.csv" in dict(pages)
    verified_login(client, officer)
    for path, ok in pages:
        response = client.get(path, secure=True, headers=headers)
        assert response.status_code == 200 or not ok, path
        assert_header_contract(response, True, path)


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


def test_staff_login_gives_a_new_host_prefixed_session(client, officer):
    """T5 and ASVS 7.2.4: signing in replaces the session id (no fixation), and the session cookie
    it sets is __Host-, Secure, HttpOnly, Path=/, without Domain, SameSite=Lax."""
    from django.conf import settings
    from django.contrib.sessions.backends.db import SessionStore
    from django_otp.oath import TOTP
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.create(user=officer, name="phone", confirmed=True)
    assert settings.SESSION_COOKIE_NAME == "__Host-sessionid"
    client.get("/admin/login/", secure=True)
    planted = client.session  # an anonymous session, as an attacker could plant one
    planted["planted"] = True
    planted.save()
    before = client.cookies["__Host-sessionid"].value
    code = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift).token()
    response = client.post("/admin/login/", {"username": "alice", "password": "pw-alice-123456",
                                             "otp_token": f"{code:06d}", "next": "/admin/"},
                           secure=True)  # fmt: skip
    assert response.status_code == 302 and response["Location"] == "/admin/"
    cookie = response.cookies["__Host-sessionid"]
    assert cookie.value and cookie.value != before
    assert cookie["secure"] and cookie["httponly"] and cookie["path"] == "/"
    assert not cookie["domain"] and cookie["samesite"] == "Lax"
    assert not SessionStore().exists(before)  # the old id opens nothing
    csrf = response.cookies["__Host-csrftoken"]  # rotated on login
    assert csrf["secure"] and csrf["path"] == "/" and not csrf["domain"]
    assert csrf["samesite"] == "Lax"
    assert client.get("/admin/", secure=True).status_code == 200
