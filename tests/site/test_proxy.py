"""The site as deployed: gunicorn behind docs/deploy/nginx.conf. The emailed links carry their
secret in the path, so neither access log may keep it (compliance T18)."""

import io
import json
import logging
import os
import random
import re
import uuid
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import unquote

import pytest
from django.core import signing
from django.urls import URLResolver, get_resolver, reverse
from django.utils import translation

from consent.common.errors import TOO_MANY_REQUESTS
from emalu.logline import redact
from tests.live import (
    NGINX,
    free_port,
    gunicorn,
    live_database,
    nginx,
    request,
    settled_log,
    tls_request,
)
from tests.site.test_gunicorn_limits import in_language


def tokened_routes():
    """The name of every URL whose path carries a `token`, read from the URLconf itself."""
    found = set()

    def walk(patterns):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                walk(pattern.url_patterns)
            elif "token" in getattr(pattern.pattern, "converters", {}):
                found.add(pattern.name)

    walk(get_resolver().url_patterns)
    return found


def tokened_paths():
    """{path: token} for every tokened URL in kk and ru, each with a realistic signed token."""
    paths = {}
    for name in sorted(tokened_routes()):
        for lang in ("kk", "ru"):
            token = signing.dumps({"s": 1, "n": uuid.uuid4().hex}, salt="test")
            with translation.override(lang):
                paths[reverse(name, kwargs={"token": token})] = token
    return paths


def test_every_link_with_a_token_is_known():
    assert tokened_routes() == {"unsubscribe", "marketing_confirm", "self_service_open",
                                "request_verify", "form_consent_confirm"}  # fmt: skip


def test_gunicorns_log_rule_redacts_every_tokened_path():
    for path, token in tokened_paths().items():
        redacted = redact(path)
        assert token not in redacted and redacted.endswith("/[token]/"), path
        referrer = redact(f"https://emaluplus-vko.kz{path}?x=1")
        assert token not in referrer
        assert token.upper() not in redact(path.upper()), path  # no page answers it, still a secret
    assert redact("/kk/about/") == "/kk/about/"


def test_gunicorns_error_log_keeps_no_link_secret(tmp_path):
    from gunicorn.config import Config

    from emalu.gunicorn import RedactingLogger

    config = Config()
    config.set("errorlog", str(tmp_path / "error.log"))
    path, token = next(iter(tokened_paths().items()))
    RedactingLogger(config).error("Error handling request %s", path)
    assert "/[token]/" in (tmp_path / "error.log").read_text()
    assert token not in (tmp_path / "error.log").read_text()


def test_the_applications_own_log_keeps_no_link_secret(client, db):
    """The request line of every refused link, an expired one included."""
    handler = next(h for h in logging.getLogger().handlers if h.name == "console")
    out = io.StringIO()
    previous = handler.setStream(out)
    try:
        paths = tokened_paths()
        for path in paths:
            client.get(path)
    finally:
        handler.setStream(previous)
    assert '"path": "/kk/unsubscribe/[token]/", "status": 400' in out.getvalue()
    assert not [token for token in paths.values() if token in out.getvalue()]


def mangled(path, token):
    """`path` as a mail client or a hand may mangle it: a slash doubled or a «.» segment
    inside the route or before the secret, «%2F» for a slash. The site redirects each to the
    link (NormalPathMiddleware), so the secret is in the request as it came."""
    head = path.removesuffix(f"{token}/")
    inside = path.replace("/my-data/open/", "/my-data//open/").replace("/confirm/", "/.//confirm/")
    shapes = [f"{head}/{token}/", f"{head}./{token}/", f"{head}%2F{token}/", inside]
    return [shape for shape in shapes if shape != path]


def test_the_applications_own_log_keeps_no_secret_of_a_mangled_link(client, db):
    """The request's line was written with the path as it came, which kept the secret after
    «unsubscribe//»: the rule read only a secret right after one slash."""
    handler = next(h for h in logging.getLogger().handlers if h.name == "console")
    out = io.StringIO()
    previous = handler.setStream(out)
    try:
        paths = tokened_paths()
        for path, token in paths.items():
            for shape in mangled(path, token):
                assert client.get(shape).status_code == 301  # to the link as it was mailed
    finally:
        handler.setStream(previous)
    assert '"path": "/kk/unsubscribe//[token]/", "status": 301' in out.getvalue()
    assert not [token for token in paths.values() if token in out.getvalue()]
    for path, token in paths.items():  # gunicorn's access log, its atoms decoded
        assert not [shape for shape in mangled(path, token) if token in redact(unquote(shape))]


@pytest.mark.django_db  # the deploy checks read the database (clock, migrations)
@pytest.mark.parametrize(
    "hosts,proxies,debug,warns",
    [
        (["emaluplus-vko.kz", "www.emaluplus-vko.kz"], [], False, True),
        (["emaluplus-vko.kz"], ["127.0.0.1"], False, False),
        (["127.0.0.1", "localhost"], [], False, False),
        (["emaluplus-vko.kz"], [], True, False),
    ],
)
def test_a_public_site_that_trusts_no_proxy_warns_on_deploy(settings, hosts, proxies, debug, warns):
    """Behind the documented nginx, an empty TRUSTED_PROXIES makes every visitor 127.0.0.1."""
    from django.core.checks import run_checks

    settings.ALLOWED_HOSTS, settings.TRUSTED_PROXIES, settings.DEBUG = hosts, proxies, debug
    ids = [m.id for m in run_checks(include_deployment_checks=True)]
    assert ("emalu.W001" in ids) == warns


@pytest.mark.parametrize("proxies,warnings", [([], 1), (["127.0.0.1"], 0)])
def test_requests_through_an_untrusted_proxy_warn_once(client, db, settings, caplog, monkeypatch,
                                                       proxies, warnings):  # fmt: skip
    from emalu.middleware import UntrustedProxyMiddleware

    monkeypatch.setattr(UntrustedProxyMiddleware, "warned", False)
    monkeypatch.setattr(UntrustedProxyMiddleware, "noted_at", None)
    settings.TRUSTED_PROXIES = proxies
    with caplog.at_level(logging.WARNING, logger="emalu.security"):
        for visitor in ("203.0.113.9", "198.51.100.20", "203.0.113.9"):
            client.get("/kk/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR=visitor)
        client.get("/kk/", REMOTE_ADDR="203.0.113.50")  # no proxy at all: nothing to say
    logged = [r.getMessage() for r in caplog.records if r.name == "emalu.security"]
    assert len(logged) == warnings
    assert all("TRUSTED_PROXIES" in m and "203.0.113" not in m for m in logged)


@pytest.fixture
def proxied(django_db_setup, django_db_blocker, tmp_path_factory):
    """gunicorn configured as the deploy docs say, behind the documented nginx over TLS; each
    test its own (one of them stops gunicorn to read all it wrote)."""
    if not os.path.exists(NGINX):
        if os.environ.get("CI"):
            pytest.fail("CI must have Debian's nginx (.ci/run installs it)")
        pytest.skip("Debian's nginx is not installed (apt-get install nginx-light)")
    tmp = tmp_path_factory.mktemp("proxy")
    with (
        django_db_blocker.unblock(),
        live_database() as url,
        gunicorn(url, tmp, TRUSTED_PROXIES="127.0.0.1") as (port, proc),
        nginx(port, tmp) as (https_port, cert, log),
    ):
        yield port, proc, https_port, cert, log


@pytest.mark.live
def test_an_address_nginx_passes_on_is_one_the_site_reads(proxied):
    """An address of 4 to 8 KB (a link pasted with a long tracking query) passed nginx's limit
    and met gunicorn's own, 4 KB: its English «414 URI Too Long» reached the visitor through
    nginx, which shows the site's own page only for what it refuses itself."""
    _port, _proc, https_port, cert, _log = proxied
    path = "/kk/contact/?utm_content=" + "x" * 7000
    status, _, body = tls_request(https_port, cert, "GET", path)
    assert status == 200 and 'name="token"' in body.decode()


@pytest.mark.live
def test_no_page_of_the_site_is_compressed(proxied):
    """Debian's nginx.conf, which the site's file is included under, turns gzip on for HTML: a
    person's own page (their name, address and phone) and every form (its tokens), which also
    repeat what their address says (the language switch keeps the query), went compressed, so
    that whoever sees the encrypted sizes can tell which guess of that data is right (BREACH).
    The site's pages go as they are."""
    _port, _proc, https_port, cert, _log = proxied
    for path in ("/kk/?x=%2B7701", "/ru/contact/?x=1", "/kk/my-data/", "/ru/about/"):
        headers = {"Accept-Encoding": "gzip, deflate, br"}
        status, answer, _body = tls_request(https_port, cert, "GET", path, headers=headers)
        assert status == 200 and answer.get("Content-Encoding") is None, path


@pytest.mark.live
def test_nginx_request_id_is_the_applications(proxied):
    """One id for one request in nginx's log, the application's lines and the response
    (before the test below stops gunicorn)."""
    _port, _proc, https_port, cert, log = proxied
    _, headers, _ = tls_request(https_port, cert, "GET", "/kk/privacy/",
                                headers={"Host": "emaluplus-vko.kz"})  # fmt: skip
    request_id = headers["X-Request-ID"]
    assert headers["Server"] == "nginx"  # no version for anyone to look up (server_tokens off)
    assert len(request_id) == 32 and int(request_id, 16) >= 0  # nginx's $request_id
    lines = settled_log(https_port, cert, log).splitlines()
    assert [line for line in lines if line.endswith(" " + request_id)]


@pytest.mark.live
def test_no_link_secret_reaches_either_access_log(proxied):
    port, proc, https_port, cert, log = proxied
    paths = tokened_paths()
    with translation.override("kk"):
        with_slash_merged = "/" + next(p for p in paths if "/unsubscribe/" in p)
    # nginx logs the path merged, and passes it on as it came: «unsubscribe//» to gunicorn.
    with_slash_inside = with_slash_merged[1:].replace("/unsubscribe/", "/unsubscribe//")
    for path in [*paths, with_slash_merged, with_slash_inside]:
        tls_request(https_port, cert, "GET", path, headers={"Host": "emaluplus-vko.kz"})
        tls_request(https_port, cert, "POST", path + "?a=b", body="List-Unsubscribe=One-Click",
                    headers={"Content-Type": "application/x-www-form-urlencoded"})  # fmt: skip
        request(port, "GET", path, headers={"Referer": f"http://127.0.0.1:{port}{path}"})
    nginx_log = settled_log(https_port, cert, log)
    gunicorn_log = proc.stop()
    for token in paths.values():
        assert token not in nginx_log and token not in gunicorn_log
    # The lines are still there, with the route and the status: only the secret is gone.
    assert nginx_log.count("/unsubscribe/[token]/") == 4 * 2  # GET and POST, kk, ru, two "//"
    assert '"method": "GET", "path": "/ru/requests/confirm/[token]/", "status": 400' in gunicorn_log
    assert "a=b" not in nginx_log + gunicorn_log
    assert "TRUSTED_PROXIES" not in gunicorn_log  # the documented set-up trusts its nginx


@pytest.mark.live
def test_a_phone_photo_over_5_mb_gets_the_form_back_through_the_proxy(proxied):
    """A photo straight from a phone camera is often 6 to 25 MB. Through the documented nginx it
    must reach the application, which gives the form back as typed with the field's message in
    the visitor's language; nginx's own 413 page (English, the form gone) must not answer."""
    from PIL import Image

    from tests.forms.photos import MESSAGES, photo_error

    _port, _proc, https_port, cert, _log = proxied
    origin = "https://127.0.0.1"  # nginx passes the host without the port, as on 443
    status, headers, body = tls_request(https_port, cert, "GET", "/kk/apply/")
    assert status == 200
    cookies = "; ".join(c.split(";")[0] for c in headers.get_all("Set-Cookie"))
    html = body.decode()
    fields = {name: re.search(rf'name="{name}" value="([^"]+)"', html).group(1)
              for name in ("csrfmiddlewaretoken", "token")}  # fmt: skip
    fields |= {"full_name": "Әсел Қасымова", "email": "asel@example.kz", "message": "Сәлем"}
    photo = io.BytesIO()
    Image.new("RGB", (400, 300), "teal").save(photo, "JPEG")
    photo = photo.getvalue() + bytes(12 * 1024 * 1024)  # 12 MB, the JPEG's pixels first
    boundary = uuid.uuid4().hex
    parts = [f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'
             .encode() for name, value in fields.items()]  # fmt: skip
    parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="photo"; '
                 f'filename="IMG_20240517_101500.jpg"\r\nContent-Type: image/jpeg\r\n\r\n'
                 .encode() + photo + f"\r\n--{boundary}--\r\n".encode())  # fmt: skip
    status, _, body = tls_request(
        https_port, cert, "POST", "/kk/apply/", body=b"".join(parts),
        headers={"Content-Type": f"multipart/form-data; boundary={boundary}", "Cookie": cookies,
                 "Origin": origin, "Referer": f"{origin}/kk/apply/"},
    )  # fmt: skip
    html = body.decode()
    assert status == 200, html[:300]
    assert photo_error(html) == MESSAGES["kk"]["too_big"]
    assert 'value="Әсел Қасымова"' in html  # the rest as typed


FORM = {"Content-Type": "application/x-www-form-urlencoded"}


@pytest.mark.live
def test_a_flood_from_one_address_is_answered_by_nginx_not_gunicorn(proxied):
    """nginx passed every request to gunicorn's few workers: one address asking for pages as
    fast as it could held them all. Now a page flood and a flood of form and sign-in posts are
    each answered 429 by nginx, in the site's languages, while the flood's first requests and
    a visitor from another address are served as usual."""
    _port, proc, https_port, cert, _log = proxied
    net = random.randrange(2, 250)
    flooder, poster, visitor = (f"127.{net}.0.{i}" for i in (1, 2, 3))

    def get(_):
        return tls_request(https_port, cert, "GET", "/kk/contact/", source=flooder)

    def post(i, source=poster):  # no CSRF cookie: what reaches the application gets its 403
        path = "/kk/contact/" if i < 15 else "/admin/login/"
        return tls_request(https_port, cert, "POST", path, b"x=1", source=source, headers=FORM)

    with ThreadPoolExecutor(max_workers=16) as pool:
        pages = list(pool.map(get, range(300)))
    posts = [post(i) for i in range(30)]
    page_statuses = Counter(status for status, _, _ in pages)
    assert set(page_statuses) == {200, 429} and page_statuses[429] >= 50, page_statuses
    post_statuses = [status for status, _, _ in posts]
    # 1 + burst pass (one more for every 6 s the posts take), then 429, the sign-in's included
    assert post_statuses[:21] == [403] * 21 and post_statuses[-5:] == [429] * 5
    headers, refused = next((h, body.decode()) for status, h, body in pages if status == 429)
    assert in_language(refused, "kk", TOO_MANY_REQUESTS)  # the address's language
    assert headers["Retry-After"] == "60" and headers["Content-Type"].startswith("text/html")

    status, _, body = tls_request(https_port, cert, "GET", "/kk/contact/", source=visitor)
    assert status == 200 and 'name="token"' in body.decode(), body[:600]
    assert post(0, source=visitor)[0] == 403  # the application answers their post

    lines = [json.loads(line) for line in proc.stop().splitlines() if line.startswith("{")]
    served = Counter((line.get("method"), line.get("path")) for line in lines if "method" in line)
    assert served[("GET", "/kk/contact/")] == page_statuses[200] + 1  # the 429s never reached it
    assert served[("POST", "/kk/contact/")] + served[("POST", "/admin/login/")] == (
        post_statuses.count(403) + 1
    )


def test_certbot_s_check_is_answered_over_http_and_everything_else_goes_to_https(tmp_path):
    """The HTTP server sent every path to https, certbot's HTTP-01 check too: `certbot
    certonly --webroot`, as README step 7 says, could neither issue the certificate nor renew
    it, and the site's certificate would lapse after 90 days. The check's file is served over
    plain HTTP from the webroot; any other path, and a path that leaves the webroot, is not."""
    http_port = free_port()
    challenge = tmp_path / "nginx" / "acme" / ".well-known" / "acme-challenge"
    challenge.mkdir(parents=True)
    (challenge / "token-123").write_text("token-123.thumbprint")
    with nginx(free_port(), tmp_path / "nginx", http_port=http_port):
        status, _headers, body = request(http_port, "GET", "/.well-known/acme-challenge/token-123",
                                         headers={"Host": "emaluplus-vko.kz"})  # fmt: skip
        assert (status, body) == (200, b"token-123.thumbprint")
        for path in ["/kk/contact/", "/.well-known/acme-challenge/../../site.conf"]:
            status, headers, _body = request(http_port, "GET", path,
                                             headers={"Host": "emaluplus-vko.kz"})  # fmt: skip
            assert status in (301, 400, 404), (path, status)
            if status == 301:
                assert headers["Location"].startswith("https://emaluplus-vko.kz/")
