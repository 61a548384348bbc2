"""gunicorn's limits on what it reads of a request (emalu/gunicorn.py), served by a real
gunicorn: a request just under each limit is the site's page, one just over is refused with
the site's own page in the language its path names (in every language where it names none),
never gunicorn's English one."""

import http.client
import re
import socket

import pytest
from django.utils import translation

from consent.common.errors import NOT_READ
from tests.live import gunicorn, live_database

pytestmark = [pytest.mark.live, pytest.mark.django_db]
LINE, FIELD, FIELDS = 8190, 8192, 100  # emalu/gunicorn.py; FIELD counts the header's CRLF


@pytest.fixture(scope="module")
def port(django_db_setup, django_db_blocker, tmp_path_factory):
    with (
        django_db_blocker.unblock(),
        live_database() as url,
        gunicorn(url, tmp_path_factory.mktemp("limits")) as (port, _proc),
    ):
        yield port


def sent(port, first_line, *headers, answer=False):
    """`first_line` and `headers` as a client (or nginx) writes them: (status, body text), or
    the response with `answer`."""
    head = [first_line, b"Host: 127.0.0.1", b"Connection: close", *headers]
    with socket.create_connection(("127.0.0.1", port), timeout=30) as conn:
        conn.sendall(b"\r\n".join(head) + b"\r\n\r\n")
        response = http.client.HTTPResponse(conn)
        response.begin()
        response.content = response.read()
        return response if answer else (response.status, response.content.decode())


def request_line(path, length):
    """A GET of `path` padded with a query to a request line of `length` bytes."""
    line = f"GET {path}?utm_content= HTTP/1.1".encode()
    return line.replace(b"= ", b"=" + b"x" * (length - len(line)) + b" ")


def header(length):
    """A Cookie header line of `length` bytes with its CRLF (years of other sites' cookies)."""
    return b"Cookie: _ga=" + b"x" * (length - 2 - len(b"Cookie: _ga="))


def in_language(page, language, message=NOT_READ):
    """Whether `page` says `message` in `language` alone (None: in every language)."""
    found = []
    for code in ("kk", "ru"):
        with translation.override(code):
            found.append(str(message[0]) in page and str(message[1]) in page)
    return found == [language in (None, "kk"), language in (None, "ru")]


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_each_limit_takes_a_request_just_under_it_and_refuses_one_just_over(port, language):
    path = f"/{language}/contact/"
    extra = [f"X-Extra-{n}: 1".encode() for n in range(FIELDS - 2)]  # with Host and Connection
    under = {
        "request line": (request_line(path, LINE),),
        "header": (request_line(path, 100), header(FIELD)),
        "number of headers": (request_line(path, 100), *extra),
    }
    over = {
        "request line": ((request_line(path, LINE + 1),), 414),
        "header": ((request_line(path, 100), header(FIELD + 1)), 431),
        "number of headers": ((request_line(path, 100), *extra, b"X-One-More: 1"), 431),
    }
    for case, request in under.items():
        status, page = sent(port, *request)
        assert status == 200 and 'name="token"' in page, case
    for case, (request, status) in over.items():
        got, page = sent(port, *request)
        assert got == status, case
        assert in_language(page, language), case
        assert f'<html lang="{language}">' in page and "Request" not in page, case


@pytest.mark.parametrize(
    "first_line,language",
    [
        ("GET /ru/contact/?service=қыз HTTP/1.1", "ru"),  # letters not percent-encoded
        ("GE /ru/ HTTP/1.1", "ru"),  # a method of two letters
        ("GET /kk/apply/ HTTP/7.0", "kk"),
        ("GET http://127.0.0.1/ru/ HTTP/1.1\x01", "ru"),  # absolute form
        ("GET /kk/" + "я" * 5000 + " HTTP/1.1", "kk"),  # over the line limit, read in part
        ("GE /healthz HTTP/1.1", None),  # no language in the path: every language
        ("GE / HTTP/1.1", None),
        ("GET /rus/ HTTP/1.1\x01", None),
    ],
)
def test_a_request_gunicorn_refuses_gets_the_page_in_the_language_of_its_path(
    port, first_line, language
):
    """A Russian visitor's malformed request got the Kazakh page first, then the Russian."""
    status, page = sent(port, first_line.encode())
    assert status in (400, 414), first_line
    assert in_language(page, language), first_line


def test_a_refused_request_after_a_good_one_on_the_same_connection_has_its_own_language(
    django_db_setup, django_db_blocker, tmp_path
):
    """With threads (GUNICORN_THREADS) gunicorn keeps a connection open and reads its next
    request in the same thread: the language is the refused request's, not the one before."""

    with (
        django_db_blocker.unblock(),
        live_database() as url,
        gunicorn(url, tmp_path, GUNICORN_THREADS="2") as (port, _proc),
        socket.create_connection(("127.0.0.1", port), timeout=30) as conn,
    ):
        conn.sendall(b"GET /ru/ HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\nGE /kk/ HTTP/1.1\r\n\r\n")
        answers = b""
        while data := conn.recv(65536):  # the second answer closes the connection
            answers += data
    first, second = re.split(rb"(?m)^(?=HTTP/1\.1 )", answers)[1:]
    assert first.startswith(b"HTTP/1.1 200 ") and b'<html lang="ru">' in first
    assert second.startswith(b"HTTP/1.1 400 ")
    assert in_language(second.partition(b"\r\n\r\n")[2].decode(), "kk")


def test_gunicorns_page_carries_the_sites_headers(port):
    """Compliance T2 for the page gunicorn sends by itself: it had only nosniff, no CSP, no
    frame refusal, no HSTS, and no icon (the browser asked /favicon.ico). It passes on only the
    origin, at any address: at an emailed link's, its home link gave the next page the secret."""
    from django.http import HttpResponse

    from tests.site.test_headers import assert_header_contract

    answer = sent(port, b"GE /ru/ HTTP/1.1", answer=True)
    response = HttpResponse(answer.content, status=answer.status, headers=dict(answer.headers))
    assert response.status_code == 400
    assert_header_contract(response, True, "gunicorn's own 400", referrer="strict-origin")
    assert response["X-Frame-Options"] == "DENY"
