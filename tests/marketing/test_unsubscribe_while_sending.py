"""An unsubscribe pressed while the sender is delivering a campaign's batch: the gate is asked
for each mail as it goes (compliance L15). It was asked once for the whole batch when the batch
was claimed, and a batch lasts as long as the mail server takes (a minute of a slow one): the
page said «you are unsubscribed» and the campaign's mail to that person went out after it."""

import threading

import pytest
from django.db import connections
from django.test import Client
from post_office.models import Email

from consent.core.delivery import send_queued
from consent.marketing.campaigns import campaign_send
from consent.marketing.models import Campaign, CampaignRecipient
from tests.live import smtp_relay
from tests.marketing.test_campaigns import confirmed, unsubscribe_path

pytestmark = pytest.mark.django_db


class UnsubscribesDuringTheBatch:
    """A mail server that takes every mail; while it takes the first, `path` is posted, as the
    reader's mail client posts a one-click unsubscribe (RFC 8058) at that moment."""

    def __init__(self, path):
        self.path, self.received, self.answers = path, [], []
        # The request is served on the test's database connection (its rows are in the test's
        # transaction), lent to the request's thread while the sender waits for the server's
        # reply, as Django's live server lends it: the sender's next query sees the withdrawal.
        self.connection = connections["default"]

    def _unsubscribe(self):
        connections["default"] = self.connection
        response = Client().post(self.path, "List-Unsubscribe=One-Click",
                                 content_type="application/x-www-form-urlencoded")  # fmt: skip
        self.answers.append(response.status_code)

    async def handle_DATA(self, server, session, envelope):
        if not self.received:  # not in the server's event loop: Django's ORM is synchronous
            worker = threading.Thread(target=self._unsubscribe)
            self.connection.inc_thread_sharing()
            try:
                worker.start()
                worker.join()
            finally:
                self.connection.dec_thread_sharing()
        self.received += envelope.rcpt_tos
        return "250 OK"


def test_an_unsubscribe_while_the_batch_is_sent_stops_the_mail_still_to_go(texts, settings):
    first = confirmed("first@example.kz")
    leaves = confirmed("leaves@example.kz", "ru")
    campaign = Campaign.objects.create(title="December", subject_line_kk="Желтоқсан",
                                       body_kk="Жаңалықтар", subject_line_ru="Декабрь",
                                       body_ru="Новости")  # fmt: skip
    assert campaign_send(campaign) == 2
    server = UnsubscribesDuringTheBatch(unsubscribe_path(leaves, campaign, "ru"))
    with smtp_relay(server) as (_, port):
        settings.MAILERS = {**settings.MAILERS, "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": port, "timeout": 20}}}  # fmt: skip
        send_queued(batch_size=10)  # both mails in one batch

    assert server.answers == [200]  # the mail client was told it is done
    assert server.received == [first.email]  # and nothing went to them after it
    assert not Email.objects.filter(to=[leaves.email]).exists()
    row = CampaignRecipient.objects.get(subject=leaves)
    assert row.withheld_at is not None  # the campaign's record says it was not sent
