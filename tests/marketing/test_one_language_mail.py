"""Asel reads Russian; Dan wrote November's news in Kazakh only, so she gets it in Kazakh, as
the campaign's rule says: the whole mail. Its footer said so in Kazakh, yet its unsubscribe link
(in the text, the HTML and List-Unsubscribe) went to a Russian page, and the List-Unsubscribe
mailto's subject, which her mail program writes for her, was the Russian phrase beside a footer
telling her to write the Kazakh one. The marketer's Russian preview showed the Russian link too."""

from urllib.parse import unquote

import pytest
from django.test import Client

from consent.core.models import LedgerEntry
from consent.core.routes import UNSUBSCRIBE
from consent.core.texts import route_phrase
from consent.marketing.campaigns import campaign_send
from consent.marketing.models import Campaign
from tests.marketing.test_campaigns import confirmed
from tests.marketing.test_language_changed_while_queued import arrived
from tests.marketing.test_marketer_desk import CHANGELIST
from tests.rights.test_selfservice import opened

KAZAKH_ONLY = {"title": "November", "subject_line_kk": "Қараша жаңалықтары",
               "body_kk": "Қарашадағы жаңа курстар"}  # fmt: skip


def ways_out(news):
    """The link and the mailto subject of the mail's List-Unsubscribe, its texts."""
    link, mailto = (part.strip().strip("<>") for part in str(news["List-Unsubscribe"]).split(","))
    text = news.get_body(("plain",)).get_content()
    html = news.get_body(("html",)).get_content()
    return link, unquote(mailto.split("subject=", 1)[1]), text, html


def assert_kazakh_throughout(news):
    link, subject, text, html = ways_out(news)
    phrase = route_phrase(UNSUBSCRIBE, "kk")
    assert "/kk/unsubscribe/" in link and link in text and link in html
    assert "/ru/" not in text + html
    assert subject == phrase and f"«{phrase}»" in text
    return link


@pytest.mark.parametrize("changed_to", [None, "ru"])
def test_a_kazakh_only_mail_is_kazakh_to_its_way_out(texts, settings, changed_to):
    """Queued to a Russian reader, or to a Kazakh one who chose Russian while it waited (the
    sender writes it again in her language then): either way a Kazakh mail, link and mailto
    too; and the link still unsubscribes her."""
    asel = confirmed("asel@example.kz", "kk" if changed_to else "ru")
    campaign_send(Campaign.objects.create(**KAZAKH_ONLY))
    if changed_to:
        opened(Client(), asel, "kk").post("/kk/my-data/language/", {"language": changed_to})

    (news,) = [m for m in arrived(settings) if "List-Unsubscribe" in m]

    assert news["Subject"] == KAZAKH_ONLY["subject_line_kk"]
    link = assert_kazakh_throughout(news)
    path = link.split("://", 1)[1].split("/", 1)[1]
    assert Client().post(f"/{path}", {"List-Unsubscribe": "One-Click"}).status_code == 200
    assert LedgerEntry.objects.filter(subject=asel).latest("id").kind == "withdraw"


def test_the_russian_preview_of_a_kazakh_only_campaign_links_as_the_mail(texts, marketer_client):
    campaign = Campaign.objects.create(**KAZAKH_ONLY)
    page = marketer_client.get(f"{CHANGELIST}{campaign.pk}/change/").content.decode()
    russian = page.split("field-preview_ru", 1)[1]
    assert "/kk/unsubscribe/preview/" in russian and "/ru/unsubscribe/" not in russian
    framed = marketer_client.get(f"{CHANGELIST}{campaign.pk}/mail/ru/").content.decode()
    assert "/kk/unsubscribe/preview/" in framed and "/ru/unsubscribe/" not in framed
