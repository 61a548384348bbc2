"""A notice of an order, a delivery or a payment mentioned beside a plain stop (compliance L7,
L15; consent/rights/service_notices.py): «Отпишите меня. Уведомление об оплате я получила» opened
"other" for an officer, the news going on, as if the writer had asked to stop the payment
notices; an invoice so mentioned had been fixed before («Отпишите меня. Счёт я оплатила»).
A notice is what a stop stops only in a sentence that asks something of it."""

import pytest

from consent.core import gate
from consent.core.purposes import MARKETING, SERVICE
from consent.rights.intake import ingest
from consent.rights.models import Ticket

from .conftest import message, untouched

Type = Ticket.Type

IN_PASSING = {
    "ru, a payment notice received": "Отпишите меня. Уведомление об оплате я получила",
    "ru, reminders come": "Отпишите меня. Напоминания об оплате приходят вовремя, спасибо",
    "ru, a delivery notice": "Отпишите меня. Письмо о доставке пришло, спасибо",
    "ru, typed in small letters": "отпишите. квитанцию получила, напоминание об оплате тоже",
    "kk, an order notice came": "Жазылымнан шығарыңыз. Тапсырыс туралы хабарлама келді",
    "kk, a payment reminder": "Жазылымнан шығарыңыз. Төлем туралы ескерту алдым",
}


@pytest.mark.parametrize("body", IN_PASSING.values(), ids=IN_PASSING)
def test_a_notice_mentioned_beside_a_plain_stop_leaves_it_a_stop(person, body):
    ticket = ingest(message("", body=body))
    assert (ticket.type, ticket.status) == (Type.UNSUBSCRIBE, "done")
    assert not gate.may_process(person, MARKETING) and gate.may_process(person, SERVICE)


STOPPED = {
    "ru, in the stop's sentence": "Отпишите меня от уведомлений об оплате",
    "ru, not needed": "Уведомления о заказах мне не нужны",
    "ru, not wanted": "Не хочу получать напоминания об оплате. Спасибо",
    "kk, wished not to come": "Тапсырыс туралы хабарламалар маған келмесін",
}


@pytest.mark.parametrize("body", STOPPED.values(), ids=STOPPED)
def test_a_notice_asked_to_stop_stops_no_news(person, body):
    ticket = ingest(message("Сұрақ / Вопрос", body=body))
    assert ticket.type == Type.OTHER and untouched(person)
