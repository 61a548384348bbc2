"""A signature's company is no one a request is about (compliance L7, about_whom.FIRM_BEFORE).
From a work mailbox people sign with their firm: «Асель Касымова / Главный бухгалтер / ТОО
«Восток-Сервис»». Its two capitalised words read as a person's name, and a request that says
no «мені», «меня» («Жазылымнан шығарыңыз», «Удалите данные») was taken for one about that
person: the news went on and the officer was told the letter was about someone else."""

import pytest

from consent.rights.intake import ingest
from consent.rights.models import Ticket

from .conftest import message, news_only_stopped, untouched

Type, Status = Ticket.Type, Ticket.Status


@pytest.mark.parametrize("body", [
    "Жазылымнан шығарыңыз.\n\nАсель Касымова\nГлавный бухгалтер\nТОО «Восток-Сервис»",
    "Отпишите от рассылки.\n\nАсель Касымова\nТОО \"Восток Сервис\"",
    "Хабарлама жібермеңіз.\n\nӘсел\nЖШС «Алтай Жолы»\n+7 701 123 45 67",
    "Отпишите от рассылки, пожалуйста.\nАсель, менеджер «Сункар Трейд»",
])  # fmt: skip
def test_an_unsubscribe_signed_with_a_company_stops_the_news(person, body):
    ticket = ingest(message("", body=body))
    assert (ticket.type, ticket.status, ticket.about_someone_else) == (
        Type.UNSUBSCRIBE, Status.DONE, False)  # fmt: skip
    assert news_only_stopped(ticket, person)


def test_a_destruction_signed_with_a_company_is_the_writers_own(person):
    body = "Удалите данные.\n\nАсель Касымова\nТОО «Восток-Сервис»"
    ticket = ingest(message("", body=body))
    assert (ticket.type, ticket.about_someone_else) == (Type.DESTROY, False) and untouched(person)


@pytest.mark.parametrize("body", [
    "Удалите данные Ерлана Асқарова.\n\nАсель\nТОО «Сункар»",
    "Удалите данные «Ерлана Асқарова».",
])  # fmt: skip
def test_a_person_named_beside_a_company_is_still_someone_else(person, body):
    ticket = ingest(message("", body=body))
    assert (ticket.type, ticket.about_someone_else) == (Type.OTHER, True) and untouched(person)
