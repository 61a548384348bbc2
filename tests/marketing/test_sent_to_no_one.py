"""Dan wrote the first campaign before anyone had subscribed and pressed «send»: it was marked
sent, «all queued: 0», and could never be sent again, to the people who subscribed the next
day (a campaign is sent once). «Send» with no one to receive it now sends nothing and says
why, in his language; the campaign waits unsent, and goes once someone would get it."""

import pytest

from consent.marketing.campaigns import queue_sending
from consent.marketing.models import Campaign
from tests.marketing.test_campaigns import confirmed
from tests.marketing.test_marketer_desk import WRITTEN, send

SAID = {"kk": "оны қазір ешкім алмайды", "ru": "сейчас её никто не получит"}


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_a_campaign_no_one_would_receive_stays_a_draft(texts, marketer_client, language):
    marketer_client.cookies["django_language"] = language
    campaign = Campaign.objects.create(**WRITTEN)
    [(level, text)] = send(marketer_client, campaign)
    assert level == "error" and SAID[language] in text
    campaign.refresh_from_db()
    assert campaign.status == "draft" and campaign.sent_at is None

    confirmed("first@example.kz")
    send(marketer_client, campaign)
    assert queue_sending() == 1
    campaign.refresh_from_db()
    assert campaign.status == "sent" and campaign.recipient_count == 1
