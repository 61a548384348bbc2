"""A campaign is queued to every subscriber at once and delivered batch by batch, over minutes,
or over a day while the mail server is down. The gate decides at the moment of sending
(compliance L12, L15): whoever unsubscribes, withdraws or is blocked meanwhile gets nothing
more, though the campaign was queued to them."""

from django.core import mail
from django.test import Client
from post_office.models import STATUS, Email

from consent.core.delivery import send_queued
from consent.core.ledger import subject_block
from consent.core.models import Source
from consent.marketing.campaigns import campaign_send
from consent.marketing.models import Campaign
from tests.marketing.test_campaigns import confirmed, unsubscribe_path


def november():
    return Campaign.objects.create(
        title="November", subject_line_kk="Жаңалықтар", body_kk="Қараша жаңалықтары",
        subject_line_ru="Новости", body_ru="Новости ноября",
    )  # fmt: skip


def delivered_to():
    return sorted(address for message in mail.outbox for address in message.to)


def test_an_unsubscribe_stops_the_campaign_still_queued(texts):
    stays = confirmed("stays@example.kz")
    leaves = confirmed("leaves@example.kz", "ru")
    campaign = november()
    assert campaign_send(campaign) == 2
    # The person unsubscribes (the link of an earlier mail) before the sender reaches them.
    assert Client().post(unsubscribe_path(leaves, campaign, "ru")).status_code == 303
    mail.outbox.clear()  # the answer to the unsubscribe is not what this is about

    send_queued()

    assert delivered_to() == [stays.email]
    assert not Email.objects.filter(to=[leaves.email], subject="Новости").exists()
    assert Email.objects.get(to=[stays.email], subject="Жаңалықтар").status == STATUS.sent


def test_a_person_blocked_after_the_campaign_was_queued_gets_none_of_it(texts):
    stays = confirmed("stays@example.kz")
    blocked = confirmed("blocked@example.kz")
    assert campaign_send(november()) == 2
    subject_block(blocked, reason="request R-1", source=Source.ADMIN)

    send_queued()

    assert delivered_to() == [stays.email]


def test_a_mail_withheld_unsent_is_not_reported_as_sent(texts):
    """Dana unsubscribes while the November campaign is still in the outbox; its mail to her is
    withheld. Her access export listed the campaign as queued to her, nothing more, as if it had
    gone out after she left; the campaign's record of recipients said the same. Both now say it
    was not sent, and when it was withheld."""
    import json

    from consent.marketing.models import CampaignRecipient
    from consent.rights.export import export_json

    stays = confirmed("stays@example.kz")
    leaves = confirmed("leaves@example.kz", "ru")
    campaign = november()
    campaign_send(campaign)
    assert Client().post(unsubscribe_path(leaves, campaign, "ru")).status_code == 303

    send_queued()

    withheld = CampaignRecipient.objects.get(subject=leaves).withheld_at
    assert withheld is not None
    assert CampaignRecipient.objects.get(subject=stays).withheld_at is None
    entry = json.loads(export_json(leaves, "ru"))["campaigns"]
    assert [row["email_subject"] for row in entry] == ["Новости"]
    assert entry[0]["withheld_at"] is not None
    assert json.loads(export_json(stays, "kk"))["campaigns"][0]["withheld_at"] is None
