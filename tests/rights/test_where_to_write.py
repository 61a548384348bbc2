"""A letter about where or how to be written to, not whether (compliance L7, L11): «Не хочу
получать письма на старую почту, пишите на новую: …» was read as «не хочу получать письма» and
unsubscribed as it arrived, while the person asked for their address to be changed and the mail
to go on. It opens as a correction, due in one working day, nothing unsubscribed; a letter that
asks mail to stop wherever it goes still unsubscribes as it arrives."""

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


@pytest.mark.parametrize("body", [
    "Не хочу получать письма на старую почту, пишите на новую: asel.new@example.kz",
    "Не хочу получать рассылку на этот ящик, присылайте на другой",
    "Отпишите этот адрес, рассылку присылайте на asel.new@example.kz",
    "Не присылайте рекламу на русском, пишите на казахском, пожалуйста",
    "Хочу отказаться от писем на старый адрес, отправляйте их на новый",
    "Ескі поштама хат жібермеңіз, жаңа поштаға жіберіңіз: asel.new@example.kz",
    "Хабарламаларды бұл мекенжайға жібермеңіз, басқа мекенжайға жіберіңіз, өтінемін",
    "Таратылымнан бас тартамын, енді жаңа адреске жіберіңіз",
    # «новую», «другую» fold to «…уйу»: the place was never read, and these unsubscribed.
    "Не присылайте рассылку сюда, пишите на новую почту",
    "Не присылайте рассылку сюда, пишите на другую почту",
    # The old address named where not to send: the news went on nowhere (limits.OLD).
    "Не присылайте рассылку на старый адрес",
    "Не присылайте мне письма на старую почту",
    "Хабарламаларды ескі поштаға жібермеңіз",
])  # fmt: skip
def test_a_letter_about_where_to_write_is_a_correction_and_stops_nothing(person, body):
    ticket = ingest(message("Пошта / Почта", body=body))
    assert (ticket.type, ticket.status) == (Type.CORRECT, Status.UNVERIFIED)
    assert ticket.due_date == due_date(ticket.received_at, deadline_days(Type.CORRECT))
    assert not LedgerEntry.objects.filter(subject=person, kind="withdraw").exists()
    assert gate.may_process(person, MARKETING) and gate.may_process(person, SERVICE)


@pytest.mark.parametrize("body", [
    "Отпишите меня, письма приходят на рабочую почту, а я там больше не работаю",
    "Отпишите меня от рассылки о курсах на казахском языке",
    "Не присылайте мне рекламу, пишите только о моём заказе",
    "Отпишите asel@example.kz от рассылки",
    "Отпишите адрес asel.work@example.kz от рассылки",
    "Маған хат жібермеңіз, ешқандай поштаға",
    "Хабарламалардан бас тартамын, жаңа поштама да жібермеңіз",
])  # fmt: skip
def test_a_letter_that_asks_mail_to_stop_wherever_it_goes_still_unsubscribes(person, body):
    ticket = ingest(message("Рассылка / Таратылым", body=body))
    assert (ticket.type, ticket.status) == (Type.UNSUBSCRIBE, Status.DONE)
    assert ticket.due_date == due_date(ticket.received_at, deadline_days(Type.UNSUBSCRIBE))
    withdrawn = LedgerEntry.objects.filter(subject=person, kind="withdraw")
    assert set(withdrawn.values_list("purpose", flat=True)) == {MARKETING}
    assert not gate.may_process(person, MARKETING) and gate.may_process(person, SERVICE)
