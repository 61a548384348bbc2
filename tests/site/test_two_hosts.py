"""Issue 19, item 7: a rehearsal of the site on two app hosts.

Two gunicorn "hosts" (their own ports and MEDIA_ROOTs) behind the documented nginx, sharing one
PostgreSQL and one Redis. 300 visitors' form posts arrive at once, spread over both hosts, each
visitor from an address of their own (loopback has a whole /8; nginx passes it on in
X-Forwarded-For, believed from the trusted proxy only); two mail senders then deliver the
outbox. Every post is stored once, every acknowledgement arrives once, no answer is a 5xx, and
the rate limit counts each visitor across both hosts.
"""

import http.client
import json
import random
import re
import ssl
import urllib.parse
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

import pytest

from tests.core.test_senders import senders
from tests.live import (
    NGINX,
    gunicorn,
    live_database,
    nginx,
    query,
    redis_cache,
    smtp_relay,
    words_shown,
)

pytestmark = [
    pytest.mark.live,
    pytest.mark.django_db,
    pytest.mark.requires_tool(NGINX, apt="nginx-light"),
]
VISITORS, POSTS_EACH = 100, 3  # 300 posts; the limit allows each visitor exactly that many


def visit(https_port, cert, source, method, path, body=None, headers=None):
    """One HTTPS request to nginx from the loopback address `source`: (status, headers, body)."""
    context = ssl.create_default_context(cafile=str(cert))
    conn = http.client.HTTPSConnection("127.0.0.1", https_port, timeout=60, context=context,
                                       source_address=(source, 0))  # fmt: skip
    try:
        conn.request(method, path, body=body, headers={"Host": "127.0.0.1", **(headers or {})})
        response = conn.getresponse()
        return response.status, response.headers, response.read()
    finally:
        conn.close()


def open_form(https_port, cert, source):
    status, headers, body = visit(https_port, cert, source, "GET", "/kk/contact/")
    assert status == 200, status
    cookies = "; ".join(c.split(";")[0] for c in headers.get_all("Set-Cookie") or [])
    html = body.decode()
    csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    token = re.search(r'name="token" value="([^"]+)"', html).group(1)
    return source, cookies, csrf, token, words_shown(html)


def send_form(https_port, cert, form, email):
    source, cookies, csrf, token, shown = form
    body = urllib.parse.urlencode({"csrfmiddlewaretoken": csrf, "token": token,
                                   "texts_shown": shown, "full_name": "Әсел Қасымова",
                                   "email": email, "phone": "8 701 123 45 67", "message": "Сәлем",
                                   "consent_service": "on"})  # fmt: skip
    headers = {"Content-Type": "application/x-www-form-urlencoded", "Cookie": cookies,
               "Referer": "https://127.0.0.1/kk/contact/"}  # fmt: skip
    return visit(https_port, cert, source, "POST", "/kk/contact/", body, headers)[0]


def posts_served(output):
    """How many contact posts a gunicorn host answered, from all it wrote (one JSON line per
    request)."""
    lines = (json.loads(line) for line in output.splitlines() if line.startswith("{"))
    return sum(1 for line in lines
               if line.get("method") == "POST" and line.get("path") == "/kk/contact/")  # fmt: skip


def test_two_hosts_behind_one_proxy(django_db_blocker, tmp_path):
    net = random.randrange(2, 250)  # the visitors: 127.<net>.0.1 …
    visitors = [f"127.{net}.0.{i + 1}" for i in range(VISITORS)]
    env = {"FORM_MIN_FILL_SECONDS": "0", "FORM_RATE_LIMIT": f"{POSTS_EACH}/86400",
           "TRUSTED_PROXIES": "127.0.0.1"}  # fmt: skip
    with (
        smtp_relay() as (inbox, smtp_port),
        django_db_blocker.unblock(),
        live_database() as url,
        redis_cache(7) as cache,  # the rate counts both hosts share, and only they
        gunicorn(url, tmp_path / "a", workers=2, **env, **cache) as (port_a, host_a),
        gunicorn(url, tmp_path / "b", workers=2, **env, **cache) as (port_b, host_b),
        nginx([port_a, port_b], tmp_path / "nginx") as (https, cert, _log),
        ThreadPoolExecutor(max_workers=30) as pool,
    ):
        forms = list(pool.map(lambda i: open_form(https, cert, visitors[i % VISITORS]),
                              range(VISITORS * POSTS_EACH)))  # fmt: skip
        statuses = list(pool.map(lambda i: send_form(https, cert, forms[i], f"v{i}@example.kz"),
                                 range(len(forms))))  # fmt: skip
        assert Counter(statuses) == {302: 300}  # stored, none refused, no 5xx

        # The fourth post of one visitor is refused, whichever host it reaches: the count
        # is the visitor's, in the shared Redis. Someone new is let through.
        assert send_form(https, cert, open_form(https, cert, visitors[7]), "x@example.kz") == 429
        newcomer = open_form(https, cert, f"127.{net}.1.1")
        assert send_form(https, cert, newcomer, "new@example.kz") == 302

        assert query(url, "SELECT count(*) FROM consent_submission") == [(301,)]
        # Both hosts took posts (nginx's round robin), into one database and one outbox.
        # Counted once they have stopped: a worker logs a request after answering it, so
        # the last line may not be written yet when the answer arrives.
        posts = [posts_served(host.stop()) for host in (host_a, host_b)]
        assert sum(posts) == 302 and min(posts) > 50, posts
        senders(url, smtp_port, tmp_path, n=2)  # two senders at once, as two hosts run them
        assert query(url, "SELECT count(*) FROM post_office_email WHERE status <> 0") == [(0,)]
    acks = Counter(m["To"] for m in inbox.messages if m["To"].startswith("v"))
    assert sorted(acks) == sorted(f"v{i}@example.kz" for i in range(300))
    assert set(acks.values()) == {1}  # each acknowledgement once
    assert set(Counter(m["Message-ID"] for m in inbox.messages).values()) == {1}
