"""A letter that withdraws or unsubscribes but names something to keep (compliance L7, L14):
«Отзываю согласие на обработку данных, но рассылку оставьте» withdrew every consent as it
arrived, the newsletter the person kept included. Nothing it keeps is ended: when what it asks
to stop covers what it keeps, it opens for the officer to read ("other", due in the fifteen
working days a withdrawal has) and nothing is withdrawn; when it does not, it acts as before."""

import pytest

from consent.core import gate
from consent.core.models import LedgerEntry
from consent.core.purposes import MARKETING, SERVICE
from consent.rights.deadlines import deadline_days
from consent.rights.intake import ingest
from consent.rights.models import Ticket
from consent.workdays.calendar import due_date

from .conftest import message

Type, Status = Ticket.Type, Ticket.Status


def withdrawn(person):
    return set(
        LedgerEntry.objects.filter(subject=person, kind="withdraw").values_list(
            "purpose", flat=True
        )
    )


@pytest.mark.parametrize("body", [
    "Отзываю согласие на обработку данных, но рассылку оставьте",
    "Отзываю согласие на обработку данных. Рассылку, пожалуйста, оставьте.",
    "Отзываю согласие на обработку персональных данных, кроме рассылки",
    "Отзываю все согласия, за исключением подписки на новости",
    "Прошу прекратить обработку данных, но письма о курсах присылать продолжайте",
    "Отзываю согласие, рассылку не трогайте",
    "Отпишите меня от рекламы, но новости оставьте",
    "Дербес деректерді өңдеуге келісімімді кері қайтарамын, бірақ жаңалықтар таратылымын "
    "қалдырыңыз",
    "Келісімімді кері қайтарып аламын, тек жаңалықтар таратылымын қалдырыңыз",
    "Жаңалықтардан басқа барлық келісімдерімді қайтарып аламын",
    "Жаңалықтарды қоспағанда, барлық келісімдерімді кері қайтарып аламын",
    "Дербес деректерді өңдеуді тоқтатыңыз, бірақ хабарламаларды тоқтатпаңыз",
    "Хабарламалардан бас тартамын, бірақ курс жаңалықтарын жіберуді жалғастырыңыз",
    "Отзываю согласие на обработку данных и прошу оставить подписку на новости",
    "Келісімімді кері қайтарып аламын, жаңалықтар таратылымын қалдыруды сұраймын",
])  # fmt: skip
def test_a_withdrawal_that_keeps_something_ends_nothing_it_keeps(person, body):
    ticket = ingest(message("Келісім / Согласие", body=body))
    assert (ticket.type, ticket.status) == (Type.OTHER, Status.UNVERIFIED)
    assert ticket.due_date == due_date(ticket.received_at, deadline_days(Type.WITHDRAW))
    assert withdrawn(person) == set()
    assert gate.may_process(person, SERVICE) and gate.may_process(person, MARKETING)


@pytest.mark.parametrize("body, kind, stopped", [
    ("Отпишите меня от рассылки, но данные оставьте", Type.UNSUBSCRIBE, {MARKETING}),
    ("Отзыв согласия на рассылку, но учётную запись оставьте", Type.UNSUBSCRIBE, {MARKETING}),
    ("Мені таратылымнан шығарыңыз, бірақ деректерімді сақтаңыз", Type.UNSUBSCRIBE, {MARKETING}),
    ("Оставьте меня в покое, отпишите от рассылки", Type.UNSUBSCRIBE, {MARKETING}),
    ("Кроме того, прошу отозвать согласие на обработку персональных данных", Type.WITHDRAW,
     {SERVICE, MARKETING}),
    ("Бұдан басқа, дербес деректерді өңдеуге келісімімді кері қайтарып аламын", Type.WITHDRAW,
     {SERVICE, MARKETING}),
    ("Отзываю согласие на обработку данных, хочу оставить отзыв о курсе", Type.WITHDRAW,
     {SERVICE, MARKETING}),
    ("Келісімімді қайтарып аламын, деректерді сақтау мерзімі туралы жазыңыз", Type.WITHDRAW,
     {SERVICE, MARKETING}),
    ("Отзываю согласие на обработку данных, не могу продолжать курс", Type.WITHDRAW,
     {SERVICE, MARKETING}),
    # What is kept is named in the keeping word's own clause: the next one stops the news.
    ("Деректерімді өшірмеңіз, бірақ хабарлама жібермеңіз", Type.UNSUBSCRIBE, {MARKETING}),
    ("Деректерімді жоймаңыз. Жарнама жібермеңіз", Type.UNSUBSCRIBE, {MARKETING}),
    ("Данные не удаляйте, но рекламу не присылайте", Type.UNSUBSCRIBE, {MARKETING}),
    ("Данные мои не трогайте. Рассылку больше не присылайте!", Type.UNSUBSCRIBE, {MARKETING}),
])  # fmt: skip
def test_what_the_request_does_not_end_is_kept_and_the_request_acts(person, body, kind, stopped):
    ticket = ingest(message("Келісім / Согласие", body=body))
    assert ticket.type == kind
    assert ticket.due_date == due_date(ticket.received_at, deadline_days(kind))
    assert withdrawn(person) == stopped
    assert all(gate.may_process(person, p) != (p in stopped) for p in (SERVICE, MARKETING))
