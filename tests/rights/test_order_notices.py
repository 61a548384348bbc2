"""Notices of an order, a delivery or a payment are no news (compliance L7, L15,
service_notices.py): «Отключите уведомления о заказах», «Тапсырыс туралы хабарламаларды
тоқтатыңыз» unsubscribed the writer from our news and offers as they arrived, while they asked
to stop messages of a service they use. They open "other" for an officer, nothing stopped, the
desk saying what they ask; notices about what we teach, or the news beside them, still stop."""

import pytest
from django.utils import translation

from consent.rights.intake import ingest
from consent.rights.models import Ticket

from .conftest import message, news_only_stopped, untouched

Type = Ticket.Type

NOTICES = {
    "ru the brief's": "Отключите уведомления о заказах",
    "ru one order": "Прошу отключить уведомления о заказе",
    "ru delivery, letters": "Не присылайте письма о доставке",
    "ru the order's status": "Прекратите присылать уведомления о статусе заказа",
    "ru messages about payment": "Не присылайте сообщения об оплате",
    "ru after «по»": "Не хочу получать уведомления по заказам",
    "ru the notices first": "Уведомления о заказах отключите",
    "ru transliterated": "Otklyuchite uvedomleniya o zakazakh",
    "kk orders, «туралы»": "Тапсырыс туралы хабарламаларды тоқтатыңыз",
    "kk orders, «бойынша»": "Тапсырыстар бойынша хабарламаларды жібермеңіз",
    "kk payment owning them": "Төлем хабарламаларын өшіріңіз",
    "kk delivery": "Жеткізу туралы хабарландыруларды өшіріңіз",
    "kk no Kazakh letters": "Тапсырыс туралы хабарламаларды токтатыныз",
    "mixed a Russian noun": "Заказ туралы хабарламаларды тоқтатыңыз",
}


@pytest.mark.parametrize("body", NOTICES.values(), ids=NOTICES)
def test_stopping_notices_of_orders_stops_no_news(person, body):
    ticket = ingest(message("Сұрақ / Вопрос", body=body))
    assert (ticket.type, ticket.limits.get("limit")) == (Type.OTHER, Ticket.Limit.NOTICES)
    assert untouched(person)


@pytest.mark.parametrize(
    "lang, says",
    [("kk", "тапсырыстар, жеткізу не төлем туралы"), ("ru", "заказах, доставке или оплате")],
)
def test_the_desk_says_in_the_officers_language_what_the_letter_asks(person, desk, lang, says):
    ticket = ingest(message("Сұрақ", body="Тапсырыс туралы хабарламаларды тоқтатыңыз"))
    desk.cookies["django_language"] = lang
    with translation.override(lang):
        page = desk.get(f"/admin/rights/ticket/{ticket.pk}/change/").content.decode()
    assert 'id="letter-limits"' in page and says in page


NEWS = {
    "ru the news beside them": "Не присылайте рекламу и уведомления о заказах",
    "ru notices of classes": "Отключите уведомления о новых курсах",
    "ru a mailing about orders": "Отпишите меня от рассылки о заказах",
    "kk the news beside them": "Жаңалықтарды және тапсырыс туралы хабарламаларды тоқтатыңыз",
    "kk notices of courses": "Курстар туралы хабарламаларды тоқтатыңыз",
}


@pytest.mark.parametrize("body", NEWS.values(), ids=NEWS)
def test_the_news_named_beside_or_about_what_we_teach_still_stop(person, body):
    ticket = ingest(message("Сұрақ / Вопрос", body=body))
    assert ticket.type == Type.UNSUBSCRIBE and news_only_stopped(ticket, person)
