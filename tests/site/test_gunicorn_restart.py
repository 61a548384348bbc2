"""`systemctl restart emalu` while a visitor's form is being posted (README, Deploying, step 9):
systemd sends gunicorn's master SIGTERM, which lets each worker finish the request it serves,
for up to `graceful_timeout`. A post being sent as the restart comes is stored and answered; one
still waiting for a worker is dropped unread, which nginx answers with the site's «try again»
page (docs/deploy/nginx.conf), nothing of it stored."""

import os
import signal
import socket
import time
import urllib.parse
from pathlib import Path

import pytest

from tests.live import gunicorn, live_database, query, redis_cache
from tests.live.servers import FAST, form_session

pytestmark = [pytest.mark.live, pytest.mark.django_db]


def contact_post(port, email):
    """The contact form's post, as a browser sends it, in bytes: (head, body)."""
    (cookies, csrf, token), shown = (session := form_session(port, "/kk/contact/")), session.shown
    body = urllib.parse.urlencode({
        "csrfmiddlewaretoken": csrf, "token": token, "texts_shown": shown,
        "full_name": "Әсел Қасымова", "email": email, "phone": "8 701 123 45 67",
        "message": "Сәлем", "consent_service": "on",
    }).encode()  # fmt: skip
    head = (f"POST /kk/contact/ HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nCookie: {cookies}\r\n"
            "Content-Type: application/x-www-form-urlencoded\r\nConnection: close\r\n"
            f"Content-Length: {len(body)}\r\n\r\n").encode()  # fmt: skip
    return head, body


def accept_queue(port):
    """How many connections to `port` wait for a worker to accept them: the kernel's count for
    the listening socket (/proc/net/tcp, the rx_queue of a LISTEN row)."""
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        fields = line.split()
        if fields[1].endswith(f":{port:04X}") and fields[3] == "0A":
            return int(fields[4].split(":")[1], 16)
    raise AssertionError(f"no socket listens on {port}")


def until(condition):
    """Wait for `condition()`, which the processes beside the test make true (no time limit: a
    test that never gets there is stopped by the run's own)."""
    while not condition():
        time.sleep(0.01)


def answer(sock):
    try:
        return sock.recv(65536).split(b"\r\n", 1)[0]
    except ConnectionResetError:
        return b"reset"


def test_a_restart_finishes_the_post_being_sent_and_drops_the_one_waiting(
    django_db_blocker, tmp_path
):
    with (
        django_db_blocker.unblock(),
        live_database() as url,
        redis_cache(9) as cache,
        gunicorn(url, tmp_path, workers=1, **FAST, **cache) as (port, proc),
    ):
        (head, body), (queued_head, queued_body) = (
            contact_post(port, "sending@example.kz"),
            contact_post(port, "waiting@example.kz"),
        )
        sending = socket.create_connection(("127.0.0.1", port), timeout=60)
        sending.sendall(head + body[:20])  # the worker takes it, and reads the rest as it comes
        until(lambda: accept_queue(port) == 0)
        waiting = socket.create_connection(("127.0.0.1", port), timeout=60)
        waiting.sendall(queued_head + queued_body)  # behind it, for the one worker
        until(lambda: accept_queue(port) == 1)
        os.kill(proc.pid, signal.SIGTERM)  # systemctl restart's stop
        until(lambda: any("Handling signal: term" in line for line in proc.lines))
        time.sleep(0.5)  # the master's SIGTERM to the worker, on its way as the master says so
        sending.sendall(body[20:])
        assert answer(sending) == b"HTTP/1.1 302 Found"
        assert answer(waiting) in (b"reset", b"")
        emails = query(url, "SELECT data->>'email' FROM consent_submission")
        assert emails == [("sending@example.kz",)]
        assert proc.wait(timeout=60) == 0
