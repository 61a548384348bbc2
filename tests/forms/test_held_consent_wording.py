"""What the page behind a held consent's link and the mail that carries it promise
(consent.core.held): a whole sentence per form, the answer promised only where it waited on the
confirmation, and a sentence's number agreeing with how many consents were held; and what the
newsletter's own confirm page says when its link changes nothing."""

import re
from urllib.parse import urlsplit

import pytest
from post_office.models import Email

from consent.core import gate
from consent.core.ledger import consent_grant, consent_withdraw
from consent.core.models import Held, Source, Subject, Submission
from consent.core.purposes import CROSS_BORDER, MARKETING, SERVICE
from tests.conftest import aged_token
from tests.texts import PROCESSOR, SHOWN

FORMS = {"contact": "contact_data", "apply": "application_data"}
# The answer the page promises, per form and language (kk: «хабарлама», «өтінім»; glossary).
ONCE_CONFIRMED = {
    ("contact", "kk"): "Келісімді растағаныңыздан кейін хабарламаңызға электрондық пошта арқылы",
    ("contact", "ru"): "Как только вы подтвердите согласие, мы ответим на ваше сообщение",
    ("apply", "kk"): "Келісімді растағаныңыздан кейін өтініміңізге электрондық пошта арқылы",
    ("apply", "ru"): "Как только вы подтвердите согласие, мы ответим на вашу заявку",
}
ANSWERED = {
    ("contact", "kk"): "Хабарламаңызға электрондық пошта арқылы жауап береміз.",
    ("contact", "ru"): "Мы ответим на ваше сообщение по электронной почте.",
    ("apply", "kk"): "Өтініміңізге электрондық пошта арқылы жауап береміз.",
    ("apply", "ru"): "Мы ответим на вашу заявку по электронной почте.",
}
# Any promise of an answer, in either language: the old page's «we will answer your form».
ANY_ANSWER = re.compile(r"жауап бер|ответим")
# One consent held is one purpose: «мына мақсаттарға», «для целей» (these purposes) named one.
GIVEN_AGAIN = {
    "kk": "Рақмет. Сіз мына мақсатқа келісіміңізді қайта бердіңіз: ",
    "ru": "Спасибо. Вы снова дали согласие для цели: ",
}
ASKED_ONE = {
    "kk": "Сіз мына мақсатқа берген келісіміңізді бұрын кері қайтарып алғансыз: ",
    "ru": "Ранее вы отозвали согласие для цели: ",
}
BOTH_HELD_MAIL = {
    "kk": ("келісімдерін кері қайтарып алған", "бұл келісімдерді қайта бергіңіз келсе, оларды"),
    "ru": ("ранее отозвал согласия для целей", "снова дать эти согласия, перейдите"),
}
BOTH_HELD_PAGE = {
    "kk": "мына мақсаттарға берген келісімдеріңізді бұрын кері қайтарып",
    "ru": "Ранее вы отозвали согласия для целей: ",
}


@pytest.fixture
def abroad(settings):
    settings.CROSS_BORDER_PROCESSORS = [PROCESSOR]  # so that the cross-border box is shown


def text(response):
    return " ".join(re.sub(r"<[^>]+>", " ", response.content.decode()).split())


def link(email):
    (mail,) = Email.objects.filter(to=[email])
    (url,) = re.findall(r"https?://\S+/consent/confirm/\S+/", mail.message)
    return mail, urlsplit(url).path


def person(make_subject, texts, lang, withdrawn):
    subject = make_subject(email="asel@example.kz", language=lang)
    for purpose in (SERVICE, CROSS_BORDER):
        consent_grant(subject, texts[purpose], language=lang, source=Source.CONTACT_FORM)
    for purpose in withdrawn:
        consent_withdraw(subject, purpose, source=Source.SELF_SERVICE)
    return subject


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("kind", FORMS)
def test_a_held_service_consent_promises_that_forms_own_answer(
    client, request, texts, make_subject, kind, lang
):
    """The page said «we will answer your form»: it names what is answered, in a sentence of
    its own per form, before and after the press."""
    person(make_subject, texts, lang, [SERVICE])
    data = request.getfixturevalue(FORMS[kind])()
    assert client.post(f"/{lang}/{kind}/", data).status_code == 302
    _, path = link("asel@example.kz")
    asked = text(client.get(path))
    assert ONCE_CONFIRMED[kind, lang] in asked
    assert ASKED_ONE[lang] in asked
    done = text(client.post(path, SHOWN))
    assert GIVEN_AGAIN[lang] in done
    assert ANSWERED[kind, lang] in done
    other = "apply" if kind == "contact" else "contact"
    assert ANSWERED[other, lang] not in done


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("kind", FORMS)
def test_a_held_cross_border_consent_promises_no_answer_that_never_waited(
    client, request, texts, make_subject, abroad, kind, lang
):
    """Only the cross-border consent waits; the form is answered under the service consent that
    stands. The page says the consent is given again, and nothing about an answer."""
    person(make_subject, texts, lang, [CROSS_BORDER])
    data = request.getfixturevalue(FORMS[kind])(consent_cross_border="on")
    assert client.post(f"/{lang}/{kind}/", data).status_code == 302
    assert list(Submission.objects.get().held["texts"]) == [CROSS_BORDER]
    _, path = link("asel@example.kz")
    asked, done = text(client.get(path)), text(client.post(path, SHOWN))
    assert not ANY_ANSWER.search(asked)
    assert GIVEN_AGAIN[lang] in done
    assert not ANY_ANSWER.search(done)
    assert Submission.objects.get().consent_held == Held.CONFIRMED


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_two_held_consents_are_spoken_of_in_the_plural(
    client, contact_data, texts, make_subject, abroad, lang
):
    """«this consent … confirm it … your withdrawal stands» with two consents held."""
    person(make_subject, texts, lang, [SERVICE, CROSS_BORDER])
    assert client.post(f"/{lang}/contact/", contact_data(consent_cross_border="on")).status_code
    mail, path = link("asel@example.kz")
    for body in (mail.message, mail.html_message):
        body = " ".join(body.split())
        for words in BOTH_HELD_MAIL[lang]:
            assert words in body
    assert BOTH_HELD_PAGE[lang] in text(client.get(path))
    assert ANSWERED["contact", lang] in text(client.post(path, SHOWN))


def test_the_newsletter_form_holds_nothing_and_links_no_confirm_page(client, texts, make_subject):
    """The newsletter form has its own double opt-in: a person who withdrew every consent and
    signs up again gets the opt-in mail, never the held consent's link with its answer."""
    person(make_subject, texts, "ru", [SERVICE, CROSS_BORDER])
    data = {"token": aged_token(), **SHOWN, "email": "asel@example.kz", "consent_marketing": "on"}
    assert client.post("/ru/newsletter/", data).status_code == 302
    (mail,) = Email.objects.filter(to=["asel@example.kz"])
    assert "/consent/confirm/" not in mail.message
    assert "/newsletter/confirm/" in mail.message
    assert not Submission.objects.exclude(consent_held="").exists()


SUBSCRIBED = {"kk": ("Жазылым расталды", "Жазылымыңыз бұрын расталған"),
              "ru": ("Подписка подтверждена", "Ваша подписка уже была подтверждена")}  # fmt: skip
UNSUBSCRIBED_SINCE = {
    "kk": "Бұл сілтеме жіберілгеннен кейін сіз жазылымнан бас тарттыңыз",
    "ru": "После отправки этой ссылки вы отписались от рассылки",
}


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_subscription_link_pressed_after_unsubscribing_does_not_say_subscribed(
    client, texts, lang
):
    """The confirm link pressed again after an unsubscribe records nothing, and said «your
    subscription was already confirmed» to a person no longer subscribed."""
    data = {"token": aged_token(), **SHOWN, "email": "news@example.kz", "consent_marketing": "on"}
    assert client.post(f"/{lang}/newsletter/", data).status_code == 302
    (url,) = re.findall(r"https?://\S+/newsletter/confirm/\S+/", Email.objects.get().message)
    path = urlsplit(url).path
    assert SUBSCRIBED[lang][0] in text(client.post(path, SHOWN))
    subject = Subject.objects.get()
    assert SUBSCRIBED[lang][1] in text(client.post(path, SHOWN))  # pressed twice: subscribed
    consent_withdraw(subject, MARKETING, source=Source.UNSUBSCRIBE)
    page = text(client.post(path, SHOWN))
    assert UNSUBSCRIBED_SINCE[lang] in page
    assert not any(words in page for words in SUBSCRIBED[lang])
    assert not gate.may_process(subject, MARKETING)
