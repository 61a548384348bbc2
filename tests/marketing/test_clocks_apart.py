"""Two hosts whose clocks differ by less than the check allows (each within HOST_CLOCK_TOLERANCE,
a minute, of the database server's: README, Adding a host, step 4). A person unsubscribes
through host A, whose clock runs 50 s ahead, and host B, on time, delivers the outbox a second
later. The gate took a person's latest ledger row among those dated up to its own clock's now,
so for those 50 s host B did not see the withdrawal A had dated in its future: it sent the
campaign mail queued before to the person who had just been told «you are unsubscribed», and
its «My data» page showed the consent as given. So too a consent text published through host A:
host B's forms kept the text before, and the page it rendered went into the shared page cache
for five minutes, the one every host served."""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone
from post_office.models import STATUS, Email

from consent.common import clock
from consent.core import gate
from consent.core.models import ConsentText, LedgerEntry
from consent.core.purposes import MARKETING
from consent.core.texts import text_publish
from consent.marketing.campaigns import campaign_send
from consent.marketing.models import Campaign, CampaignRecipient
from tests.marketing.test_campaigns import confirmed, unsubscribe_path
from tests.marketing.test_refused_at_sending import send_through

pytestmark = [pytest.mark.django_db, pytest.mark.real_clock]
AHEAD = timedelta(seconds=50)  # host A's clock, within the minute the hosts may be apart


class Taking:
    """A mail server that takes every mail."""

    def __init__(self):
        self.received = []

    async def handle_DATA(self, server, session, envelope):
        self.received += envelope.rcpt_tos
        return "250 OK"


@pytest.fixture
def clocks(settings, time_machine, monkeypatch):
    """Move this process between host A's clock (`clocks.a()`) and host B's (`clocks.b()`)."""
    settings.HOST_CLOCK_TOLERANCE = timedelta(minutes=1)  # production's, which tests turn off
    monkeypatch.setattr(clock, "_lately", None)  # compared anew, and forgotten after the test
    now = timezone.now()

    class Clocks:
        def a(self):
            time_machine.move_to(now + AHEAD, tick=False)

        def b(self, after=timedelta(seconds=1)):
            time_machine.move_to(now + after, tick=False)

    return Clocks()


def test_an_unsubscribe_on_a_host_ahead_stops_the_mail_a_host_on_time_sends(
    texts, clocks, settings
):
    stays, leaves = confirmed("stays@example.kz"), confirmed("leaves@example.kz")
    campaign = Campaign.objects.create(title="December", subject_line_kk="Желтоқсан",
                                       body_kk="Жаңалықтар")  # fmt: skip
    assert campaign_send(campaign) == 2

    clocks.a()
    response = Client().post(unsubscribe_path(leaves, campaign), "List-Unsubscribe=One-Click",
                             content_type="application/x-www-form-urlencoded")  # fmt: skip
    assert response.status_code == 200
    clocks.b()
    assert not gate.may_process(leaves, MARKETING)
    server = Taking()
    send_through(settings, server)

    assert server.received == [stays.email]
    assert not Email.objects.filter(to=[leaves.email], status=STATUS.sent).exists()
    assert CampaignRecipient.objects.get(subject=leaves).withheld_at is not None


def test_a_consent_given_on_a_host_ahead_stands_on_a_host_on_time(texts, clocks):
    clocks.a()
    person = confirmed("new@example.kz")
    clocks.b()
    assert gate.may_process(person, MARKETING)
    assert gate.consents_standing(person) == [MARKETING]


def test_a_moment_past_is_still_answered_as_it_was(texts, clocks):
    """Asked about a moment further back than the clocks may be apart, the gate answers as the
    ledger stood then: a consent recorded later is not counted."""
    clocks.b()
    before = timezone.now()
    clocks.b(after=timedelta(minutes=5))
    person = confirmed("later@example.kz")
    assert gate.may_process(person, MARKETING)
    assert not gate.may_process(person, MARKETING, at=before)


def test_a_text_published_on_a_host_ahead_is_the_one_every_host_shows_and_counts(
    texts, clocks, policy
):
    """The officer publishes the news' version 2, asking for consent again, through host A; a
    visitor opens the newsletter form on host B a second later."""
    stays = confirmed("subscribed@example.kz")
    clocks.a()
    v2 = text_publish(ConsentText.objects.create(purpose=MARKETING, version=2, policy=policy,
                                                 requires_reconsent=True))  # fmt: skip
    clocks.b()
    page = Client().get("/kk/newsletter/").content.decode()
    assert f'name="texts_shown" value="{MARKETING}:{v2.pk}:' in page
    assert not gate.may_process(stays, MARKETING)  # version 1's consent no longer counts
    assert not LedgerEntry.objects.filter(text=texts[MARKETING]).exclude(subject=stays).exists()
