"""Law 94-V art. 8: a consent record proves which words the person saw. Every page that takes a
consent posts the SHA-256 of the words it showed (`texts_shown`, the self-service page's
`shown_<purpose>`); a post without them, or with a value of no page's shape, was recorded against
the texts in force, words nobody had shown. Now it records nothing: the visitor gets the page
again, in its language, saying so, with the words to read and the box or button to press."""

import re
from urllib.parse import urlsplit

import pytest
from post_office.models import Email

from consent.core.ledger import consent_grant
from consent.core.models import LedgerEntry, Source, Subject, Submission
from consent.core.purposes import MARKETING, SERVICE
from consent.marketing.optin import optin_start
from tests.forms.held import link_in, withdrew_service
from tests.rights.test_selfservice import opened

NOT_NAMED = {
    "kk": "Жіберген формаңызда қай келісім мәтінін оқығаныңыз көрсетілмеген",
    "ru": "В\N{NO-BREAK SPACE}отправленной форме не указано, какой текст согласия вы прочитали",
}
PAGE_NOT_NAMED = {
    "kk": "Бетіңізден қай келісім мәтінін оқығаныңыз туралы мәлімет келмеді",
    "ru": "С\N{NO-BREAK SPACE}вашей страницы не пришли сведения о\N{NO-BREAK SPACE}том, "
    "какой текст согласия вы прочитали",
}
NEWS_NOT_SHOWN = {
    "kk": "Жазылымыңыз әлі расталған жоқ",
    "ru": "Подписка ещё не подтверждена",
}
HELD_NOT_SHOWN = {
    "kk": "Әзірге ештеңе сақталған жоқ",
    "ru": "Пока ничего не сохранено",
}
# What no page can truthfully say of a post that named no words (the message it once got).
WHILE_FILLING = ("толтырып жатқанда", "пока вы заполняли")
# Values no page of the site posts: empty, a purpose alone, no digest, a digest cut short, a
# made-up id, a purpose twice, and one far longer than any page's.
ZEROS = "0" * 64
MADE_UP = ["", "service", "service:1", "service:1:abc", f"service:x:{ZEROS}",
           f"service:1:{ZEROS},service:1:{ZEROS}", f"service:1:{ZEROS * 40}"]  # fmt: skip


def shown_on(html, name="texts_shown"):
    return re.search(rf'name="{name}" value="([^"]*)"', html)[1]


def stored():
    return Submission.objects.count(), LedgerEntry.objects.count(), Email.objects.count()


def data_of(kind, contact_data, application_data, **overrides):
    if kind == "newsletter":
        data = contact_data(**overrides)
        return {
            name: data[name] for name in ("token", "email", "consent_marketing") if name in data
        }
    return (application_data if kind == "apply" else contact_data)(**overrides)


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("kind", ["contact", "apply", "newsletter"])
def test_a_form_posted_without_the_words_shown_records_nothing_and_asks_again(
    client, texts, contact_data, application_data, kind, lang
):
    box = "consent_marketing" if kind == "newsletter" else "consent_service"
    data = data_of(kind, contact_data, application_data, texts_shown=None, consent_marketing="on")
    before = stored()
    answer = client.post(f"/{lang}/{kind}/", data)
    html = answer.content.decode()
    assert answer.status_code == 200 and f'<html lang="{lang}">' in html
    assert NOT_NAMED[lang] in html and not any(said in html for said in WHILE_FILLING)
    assert "checked" not in re.search(rf'<input[^>]*name="{box}"[^>]*>', html)[0]
    assert "consent-text" in html  # the words to read beside the box
    assert stored() == before
    # Ticked again on that page, which names its words, the form is taken.
    again = {**data, box: "on", "texts_shown": shown_on(html)}
    assert client.post(f"/{lang}/{kind}/", again).status_code == 302
    assert stored() != before


@pytest.mark.parametrize("value", MADE_UP)
def test_a_form_posted_with_made_up_words_shown_records_nothing(client, texts, contact_data, value):
    answer = client.post("/kk/contact/", contact_data(texts_shown=value))
    assert answer.status_code == 200 and NOT_NAMED["kk"] in answer.content.decode()
    assert not Submission.objects.exists() and not LedgerEntry.objects.exists()


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_self_service_give_without_the_words_beside_it_records_nothing(
    client, texts, make_subject, lang
):
    person = make_subject(full_name="Әсел Қасымова", email="asel@example.kz")
    consent_grant(person, texts[SERVICE], language="kk", source=Source.CONTACT_FORM)
    page = opened(client, person, lang).get(f"/{lang}/my-data/").content.decode()
    for posted in ({}, {f"shown_{MARKETING}": "x"}):
        answer = client.post(f"/{lang}/my-data/consent/", {"give": MARKETING, **posted},
                             follow=True)  # fmt: skip
        assert PAGE_NOT_NAMED[lang] in answer.content.decode()
        assert not person.ledgerentry_set.filter(purpose=MARKETING).exists()
    shown = {f"shown_{MARKETING}": shown_on(page, f"shown_{MARKETING}")}
    client.post(f"/{lang}/my-data/consent/", {"give": MARKETING, **shown})
    assert person.ledgerentry_set.get(purpose=MARKETING).kind == "grant"


def news_link(lang):
    (mail,) = Email.objects.filter(message__contains="/newsletter/confirm/")
    (url,) = re.findall(r"https?://\S+/newsletter/confirm/\S+/", mail.message)
    return f"/{lang}/" + urlsplit(url).path.split("/", 2)[2]


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_news_link_pressed_without_the_words_shown_records_nothing(client, texts, lang):
    optin_start("news@example.kz", "Дана", "kk", text=texts[MARKETING])
    path = news_link(lang)
    for posted in ({}, {"texts_shown": "marketing:1"}):
        answer = client.post(path, posted)
        html = answer.content.decode()
        assert answer.status_code == 200 and NEWS_NOT_SHOWN[lang] in html
        assert 'name="texts_shown"' in html and "consent-text" in html  # the words, the button
        assert not Subject.objects.exists() and not LedgerEntry.objects.exists()
    # The page in the other language showed other words: its press records nothing here.
    other = "ru" if lang == "kk" else "kk"
    elsewhere = shown_on(client.get(f"/{other}/" + path.split("/", 2)[2]).content.decode())
    assert NEWS_NOT_SHOWN[lang] in client.post(path, {"texts_shown": elsewhere}).content.decode()
    assert not LedgerEntry.objects.exists()
    page = client.get(path).content.decode()
    assert client.post(path, {"texts_shown": shown_on(page)}).status_code == 200
    grant = LedgerEntry.objects.get(purpose=MARKETING)
    assert (grant.kind, grant.language) == ("grant", lang)


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_held_consent_link_pressed_without_the_words_shown_records_nothing(
    client, texts, make_subject, contact_data, lang
):
    asel = withdrew_service(texts, make_subject, language=lang)
    assert client.post(f"/{lang}/contact/", contact_data(email=asel.email)).status_code == 302
    path = link_in(Email.objects.get(to=[asel.email]))
    grants = LedgerEntry.objects.filter(subject=asel, purpose=SERVICE, kind="grant")
    before = grants.count()
    for posted in ({}, {"texts_shown": f"service:1:{ZEROS}"}):
        answer = client.post(path, posted)
        html = answer.content.decode()
        assert answer.status_code == 200 and HELD_NOT_SHOWN[lang] in html
        assert 'name="texts_shown"' in html and "consent-text" in html
        assert grants.count() == before
    page = client.get(path).content.decode()
    assert client.post(path, {"texts_shown": shown_on(page)}).status_code == 200
    assert grants.count() == before + 1
    assert grants.latest("id").source == Source.FORM_CONFIRMED
