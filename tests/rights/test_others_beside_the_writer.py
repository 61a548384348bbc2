"""Someone else taken off the news beside the words, or beside the writer (compliance L7,
relatives.py): «Их тоже исключите из рассылки», «Отпишите, пожалуйста, их тоже», «Оларға
хабарлама жібермеңіз», «Please unsubscribe them» stopped the sender's news for other people's,
the pronoun read only right beside its verb or in Russian; «Отпишите меня и коллегу от
рассылки» stopped the sender's and left the colleague's unread; and «Мне не нужна рассылка, и
коллеге тоже» marked the colleague but kept sending the writer the news they refused. Each opens
"other" about someone else for an officer; the writer's own news, asked in the first person,
stop as the letter arrives."""

import pytest

from consent.core import gate
from consent.core.purposes import MARKETING, SERVICE
from consent.rights.intake import ingest
from consent.rights.models import Ticket

from .conftest import message, untouched

Type = Ticket.Type

THEIRS = {
    "ru them too, verb after": "Их тоже исключите из рассылки",
    "ru them too, verb before": "Отпишите, пожалуйста, их тоже",
    "ru them, verb after": "Их тоже отпишите",
    "ru her too": "Её тоже отпишите, пожалуйста",
    "ru not to them": "Не пишите им больше, пожалуйста",
    "kk not to them": "Оларға хабарлама жібермеңіз",
    "kk not to him": "Оған хат жібермеңіз",
    "en unsubscribe them": "Them too, please unsubscribe them",
    "en unsubscribe her": "Please unsubscribe her",
}


@pytest.mark.parametrize("body", THEIRS.values(), ids=THEIRS)
def test_others_taken_off_the_news_leave_the_senders_alone(person, body):
    ticket = ingest(message("Сұрақ", body=body))
    assert (ticket.type, ticket.about_someone_else) == (Type.OTHER, True)
    assert untouched(person)


MINE_AND_THEIRS = {
    "ru me and a colleague": "Отпишите меня и коллегу от рассылки",
    "ru me, a friend too": "Отпишите меня от рассылки, друга тоже",
    "ru not needed, a colleague too": "Мне не нужна рассылка, и коллеге тоже",
    "ru not needed, the wife too": "Мне не нужна ваша рассылка, жене тоже",
    "kk not needed, a colleague too": "Маған хабарламаларыңыз керек емес, әріптесіме де",
}


@pytest.mark.parametrize("body", MINE_AND_THEIRS.values(), ids=MINE_AND_THEIRS)
def test_the_writers_news_stop_and_the_others_are_read(person, body):
    ticket = ingest(message("Сұрақ", body=body))
    assert (ticket.type, ticket.about_someone_else) == (Type.OTHER, True)
    assert not gate.may_process(person, MARKETING) and gate.may_process(person, SERVICE)


OWN = {
    "ru their letters": ("Отпишите меня, их письма мне не нужны", Type.UNSUBSCRIBE),
    "ru the news alone": ("Мне не нужна ваша рассылка", Type.UNSUBSCRIBE),
    "en many of them": ("Please unsubscribe me, I get too many of them", Type.UNSUBSCRIBE),
}


@pytest.mark.parametrize("body, kind", OWN.values(), ids=OWN)
def test_the_writers_own_stop_is_still_theirs(person, body, kind):
    ticket = ingest(message("Сұрақ", body=body))  # a guard
    assert (ticket.type, ticket.about_someone_else) == (kind, False)
