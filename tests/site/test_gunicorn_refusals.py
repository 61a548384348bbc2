"""What gunicorn refuses by itself, behind the documented nginx: requests nginx passes on but
HTTP forbids, which never reach the site. gunicorn answered them with its English «Bad Request»
page naming its reason; nginx shows the site's own pages only for what it refuses itself."""

import pytest

from tests.live import raw_tls_request
from tests.site import test_proxy
from tests.site.test_gunicorn_limits import in_language

proxied = test_proxy.proxied  # gunicorn behind the documented nginx


def sent(first_line, *headers, body=b""):
    """A request as a client writes it, to the site's name."""
    lines = [first_line, b"Host: emaluplus-vko.kz", b"Connection: close", *headers]
    return b"\r\n".join(lines) + b"\r\n\r\n" + body


# (the request, gunicorn's status for it, the language its path names)
REFUSED = {
    # A link opened by a program that does not percent-encode the letters of a service's name
    # (browsers do; a chat app's preview or a script may not).
    "address with Kazakh letters": (
        sent("GET /kk/contact/?service=қыз HTTP/1.1".encode()),
        400,
        "kk",
    ),
    "control character in a header": (sent(b"GET /kk/ HTTP/1.1", b"User-Agent: a\x01b"), 400, "kk"),
    "two Content-Type headers": (
        sent(
            b"POST /ru/contact/ HTTP/1.1",
            b"Content-Length: 3",
            b"Content-Type: text/plain",
            b"Content-Type: text/html",
            body=b"a=b",
        ),
        400,
        "ru",
    ),
    "over 100 headers": (
        sent(b"GET /ru/ HTTP/1.1", *(b"X-Extra-%d: 1" % n for n in range(120))),
        431,
        "ru",
    ),
    "method of two letters": (sent(b"GE /kk/ HTTP/1.1"), 400, "kk"),
    "no language in the path": (sent(b"GET /healthz HTTP/1.1", b"User-Agent: a\x01b"), 400, None),
}


@pytest.mark.live
def test_what_gunicorn_refuses_gets_the_sites_page_in_the_language_of_its_path(proxied):
    """In the path's language; in every language for a path that names none."""
    _port, proc, https_port, cert, _log = proxied
    for case, (request, status, language) in REFUSED.items():
        got, headers, body = raw_tls_request(https_port, cert, request)
        page = body.decode(errors="replace")
        assert got == status, case
        assert in_language(page, language), case
        assert "Bad Request" not in page and "Invalid" not in page, case
        assert headers["Content-Type"] == "text/html; charset=utf-8", case
    # Refused by gunicorn as before, and logged so: only the page changed.
    assert proc.stop().count("Invalid request from ip=") == len(REFUSED)
