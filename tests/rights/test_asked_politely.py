"""A request asked of us politely, as a question or in the conditional, about the writer's own
data is a request of its right, with its deadline (compliance L7): «Не могли бы вы удалить мои
данные?», «Менің деректерімді жоя аласыз ба?», «Сіздерде мен туралы қандай мәліметтер бар?» each
opened "other", due in fifteen working days, no right recognised. A withdrawal or an unsubscribe
asked as a question waits for the person's link rather than acting as the letter arrives; what is
not a request of the writer's own (a question about someone else, about whether or how, a report
of the past, a negation, a question about the courses) still opens "other", nothing changed."""

import pytest

from consent.core import gate
from consent.core.models import LedgerEntry
from consent.core.purposes import MARKETING, SERVICE
from consent.rights.deadlines import deadline_days
from consent.rights.intake import ingest
from consent.rights.models import Ticket
from consent.workdays.calendar import due_date

from . import one_person
from .conftest import confirm, message

# Asel and her texts made once for the module, each test's changes undone (one_person.py).
_asel, person, texts = one_person._asel, one_person.person, one_person.texts

Type, Status = Ticket.Type, Ticket.Status


def due_as_the_law_says(ticket):
    return ticket.due_date == due_date(ticket.received_at, deadline_days(ticket.type))


def nothing_withdrawn(person):
    return (
        not LedgerEntry.objects.filter(subject=person, kind="withdraw").exists()
        and gate.may_process(person, SERVICE)
        and gate.may_process(person, MARKETING)
    )


@pytest.mark.parametrize("body, kind", [
    ("Не могли бы вы удалить мои данные?", Type.DESTROY),
    ("Не могли бы вы, пожалуйста, удалить мои данные?", Type.DESTROY),
    ("Могли бы вы, пожалуйста, удалить мои персональные данные?", Type.DESTROY),
    ("Буду благодарна, если вы удалите мои данные", Type.DESTROY),
    ("Была бы признательна, если бы вы удалили мои персональные данные", Type.DESTROY),
    ("Можете ли вы сообщить, какие мои данные у вас хранятся?", Type.ACCESS),
    ("Подскажите, какие сведения обо мне у вас есть", Type.ACCESS),
    ("Какие мои данные у вас хранятся?", Type.ACCESS),
    ("Будьте добры, подскажите, какая информация обо мне у вас хранится", Type.ACCESS),
    ("Не могли бы вы исправить мою фамилию? Я вышла замуж", Type.CORRECT),
    ("Можете заблокировать мои данные, пожалуйста?", Type.BLOCK),
    ("Менің деректерімді жоя аласыз ба?", Type.DESTROY),
    ("Өтінемін, деректерімді жоя аласыз ба?", Type.DESTROY),
    ("Мәліметтерімді өшіріп берсеңіз", Type.DESTROY),
    ("Могу ли я попросить вас удалить мои данные?", Type.DESTROY),
    ("Деректерімді жоюыңызды сұрай аламын ба?", Type.DESTROY),
    ("Сіздерде мен туралы қандай мәліметтер бар?", Type.ACCESS),
    ("Менің қандай деректерім сақталған?", Type.ACCESS),
    ("Деректерімнің көшірмесін жібере аласыз ба?", Type.ACCESS),
    ("Дербес деректерімді бұғаттай аласыздар ма?", Type.BLOCK),
    ("Тегімді өзгерте аласыз ба? Күйеуге шықтым", Type.CORRECT),
    ("Деректерімді жаңартып бере аласыз ба?", Type.CORRECT),
    ("Could you please delete my personal data?", Type.DESTROY),
    ("Can you send me a copy of my data?", Type.ACCESS),
])  # fmt: skip
def test_a_request_asked_politely_is_due_when_the_law_says(person, body, kind):
    ticket = ingest(message("Сұрақ / Вопрос", body=body))
    assert (ticket.type, ticket.subject, ticket.status) == (kind, person, Status.UNVERIFIED)
    assert (
        ticket.due_date
        == due_date(ticket.received_at, deadline_days(kind))
        < due_date(ticket.received_at, deadline_days(Type.OTHER))
    )
    assert nothing_withdrawn(person)  # what it asks waits for the person's link


@pytest.mark.parametrize("body, kind, stops", [
    ("Вы не могли бы отписать меня от рассылки?", Type.UNSUBSCRIBE, MARKETING),
    ("Можете ли вы, пожалуйста, отписать меня от рассылки?", Type.UNSUBSCRIBE, MARKETING),
    ("Мені тізімнен шығара аласыздар ма?", Type.UNSUBSCRIBE, MARKETING),
    ("Өтінемін, мені таратылымнан шығарып бере аласыз ба?", Type.UNSUBSCRIBE, MARKETING),
    ("Не могли бы вы отозвать моё согласие на обработку персональных данных?",
     Type.WITHDRAW, SERVICE),
    ("Вас не затруднит прекратить обработку моих данных?", Type.WITHDRAW, SERVICE),
    ("Келісімімді қайтарып ала аласыз ба?", Type.WITHDRAW, SERVICE),
    ("Мені таратылымнан шығарсаңыз бола ма?", Type.UNSUBSCRIBE, MARKETING),
])  # fmt: skip
def test_a_withdrawal_or_unsubscribe_asked_as_a_question_waits_for_the_link(
    client, person, body, kind, stops
):
    """Chosen so: a question may still be one («…, если я продолжу курс?»), and a withdrawal
    stops the service. The request opens with its deadline, nothing stops as it arrives, and the
    person's link (mailed at once) carries it out, as for a request typed into the web form."""
    ticket = ingest(message("Сұрақ / Вопрос", body=body))
    assert (ticket.type, ticket.status) == (kind, Status.UNVERIFIED)
    assert ticket.due_date == due_date(ticket.received_at, deadline_days(kind))
    assert nothing_withdrawn(person)
    confirm(client)
    assert not gate.may_process(person, stops)


@pytest.mark.parametrize("body", [
    "Я бы хотела отписаться от рассылки",
    "Мені тізімнен шығарып тастасаңыз екен",
    "Мені таратылымнан шығарып жіберсеңіз, өтінемін",
])  # fmt: skip
def test_an_unsubscribe_wished_politely_stops_the_news_as_it_arrives(person, body):
    """Not a question: a wish in the conditional is asked as «хочу» or «шығарыңыз» is."""
    ticket = ingest(message("Рассылка / Таратылым", body=body))
    assert (ticket.type, ticket.status) == (Type.UNSUBSCRIBE, Status.DONE)
    assert due_as_the_law_says(ticket)
    assert set(LedgerEntry.objects.filter(subject=person, kind="withdraw").values_list(
        "purpose", flat=True)) == {MARKETING}  # fmt: skip
    assert not gate.may_process(person, MARKETING) and gate.may_process(person, SERVICE)


@pytest.mark.parametrize("body", [
    # a report of the past (whether it can be done, or how: test_asked_whether.py)
    "Спасибо, я вам благодарна, что вы удалили мои данные",
    "Я уже отписалась от рассылки, но письма приходят?",
    "Егер деректерімді жойсаңыз, сертификатым қала ма?",
    "Деректерімді жойсаңыз, сертификатым қала ма?",
    # negated
    "Можете не удалять мои данные, я передумала?",
    "Не удаляйте мои данные",
    "Деректерімді жоймаңыз",
    # the courses, not the writer's data
    "Можете ли вы рассказать, какие курсы есть для детей?",
    "Какие данные нужны для записи на курс?",
    "Какие данные вы храните о клиентах?",
    "Курстарыңыз туралы қандай мәліметтер бар?",
])  # fmt: skip
def test_a_question_that_asks_no_request_of_the_writers_own_stays_other(person, body):
    ticket = ingest(message("Сұрақ / Вопрос", body=body))
    assert ticket.type == Type.OTHER and due_as_the_law_says(ticket)
    assert nothing_withdrawn(person)


@pytest.mark.parametrize("body", [
    "Можете ли вы удалить данные моего сына?",
    "Ұлымның деректерін жоя аласыз ба?",
    "Не могли бы вы отписать мою маму от рассылки?",
])  # fmt: skip
def test_a_polite_request_about_someone_else_is_for_the_officer(person, body):
    ticket = ingest(message("Сұрақ / Вопрос", body=body))
    assert ticket.type == Type.OTHER and due_as_the_law_says(ticket)
    assert nothing_withdrawn(person)
    assert nothing_withdrawn(person)
