"""Dan reads a campaign's preview and presses «send»; meanwhile Aigerim saves a change to the
text in her own tab. It went out as she left it, which Dan never read: «send» was an action on
the list, which shows no text, and sent whatever the campaign held when pressed. «Send» is now
on the campaign's page, beside the preview, and sends only what that page showed: changed since,
nothing goes out and Dan is told what changed, with the new preview before him."""

import re

import pytest
from django.test import Client
from post_office.models import Email

from consent.core import routes
from consent.core.models import AuditEvent
from consent.marketing.campaigns import queue_sending
from consent.marketing.models import Campaign
from tests.marketing.test_campaigns import confirmed, mailto_subject_line
from tests.marketing.test_marketer_desk import CHANGELIST, WRITTEN, act, digest_shown, send
from tests.rights.test_phrase_table import publish_version_two
from tests.staff import staff_member, verified_login

# Each field the mail is made of, as the marketer reads its name in each language.
NAMED = {
    "subject_line_kk": {"kk": "Хат тақырыбы (қазақ тілінде)", "ru": "Тема письма (на казахском)"},
    "body_kk": {"kk": "Мәтін (қазақ тілінде)", "ru": "Текст (на казахском)"},
    "subject_line_ru": {"kk": "Хат тақырыбы (орыс тілінде)", "ru": "Тема письма (на русском)"},
    "body_ru": {"kk": "Мәтін (орыс тілінде)", "ru": "Текст (на русском)"},
}
NOT_SENT = {"kk": "жіберілмеді", "ru": "не отправлена"}


@pytest.fixture
def campaign(db):
    confirmed("kk@example.kz")
    confirmed("ru@example.kz", "ru")
    return Campaign.objects.create(**WRITTEN)


def page(client, campaign):
    return client.get(f"{CHANGELIST}{campaign.pk}/change/").content.decode()


def test_sent_as_shown_it_starts_and_goes_to_each_person_once(texts, marketer_client, campaign):
    html = page(marketer_client, campaign)
    form = re.search(r'<form method="post" action="([^"]+)" id="campaign-send">(.*?)</form>',
                     html, re.S)  # fmt: skip
    assert form[1] == f"{CHANGELIST}{campaign.pk}/send/"
    assert 'name="csrfmiddlewaretoken"' in form[2] and 'name="digest"' in form[2]
    # Below the preview it sends.
    assert html.index("field-preview_ru") < html.index('id="campaign-send"')

    [(level, text)] = send(marketer_client, campaign)

    assert level == "info" and "жіберу басталды (қазіргі алушылар саны: 2)" in text
    assert AuditEvent.objects.filter(action="campaign_start").count() == 1
    queue_sending()
    assert sorted(e.subject for e in Email.objects.all()) == ["Жаңалықтар", "Новости"]
    # Being sent, its page offers no «send» any more.
    assert 'id="campaign-send"' not in page(marketer_client, campaign)


@pytest.mark.parametrize("language", ["kk", "ru"])
@pytest.mark.parametrize("field", Campaign.MAIL_FIELDS)
def test_changed_after_the_page_was_read_nothing_is_sent(
    texts, marketer_client, campaign, field, language
):
    marketer_client.cookies["django_language"] = language
    read = digest_shown(marketer_client, campaign)
    # A colleague saves a change in her own tab.
    colleague = verified_login(Client(), staff_member("aigerim", "marketer"))
    changed = {**WRITTEN, field: f"{WRITTEN[field]} (өзгертілді)"}
    saved = colleague.post(f"{CHANGELIST}{campaign.pk}/change/", changed)
    assert saved.status_code == 302

    response = marketer_client.post(f"{CHANGELIST}{campaign.pk}/send/", {"digest": read},
                                    follow=True)  # fmt: skip

    [message] = response.context["messages"]
    text = str(message)
    assert message.level_tag == "error" and NOT_SENT[language] in text and "November" in text
    assert NAMED[field][language] in text
    assert not any(NAMED[other][language] in text for other in NAMED if other != field)
    campaign.refresh_from_db()
    assert campaign.status == "draft" and not AuditEvent.objects.filter(action="campaign_start")
    queue_sending()
    assert not Email.objects.exists()
    # The page again, with the new preview and what it now shows: sent from it, it goes.
    shown = response.content.decode()
    assert "(өзгертілді)" in shown.split("field-preview_kk", 1)[1]
    [(level, _text)] = send(marketer_client, campaign)
    assert level == "info"
    queue_sending()
    assert Email.objects.count() == 2


def test_a_change_of_the_internal_title_alone_does_not_stop_it(texts, marketer_client, campaign):
    """The title is no part of the mail: what the reader gets is what was previewed."""
    read = digest_shown(marketer_client, campaign)
    Campaign.objects.filter(pk=campaign.pk).update(title="November, final")
    [(level, _text)] = send(marketer_client, campaign, read)
    assert level == "info"


@pytest.mark.parametrize("digest", ["", "x", "00.00.00.00", "a" * 5000])
def test_a_post_without_what_was_shown_sends_nothing(texts, marketer_client, campaign, digest):
    [(level, text)] = send(marketer_client, campaign, digest)
    assert level == "error" and "жіберілмеді" in text
    campaign.refresh_from_db()
    assert campaign.status == "draft"


def test_pressed_twice_it_is_sent_once(texts, marketer_client, campaign):
    read = digest_shown(marketer_client, campaign)
    [(first, _)] = send(marketer_client, campaign, read)
    [(second, text)] = send(marketer_client, campaign, read)
    assert (first, second) == ("info", "warning") and "жіберілуде" in text
    queue_sending()
    assert Email.objects.count() == 2
    assert AuditEvent.objects.filter(action="campaign_start").count() == 1


def test_a_campaign_sent_before_is_said_to_be_sent(texts, marketer_client, campaign):
    read = digest_shown(marketer_client, campaign)
    send(marketer_client, campaign, read)
    queue_sending()
    marketer_client.cookies["django_language"] = "ru"
    [(level, text)] = send(marketer_client, campaign, read)
    assert level == "warning" and "уже отправлена" in text and "получателей: 2" in text
    assert Email.objects.count() == 2


@pytest.mark.parametrize("role", ["content_editor", "privacy_officer"])
def test_a_role_that_may_not_change_campaigns_may_not_send(texts, client, campaign, role):
    verified_login(client, staff_member(role, role))
    digest = ".".join(["0"] * 4)
    response = client.post(f"{CHANGELIST}{campaign.pk}/send/", {"digest": digest})
    assert response.status_code == 403
    campaign.refresh_from_db()
    assert campaign.status == "draft" and not Email.objects.exists()


def test_a_get_sends_nothing(texts, marketer_client, campaign):
    response = marketer_client.get(f"{CHANGELIST}{campaign.pk}/send/")
    assert response.status_code == 405 and response["Allow"] == "POST"
    campaign.refresh_from_db()
    assert campaign.status == "draft"


def test_an_unknown_campaign_is_not_found(texts, marketer_client):
    assert marketer_client.post(f"{CHANGELIST}987654/send/", {"digest": ""}).status_code == 404


def test_the_list_sends_nothing(texts, marketer_client, campaign):
    """The list's bulk «send» is gone: campaigns were sent from it unread."""
    listing = marketer_client.get(CHANGELIST).content.decode()
    assert 'value="send"' not in listing and 'value="send_test"' in listing
    act(marketer_client, "send", campaign)
    campaign.refresh_from_db()
    assert campaign.status == "draft"


# What the site puts around the text, as the marketer reads its name, and what changes it
# between the preview and «send» without anyone touching the campaign.
AROUND = {
    "sender": {"kk": "Жіберушінің мекенжайы", "ru": "Адрес отправителя"},
    "mail_kk": {"kk": "Мәтіннің айналасындағы қазақша хат", "ru": "Оформление письма на казахском"},
    "mail_ru": {"kk": "Мәтіннің айналасындағы орысша хат", "ru": "Оформление письма на русском"},
}


def a_new_sender(settings):
    """A release that writes from another address."""
    settings.DEFAULT_FROM_EMAIL = "news@emalu.kz"


def a_new_policy(settings):
    """The content editor publishes the policy's version 2, whose way out (the footer's phrase,
    the List-Unsubscribe mail's subject) is worded anew in both languages."""
    publish_version_two(settings)


@pytest.mark.parametrize("language", ["kk", "ru"])
@pytest.mark.parametrize(
    "change,named", [(a_new_sender, ["sender"]), (a_new_policy, ["mail_kk", "mail_ru"])]
)
def test_what_is_sent_around_the_text_changed_after_the_page_was_read_nothing_is_sent(
    texts, settings, marketer_client, campaign, change, named, language
):
    marketer_client.cookies["django_language"] = language
    read = digest_shown(marketer_client, campaign)
    change(settings)

    [(level, text)] = send(marketer_client, campaign, read)

    assert level == "error" and NOT_SENT[language] in text
    assert all(AROUND[part][language] in text for part in named)
    assert not any(NAMED[field][language] in text for field in NAMED)
    campaign.refresh_from_db()
    assert campaign.status == "draft"
    queue_sending()
    assert not Email.objects.exists()
    [(level, _text)] = send(marketer_client, campaign)  # from the page read anew, it goes
    assert level == "info"


def test_a_policy_published_after_send_was_pressed_leaves_the_mail_as_previewed(
    texts, settings, marketer_client, campaign
):
    """«Send» only starts the campaign; the sending job queues its mails minutes later. A policy
    published in between changed the footer and the List-Unsubscribe header of mails the
    digest had held to the preview: they keep the way out the page showed."""
    shown = marketer_client.get(f"{CHANGELIST}{campaign.pk}/mail/kk/").content.decode()
    [(level, _text)] = send(marketer_client, campaign)
    assert level == "info"
    a_new_policy(settings)
    queue_sending()
    sent = Email.objects.get(to=["kk@example.kz"])
    assert mailto_subject_line(sent) == routes.phrase(routes.UNSUBSCRIBE, "kk", 1)
    assert routes.phrase(routes.UNSUBSCRIBE, "kk", 1) in shown
    assert routes.phrase(routes.UNSUBSCRIBE, "kk", 2) not in sent.html_message


def test_a_test_send_names_the_campaign_in_quotes(texts, marketer_client, campaign):
    """The marketer presses «Отправить тестовое письмо на мой адрес» with the desk in Russian.
    The message read «November: тестовые письма поставлены в очередь на dan@…»: the title
    bare, as if it began the sentence, and the mails queued «на» an address. It names the
    campaign as every other message of its page does, and the address as an address."""
    marketer_client.cookies["django_language"] = "ru"
    [(level, text)] = act(marketer_client, "send_test", campaign)
    email = Email.objects.filter(subject__startswith="[Тест]").get().to[0]
    assert level == "info"
    assert text == f"Рассылка «November»: тестовые письма поставлены в\xa0очередь на адрес {email}."
