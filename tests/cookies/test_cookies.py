"""Compliance L19: analytics only after an explicit yes, decided on the server."""

import logging

import pytest
from django.test import Client

from consent.common.dates import local_today
from consent.cookies.banner import COOKIE
from consent.cookies.models import CookieChoice
from consent.core.models import PolicyVersion
from consent.core.texts import policy_publish
from tests.texts import BANNER_SHOWN

FOREIGN = ["googletagmanager", "google-analytics", "mc.yandex", "analytics-config.js"]


@pytest.fixture
def analytics(settings, db):
    settings.GA_MEASUREMENT_ID = "G-TEST123"
    settings.YANDEX_METRICA_ID = "98765"


def choose(client, choice, next_path="/kk/about/"):
    """The banner's buttons, as a browser sends them from a page of this site."""
    data = {"choice": choice, "next": next_path, **BANNER_SHOWN}
    return client.post("/cookies/choice", data, headers={"origin": "http://testserver"})


@pytest.mark.parametrize(
    "lang,title", [("kk", "Сайтқа кіру статистикасы"), ("ru", "Статистика посещений")]
)
def test_first_visit_shows_the_banner_and_loads_nothing(client, analytics, lang, title):
    html = client.get(f"/{lang}/").content.decode()
    assert 'class="cookie-banner"' in html and title in html
    assert 'value="accept"' in html and 'value="reject"' in html and "checked" not in html
    for host in FOREIGN:
        assert host not in html


TERM = {
    "kk": "Келісіміңіз бір жылдан аспайтын мерзімге беріледі; оны кез келген уақытта әр беттің "
    "төменгі жағындағы «Cookie баптаулары» сілтемесі арқылы кері қайтарып алуға болады.",
    "ru": "Согласие действует не более одного года; отозвать его можно в любое время по ссылке "
    "«Настройки cookie» внизу каждой страницы.",
}


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_banner_says_how_long_the_consent_lasts_and_how_to_withdraw_it(client, analytics, lang):
    """Art. 8(4)(3): a consent states its term. The banner asked for a consent that lasts a
    year (the signed answer's age, the purpose's term) without saying so, nor where to take it
    back."""
    html = client.get(f"/{lang}/").content.decode()
    banner = html.split('class="cookie-banner"', 1)[1].split("</section>", 1)[0]
    assert " ".join(TERM[lang].split()) in " ".join(banner.split())
    assert f'href="/{lang}/cookies/"' in html  # the footer link the sentence names


def test_no_banner_when_no_analytics_is_configured(client, db):
    html = client.get("/kk/").content.decode()
    assert "cookie-banner" not in html and "/cookies/" not in html


def test_accept_loads_the_scripts_by_address_and_widens_the_csp(client, analytics):
    """The scripts are allowed by their hosts in this visitor's CSP, not by a nonce: the page
    holds nothing of the visitor's, so the proxy may keep it (issue 21)."""
    response = choose(client, "accept")
    assert response.status_code == 302 and response["Location"] == "/kk/about/"
    page = client.get("/kk/")
    html = page.content.decode()
    assert "cookie-banner" not in html
    assert (
        "googletagmanager.com/gtag/js?id=G-TEST123" in html
        and "mc.yandex.ru/metrika/tag.js" in html
    )
    assert "nonce" not in html and "nonce" not in page["Content-Security-Policy"]
    assert "https://www.googletagmanager.com" in page["Content-Security-Policy"]
    assert "https://mc.yandex.ru" in page["Content-Security-Policy"]
    config = client.get("/analytics-config.js").content.decode()
    assert "anonymize_ip: true" in config and "webvisor: false" in config
    assert "trackForms: false" in config and "98765" in config


def test_reject_loads_nothing_and_keeps_the_csp_strict(client, analytics):
    choose(client, "reject")
    page = client.get("/ru/")
    for host in FOREIGN:
        assert host not in page.content.decode()
    assert "google" not in page["Content-Security-Policy"]
    assert client.get("/analytics-config.js").content == b""


def test_choices_are_recorded_without_any_ip(client, analytics):
    choose(client, "accept")
    choose(client, "reject")
    rows = list(CookieChoice.objects.order_by("id").values_list("choice", "policy_version"))
    assert rows == [("accept", 1), ("reject", 1)]
    fields = {f.name for f in CookieChoice._meta.fields}
    assert fields == {"id", "visitor", "choice", "policy_version", "at", "wording"}


def test_a_flood_of_answers_writes_a_bounded_number_of_rows(client, analytics, settings, caplog):
    """Choice rows are append-only: 200 posts from one address write at most the bound, yet
    every visitor's answer still holds in their cookie (the cookie decides what loads)."""
    settings.COOKIE_CHOICE_RATE_LIMIT = "20/600"
    with caplog.at_level(logging.WARNING, logger="emalu.security"):
        for _ in range(200):
            response = choose(Client(), "reject")
            assert response.status_code == 302 and response["Location"] == "/kk/about/"
            assert response.cookies[COOKIE].value.split(".")[1] == "reject"
    assert CookieChoice.objects.count() == 20
    assert len([r for r in caplog.records if r.name == "emalu.security"]) == 1
    client.post("/cookies/choice", {"choice": "accept", **BANNER_SHOWN}, REMOTE_ADDR="198.51.100.4",
                headers={"origin": "http://testserver"})  # fmt: skip
    assert CookieChoice.objects.count() == 21  # another address is recorded


def served_set_cookies(path, data, cookies, host):
    """POST through Django's WSGI handler, as gunicorn serves it: the Set-Cookie headers sent."""
    from django.core.handlers.wsgi import WSGIHandler
    from django.core.signals import request_started
    from django.db import close_old_connections
    from django.test import RequestFactory

    environ = (
        RequestFactory()
        .post(
            path,
            data,
            headers={
                "host": host,
                "origin": f"http://{host}",
                "cookie": "; ".join(f"{k}={v}" for k, v in cookies.items()),
            },
        )
        .environ
    )
    sent = []
    # As Django's test client does: the request must not close the test's database connection.
    request_started.disconnect(close_old_connections)
    try:
        b"".join(WSGIHandler()(environ, lambda status, headers: sent.extend(headers)))
    finally:
        request_started.connect(close_old_connections)
    return [value for name, value in sent if name == "Set-Cookie"]


def test_withdrawing_removes_the_analytics_cookies_of_every_domain(analytics, settings):
    """A script may have set _ga for the host alone, for the host as a domain and for the parent
    domain: Reject must expire all three, each in a Set-Cookie header of its own."""
    settings.ALLOWED_HOSTS = ["www.emalu.test"]
    headers = served_set_cookies("/cookies/choice", {"choice": "reject", "next": "/kk/"},
                                 {"_ga": "GA1.1.123", "_ym_uid": "456", "other": "1"},
                                 "www.emalu.test")  # fmt: skip
    expired = {}
    for header in headers:
        name = header.split("=")[0]
        attrs = dict(a.strip().partition("=")[::2] for a in header.split(";")[1:])
        if attrs.get("Max-Age") == "0":
            expired.setdefault(name, set()).add(attrs.get("Domain"))
    assert expired == {name: {None, "www.emalu.test", "emalu.test"} for name in ("_ga", "_ym_uid")}
    assert any(h.startswith(f"{COOKIE}=") and ".reject." in h for h in headers)


def test_withdrawing_removes_the_analytics_cookies(client, analytics):
    choose(client, "accept")
    client.cookies["_ga"] = "GA1.1.123"
    client.cookies["_ym_uid"] = "456"
    response = choose(client, "reject")
    expired = {morsel.key for morsel in response.cookies.values() if morsel["max-age"] == 0}
    assert {"_ga", "_ym_uid"} <= expired


def test_a_new_policy_version_asks_again(client, analytics, time_machine):
    choose(client, "accept")
    assert "cookie-banner" not in client.get("/kk/").content.decode()
    v2 = PolicyVersion.objects.create(number=3, effective_date=local_today(), title_kk="2",
                                      title_ru="2", text_kk="2", text_ru="2")  # fmt: skip
    policy_publish(v2)
    html = client.get("/kk/").content.decode()
    assert "cookie-banner" in html and "googletagmanager" not in html


def test_the_footer_reopens_the_choice(client, analytics):
    choose(client, "accept")
    html = client.get("/ru/").content.decode()
    assert 'href="/ru/cookies/"' in html and "Настройки cookie" in html
    settings_page = client.get("/ru/cookies/").content.decode()
    assert 'value="reject"' in settings_page


@pytest.mark.parametrize(
    "target",
    ["https://evil.example/", "//evil.example/x", "javascript:alert(1)", "/\\evil.example",
     # Not a path: redirect() read these as names of URLs, one of them the hidden admin's.
     "home", "staff_enrol", "abc", "a b", ""],
)  # fmt: skip
def test_the_banner_never_redirects_away(client, analytics, target):
    response = choose(client, "reject", target)
    assert response.status_code == 302 and response["Location"] == "/"


@pytest.mark.parametrize("target", ["/kk/about/\r\nSet-Cookie: x=1", "/kk/\x00", "/kk/ü"])
def test_an_odd_path_on_the_site_is_followed_safely(client, analytics, target):
    response = choose(client, "reject", target)
    assert response.status_code == 302 and response["Location"].startswith("/kk/")
    assert "\n" not in response["Location"] and "x" not in response.cookies


def test_a_next_that_is_no_text_goes_home(client, analytics):
    body = "choice=reject&next=%ED%A0%80"  # a lone surrogate: no UTF-8 text
    response = client.post("/cookies/choice", body, "application/x-www-form-urlencoded",
                           headers={"origin": "http://testserver"})  # fmt: skip
    assert response.status_code == 302 and response["Location"] == "/"


@pytest.mark.parametrize(
    "headers",
    [
        {"origin": "https://evil.example"},
        {"origin": "null"},
        {"referer": "https://evil.example/kk/"},
        {"origin": "https://testserver"},  # another scheme is another site
        {},  # neither header: no browser of this decade sends a form so
        # no address at all: urlsplit raised ValueError, a 500
        {"origin": "http://["},
        {"origin": "http://]"},
        {"referer": "http://[testserver/kk/"},
    ],
)
def test_an_answer_sent_from_another_site_is_refused(analytics, headers):
    """The banner carries no CSRF token (the proxy may keep the page, issue 21): where the
    answer comes from is checked instead, so no other site can answer for a visitor."""
    visitor = Client(enforce_csrf_checks=True)
    response = visitor.post(
        "/cookies/choice", {"choice": "accept", **BANNER_SHOWN}, headers=headers
    )
    assert response.status_code == 403
    assert COOKIE not in response.cookies and CookieChoice.objects.count() == 0


def test_an_answer_from_a_page_of_the_site_needs_no_token(analytics):
    visitor = Client(enforce_csrf_checks=True)
    for headers in ({"origin": "http://testserver"}, {"referer": "http://testserver/kk/"}):
        response = visitor.post(
            "/cookies/choice", {"choice": "accept", **BANNER_SHOWN}, headers=headers
        )
        assert response.status_code == 302 and COOKIE in response.cookies
    assert CookieChoice.objects.count() == 2


def test_a_forged_cookie_is_no_consent(client, analytics):
    client.cookies[COOKIE] = "1.maybe.x"
    assert "cookie-banner" in client.get("/kk/").content.decode()
    client.cookies[COOKIE] = "garbage"
    assert "googletagmanager" not in client.get("/kk/").content.decode()


@pytest.mark.parametrize(
    "name,value,code",
    [
        ("YANDEX_METRICA_ID", '1"; alert(1); "', "E007"),
        ("GA_MEASUREMENT_ID", "G-1 'unsafe-inline'", "E006"),
    ],
)
def test_an_analytics_id_of_another_shape_fails_the_system_check(settings, name, value, code):
    """The IDs go into a script and the CSP, so nothing else may pass as one."""
    from django.core.management import call_command
    from django.core.management.base import SystemCheckError

    setattr(settings, name, value)
    with pytest.raises(SystemCheckError, match=rf"consent\.{code}"):
        call_command("check")


def test_no_page_with_a_links_secret_in_its_address_loads_analytics(client, analytics):
    """The scripts send the page's address to Google (USA) and Yandex (Russia). The unsubscribe,
    confirmation and self-service links carry a secret that names the person and acts for them
    (one opens their data): a visitor who accepted statistics must not hand it abroad by
    following a link from our mail."""
    from tests.site.test_proxy import tokened_paths

    choose(client, "accept")
    assert "googletagmanager" in client.get("/kk/about/").content.decode()  # accepted
    for path in tokened_paths():
        page = client.get(path)
        html = page.content.decode()
        for host in FOREIGN:
            assert host not in html, path
        assert "google" not in page["Content-Security-Policy"], path
        assert "yandex" not in page["Content-Security-Policy"], path


def test_an_address_holding_a_links_secret_loads_no_analytics_where_no_page_answers_it(
    client, analytics
):
    """A link from our mail with something stuck after it (the bracket it was written in, a
    space, a word of the letter, a second language prefix, capitals) is the site's 404, not the
    link's page: that page loaded the scripts for a visitor who accepted, and they sent its
    address, the secret included, to Google and Yandex. A secret in the query string is one too."""
    from tests.site.test_proxy import tokened_paths

    choose(client, "accept")
    for path in tokened_paths():
        lang, route = path[1:3], path[3:]
        for address in (f"{path})", f"{path}%20", f"{path}x/", f"{path}%3E", f"/{lang}{path}",
                        f"/{lang}{route.upper()}", f"/{lang}/?next={path}"):  # fmt: skip
            page = client.get(address)
            html = page.content.decode()
            for host in FOREIGN:
                assert host not in html, address
            assert "google" not in page["Content-Security-Policy"], address
