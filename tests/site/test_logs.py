"""Logs an operator can search, and errors mailed without personal data (issue 19 item 5)."""

import io
import json
import logging
from contextlib import contextmanager
from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.test import Client
from django.utils import timezone

pytestmark = pytest.mark.django_db


@contextmanager
def console():
    """The JSON lines the site writes while the block runs."""
    handler = next(h for h in logging.getLogger().handlers if h.name == "console")
    out = io.StringIO()
    previous = handler.setStream(out)
    lines = []
    try:
        yield lines
    finally:
        handler.setStream(previous)
        lines += [json.loads(line) for line in out.getvalue().splitlines()]


def test_one_json_line_per_request_without_query_or_address(client):
    with console() as lines:
        response = client.get("/kk/about/?email=aigerim@example.kz", REMOTE_ADDR="203.0.113.7")
    [line] = [x for x in lines if x["logger"] == "emalu.request"]
    assert (line["method"], line["path"]) == ("GET", "/kk/about/")
    assert line["status"] == response.status_code
    assert isinstance(line["duration_ms"], float) and line["level"] == "INFO"
    assert line["time"].endswith("+00:00")
    assert line["request_id"] == response["X-Request-ID"]
    text = json.dumps(lines)
    assert "aigerim" not in text and "203.0.113.7" not in text


def test_every_line_of_a_request_carries_its_id(client, contact_data, texts):
    with console() as lines:
        response = client.post("/kk/contact/", contact_data(website="spam"))  # the honeypot
    ids = {x["request_id"] for x in lines}
    assert {x["logger"] for x in lines} == {"emalu.request", "emalu.security"}, lines
    assert ids == {response["X-Request-ID"]}


@pytest.mark.parametrize(
    "peer,sent,kept",
    [
        ("127.0.0.1", "0f3c9a7e5b2d4c1a8e6f0b9d7c5a3e1f", True),  # nginx's $request_id
        ("203.0.113.7", "0f3c9a7e5b2d4c1a8e6f0b9d7c5a3e1f", False),  # a visitor's choice
        ("127.0.0.1", "short", False),
        ("127.0.0.1", "has space in it 1234", False),
        ("127.0.0.1", "x" * 65, False),
    ],
)
def test_the_request_id_of_a_trusted_proxy_is_kept(client, settings, peer, sent, kept):
    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    response = client.get("/healthz", REMOTE_ADDR=peer, HTTP_X_REQUEST_ID=sent)
    assert (response["X-Request-ID"] == sent) == kept
    assert len(response["X-Request-ID"]) >= 8


def test_a_500_during_a_form_post_mails_admins_without_personal_data(
    settings, contact_data, texts, monkeypatch
):
    settings.ADMINS = ["ops@example.kz"]

    def broken(request, kind, form, source, language):
        data = form.cleaned_data
        raise ValueError(f"cannot store {data['email']} {data['phone']} {data['full_name']}")

    monkeypatch.setattr("forms_app.views._store", broken)
    client = Client(raise_request_exception=False)
    client.get("/kk/contact/")  # a session and the CSRF cookie, as a browser has
    with console() as lines:
        response = client.post("/kk/contact/?ref=asel@example.kz", contact_data())
    assert response.status_code == 500
    [message] = mail.outbox
    assert message.to == ["ops@example.kz"]
    text = message.subject + message.body + "".join(str(a) for a in message.alternatives)
    assert "ValueError" in text and "/kk/contact/" in text
    assert "full_name" in text  # the names of the fields, not what was typed
    assert response["X-Request-ID"] in text  # to find the full lines in the host's log
    for typed in ["Әсел", "Қасымова", "asel@example.kz", "701 123 45 67", "Сәлеметсіз"]:
        assert typed not in text, typed
    for cookie in client.cookies.values():
        assert cookie.value not in text
    [logged] = [x for x in lines if x["logger"] == "django.request"]
    assert logged["request_id"] == response["X-Request-ID"]
    assert logged["level"] == "ERROR"  # a fault, unlike a refusal (test_refusal_logs.py)
    assert "ValueError" in logged["exception"]  # the host's own log has the traceback,
    assert "asel@example.kz" not in logged["exception"]  # with what patterns can tell scrubbed
    assert "+77011234567" not in logged["exception"]


def test_a_fault_is_mailed_once_however_often_it_happens(
    settings, contact_data, texts, monkeypatch
):
    """A bug on a busy form, or one somebody sets off on purpose, mailed ADMINS at every
    occurrence, each an SMTP session inside a visitor's request. Once per fault in ten minutes
    now, on every host (the shared cache); the log has every occurrence."""
    settings.ADMINS = ["ops@example.kz"]

    def broken(request, kind, form, source, language):
        raise ValueError("a bug")

    def other(request, kind, form, source, language):
        raise KeyError("another bug")

    client = Client(raise_request_exception=False)
    client.get("/kk/contact/")
    monkeypatch.setattr("forms_app.views._store", broken)
    with console() as lines:
        for _ in range(3):
            assert client.post("/kk/contact/", contact_data()).status_code == 500
    assert ["ValueError" in m.body for m in mail.outbox] == [True]
    assert sum("ValueError" in x.get("exception", "") for x in lines) == 3
    monkeypatch.setattr("forms_app.views._store", other)
    assert client.post("/kk/contact/", contact_data()).status_code == 500
    assert len(mail.outbox) == 2 and "KeyError" in mail.outbox[1].body
    with time_machine.travel(timezone.now() + timedelta(minutes=11)):
        monkeypatch.setattr("forms_app.views._store", broken)
        assert client.post("/kk/contact/", contact_data()).status_code == 500
    assert len(mail.outbox) == 3


def test_a_503_is_not_mailed(client, settings, monkeypatch):
    """/healthz polled during an outage, or a page while the database is away, is no bug."""
    from emalu import health

    settings.ADMINS = ["ops@example.kz"]
    monkeypatch.setattr(health, "shared_cache", lambda: {"status": "unavailable"})
    assert client.get("/healthz").status_code == 503
    assert mail.outbox == []


def a_form_that_fails(monkeypatch):
    """A visitor's client on the contact form, whose storing a bug breaks: each post a 500."""

    def broken(request, kind, form, source, language):
        raise ValueError("a bug")

    monkeypatch.setattr("forms_app.views._store", broken)
    client = Client(raise_request_exception=False)
    client.get("/kk/contact/")
    return client


def test_a_500_is_still_answered_when_the_mail_relay_is_down(
    settings, contact_data, texts, monkeypatch
):
    """The error mail goes through the relay of EMAIL_URL at once: with the relay down, the
    visitor still gets the error page (gunicorn dropped the connection, nginx answered 502) and
    the host's log has the error."""
    from emalu import settings as production
    from tests.live import free_port

    closed = free_port()
    settings.ADMINS = ["ops@example.kz"]
    settings.MAILERS = {
        alias: {**mailer, "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
                "OPTIONS": {**mailer["OPTIONS"], "host": "127.0.0.1", "port": closed}}
        for alias, mailer in production.MAILERS.items()
    }  # fmt: skip

    client = a_form_that_fails(monkeypatch)
    with console() as lines:
        response = client.post("/kk/contact/", contact_data())
    assert response.status_code == 500 and '<html lang="kk">' in response.content.decode()
    assert any("ValueError" in x.get("exception", "") for x in lines)


def relay_at(settings, port):
    """Every mailer of the production settings through the relay at `port` on loopback."""
    from emalu import settings as production

    settings.MAILERS = {
        alias: {**mailer, "OPTIONS": {**mailer["OPTIONS"], "host": "127.0.0.1", "port": port}}
        for alias, mailer in production.MAILERS.items()
    }


def test_a_report_the_relay_does_not_take_is_said_so_and_mailed_at_the_next_fault(
    settings, contact_data, texts, monkeypatch
):
    """With the relay down, the report of a 500 was dropped in silence (fail_silently): the
    journal had the traceback and nothing said ADMINS never got it, and the same fault was not
    tried again for ten minutes, as if mailed. One ERROR line names the relay and why now, and
    the fault occurring a minute on, the relay back, reaches ADMINS."""
    from tests.live import Inbox, free_port, smtp_relay

    port = free_port()
    relay_at(settings, port)
    settings.ADMINS = ["ops@example.kz"]

    client = a_form_that_fails(monkeypatch)
    with console() as lines:
        response = client.post("/kk/contact/", contact_data())
    assert response.status_code == 500 and '<html lang="kk">' in response.content.decode()
    [said] = [x for x in lines if x["logger"] == "emalu.logs.admins"]
    assert said["level"] == "ERROR" and said["request_id"] == response["X-Request-ID"]
    assert said["message"] == (
        "the report of this error to ADMINS was not mailed: ConnectionRefusedError: the relay "
        f"at 127.0.0.1:{port}: Connection refused"
    )
    with smtp_relay(Inbox(), port=port) as (inbox, _port), console() as lines:
        assert client.post("/kk/contact/", contact_data()).status_code == 500
        assert inbox.messages == []  # tried again a minute on, not at each occurrence
        with time_machine.travel(timezone.now() + timedelta(minutes=2)):
            assert client.post("/kk/contact/", contact_data()).status_code == 500
    assert [m["To"] for m in inbox.messages] == ["ops@example.kz"]
    assert "ValueError" in inbox.messages[0].get_payload(decode=True).decode()
    assert not [x for x in lines if x["logger"] == "emalu.logs.admins"]


def test_a_pdf_made_for_a_person_writes_nothing_to_the_log(make_subject):
    """The access export (and the evidence file) embed a subset of the font: the library that
    makes it says nothing in the site's log about it, not even the glyphs of a name."""
    from consent.rights.readable import export_pdf

    person = make_subject(full_name="Әсел Қасымова")
    with console() as lines:
        assert export_pdf(person, "kk").startswith(b"%PDF")
    assert lines == []


def test_a_long_run_in_an_error_is_scrubbed_at_once():
    """What an error quotes (a value typed, a path) is searched for addresses: a run of 20,000
    characters without one took a second, more in its square (100,000: 25 s); a million, at
    once."""
    from emalu.logline import scrub
    from tests.growth import grows_linearly

    def scrubbed(n):
        return scrub("x" * n + " asel@example.kz")

    assert grows_linearly(scrubbed, 1_000_000) == "x" * 1_000_000 + " [email]"
