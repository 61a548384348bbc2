"""nginx's own answers (docs/deploy/nginx.conf error_page): the site's pages, in the language
the address names, never nginx's English ones."""

import subprocess

import pytest
from django.http import HttpResponse

from consent.common.errors import MESSAGES, NOT_READ, TOO_LARGE
from tests.live import NGINX, ROOT, free_port, nginx, tls_request
from tests.site.test_gunicorn_limits import in_language
from tests.site.test_headers import assert_header_contract
from tests.tools import require_tool

COOKIES_OVER_8_KB = "; ".join(f"_c{i}={'x' * 90}" for i in range(120))


@pytest.mark.live
@pytest.mark.requires_tool(NGINX, apt="nginx-light")
@pytest.mark.parametrize("language", ["kk", "ru", None])
@pytest.mark.parametrize(
    ("method", "path", "headers", "status", "message"),
    [
        # No gunicorn answers (a restart, a crash): nothing listens behind nginx.
        ("GET", "/{}apply/", {}, 502, MESSAGES[503]),
        # A body over client_max_body_size, refused from its Content-Length before it is read.
        ("POST", "/{}apply/", {"Content-Length": str(40 * 1024 * 1024)}, 413, TOO_LARGE),
        # Cookies over what nginx reads of a request's headers (large_client_header_buffers):
        # years of a browser's cookies for the domain, which it sends with every page.
        ("GET", "/{}", {"Cookie": COOKIES_OVER_8_KB}, 400, NOT_READ),
        # An address longer than nginx reads: a link pasted twice over, a mangled query string.
        # nginx has not read its path, so the page is in every language.
        ("GET", "/{}contact/?utm=" + "x" * 9000, {}, 414, NOT_READ),
        # A method nginx itself refuses (it answers TRACE without asking the site), and a body
        # in a transfer coding it does not know: its English «405 Not Allowed», «501 Not
        # Implemented».
        ("TRACE", "/{}", {}, 405, MESSAGES[405]),
        ("POST", "/{}contact/", {"Transfer-Encoding": "gzip"}, 501, NOT_READ),
    ],
    ids=["no site", "too large", "cookies too large", "address too long", "TRACE", "coding"],
)
def test_nginx_answers_in_the_sites_languages_not_its_own(tmp_path, method, path, headers, status,
                                                          message, language):  # fmt: skip
    """nginx's own answers were its English pages ("502 Bad Gateway", "413 Request Entity Too
    Large", "400 Bad Request: Request Header Or Cookie Too Large", "414 Request-URI Too Large"),
    naming its version: now a page of the site's that says what to do, in the language the
    address names (a /ru/ visitor read the Kazakh first), in every language where it names
    none."""
    path = path.format(f"{language}/" if language else "")
    with nginx(free_port(), tmp_path / "nginx") as (https, cert, _log):
        headers = {"Host": "emaluplus-vko.kz", **headers}
        got, answer, body = tls_request(https, cert, method, path, b"x", headers)
    assert got == status
    page = body.decode()
    assert in_language(page, None if status == 414 else language, message)
    assert "nginx" not in page.lower()
    assert answer["Content-Type"].startswith("text/html")
    # The site's headers (compliance T2), which nginx's own pages lacked but nosniff.
    response = HttpResponse(body, headers=dict(answer))
    assert_header_contract(response, True, f"nginx's {status}", referrer="strict-origin")
    assert "Retry-After" not in answer  # only the page of a visitor over the request limits


@pytest.mark.live
@pytest.mark.requires_tool(NGINX, apt="nginx-light")
def test_nginxs_page_at_an_emailed_links_address_passes_only_the_sites_origin_on(tmp_path):
    """A mailed link opened while no gunicorn answers (a release's restart) or over the request
    limits is nginx's page, at the link's address; its link to the home page, which loads the
    analytics for a visitor who accepted, passed the whole address on (document.referrer), the
    link's secret with it, as the site's own pages did (emalu/middleware.py::HeadersMiddleware).
    nginx cannot read an address as the site does (a secret split or percent-encoded) and its
    pages post nothing: each passes on the origin alone."""
    from tests.site.test_proxy import tokened_paths

    with nginx(free_port(), tmp_path / "nginx") as (https, cert, _log):
        for path in tokened_paths():
            got, answer, _body = tls_request(https, cert, "GET", path, b"",
                                             {"Host": "emaluplus-vko.kz"})  # fmt: skip
            assert (got, answer["Referrer-Policy"]) == (502, "strict-origin"), path


def test_nginx_knows_every_language_of_the_site_and_its_policy():
    """nginx's pages follow the address's language by a list of its own (a map), and carry the
    site's Content Security Policy written out: a language added to the site, or a source to
    its policy, is one added there too."""
    from django.conf import settings
    from django.utils.csp import build_policy

    site = (ROOT / "docs" / "deploy" / "nginx.conf").read_text()
    codes = [code for code, _name in settings.LANGUAGES]
    assert f"(?<emalu_language>{'|'.join(codes)})" in site
    policy = build_policy(settings.SECURE_CSP)
    assert f'add_header Content-Security-Policy "{policy}" always;' in site


@pytest.mark.live
@pytest.mark.requires_tool(NGINX, apt="nginx-light")
@pytest.mark.parametrize("language", ["kk", "ru"])
def test_a_body_too_large_over_http2_gets_the_sites_page(tmp_path, language):
    """Browsers speak HTTP/2 to the site (the file's `listen 443 ssl http2`): a photo over the
    limit was answered there with nginx's own English «413 Request Entity Too Large», the form
    gone; the site's page came only over HTTP/1.1, which the test above speaks. On HTTP/2 nginx
    held the body's size against client_max_body_size again on its way to the error page, and
    answered that second 413 with its own page."""
    page = tmp_path / "page.html"
    with nginx(free_port(), tmp_path / "nginx") as (https, _cert, _log):
        done = subprocess.run(
            [require_tool("curl"), "--http2", "-sSk", "-H", "Expect:", "--data-binary", "@-",
             "--resolve", f"emaluplus-vko.kz:{https}:127.0.0.1", "-o", page,
             "-w", "%{http_code} %{http_version}", f"https://emaluplus-vko.kz:{https}/{language}/apply/"],
            input=b"x" * (33 * 1024 * 1024), capture_output=True,
        )  # fmt: skip
    assert done.stdout == b"413 2", done.stderr
    assert in_language(page.read_text(), language, TOO_LARGE)
    assert "nginx" not in page.read_text().lower()
