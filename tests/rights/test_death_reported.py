"""A letter saying the person we write to has died (compliance L7, L15). «Адресат умер. Удалите
этот адрес из рассылки.», «Бұл поштаның иесі қайтыс болды. Хат жіберуді тоқтатыңыз.» were an
unsubscribe done and closed on arrival, «Владелец этого ящика скончался, уберите адрес из базы»
a correction of the record: no officer learnt that the person had died, nor that someone else
now reads their mail. Each is about someone else, for an officer (relatives.died); the news to
the address stop as it arrives when the letter asks it for the address's holder, which ends
nothing of anyone's; a relative named («Мой отец умер»), the address may be the writer's own,
and nothing is done on arrival."""

import pytest
from post_office.models import Email

from consent.core import gate
from consent.core.purposes import MARKETING, SERVICE
from consent.rights.intake import ingest
from consent.rights.models import Ticket

from .conftest import message, untouched

OTHER = {"ru": "kk", "kk": "ru"}
HOLDER_DIED = {
    "ru, addressee": ("Рассылка", "Адресат умер. Удалите этот адрес из рассылки.", "ru"),
    "ru, the person written to": ("", "Человек, которому вы пишете, скончался. Отпишите его.",
                                  "ru"),
    "kk, the mailbox's owner": ("Хабарлама", "Бұл поштаның иесі қайтыс болды. Хат жіберуді "
                                "тоқтатыңыз.", "kk"),
    "kk, late": ("", "Әсел марқұм болды. Хабарламалар жібермеңіздер.", "kk"),
    "en": ("Newsletter", "The owner of this email address passed away. Please unsubscribe.",
           "kk"),  # English: the language the person on record chose
}  # fmt: skip


@pytest.mark.parametrize("subject, body, language", HOLDER_DIED.values(), ids=HOLDER_DIED)
def test_a_holders_death_stops_the_news_and_goes_to_an_officer(person, subject, body, language):
    ticket = ingest(message(subject, body=body))
    assert ticket.type == Ticket.Type.OTHER and ticket.about_someone_else
    assert ticket.status != Ticket.Status.DONE and ticket.language == language
    assert not gate.may_process(person, MARKETING) and gate.may_process(person, SERVICE)
    [mail] = Email.objects.all()  # the writer is told, wholly in their language, the news stopped
    said = {"ru": "мы перестали присылать вам новости", "kk": "жіберуді тоқтаттық"}
    assert said[language] in mail.message and said[OTHER[language]] not in mail.message


@pytest.mark.parametrize("body", [
    "Владелец этого ящика скончался, уберите адрес из базы.",
    "Мой отец умер. Прошу удалить его персональные данные.",
    "Мой отец умер, отпишите его от рассылки.",
    "Әкем қайтыс болды. Оның деректерін жойып, хат жібермеңіздер.",
    "My father died last month. Please delete his data.",
])  # fmt: skip
def test_a_death_told_with_any_other_request_is_done_to_no_one_on_arrival(person, body):
    ticket = ingest(message("", body=body))
    assert ticket.type == Ticket.Type.OTHER and ticket.about_someone_else
    assert untouched(person)


def test_dying_of_boredom_is_no_death(person):
    ticket = ingest(message("", body="Отпишите меня, я умираю от скуки"))
    assert ticket.type == Ticket.Type.UNSUBSCRIBE and not ticket.about_someone_else


def test_the_desk_says_why_the_news_stopped_for_a_letter_about_someone_else(desk, person):
    ticket = ingest(message("Рассылка", body="Адресат умер. Удалите этот адрес из рассылки."))
    for language, said in (("ru", "для владельца адреса, о\xa0смерти которого оно сообщает"),
                           ("kk", "қайтыс болғаны айтылған мекенжай иесі үшін")):  # fmt: skip
        desk.cookies["django_language"] = language
        page = desk.get(f"/admin/rights/ticket/{ticket.pk}/change/").content.decode()
        assert 'id="someone-else"' in page and said in page
