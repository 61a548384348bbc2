"""The header contract on every URL (compliance T2) and the cookies (T5)."""

from zoneinfo import ZoneInfo

import pytest

from consent.common.net import holds_link_secret

ALMATY = ZoneInfo("Asia/Almaty")


# Every URL name of emalu/urls.py outside the admin, with the arguments that reach it by GET
# (a made-up token reaches the page that says the link is no good), the status that answer has,
# and whether it is a form or staff page that must not be stored (T2: no-store).
PUBLIC_URLS = {
    "home": ({}, 200, False),
    "about": ({}, 200, False),
    "services": ({}, 200, False),
    "service": ({"slug": "repair"}, 200, False),
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
    "unsubscribed": ({}, 200, False),
    "cookie_settings": ({}, 200, True),
    "my_data": ({}, 200, True),
    "self_service_open": ({"token": "x"}, 400, True),
    # The self-service page's actions are posted; a GET of one gets the page (a redirect).
    "my_data_consent": ({}, 302, False),
    "my_data_export": ({}, 302, False),
    "my_data_request": ({}, 302, False),
    "my_data_leave": ({}, 302, False),
    "my_data_language": ({}, 302, False),
    "my_data_parent": ({}, 302, False),
    # A parent's page of their children's consents (forms_app/my_children.py): without a link
    # it leads to «My data»; its «withdraw», download and request are posted.
    "my_data_children": ({}, 302, False),
    "my_data_children_withdraw": ({}, 302, False),
    "my_data_children_export": ({}, 302, False),
    "my_data_children_request": ({}, 302, False),
    "request_verify": ({"token": "x"}, 400, True),
    "form_consent_confirm": ({"token": "x"}, 400, True),
    "healthz": ({}, 200, True),
    "metrics": ({}, 404, False),  # only for METRICS_TOKEN
    "robots": ({}, 200, False),
    "favicon": ({}, 302, False),  # to the static icon: browsers ask for it on their own
    "sitemap": ({}, 200, False),
    # The banner's answer is posted; a GET of it (typed, or a link) gets the choice's page.
    "cookie_choice": ({}, 302, False),
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


def assert_header_contract(response, no_store, where, referrer="same-origin"):
    """T2: every HTML response carries the CSP, HSTS, nosniff, Referrer and COOP headers (and
    names the site's icon); forms, admin and exports also say no-store. `referrer`: the policy
    of a page whose address is no emailed link's (nginx's own pages pass on the origin alone)."""
    assert response.status_code < 500, where
    assert response["Strict-Transport-Security"].startswith(
        "max-age=31536000; includeSubDomains"), where  # fmt: skip
    assert response["X-Content-Type-Options"] == "nosniff", where
    # No other site may load a page, an export or a photo into its own process (Spectre).
    assert response["Cross-Origin-Resource-Policy"] == "same-origin", where
    if response["Content-Type"].startswith("text/html"):
        directives = {}
        for directive in response["Content-Security-Policy"].split(";"):
            name, _, value = directive.strip().partition(" ")
            directives[name] = value
        assert "'unsafe-inline'" not in directives["script-src"], where
        assert "'unsafe-eval'" not in directives["script-src"], where
        assert directives["frame-ancestors"] == "'none'", where
        # Neither falls back to default-src: without base-uri an injected <base> would move every
        # relative script and form address to another host, and without form-action an injected
        # form could post what the visitor types to another site.
        assert directives["base-uri"] == "'none'", where
        assert directives["form-action"] == "'self'", where
        # The next page is told no more than the site's origin where the address is a link's
        # secret (tests/cookies/test_link_referrer.py), and nothing leaves the site from any page.
        link = holds_link_secret(where)
        assert response["Referrer-Policy"] == ("strict-origin" if link else referrer), where
        assert response["Cross-Origin-Opener-Policy"] == "same-origin", where
        # A document without its icon makes the browser ask /favicon.ico by itself.
        if response.content:  # not a redirect's empty body
            assert b'<link rel="icon" href="/static/favicon' in response.content, where
    if no_store:
        assert "no-store" in response.get("Cache-Control", ""), where


@pytest.fixture
def site_pages(db):
    from emalu.models import Page, Service

    for slug in Page.Slug:
        Page.objects.create(slug=slug, title_kk="Бет", title_ru="Страница")
    Service.objects.create(slug="repair", title_kk="Жөндеу", title_ru="Ремонт", is_published=True)


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
        if status >= 400:  # an error says what happened, in the visitor's language
            assert response.content and response["Content-Language"] == lang, path
        assert_header_contract(response, no_store, path)
        # HEAD is GET without the body (RFC 9110 9.3.2): health checks and link checkers use it.
        head = client.head(path, secure=True, headers={"accept-language": lang})
        assert head.status_code == status and not head.content, path


# The header contract on every staff URL is judged on the admin walk that other checks read too:
# tests/site/test_admin_kazakh.py::test_security_headers_on_every_staff_url.


def test_no_search_engine_lists_an_address_that_is_a_secret(client, texts):
    """robots.txt allows every page: an emailed link posted or forwarded where a crawler reads
    it was listed, its secret with it, for anyone to press; so was the staff side's address."""
    from tests.site.test_proxy import tokened_paths

    secrets = [*tokened_paths(), "/kk/unsubscribe/secret)/", "/admin/login/", "/admin/"]
    for path in secrets:
        assert client.get(path, secure=True)["X-Robots-Tag"] == "noindex", path
    for path in ("/kk/", "/ru/privacy/", "/kk/contact/", "/kk/my-data/"):  # pages to be found
        assert "X-Robots-Tag" not in client.get(path, secure=True), path


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
