"""A hard bounce is about an address, not a person. Asel's November mail came back from her
old work mailbox, closed when she left; she had the desk correct her address, and her page
still said her consent to the news was given. No campaign reached her again, at the new
address or any, and the marketer's count left her out: the bounce stopped the person for good,
until a new double opt-in nobody told her she needed."""

import re

import pytest
from django.core import mail

from consent.core.delivery import send_queued
from consent.core.models import Subject
from consent.marketing.campaigns import campaign_send
from consent.marketing.models import Campaign
from consent.rights.intake import ingest
from tests.marketing.test_campaigns import confirmed
from tests.marketing.test_returned_mail import campaign, report, sent_to
from tests.rights.conftest import address_corrected

REACH = "Қазір жететін адамдар саны"  # «people it would reach now», on a draft's page


@pytest.fixture
def november(texts):
    """Asel and Dana subscribed; the November campaign delivered to both: Asel's mail."""
    confirmed("asel@example.kz")
    confirmed("dana@example.kz", "ru")
    assert campaign_send(campaign("November")) == 2
    send_queued()
    return sent_to("asel@example.kz")


def news(title):
    """The campaign sent and delivered: the addresses its mails arrived at."""
    mail.outbox.clear()
    campaign_send(campaign(title))
    send_queued()
    return sorted(m.to[0] for m in campaign_mails())


def campaign_mails():
    return [m for m in mail.outbox if "List-Unsubscribe" in m.extra_headers]


def reach_shown(client):
    """The number a new draft's page says the campaign would reach now."""
    draft = Campaign.objects.create(title="Draft", subject_line_kk="Жаңалық", body_kk="Мәтін")
    page = client.get(f"/admin/marketing/campaign/{draft.pk}/change/").content.decode()
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page))
    return int(re.search(rf"{REACH}: (\d+)", text)[1])


def test_the_news_reach_the_corrected_address_after_the_old_one_bounced(november, marketer_client):
    ingest(report(november))  # «user unknown»: her old mailbox is closed
    assert news("December") == ["dana@example.kz"]

    address_corrected(Subject.objects.get(email="asel@example.kz"), "asel@home.kz")

    assert reach_shown(marketer_client) == 2
    assert news("January") == ["asel@home.kz", "dana@example.kz"]


def test_a_bounce_from_the_new_address_stops_it_again(november):
    ingest(report(november))
    address_corrected(Subject.objects.get(email="asel@example.kz"), "asel@home.kz")
    assert news("December") == ["asel@home.kz", "dana@example.kz"]

    (december,) = (m for m in campaign_mails() if m.to == ["asel@home.kz"])
    ingest(report(december.message()))

    assert news("January") == ["dana@example.kz"]


def test_a_bounce_from_an_address_still_held_stops_the_person(november, marketer_client):
    """Nothing else changed: the address that bounced is still the one on record."""
    ingest(report(november))

    assert reach_shown(marketer_client) == 1
    assert news("December") == ["dana@example.kz"]
