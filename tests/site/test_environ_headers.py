"""Headers that would shape the WSGI environ, sent by a visitor: to gunicorn straight (a client
on the host, which FORWARDED_ALLOW_IPS trusts as it trusts nginx) and through the documented
nginx. gunicorn let a trusted peer set SCRIPT_NAME by a header of that name (its default
`forwarder_headers`): a path not under it was gunicorn's ConfigurationProblem, a 500, and one
under it (SCRIPT_NAME: /kk) served the site as if mounted there. Its other default,
X-Forwarded-Ssl and X-Forwarded-Protocol, which nginx passes on from the visitor, refused a
request they contradicted nginx's X-Forwarded-Proto in. Only what nginx sets is believed now
(emalu/gunicorn.py); the rest is ignored, and the page is the one its address names."""

import http.client
import os
import re
import socket
import urllib.parse

import pytest

from tests.live import FAST, NGINX, form_session, gunicorn, live_database, nginx, raw_tls_request

pytestmark = [pytest.mark.live, pytest.mark.django_db]

# header line -> what it tried
IGNORED = {
    b"SCRIPT_NAME: /evil": "a mount point the path is not under",
    b"SCRIPT_NAME: /kk": "a mount point the path is under",
    b"SCRIPT_NAME: /\xd2\x9b": "a mount point in Kazakh letters",
    b"SCRIPT_NAME: /kk/about/x": "a mount point longer than the path",
    b"PATH_INFO: /ru/": "another page",
    b"REMOTE_ADDR: 203.0.113.9": "another address",
    b"X-Script-Name: /evil": "a mount point by a proxy's name for it",
    b"X-Forwarded-Prefix: /evil": "a prefix by a proxy's name for it",
    b"X-Forwarded-Host: evil.example": "another host",
    b"X_Forwarded_Host: evil.example": "another host, with underscores",
    b"X-Forwarded-Ssl: off": "plain HTTP, by another proxy's header",
    b"X-Forwarded-Protocol: http": "plain HTTP, by a third proxy's header",
    b"X-Forwarded-Proto: https\r\nX-Forwarded-Ssl: off": "HTTPS and plain HTTP at once",
    b"X-Forwarded-Proto: https\r\nX-Forwarded-Protocol: http": "HTTPS and HTTP, two names",
    b"Forwarded: for=203.0.113.9;proto=https;host=evil.example": "RFC 7239's header",
}


def sent(port, path, *headers):
    lines = [f"GET {path} HTTP/1.1".encode(), b"Host: 127.0.0.1", b"Connection: close", *headers]
    with socket.create_connection(("127.0.0.1", port), timeout=30) as conn:
        conn.sendall(b"\r\n".join(lines) + b"\r\n\r\n")
        response = http.client.HTTPResponse(conn)
        response.begin()
        return response.status, response.read().decode()


def the_page_of(page, language):
    """Whether `page` is the about page in `language`, its links under no other prefix."""
    links = re.findall(r'href="(/[^"]*)"', page)
    return (f'<html lang="{language}"' in page and "evil" not in page
            and all(not link.startswith(f"/{language}/{language}/") for link in links))  # fmt: skip


@pytest.fixture(scope="module")
def served(django_db_setup, django_db_blocker, tmp_path_factory):
    """gunicorn as deployed, and the documented nginx in front of it: (its port, nginx's, the
    certificate); no nginx port where Debian's nginx is not installed."""
    tmp = tmp_path_factory.mktemp("environ")
    with (
        django_db_blocker.unblock(),
        live_database() as url,
        gunicorn(url, tmp, TRUSTED_PROXIES="127.0.0.1", **FAST) as (port, _proc),
    ):
        if not os.path.exists(NGINX):
            yield port, None, None
            return
        with nginx(port, tmp) as (https_port, cert, _log):
            yield port, https_port, cert


@pytest.fixture
def port(served):
    return served[0]


@pytest.fixture
def proxied(served):
    if served[1] is None:
        pytest.skip("Debian's nginx is not installed (apt-get install nginx-light)")
    return served[1:]


@pytest.mark.parametrize("header", IGNORED, ids=IGNORED.values())
@pytest.mark.parametrize("language", ["kk", "ru"])
def test_a_header_naming_the_environ_straight_to_gunicorn_is_ignored(port, header, language):
    status, page = sent(port, f"/{language}/about/", header)
    assert status == 200 and the_page_of(page, language)


HOSTS = [b"127.0.0.1/evil", b"127.0.0.1:abc", b"a@127.0.0.1", b"127.0.0.1:99999999999", b"[::1",
         b"127.0.0.1\\evil"]  # fmt: skip


@pytest.mark.parametrize("host", HOSTS)
def test_a_host_with_a_path_or_a_bad_port_is_refused_in_the_language_of_the_path(port, host):
    with socket.create_connection(("127.0.0.1", port), timeout=30) as conn:
        conn.sendall(b"GET /ru/about/ HTTP/1.1\r\nHost: " + host + b"\r\nConnection: close\r\n\r\n")
        response = http.client.HTTPResponse(conn)
        response.begin()
        page = response.read().decode()
    assert response.status in (200, 400)
    assert '<html lang="ru"' in page and "evil" not in page


@pytest.mark.parametrize("header", IGNORED, ids=IGNORED.values())
def test_a_header_naming_the_environ_through_nginx_is_ignored(proxied, header):
    https_port, cert = proxied
    request = b"GET /kk/about/ HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
    status, _headers, body = raw_tls_request(https_port, cert, request + header + b"\r\n\r\n")
    assert status == 200 and the_page_of(body.decode(), "kk")


@pytest.mark.parametrize("path", ["/kk/contact/", "/ru/contact/"])
def test_a_form_posted_in_chunks_straight_to_gunicorn_is_read(port, path):
    """Django reads as much of a body as Content-Length says: a form sent chunked (a client on
    the host; nginx sends the length) arrived empty, refused as a form without its cookie."""

    cookies, csrf, token = session = form_session(port, path)
    fields = urllib.parse.urlencode({
        "csrfmiddlewaretoken": csrf, "token": token, "texts_shown": session.shown,
        "full_name": "Әсел Қасымова",
        "email": "asel@example.kz", "phone": "8 701 123 45 67", "message": "Сәлем",
        "consent_service": "on",
    }).encode()  # fmt: skip
    head = [f"POST {path} HTTP/1.1", f"Host: 127.0.0.1:{port}", "Connection: close",
            f"Cookie: {cookies}", "Content-Type: application/x-www-form-urlencoded",
            "Transfer-Encoding: chunked"]  # fmt: skip
    half = len(fields) // 2
    chunks = b"".join(b"%x\r\n%s\r\n" % (len(c), c) for c in (fields[:half], fields[half:]))
    with socket.create_connection(("127.0.0.1", port), timeout=30) as conn:
        conn.sendall("\r\n".join(head).encode() + b"\r\n\r\n" + chunks + b"0\r\n\r\n")
        response = http.client.HTTPResponse(conn)
        response.begin()
    assert response.status == 302, response.read().decode()[:300]
