"""Dan sent March's news while the policy's first version was in force; its mails' footers tell
readers to write «…хабарламалардан бас тарту» to unsubscribe. The next week version 2 gave
another phrase. The sent campaign's page, the record of what went out, then showed its mail with
version 2's phrase, which no reader got (and its test copy the same): it shows the mail as sent,
with the way out of the policy in force when «send» was pressed. A draft's shows today's."""

import pytest
from post_office.models import Email

from consent.core import routes
from consent.marketing.campaigns import queue_sending
from consent.marketing.models import Campaign
from tests.marketing.test_campaigns import confirmed
from tests.marketing.test_marketer_desk import CHANGELIST, WRITTEN, send
from tests.rights.test_phrase_table import publish_version_two


def phrases(version, language):
    return routes.phrase(routes.UNSUBSCRIBE, language, version)


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_a_sent_campaigns_page_shows_the_footer_its_readers_got(
    texts, settings, marketer_client, language
):
    reader = confirmed(f"{language}@example.kz", language)
    campaign = Campaign.objects.create(**WRITTEN)
    send(marketer_client, campaign)
    queue_sending()
    publish_version_two(settings)
    (mail,) = Email.objects.filter(to=[reader.email])
    sent, now = phrases(1, language), phrases(2, language)
    assert sent != now and f"«{sent}»" in mail.message

    page = marketer_client.get(f"{CHANGELIST}{campaign.pk}/change/").content.decode()
    shown = page.split(f"field-preview_{language}", 1)[1].split("field-", 1)[0]
    framed = marketer_client.get(f"{CHANGELIST}{campaign.pk}/mail/{language}/").content.decode()
    for html in (shown, framed):
        assert sent in html and now not in html

    draft = Campaign.objects.create(**WRITTEN)
    framed = marketer_client.get(f"{CHANGELIST}{draft.pk}/mail/{language}/").content.decode()
    assert now in framed and sent not in framed


def test_a_sent_campaigns_test_copy_is_the_mail_as_sent(texts, settings, marketer_client):
    confirmed("kk@example.kz")
    campaign = Campaign.objects.create(**WRITTEN)
    send(marketer_client, campaign)
    queue_sending()
    publish_version_two(settings)
    marketer_client.post(CHANGELIST, {"action": "send_test", "_selected_action": [campaign.pk]})
    copies = sorted(Email.objects.filter(to=["dan@example.kz"]).values_list("message", flat=True))
    assert len(copies) == 2
    for language in ("kk", "ru"):
        assert [t for t in copies if f"«{phrases(1, language)}»" in t]
        assert not [t for t in copies if phrases(2, language) in t]
