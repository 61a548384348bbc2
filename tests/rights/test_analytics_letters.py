"""A letter withdrawing consent to the visit statistics (compliance L19, L7): the analytics are
the cookie banner's choice, per browser, with no name or address, so no letter can withdraw
them. The writer is answered in their language with what is held for them and where each
browser turns them off; nothing of their record is withdrawn; the officer is told so."""

import pytest
from django.utils import translation

from consent.core import gate
from consent.core.purposes import MARKETING, SERVICE
from consent.rights.intake import ingest
from consent.rights.models import Ticket

from .conftest import mails_to, message, untouched, web_request

LETTERS = {
    "ru, subject line": ("Отзыв согласия", "Отзываю согласие на аналитику.", "ru"),
    "ru, in the text": ("", "Здравствуйте! Отзываю согласие на аналитику.", "ru"),
    "kk, in the text": ("", "Аналитикаға келісімімді кері қайтарамын.", "kk"),
    "ru, Metrica named": ("", "Прошу отключить Яндекс Метрику и Google Analytics.", "ru"),
    "ru, statistics named": ("", "Отзываю согласие на сбор статистики посещений.", "ru"),
    "kk, statistics named": ("", "Сайтқа кіру статистикасына келісімімді қайтарып аламын.", "kk"),
}  # fmt: skip
SAYS = {
    "ru": ("каждом браузере", "ru/cookies/"),
    "kk": ("әр браузерде", "kk/cookies/"),
}


@pytest.mark.parametrize("subject, body, lang", LETTERS.values(), ids=LETTERS.keys())
def test_an_analytics_withdrawal_withdraws_nothing_else_and_says_how(person, subject, body, lang):
    ticket = ingest(message(subject, body=body))
    assert ticket.type == Ticket.Type.OTHER and ticket.limits.get("analytics")
    assert untouched(person)
    [answer] = mails_to("asel@example.kz")
    words, link = SAYS[lang]
    assert words in answer.message and link in answer.message
    assert "/requests/confirm/" not in answer.message  # nothing to confirm: nothing is done


def test_an_analytics_letter_that_also_unsubscribes_stops_only_the_news(person):
    ingest(message("", body="Отзываю согласие на аналитику и отпишите меня от рассылки."))
    assert not gate.may_process(person, MARKETING) and gate.may_process(person, SERVICE)
    [answer] = mails_to("asel@example.kz")
    assert "прекратили присылать вам новости" in answer.message and "ru/cookies/" in answer.message


def test_a_birth_certificate_is_no_metrica(person):
    ingest(message("Отзыв согласия", body="Отзываю согласие, удалите копию метрики сына."))
    assert not Ticket.objects.filter(limits__analytics=True).exists()
    assert not any("cookies/" in mail.message for mail in mails_to("asel@example.kz"))


def test_a_withdrawal_of_every_consent_still_withdraws_them(person):
    ingest(message("Отзыв согласия", body="Отзываю согласие на обработку персональных данных."))
    assert not gate.may_process(person, SERVICE) and not gate.may_process(person, MARKETING)


UNSENT = {"ru": "никакой запрос не может отозвать", "kk": "ешбір өтініш кері қайтарып ала алмайды"}


@pytest.mark.parametrize("lang, says", [("ru", "аналитик"), ("kk", "статистика")])
def test_the_desk_tells_the_officer_in_their_language(person, desk, lang, says):
    ticket = ingest(message("Отзыв согласия", body="Отзываю согласие на аналитику."))
    desk.cookies["django_language"] = lang
    with translation.override(lang):
        page = desk.get(f"/admin/rights/ticket/{ticket.pk}/change/").content.decode()
    assert 'id="analytics-letter"' in page and says in page.casefold()
    assert UNSENT[lang] in page  # why no confirmation link went


@pytest.mark.parametrize("lang, says", [("kk", "әр браузерде"), ("ru", "каждом браузере")])
def test_a_web_form_withdrawal_naming_analytics_withdraws_nothing(client, person, lang, says):
    details = {
        "kk": "Аналитикаға келісімімді кері қайтарамын",
        "ru": "Отзываю согласие на аналитику",
    }
    web_request(client, lang, "withdraw", purpose="", message=details[lang])
    ticket = Ticket.objects.get()
    assert ticket.type == Ticket.Type.OTHER and ticket.limits.get("analytics")
    [answer] = mails_to("asel@example.kz")
    assert says in answer.message and f"{lang}/cookies/" in answer.message
    assert "/requests/confirm/" not in answer.message
    assert untouched(person)
