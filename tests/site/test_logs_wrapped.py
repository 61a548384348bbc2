"""A link a mail program wrapped, or pasted with its space written «%20» or «+», keeps no
secret in any log (compliance T18): the application's request line, a record quoting it, the
gunicorn access log and the documented nginx's. The site opens such a link (emalu/pasted.py
reads it without the spaces and «+»), so its secret is as good as the link's; the logs
redacted the pattern, which a split route («unsub scribe/<secret>/») does not match and a split
secret («<sec ret>») matched only up to the space: the secret, or its second half, was kept."""

import io
import logging
import os

import pytest
from django.test import Client

from tests.live import NGINX, gunicorn, live_database, nginx, request, settled_log, tls_request
from tests.site.test_proxy import tokened_paths

# How a link arrives split: a space escaped or not, a line break, a tab, a form's «+», a no-break
# space (UTF-8), in the secret and in the route.
GAPS = ["%20", "+", "%0A", "%0D%0A%20", "%09", "%C2%A0"]


def split(path, token):
    """`path` split by each gap, in its secret, and in its route (the segment before it)."""
    head, half = path.removesuffix(f"{token}/"), len(token) // 2
    route = head.rstrip("/").rsplit("/", 1)
    shapes = []
    for gap in GAPS:
        shapes.append(f"{head}{token[:half]}{gap}{token[half:]}/")
        word = route[1]
        shapes.append(f"{route[0]}/{word[:3]}{gap}{word[3:]}/{token}/")
    return shapes


def halves(token):
    half = len(token) // 2
    return token[:half], token[half:]


def kept(text, paths):
    """The pieces of any secret that `text` holds."""
    return [piece for token in paths.values() for piece in halves(token) if piece in text]


@pytest.fixture
def console():
    handler = next(h for h in logging.getLogger().handlers if h.name == "console")
    out = io.StringIO()
    previous = handler.setStream(out)
    yield out
    handler.setStream(previous)


def test_the_request_line_keeps_no_secret_of_a_split_link(db, console):
    paths, client, answered = tokened_paths(), Client(), {}
    for path, token in paths.items():
        for shape in split(path, token):
            answered[shape] = client.get(shape).status_code
            client.post(shape, "List-Unsubscribe=One-Click", content_type="text/plain")
    assert not kept(console.getvalue(), paths)
    # A GET is sent on to the link (301), «+» read as the space it stands for; a post is
    # answered where it came (the route split: 404; the secret: 400).
    assert {shape: status for shape, status in answered.items() if status != 301} == {}
    assert (
        '"method": "POST", "path": "/kk/unsubscribe/[token]/", "status": 404' in console.getvalue()
    )


def test_a_record_quoting_a_split_link_keeps_no_secret(console):
    """A line that quotes the path (Django's «Internal Server Error: <path>», a refusal's
    detail), or an error's text with the address as it came."""
    paths = tokened_paths()
    for path, token in paths.items():
        for shape in split(path, token):
            logging.getLogger("django.request").warning("Not Found: %s", shape)
            logging.getLogger("emalu.test").warning("fetching %s failed", shape.replace("%20", " "))
    assert not kept(console.getvalue(), paths)
    assert "fetching /kk/unsubscribe/[token]/" in console.getvalue()


@pytest.fixture
def served(django_db_setup, django_db_blocker, tmp_path_factory):
    """gunicorn with its own access log on, behind the documented nginx over TLS."""
    if not os.path.exists(NGINX):
        if os.environ.get("CI"):
            pytest.fail("CI must have Debian's nginx (.ci/run installs it)")
        pytest.skip("Debian's nginx is not installed (apt-get install nginx-light)")
    tmp = tmp_path_factory.mktemp("wrapped")
    with (
        django_db_blocker.unblock(),
        live_database() as url,
        gunicorn(url, tmp, TRUSTED_PROXIES="127.0.0.1", GUNICORN_ACCESS_LOG="-") as (port, proc),
        nginx(port, tmp) as (https_port, cert, log),
    ):
        yield port, proc, https_port, cert, log


@pytest.mark.live
def test_no_secret_of_a_split_link_reaches_either_access_log(served):
    port, proc, https_port, cert, log = served
    paths = tokened_paths()
    host = {"Host": "emaluplus-vko.kz"}
    shapes = [shape for path, token in paths.items() for shape in split(path, token)]
    for n, shape in enumerate(shapes):  # each from an address of its own, under nginx's limits
        tls_request(https_port, cert, "GET", shape, headers=host, source=f"127.0.1.{n % 250 + 1}")
        request(port, "GET", shape, headers={"Referer": f"https://emaluplus-vko.kz{shape}"})
    nginx_log, gunicorn_log = settled_log(https_port, cert, log), proc.stop()
    assert not kept(nginx_log, paths) and not kept(gunicorn_log, paths)
    # The lines are there: nginx's with the first segment, gunicorn's as the site reads them.
    assert nginx_log.count('"GET /kk/[wrapped]" 301') == len(shapes) // 2
    assert '"GET /kk/unsubscribe/[token]/ HTTP/1.1" 301' in gunicorn_log
