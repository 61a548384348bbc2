"""gunicorn's error log, for a request it refuses before the site sees it, wrote what the
visitor sent: «Invalid HTTP request line: 'GET /kk/contact/?name=Әсел&email=… HTTP/1.1'» (a
form sent by GET from a program that does not percent-encode), a header name, a transfer coding
or an expectation as written. The site's own log keeps no query string and no personal data
(emalu/logs.py); its gunicorn lines now say why a request was refused, not what it held."""

import http.client
import socket

import pytest

from tests.live import gunicorn, live_database

pytestmark = [pytest.mark.live, pytest.mark.django_db]

NAME, EMAIL, PHONE = "Әсел", "asel.kasymova@example.kz", "87011234567"
QUERY = f"name={NAME}&email={EMAIL}&phone={PHONE}".encode()
# what is refused -> the request, each holding the person's name, address or phone
REFUSED = {
    "Kazakh letters not percent-encoded": b"GET /kk/contact/?" + QUERY + b" HTTP/1.1",
    "a space in the address": b"GET /kk/contact/?email=" + EMAIL.encode() + b" x HTTP/1.1",
    "a control character": b"GET /kk/contact/?phone=" + PHONE.encode() + b"\x01 HTTP/1.1",
    "no protocol": b"GET /ru/contact/?email=" + EMAIL.encode(),
    "a tab for a space": b"GET\t/ru/contact/?" + QUERY + b" HTTP/1.1",
    "an unknown version": b"GET /kk/contact/?" + QUERY.replace(NAME.encode(), b"x") + b" HTTP/7.1",
    "a header name": b"GET /kk/ HTTP/1.1\r\nX(" + EMAIL.encode() + b"): 1",
    "a transfer coding": b"POST /kk/contact/ HTTP/1.1\r\nTransfer-Encoding: " + EMAIL.encode(),
    "an expectation": b"GET /kk/ HTTP/1.1\r\nExpect: " + EMAIL.encode(),
    "a header's value": b"GET /kk/ HTTP/1.1\r\nReferer: https://x.kz/?phone=" + PHONE.encode()
    + b"\x7f",
}  # fmt: skip


@pytest.fixture(scope="module")
def logged(django_db_setup, django_db_blocker, tmp_path_factory):
    """{case: the status} of each request in REFUSED, and all gunicorn wrote meanwhile."""
    statuses = {}
    with (
        django_db_blocker.unblock(),
        live_database() as url,
        gunicorn(url, tmp_path_factory.mktemp("logtext")) as (port, proc),
    ):
        for case, request in REFUSED.items():
            with socket.create_connection(("127.0.0.1", port), timeout=30) as conn:
                conn.sendall(request + b"\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                response = http.client.HTTPResponse(conn)
                response.begin()
                statuses[case] = response.status
        yield statuses, proc.stop()


@pytest.mark.parametrize("case", REFUSED)
def test_a_refused_request_is_logged_without_what_it_held(logged, case):
    statuses, output = logged
    assert 400 <= statuses[case] < 500 or statuses[case] == 501, case
    assert output.count("Invalid request from ip=") == len(REFUSED)
    for held in (NAME, EMAIL, PHONE, "asel", "\\u04d8"):
        assert held not in output, case


def test_a_refused_header_is_still_named():
    from emalu.logline import refused_line

    line = "Invalid request from ip=127.0.0.1: Invalid HTTP Header: 'USER-AGENT'"
    assert refused_line(line) == line
