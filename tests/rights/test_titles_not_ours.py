"""Another company's service, magazine or mailing named by its title (compliance L7, L15,
titles.py): «Отпишите меня от Яндекс Плюс», «…от Кинопоиска», «…от рассылки «Вестника»»,
«Мені Kaspi жазылымынан шығарыңыз» unsubscribed the sender from our news as it arrived, read by
its «отпишите» alone; «Отпишите «Вестник»» was read as a person's name, about someone else. They
open "other" for an officer (Ticket.Limit.TITLED), nothing stopped; our own name, or our news
named beside it, still stops the news."""

import email.policy
import io
import sys
from email.message import EmailMessage

import pytest
from django.core.management import call_command

from consent.rights.intake import ingest
from consent.rights.models import Ticket

from .conftest import deliver, left, message, untouched

Type = Ticket.Type

TITLED = {
    "ru a streaming plan": "Отпишите меня от Яндекс Плюс",
    "ru a cinema": "Отпишите меня от Кинопоиска",
    "ru a quoted magazine": "Отпишите от «Вестника»",
    "ru a quoted title alone": "Отпишите «Вестник»",
    "ru a newspaper's two words": "Отпишите меня от «Казахстанской правды»",
    "ru the mailing of a magazine": "Отпишите меня от рассылки «Вестника»",
    "ru the mailing of a cinema": "Отпишите меня от рассылки Кинопоиска",
    "ru a plan's subscription": "Отпишите меня от подписки Яндекс Плюс",
    "ru a bank in Latin letters": "Отпишите меня от Kaspi",
    "kk a bank's subscription": "Мені Kaspi жазылымынан шығарыңыз",
    "kk a quoted newspaper": "Мені «Egemen Qazaqstan» таратылымынан шығарыңыз",
    # A capitalised first word that owns the Kazakh noun after it (titles.OWNED) is a title too.
    "kk a cinema first": "Кинопоиск жазылымынан шығарыңыз",
    "kk a cinema's mailing first": "Кинопоиск таратылымынан шығарыңыз",
    "kk a cinema's messages first": "Кинопоиск хабарламаларынан бас тартамын",
    "kk a cinema in the genitive": "Кинопоисктің жазылымынан шығарыңыз",
    "kk after a greeting": "Сәлеметсіз бе. Кинопоиск жазылымынан шығарыңыз, рахмет",
    "kk a cinema quoted first": "«Кинопоиск» жазылымынан шығарыңыз",
    "kk a streaming service in Latin": "Netflix жазылымынан шығарыңыз",
    "kk in Latin letters": "Kinopoisk jazylymynan şyğaryñyz",
    "kk the base of a magazine": "Мені «Вестник» рассылкасынан шығарыңыз",
    # English, as its Russian twin (rights.0030): «Netflix» once read as «нет», a decline.
    "en a streaming service": "Unsubscribe me from Netflix",
    "en politely": "Please unsubscribe me from Netflix",
    "en its newsletter": "Unsubscribe me from the Netflix newsletter",
    "en its mailing list": "Please remove me from the Netflix mailing list",
    "en its emails": "Stop sending me Netflix emails",
    "en quoted": 'Unsubscribe me from "Netflix"',
    "ru the news mailing of a cinema": "Отпишите меня от рассылки новостей Кинопоиска",
    "ru a streaming service in Latin": "Отпишите меня от Netflix",
    "ru a streaming service in Cyrillic": "Отпишите меня от Нетфликса",
}


@pytest.mark.parametrize("body", TITLED.values(), ids=TITLED)
def test_another_companys_title_unsubscribes_nothing(person, body):
    ticket = ingest(message("Сұрақ", body=body))
    assert (ticket.type, ticket.limits.get("limit")) == (Type.OTHER, Ticket.Limit.TITLED)
    assert not ticket.about_someone_else and untouched(person)


def test_from_an_address_not_on_record_a_quoted_title_is_no_one(person):
    ticket = ingest(message("", sender="stranger@mail.ru", body="Отпишите «Вестник»"))
    assert (ticket.type, ticket.about_someone_else) == (Type.OTHER, False)


OURS = {
    "ru our mailing by our name": "Отпишите меня от рассылки ЕМ АЛУ плюс",
    "ru our name quoted": "Отпишите меня от «ЕМ АЛУ плюс»",
    "ru your mailing, capitalised": "Отпишите меня от Вашей рассылки",
    "ru every mailing, capitalised": "Отпишите меня от Всех рассылок",
    "ru ours beside theirs": "Отпишите меня от вашей рассылки и от Кинопоиска",
    "ru a title told of after": "Отпишите меня от рассылки, пожалуйста. Кинопоиск тут ни при чём",
    "ru our mailing's quoted name": "Отпишите меня от рассылки «Новости ЕМ АЛУ»",
    # The line before is not the phrase's: «Вопрос» ended it, no title of «Хабарламалардан».
    "kk the line before capitalised": "Сұрақ / Вопрос\nХабарламалардан бас тартамын",
    # A capitalised first word that owns no noun, or a noun of a kind, is no title.
    "kk the subscription first": "Жазылымнан шығарыңыз",
    "kk your subscription first": "Жазылымыңыздан шығарыңыз",
    "kk your subscription, «your» first": "Сіздің жазылымыңыздан шығарыңыз",
    "kk the site's news": "Сайт жаңалықтарынан бас тартамын",
    "kk our name owning it": "Емалу жазылымынан шығарыңыз",
    "kk the mailing first": "Рассылкадан шығарыңыз",
    "ru the mailing first": "Рассылку отключите",
    "en our newsletter": "Unsubscribe me from your newsletter",
    "en the newsletter": "Please unsubscribe me from the newsletter",
    "en our mailing list": "Hello, please remove me from your mailing list",
    "en ours beside theirs": "Unsubscribe me from the Netflix newsletter and from your newsletter",
    "en greeting the officer": "Hi Anna, please unsubscribe me from your emails",
    "en a stop first": "Stop emails please",
    "en a decline first": "Don't email me",
    "ru the news mailing": "Отпишите меня от рассылки новостей",
}


@pytest.mark.parametrize("body", OURS.values(), ids=OURS)
def test_our_news_named_still_stop(person, body):
    ticket = ingest(message("Сұрақ", body=body))  # a guard
    assert ticket.type == Type.UNSUBSCRIBE and not untouched(person)


@pytest.mark.parametrize("lang, said", [("kk", "басқа компанияның"), ("ru", "другой компании")])
def test_the_desk_says_the_letter_names_another_companys(person, desk, lang, said):
    ticket = ingest(message("Сұрақ", body="Отпишите меня от Кинопоиска"))
    desk.cookies["django_language"] = lang
    html = desk.get(f"/admin/rights/ticket/{ticket.pk}/change/").content.decode()
    assert 'id="letter-limits"' in html and said in html


def html_only(body):
    """A phone's HTML-only letter, as a webmail app sends it."""
    msg = EmailMessage(policy=email.policy.SMTP)
    msg["From"], msg["To"] = "Әсел <asel@example.kz>", "em.alu.plus@mail.kz"
    msg["Subject"], msg["Message-ID"] = "Отписка", "<titled@example.kz>"
    msg.set_content(f'<html><body><div dir="ltr">{body}</div></body></html>', subtype="html")
    return msg.as_bytes()


def test_a_title_in_an_html_letter_piped_in_unsubscribes_nothing(person, monkeypatch):
    raw = html_only("Отпишите меня от <b>«Вестника»</b>, пожалуйста")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(raw)))
    call_command("ingest_request_mail", stdout=io.StringIO())
    ticket = Ticket.objects.get()
    assert (ticket.type, ticket.limits.get("limit")) == (Type.OTHER, Ticket.Limit.TITLED)
    assert untouched(person)


def test_a_title_fetched_from_the_mailbox_unsubscribes_nothing(mailbox, person):
    deliver(mailbox, message("Отписка", message_id="<k@x>", body="Отпишите меня от Кинопоиска"))
    call_command("fetch_request_mail")
    assert Ticket.objects.get().limits.get("limit") == Ticket.Limit.TITLED
    assert untouched(person) and left(mailbox) == 0
