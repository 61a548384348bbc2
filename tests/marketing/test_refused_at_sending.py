"""A hard bounce the mail server gives while it takes the mail (its reply to RCPT TO, «550 5.1.1
User unknown») rather than in a report later: the campaign mail was requeued and tried again
every ten minutes for a day, and every later campaign went to the address again, as if the
server had been down."""

import pytest
from post_office.models import STATUS, Email

from consent.core.delivery import send_queued
from consent.marketing.campaigns import campaign_send
from consent.marketing.models import Campaign, CampaignRecipient
from tests.live import smtp_relay
from tests.marketing.test_campaigns import confirmed


class Refusing:
    """A mail server that refuses one address with `reply`, and takes the rest."""

    def __init__(self, address, reply):
        self.address, self.reply, self.received = address, reply, []

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address == self.address:
            return self.reply
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.received += envelope.rcpt_tos
        return "250 OK"


def campaign(title):
    return Campaign.objects.create(title=title, subject_line_kk=title, body_kk="Мәтін")


def send_through(settings, server):
    """Send the outbox through the outbox's sender and Django's SMTP backend to `server` (an
    aiosmtpd handler) on loopback: (sent, failed), as send_queued counts them."""
    with smtp_relay(server) as (_, port):
        smtp = {"BACKEND": "django.core.mail.backends.smtp.EmailBackend",
                "OPTIONS": {"host": "127.0.0.1", "port": port, "timeout": 20}}  # fmt: skip
        settings.MAILERS = {**settings.MAILERS, "default": smtp}
        return send_queued()


@pytest.fixture
def subscribers(texts):
    return confirmed("gone@example.kz"), confirmed("here@example.kz")


def test_an_address_refused_for_good_is_not_tried_again_nor_sent_the_next_campaign(
    subscribers, settings
):
    campaign_send(campaign("November"))
    server = Refusing("gone@example.kz", "550 5.1.1 <gone@example.kz>: User unknown")
    send_through(settings, server)

    refused = Email.objects.get(to=["gone@example.kz"])
    assert refused.status == STATUS.failed  # not requeued for a day of retries
    assert server.received == ["here@example.kz"]
    row = CampaignRecipient.objects.get(subject__email="gone@example.kz")
    assert row.returned_as == "bounce"
    assert campaign_send(campaign("December")) == 1
    assert not Email.objects.filter(to=["gone@example.kz"], subject="December").exists()


@pytest.mark.parametrize(
    "reply", ["450 4.2.0 <gone@example.kz>: try again later",
              "552 5.2.2 <gone@example.kz>: mailbox full",
              "554 5.7.1 <gone@example.kz>: rejected by policy"],
)  # fmt: skip
def test_a_refusal_that_says_nothing_against_the_address_is_tried_again(
    subscribers, settings, reply
):
    campaign_send(campaign("November"))
    send_through(settings, Refusing("gone@example.kz", reply))

    assert Email.objects.get(to=["gone@example.kz"]).status == STATUS.requeued
    assert campaign_send(campaign("December")) == 2
