"""The newsletter's confirmation link pressed again later (from the mail, a bookmark): once used
it says the subscription is confirmed at any age, never «older than seven days»; after an
unsubscribe it says the link no longer subscribes, never «already confirmed»."""

import re
from datetime import timedelta
from urllib.parse import urlsplit

import pytest
from django.utils import timezone, translation
from django.utils.html import escape
from post_office.models import Email

from consent.core import gate
from consent.core.models import LedgerEntry, Source, Subject
from consent.core.purposes import MARKETING
from consent.core.texts import render_consent, sha256
from consent.marketing.optin import optin_start
from tests.site.language import as_written
from tests.texts import SHOWN

ADDRESS = "news.later@example.kz"


def confirm_path():
    (mail,) = Email.objects.filter(to=[ADDRESS])
    (url,) = re.findall(r"https?://\S+/newsletter/confirm/\S+/", mail.message)
    return urlsplit(url).path


def said(lang, text):
    with translation.override(lang):
        return translation.gettext(text)


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_used_link_says_confirmed_at_any_age(client, texts, time_machine, lang):
    time_machine.move_to(timezone.now(), tick=False)
    optin_start(ADDRESS, "", lang)
    path = confirm_path()
    time_machine.shift(timedelta(days=6))
    assert client.post(path, SHOWN).status_code == 200
    for days in (2, 60):
        time_machine.shift(timedelta(days=days))
        for response in (client.get(path), client.post(path, SHOWN)):
            assert response.status_code == 200
            assert said(lang, "Your subscription was already confirmed.") in response.text
    person = Subject.objects.get(email=ADDRESS)
    assert LedgerEntry.objects.filter(subject=person, purpose=MARKETING).count() == 1


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_after_an_unsubscribe_the_link_never_says_confirmed(client, texts, lang):
    from consent.core.ledger import consent_withdraw

    optin_start(ADDRESS, "", lang)
    path = confirm_path()
    assert client.post(path, SHOWN).status_code == 200
    person = Subject.objects.get(email=ADDRESS)
    consent_withdraw(person, MARKETING, source=Source.UNSUBSCRIBE)
    response = client.post(path, SHOWN)
    assert said(lang, "Your subscription was already confirmed.") not in response.text
    assert said(lang, "You unsubscribed after this link was sent, so it no longer subscribes "
                      "you. Subscribe again to get a new one.") in response.text  # fmt: skip
    assert not gate.may_process(person, MARKETING)


def test_an_unused_link_after_seven_days_still_does_not_work(client, texts, time_machine):
    time_machine.move_to(timezone.now(), tick=False)
    optin_start(ADDRESS, "", "kk")
    path = confirm_path()
    time_machine.shift(timedelta(days=7, seconds=1))
    assert client.post(path, SHOWN).status_code == 400
    assert client.get(path).status_code == 400
    assert not Subject.objects.filter(email=ADDRESS).exists()


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_used_link_opened_again_within_its_days_says_confirmed(client, texts, lang):
    """Opened again from the mail the next day, it offered the button to confirm once more, as
    if nothing had been recorded; the other links of the site say what was done."""
    optin_start(ADDRESS, "", lang)
    path = confirm_path()
    assert client.post(path, SHOWN).status_code == 200
    response = client.get(path)
    assert said(lang, "Your subscription was already confirmed.") in response.text
    assert 'method="post"' not in response.text.split("<main", 1)[1]


def newsletter_link(response, lang):
    main = response.text.split("<main", 1)[1]
    return f'<a href="/{lang}/newsletter/">{said(lang, "Subscribe again")}</a>' in main


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_every_page_that_says_subscribe_again_links_the_form(client, texts, time_machine, lang):
    """The link after an unsubscribe, past its days or damaged, and the page every unsubscribe
    ends on, said «subscribe again» and showed no way to: the form was one footer link among
    six, which a reader on a phone scrolls past. And the link opened after an unsubscribe,
    within its seven days, offered «Confirm my subscription», whose press then said it no
    longer subscribes: it says so at once, as it does when blocked or confirmed already."""
    from consent.core.ledger import consent_withdraw

    time_machine.move_to(timezone.now(), tick=False)
    optin_start(ADDRESS, "", lang)
    path = confirm_path()
    client.post(path, SHOWN)
    consent_withdraw(Subject.objects.get(email=ADDRESS), MARKETING, source=Source.UNSUBSCRIBE)
    response = client.get(path)  # unsubscribed since: said before any press, with no button
    assert said(lang, "You unsubscribed after this link was sent, so it no longer subscribes "
                      "you. Subscribe again to get a new one.") in response.text  # fmt: skip
    assert 'method="post"' not in response.text.split("<main", 1)[1]
    assert newsletter_link(response, lang)
    assert newsletter_link(client.get(f"/{lang}/newsletter/confirm/damaged/"), lang)
    time_machine.shift(timedelta(days=8))
    optin_start("other@example.kz", "", lang)
    (mail,) = Email.objects.filter(to=["other@example.kz"])
    (url,) = re.findall(r"https?://\S+/newsletter/confirm/\S+/", mail.message)
    time_machine.shift(timedelta(days=8))
    assert newsletter_link(client.get(urlsplit(url).path), lang)  # past its seven days
    assert newsletter_link(client.get(f"/{lang}/unsubscribe/done/"), lang)


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_used_link_pressed_after_the_persons_data_was_destroyed_makes_nobody(client, texts,
                                                                               lang):  # fmt: skip
    """Asel subscribed, then had all her data destroyed. Opened again from the old mail, the
    link asked her to confirm, and the press made her anew, with a consent given before the
    destruction: nothing on record said the link was used. It says so now and makes nobody;
    a new subscription still works."""
    from consent.rights.erasure import subject_destroy

    optin_start(ADDRESS, "", lang)
    path = confirm_path()
    client.post(path, SHOWN)
    subject_destroy(Subject.objects.get(email=ADDRESS), request_ref="R-1")
    spent = said(lang, "This link has been used already and does not subscribe you again. "
                       "Subscribe again to get a new one.")  # fmt: skip
    for response in (client.get(path), client.post(path, SHOWN)):
        assert spent in response.text and newsletter_link(response, lang)
        assert 'method="post"' not in response.text.split("<main", 1)[1]
    assert not Subject.objects.filter(email=ADDRESS).exists()
    Email.objects.all().delete()
    optin_start(ADDRESS, "", lang)
    client.post(confirm_path(), SHOWN)
    assert gate.may_process(Subject.objects.get(email=ADDRESS), MARKETING)


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_used_link_spelt_otherwise_after_the_persons_data_was_destroyed_makes_nobody(
    client, texts, lang
):
    """The same story, the link pressed again in another spelling: with «=» or a dot added, a
    character of the link changed to one outside its alphabet, or the link twice over. The
    encryption's reading skipped what it did not know and read the link itself, while the
    record of a used link knows it by its text: the press made Asel anew, subscribed with the
    consent she gave before her data was destroyed. A link is read in the one spelling the site
    wrote, any other is damaged."""
    from consent.rights.erasure import subject_destroy

    optin_start(ADDRESS, "", lang)
    path = confirm_path()
    client.post(path, SHOWN)
    subject_destroy(Subject.objects.get(email=ADDRESS), request_ref="R-1")
    head, token = path.rstrip("/").rsplit("/", 1)
    for spelt in (f"{token}=", f"{token}.", f"{token}%20", f"{token}{token}",
                  f"{token[:20]}*{token[20:]}", f"{token[:20]}%0A{token[20:]}"):  # fmt: skip
        opened = client.get(f"{head}/{spelt}/", follow=True)
        for response in (opened, client.post(f"{head}/{spelt}/", SHOWN)):
            # Opened with what stood after it when pasted (a dot, a space) it is sent to the link
            # as the site wrote it (emalu/pasted.py), which says it was used; else damaged.
            assert response.status_code == 400 or response.redirect_chain, spelt
            assert 'method="post"' not in response.text.split("<main", 1)[1], spelt
    assert not Subject.objects.filter(email=ADDRESS).exists()


@pytest.mark.parametrize("mailed,opened", [("kk", "ru"), ("ru", "kk")])
def test_the_link_shows_the_words_it_records_in_the_language_of_its_page(
    client, texts, mailed, opened
):
    """The page showed no text, and its press recorded the words in the language of the mail:
    opened in the other language (its header's switch; an application sent in one language
    mails the owner of the address in theirs), the person agreed to words they never read."""
    optin_start(ADDRESS, "Әсел Қасымова", mailed)
    path = confirm_path().replace(f"/{mailed}/", f"/{opened}/", 1)
    words = render_consent(texts[MARKETING], opened, "Әсел Қасымова")
    page = as_written(client.get(path).text)
    assert all(escape(line) in page for line in words.splitlines() if line.strip())
    assert client.post(path, SHOWN).status_code == 200
    entry = LedgerEntry.objects.get(purpose=MARKETING)
    assert entry.language == opened and entry.text_sha256 == sha256(words)
