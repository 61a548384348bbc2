"""Every emailed link says what became of it, in the visitor's language: a request closed, and
when; a self-service link used, and when, or past its hour; a link past its days; and only a
link nobody here signed is «damaged». A request closed by an officer said «the link is damaged
or older than seven days», and a self-service link opened in a second browser said it was
used, old or damaged, all three at once. A guessed token learns nothing of any request."""

import re
from datetime import timedelta

import pytest
from django.core import signing
from django.utils import timezone

from consent.core.models import Subject
from consent.rights.answers import ticket_close_unconfirmed, ticket_destroy
from consent.rights.links import SALT
from consent.rights.models import Ticket
from tests.texts import SHOWN

from .conftest import confirm_link, web_request
from .test_selfservice import ask_link, link_path

CLOSED = {"kk": ["Өтініш жабылды", "жеті күн ішінде расталмағандықтан жабылды",
                 "Жабылған күні: 2026 жылғы 10 желтоқсан"],
          "ru": ["Запрос закрыт", "не подтвердили в течение семи дней",
                 "закрыт 10 декабря 2026"]}  # fmt: skip
ANSWERED = {"kk": "жауап берілді", "ru": "уже дан ответ"}
OLD = {"kk": "жіберілгеніне жеті күннен асқан", "ru": "более семи дней назад"}
DAMAGED = {"kk": "Сілтеме бүлінген", "ru": "Ссылка повреждена"}
USED = {"kk": ["Сілтеме пайдаланылған", "бұрын пайдаланылған: 2027 жылғы 1 наурыз, 10:05"],
        "ru": ["Ссылка уже использована", "использована: 1 марта 2027 г., 10:05"]}  # fmt: skip
UNSUBSCRIBED = {"kk": "жазылымнан бас тарттыңыз", "ru": "вы отписались от рассылки"}
HOUR = {"kk": "бір сағаттан асқан", "ru": "более часа назад"}


def text(response):
    """The page as read: its no-break spaces (between a number and its word) as spaces."""
    return response.content.decode().replace("\xa0", " ")


def forged(path):
    """The same address with a token this site never signed, naming the same request."""
    token = signing.dumps({"r": Ticket.objects.get().pk, "a": "guessed"}, salt=SALT)
    return re.sub(r"/confirm/[^/]+/", f"/confirm/{token[:-3]}abc/", path)


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_request_closed_unconfirmed_says_so_and_when(client, person, time_machine, lang):
    time_machine.move_to("2026-12-01 10:00+05:00", tick=False)
    web_request(client, lang, "access")
    path = confirm_link()
    time_machine.move_to("2026-12-10 10:00+05:00", tick=False)
    ticket_close_unconfirmed(Ticket.objects.get(), actor=None)
    for response in (client.get(path), client.post(path)):
        assert response.status_code == 200
        assert all(words in text(response) for words in CLOSED[lang])
    assert Ticket.objects.get().status == Ticket.Status.NOT_CONFIRMED  # never reopened
    page = client.get(forged(path))
    assert page.status_code == 400 and DAMAGED[lang] in page.content.decode()
    assert Ticket.objects.get().reference not in page.content.decode()


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_destruction_done_leaves_its_link_saying_answered(client, person, lang):
    """The person's data destroyed as they asked: their link, tapped again, said «damaged»."""
    web_request(client, lang, "destroy")
    path = confirm_link()
    client.post(path)
    ticket_destroy(Ticket.objects.get(), actor=None)
    assert not Subject.objects.exists()
    response = client.get(path)
    assert response.status_code == 200 and ANSWERED[lang] in response.content.decode()


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_an_unused_request_link_past_its_days_says_old_not_damaged(
    client, person, time_machine, lang
):
    time_machine.move_to("2026-12-01 10:00+05:00", tick=False)
    web_request(client, lang, "access")
    path = confirm_link()
    time_machine.shift(timedelta(days=8))
    response = client.get(path)
    assert response.status_code == 400
    assert OLD[lang] in response.content.decode()
    assert DAMAGED[lang] not in response.content.decode()


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_self_service_link_used_in_another_browser_says_used_and_when(
    client, person, time_machine, django_user_model, lang
):
    from django.test import Client

    time_machine.move_to("2027-03-01 10:05+05:00", tick=False)
    ask_link(client, lang)
    path = link_path()
    client.post(path)  # opened on the phone
    response = Client().post(path)  # and then on the laptop
    assert response.status_code == 400
    assert all(words in text(response) for words in USED[lang])
    assert HOUR[lang] not in response.content.decode()


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_self_service_link_past_its_hour_or_damaged_says_which(
    client, person, time_machine, lang
):
    time_machine.move_to(timezone.now(), tick=False)
    ask_link(client, lang)
    path = link_path()
    time_machine.shift(timedelta(hours=1, seconds=1))
    old = client.post(path).content.decode()
    assert HOUR[lang] in old and DAMAGED[lang] not in old
    damaged = client.post(path[:-4] + "xyz/").content.decode()
    assert DAMAGED[lang] in damaged and HOUR[lang] not in damaged
    assert USED[lang][0] not in damaged


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_newsletter_link_says_old_unsubscribed_or_damaged_as_it_is(
    client, texts, time_machine, lang
):
    """Past its seven days it said «damaged or older» whatever became of it: unsubscribed
    since, it says so at any age."""
    from consent.core.ledger import consent_withdraw
    from consent.core.purposes import MARKETING
    from consent.marketing.optin import optin_start
    from tests.marketing.test_confirm_link_later import ADDRESS, confirm_path

    time_machine.move_to(timezone.now(), tick=False)
    optin_start(ADDRESS, "", lang)
    path = confirm_path()
    time_machine.shift(timedelta(days=8))
    old = client.get(path)
    assert old.status_code == 400 and OLD[lang] in text(old) and DAMAGED[lang] not in text(old)
    damaged = client.get(path[:-4] + "xyz/")
    assert damaged.status_code == 400 and DAMAGED[lang] in text(damaged)
    assert OLD[lang] not in text(damaged)
    time_machine.shift(-timedelta(days=7))
    client.post(path, SHOWN)
    consent_withdraw(Subject.objects.get(email=ADDRESS), MARKETING, source="unsubscribe")
    time_machine.shift(timedelta(days=30))
    page = client.get(path)
    assert page.status_code == 200 and UNSUBSCRIBED[lang] in text(page)


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_held_consent_link_past_its_days_says_old_not_damaged(
    client, texts, make_subject, contact_data, time_machine, lang
):
    from post_office.models import Email

    from tests.forms.held import link_in, withdrew_service

    withdrew_service(texts, make_subject, language=lang)
    time_machine.move_to(timezone.now(), tick=False)
    assert client.post(f"/{lang}/contact/", contact_data()).status_code == 302
    path = link_in(Email.objects.get(to=["asel@example.kz"]))
    time_machine.shift(timedelta(days=7, seconds=1))
    old = client.get(path)
    assert old.status_code == 400 and OLD[lang] in text(old) and DAMAGED[lang] not in text(old)
    damaged = client.get(path[:-4] + "xyz/")
    assert damaged.status_code == 400 and DAMAGED[lang] in text(damaged)
