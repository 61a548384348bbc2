"""Asel's data was destroyed at her request, news and all. Months later she subscribed again at
the same address, and then pressed «unsubscribe» in a mail she had kept from before: the link
names the record that is gone, so it can stop nothing, yet its page said «You are unsubscribed.
You will receive no more news or offers from us», and the news of her new subscription went on.
The page says what the link can and cannot do, and the ways that do stop her news now."""

import pytest
from django.test import Client

from consent.core import gate
from consent.core.models import Subject
from consent.core.purposes import MARKETING
from consent.marketing.models import Campaign
from consent.rights.erasure import subject_destroy
from tests.marketing.test_campaigns import confirmed, unsubscribe_path
from tests.marketing.test_unsubscribe_lifetime import one_click

ADDRESS = "asel@example.kz"
WORDS = {
    "kk": ["Бұл сілтеме бойынша деректеріңіз бізде енді жоқ", "кейінгі хаттағы сілтеме"],
    "ru": [
        "По этой ссылке ваших данных у\N{NO-BREAK SPACE}нас больше нет",
        "ссылкой из более позднего письма",
    ],
}
DONE = {"kk": "жазылымнан бас тарттыңыз", "ru": "Вы отписались"}


@pytest.fixture
def old_link_after_a_new_subscription(texts):
    """The path of her kept mail's link (in `lang`), once her new subscription stands."""

    def make(lang):
        campaign = Campaign.objects.create(title="May", subject_line_kk="Мамыр", body_kk="Мәтін")
        path = unsubscribe_path(confirmed(ADDRESS, lang), campaign, lang)
        subject_destroy(Subject.objects.get(email=ADDRESS), request_ref="R-1")
        return path, confirmed(ADDRESS, lang)

    return make


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_kept_link_of_a_destroyed_record_says_it_stops_nothing(
    old_link_after_a_new_subscription, lang
):
    path, again = old_link_after_a_new_subscription(lang)
    client = Client()
    opened = client.get(path, follow=True)  # a phone's prefetch, or her tap
    pressed = client.post(path, follow=True)  # the page's button, were there one
    clicked = one_click(path)  # her mail program's one-click
    for response in (opened, pressed, clicked):
        html = response.content.decode()
        assert response.status_code == 200
        assert DONE[lang] not in html
        for words in WORDS[lang]:
            assert words in html
    for response in (opened, pressed):
        html = response.content.decode()
        assert f'href="/{lang}/my-data/"' in html and "mailto:" in html
    assert gate.may_process(again, MARKETING)  # what she can stop by the ways it names
