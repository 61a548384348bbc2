"""What gunicorn refuses by itself, behind the documented nginx: requests nginx passes on but
HTTP forbids, which never reach the site. gunicorn answered them with its English «Bad Request»
page naming its reason; nginx shows the site's own pages only for what it refuses itself."""

import pytest

from consent.common.errors import NOT_READ
from tests.live import raw_tls_request
from tests.site import test_proxy

proxied = test_proxy.proxied  # gunicorn behind the documented nginx


def sent(first_line, *headers, body=b""):
    """A request as a client writes it, to the site's name."""
    lines = [first_line, b"Host: emaluplus-vko.kz", b"Connection: close", *headers]
    return b"\r\n".join(lines) + b"\r\n\r\n" + body


# (the request, gunicorn's status for it)
REFUSED = {
    # A link opened by a program that does not percent-encode the letters of a service's name
    # (browsers do; a chat app's preview or a script may not).
    "address with Kazakh letters": (
        sent("GET /kk/contact/?service=қыз HTTP/1.1".encode()),
        400,
    ),
    "control character in a header": (sent(b"GET /kk/ HTTP/1.1", b"User-Agent: a\x01b"), 400),
    "two Content-Type headers": (
        sent(
            b"POST /ru/contact/ HTTP/1.1",
            b"Content-Length: 3",
            b"Content-Type: text/plain",
            b"Content-Type: text/html",
            body=b"a=b",
        ),
        400,
    ),
    "over 100 headers": (
        sent(b"GET /ru/ HTTP/1.1", *(b"X-Extra-%d: 1" % n for n in range(120))),
        431,
    ),
    "method of two letters": (sent(b"GE /kk/ HTTP/1.1"), 400),
}


@pytest.mark.live
def test_what_gunicorn_refuses_gets_the_sites_page_in_its_languages(proxied):
    _port, proc, https_port, cert, _log = proxied
    for case, (request, status) in REFUSED.items():
        got, headers, body = raw_tls_request(https_port, cert, request)
        page = body.decode(errors="replace")
        assert got == status, case
        test_proxy.assert_in_both_languages(page, NOT_READ)
        assert "Bad Request" not in page and "Invalid" not in page, case
        assert headers["Content-Type"] == "text/html; charset=utf-8", case
    # Refused by gunicorn as before, and logged so: only the page changed.
    assert proc.stop().count("Invalid request from ip=") == len(REFUSED)
