"""A campaign's History says that it was sent: by whom, when (local time, Asia/Almaty), and to
how many. It listed only the edits made in its form, so a sent campaign's History read as if no
one had ever sent it."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.utils import formats, timezone, translation

from consent.marketing.campaigns import campaign_start, queue_campaign
from consent.marketing.models import Campaign
from tests.marketing.test_campaigns import confirmed
from tests.marketing.test_marketer_desk import CHANGELIST, WRITTEN, send

SENT = {"kk": ("Тарату жіберілді (алушылар саны: {n})", "Жіберу басталды"),
        "ru": ("Рассылка отправлена (получателей: {n})", "Отправка начата")}  # fmt: skip


ALMATY = ZoneInfo("Asia/Almaty")


def shown_at(moment, lang):
    """A time as the admin writes it in `lang`: the local date and time in Almaty."""
    with translation.override(lang):
        return formats.date_format(timezone.localtime(moment, ALMATY), "DATETIME_FORMAT")


def history(client, campaign, lang):
    client.cookies["django_language"] = lang
    response = client.get(f"{CHANGELIST}{campaign.pk}/history/")
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize(("lang", "people"), [("kk", 1), ("ru", 2), ("ru", 5), ("kk", 21)])
def test_history_says_who_sent_it_when_and_to_how_many(texts, marketer_client, marketer,
                                                       lang, people):  # fmt: skip
    for n in range(people):
        confirmed(f"reader{n}@example.kz")
    campaign = Campaign.objects.create(**WRITTEN)
    marketer_client.cookies["django_language"] = lang
    send(marketer_client, campaign)
    queue_campaign(campaign.pk)  # the sending job
    campaign.refresh_from_db()

    page = history(marketer_client, campaign, lang)

    assert SENT[lang][0].format(n=people) in page
    assert marketer.get_username() in page
    assert shown_at(campaign.sent_at, lang) in page


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_history_says_a_campaign_is_being_sent(texts, marketer_client, lang):
    """Sending started, the job not finished yet: the History says so, not «sent»."""
    confirmed("reader@example.kz")
    campaign = Campaign.objects.create(**WRITTEN)
    campaign_start(campaign, actor=None)
    Campaign.objects.filter(pk=campaign.pk).update(
        sent_at=datetime(2026, 12, 31, 20, 30, tzinfo=ZoneInfo("UTC"))
    )
    page = history(marketer_client, campaign, lang)
    assert SENT[lang][1] in page and SENT[lang][0].format(n=1) not in page
    assert shown_at(datetime(2027, 1, 1, 1, 30, tzinfo=ALMATY), lang) in page  # 20:30 UTC
