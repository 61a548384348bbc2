"""Asel reads Russian; a campaign was queued to her in Russian, and before the sender reached it
she chose Kazakh on her page, which told her «our letters will come in the language you
chose». The mail still arrived in Russian, its link to a Russian page: the sender asked again
whether it may go and to which address, never in which language she reads now."""

from email import message_from_bytes, policy

import pytest
from django.test import Client

from consent.core.models import LedgerEntry
from consent.marketing.campaigns import campaign_send
from consent.marketing.models import Campaign, CampaignRecipient
from tests.live.mail import Inbox
from tests.marketing.test_campaigns import confirmed
from tests.marketing.test_refused_at_sending import send_through
from tests.rights.test_selfservice import opened

WRITTEN = {"title": "November", "subject_line_kk": "Қараша жаңалықтары",
           "body_kk": "Қарашадағы жаңа курстар", "subject_line_ru": "Новости ноября",
           "body_ru": "Новые курсы ноября"}  # fmt: skip
# What each language's mail says: its subject line, its text and its footer.
SAYS = {
    "kk": ("Қараша жаңалықтары", "Қарашадағы жаңа курстар", "жазылымнан бас тарту"),
    "ru": ("Новости ноября", "Новые курсы ноября", "Отписаться в\xa0один клик"),
}


def arrived(settings):
    """The outbox sent through the sender and Django's SMTP backend to a mail server on
    loopback: each mail as it arrived, read as a mail program reads it."""
    inbox = Inbox()
    send_through(settings, inbox)
    return [message_from_bytes(m.as_bytes(), policy=policy.default) for m in inbox.messages]


@pytest.mark.parametrize("before,chosen", [("ru", "kk"), ("kk", "ru")])
def test_the_mail_goes_in_the_language_she_chose_while_it_waited(texts, settings, before, chosen):
    asel = confirmed("asel@example.kz", before)
    campaign_send(Campaign.objects.create(**WRITTEN))
    page = opened(Client(), asel, before)
    page.post(f"/{before}/my-data/language/", {"language": chosen})

    (news,) = [m for m in arrived(settings) if "List-Unsubscribe" in m]

    text = news.get_body(("plain",)).get_content()
    html = news.get_body(("html",)).get_content()
    subject_line, words, footer = SAYS[chosen]
    assert news["Subject"] == subject_line
    assert words in text and words in html and footer in text
    assert not any(word in text + html for word in SAYS[before])
    link = str(news["List-Unsubscribe"]).strip().split(">")[0].removeprefix("<")
    assert f"/{chosen}/unsubscribe/" in link and link in text
    assert CampaignRecipient.objects.get(subject=asel).language == chosen

    # Her link in it unsubscribes her, as her mail program's one-click does.
    path = link.split("://", 1)[1].split("/", 1)[1]
    assert Client().post(f"/{path}", {"List-Unsubscribe": "One-Click"}).status_code == 200
    assert LedgerEntry.objects.filter(subject=asel).latest("id").kind == "withdraw"
