"""Compliance T15: the relay's receipt of each mail («250 2.0.0 Ok: queued as …») is kept with
it and shown to the desk. Without it an officer could not prove to the person, or to the
regulator, that the answer to a request was handed to the relay, nor find it in the relay's log.

Real parts: the production settings' SMTP backend built from EMAIL_URL, the outbox's sender, an
aiosmtpd relay on loopback that answers with queue ids, and the served admin as an officer."""

import re

import environ
import pytest
from post_office.models import STATUS, Email, Log

from consent.core.delivery import send_queued
from consent.rights.answers import ticket_answer
from emalu.mailers import mailers
from tests.live import smtp_relay
from tests.staff import verified_login

from .conftest import confirm, mails_to, web_request


class Relay:
    """A relay that names each message it takes by a queue id of its own, as Postfix does."""

    def __init__(self):
        self.queued = {}

    async def handle_DATA(self, server, session, envelope):
        queue_id = f"4Xyz{len(self.queued) + 1:03d}"
        self.queued[queue_id] = envelope.rcpt_tos
        return f"250 2.0.0 Ok: queued as {queue_id}"


def send_through_relay(settings, relay):
    """Send the outbox as production does: MAILERS from EMAIL_URL (emalu/settings.py)."""
    with smtp_relay(relay) as (_, port):
        settings.MAILERS = mailers(environ.Env.email_url_config(f"smtp://127.0.0.1:{port}"))
        return send_queued()


@pytest.fixture
def answered(client, person, privacy_officer):
    """Asel asks a question through the form, confirms it from her mailbox, and the officer
    answers it: the statutory answer waits in the outbox."""
    assert web_request(client, "kk", "other").status_code == 302
    ticket = ticket_answer(confirm(client), answer="Деректеріңіз Қазақстанда сақталады.",
                           actor=privacy_officer)  # fmt: skip
    return ticket


def test_each_mail_keeps_the_relays_receipt_and_the_desk_shows_it(
    answered, person, settings, desk, officer
):
    relay = Relay()
    sent, failed = send_through_relay(settings, relay)
    assert failed == 0 and sent == len(relay.queued) >= 3  # the link, the receipt, the answer

    receipts = {}
    for mail in mails_to("asel@example.kz"):
        assert mail.status == STATUS.sent
        (log,) = Log.objects.filter(email=mail, status=STATUS.sent)
        receipts[mail.pk] = log.message
    # Each its own queue id (one connection for the batch: never the previous message's).
    queue_ids = {r.rpartition(" ")[2] for r in receipts.values()}
    assert queue_ids == {q for q, to in relay.queued.items() if to == ["asel@example.kz"]}
    assert all(r.startswith("250 2.0.0 Ok: queued as 4Xyz") for r in receipts.values())

    page = desk.get(f"/admin/consent/subject/{person.pk}/change/").content.decode()
    for receipt in receipts.values():  # in the officer's language
        assert re.search(rf"пошта серверіне тапсырылды \([\d.: ]+\): {receipt}<br>", page), page

    # The outbox, an administrator's: the mail's own page, its delivery log.
    answer = mails_to("asel@example.kz")[-1]
    administrator = verified_login(desk, officer)
    page = administrator.get(f"/admin/post_office/email/{answer.pk}/change/").content.decode()
    assert receipts[answer.pk] in page


def test_a_mail_the_relay_refuses_has_no_receipt(answered, settings):
    class Refusing(Relay):
        async def handle_DATA(self, server, session, envelope):
            return "451 4.3.0 try again later"

    assert send_through_relay(settings, Refusing()) == (0, Email.objects.count())
    assert not Log.objects.filter(status=STATUS.sent).exists()
    assert set(Email.objects.values_list("status", flat=True)) == {STATUS.requeued}


def test_the_destruction_confirmation_kept_nowhere_leaves_its_receipt_in_the_journal(
    client, person, settings, caplog, django_capture_on_commit_callbacks
):
    """The confirmation that someone's data is destroyed goes straight to the relay and is kept
    nowhere (not even its address): the journal's line, by request number, holds the relay's
    reply, by which the relay's own log finds it."""
    from consent.rights.answers import ticket_destroy

    assert web_request(client, "kk", "destroy").status_code == 302
    ticket = confirm(client)
    with (
        smtp_relay(Relay()) as (relay, port),
        caplog.at_level("INFO", "consent.core.mail"),
        django_capture_on_commit_callbacks(execute=True),
    ):
        settings.MAILERS = mailers(environ.Env.email_url_config(f"smtp://127.0.0.1:{port}"))
        ticket_destroy(ticket, actor=None)
    (queue_id,) = relay.queued
    lines = [r.getMessage() for r in caplog.records if r.name == "consent.core.mail"]
    assert lines == [f"destruction confirmation handed to the mail server: {ticket.reference}, "
                     f"250 2.0.0 Ok: queued as {queue_id}"]  # fmt: skip
    assert "asel" not in lines[0]


@pytest.mark.parametrize("echoed", ["for <{to}>", "to {TO}", "<{to}> ok"])
def test_a_receipt_naming_the_recipient_is_kept_without_the_address(answered, settings, echoed):
    """Some relays name the recipient in their receipt. The outbox kept it whole with the mail,
    and the journal's line for each mail sent (and for a destruction's confirmation, which is
    kept nowhere else) too, where a destruction does not reach: the queue id traces the mail."""

    class Echoing(Relay):
        async def handle_DATA(self, server, session, envelope):
            await super().handle_DATA(server, session, envelope)
            to = envelope.rcpt_tos[0]
            said = echoed.format(to=to, TO=to.upper())
            return f"250 2.0.0 Ok: queued as 4Xyz{len(self.queued):03d} {said}"

    sent, _failed = send_through_relay(settings, Echoing())
    receipts = list(Log.objects.filter(status=STATUS.sent).values_list("message", flat=True))
    assert len(receipts) == sent >= 3
    assert all(r.startswith("250 2.0.0 Ok: queued as 4Xyz") for r in receipts)
    assert [r for r in receipts if "@" in r or "<recipient>" not in r] == []
