"""Issue 6: requests by email, read from a real IMAP server (Debian's Dovecot) over TLS."""

import imaplib
import ssl

import pytest
from django.core.management import call_command

from consent import intake
from consent.models import Request

from .live import dovecot
from .test_requests import message, person  # noqa: F401  (fixture)

pytestmark = [
    pytest.mark.live,
    pytest.mark.requires_tool("dovecot", apt="dovecot-imapd"),
    pytest.mark.requires_tool("openssl"),
]
USER, PASSWORD = "requests", "imap-test-pw"


@pytest.fixture(scope="module")
def imap_server():
    """One Dovecot for the module (it takes a second to stop); each test empties the inbox."""
    with dovecot(USER, PASSWORD) as (port, cert):
        yield port, cert


@pytest.fixture
def mailbox(imap_server, settings, monkeypatch):
    port, cert = imap_server
    monkeypatch.setenv("SSL_CERT_FILE", str(cert))  # trust the test certificate
    settings.IMAP_URL = f"imaps://{USER}:{PASSWORD}@127.0.0.1:{port}/INBOX"
    client = imaplib.IMAP4_SSL("127.0.0.1", port, ssl_context=ssl.create_default_context())
    client.login(USER, PASSWORD)
    if int(client.select("INBOX")[1][0]):  # what an earlier test left
        client.store("1:*", "+FLAGS", r"\Deleted")
        client.expunge()
    yield client
    client.logout()


def deliver(client, raw):
    client.append("INBOX", None, None, raw)


def unseen(client):
    client.select("INBOX")
    return len(client.search(None, "UNSEEN")[1][0].split())


def test_fetch_opens_requests_and_marks_them_seen(mailbox, person):  # noqa: F811
    deliver(mailbox, message("Обновление персональных данных", message_id="<a@x>"))
    deliver(mailbox, message("Жаңа өнімдер мен қызметтер және арнайы ұсыныстар туралы "
                             "хабарламалардан бас тарту", message_id="<b@x>"))  # fmt: skip
    deliver(mailbox, message("Сұрақ", message_id="<c@x>"))
    call_command("fetch_request_mail")
    assert sorted(Request.objects.values_list("type", "language")) == [
        ("correct", "ru"), ("other", "kk"), ("unsubscribe", "kk")]  # fmt: skip
    assert unseen(mailbox) == 0


def test_a_duplicate_message_makes_no_second_request(mailbox, person):  # noqa: F811
    raw = message("Жеке деректерді жаңарту", message_id="<dup@x>")
    deliver(mailbox, raw)
    deliver(mailbox, raw)
    call_command("fetch_request_mail")
    deliver(mailbox, raw)
    call_command("fetch_request_mail")
    assert Request.objects.count() == 1 and unseen(mailbox) == 0


def test_malformed_message_is_reported_and_the_rest_processed(mailbox, person):  # noqa: F811
    deliver(mailbox, b"Subject: =?utf-8?B?!!!?=\r\n\r\n\xff\xfe no sender at all")
    deliver(mailbox, message("Отзыв согласия на обработку персональных данных", message_id="<w@x>"))
    call_command("fetch_request_mail")
    assert list(Request.objects.values_list("type", flat=True)) == ["withdraw"]
    assert unseen(mailbox) == 0


def test_a_crash_mid_batch_loses_nothing(mailbox, person, monkeypatch):  # noqa: F811
    for i in range(4):
        deliver(mailbox, message("Жеке деректерді жаңарту", message_id=f"<crash{i}@x>"))
    real_ingest, calls = intake.ingest, []

    def crash_on_third(raw):
        calls.append(raw)
        if len(calls) == 3:
            raise RuntimeError("power cut")
        return real_ingest(raw)

    with monkeypatch.context() as patch, pytest.raises(RuntimeError):
        patch.setattr("consent.management.commands.fetch_request_mail.ingest", crash_on_third)
        call_command("fetch_request_mail")
    assert Request.objects.count() == 2 and unseen(mailbox) == 2
    call_command("fetch_request_mail")
    assert Request.objects.count() == 4 and unseen(mailbox) == 0
