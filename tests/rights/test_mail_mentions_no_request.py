"""Letters that only mention what mailin2's phrases name, and ask no request of the person's
data (compliance L7, L15): typed as one, the news stopped, consent withdrawn or the data sent
where the person did not ask. Each opens "other" for an officer, as before those phrases."""

import pytest

from consent.core import gate
from consent.core.purposes import MARKETING, SERVICE
from consent.rights.intake import classify, ingest
from consent.rights.models import Ticket

from . import one_person
from .conftest import message, untouched

# Asel and her texts made once for the module, each test's changes undone (one_person.py).
_asel, person, texts = one_person._asel, one_person.person, one_person.texts


@pytest.mark.parametrize("body, language", [
    # a service asked for with the data: a purpose, a recipient, another document
    ("Пришлите мои данные для договора.", "ru"),
    ("Пришлите мои данные для оплаты", "ru"),
    ("Отправьте мои данные в бухгалтерию.", "ru"),
    ("Направьте мои данные работодателю.", "ru"),
    ("Скиньте мои данные для входа в личный кабинет", "ru"),
    ("Пришлите мне справку об окончании курса с моими данными.", "ru"),
    ("Пришлите, пожалуйста, договор на мои данные.", "ru"),
    ("Шарт үшін менің деректерімді жіберіңіз.", "kk"),
    ("Менің деректерімді жұмыс берушіге жіберіңіз.", "kk"),
    ("Пришлите срочно мои данные в PDF для договора.", "ru"),
    ("Отправьте ещё раз мои данные работодателю.", "ru"),
])  # fmt: skip
def test_data_asked_to_be_sent_for_a_service_is_no_access_request(person, body, language):
    ticket = ingest(message("Вопрос" if language == "ru" else "Сұрақ", body=body))
    assert (ticket.type, ticket.language) == (Ticket.Type.OTHER, language)


@pytest.mark.parametrize("body", [
    "Пришлите мои данные",
    "Пришлите мне мои персональные данные на почту, пожалуйста.",
    "Вышлите мне все мои личные данные.",
    "Деректерімді маған жіберіңізші",
])  # fmt: skip
def test_ones_data_alone_asked_to_be_sent_is_still_access(db, body):
    assert classify("", body)[0] == Ticket.Type.ACCESS


@pytest.mark.parametrize("body, language", [
    ("Пришлите мои данные ещё раз", "ru"),
    ("Отправьте мне мои данные срочно", "ru"),
    ("Пришлите мои данные в PDF", "ru"),
    ("Пришлите мне мои данные, которые у вас есть", "ru"),
    ("Вышлите мои персональные данные на мой адрес", "ru"),
    ("Пришлите мои данные сегодня", "ru"),
    ("Деректерімді маған қайта жіберіңіз", "kk"),
])  # fmt: skip
def test_ones_data_asked_again_now_or_as_a_file_is_still_access(person, body, language):
    """Only a purpose, a recipient or another paper beside the data makes it a service asked
    of us: «ещё раз», «срочно», «в PDF», «которые у вас есть», «на мой адрес» name none, yet each
    opened "other", due as «other» is, not when the law says a copy of the data is due."""
    ticket = ingest(message("Вопрос" if language == "ru" else "Сұрақ", body=body))
    assert (ticket.type, ticket.language) == (Ticket.Type.ACCESS, language)


@pytest.mark.parametrize("body", [
    "Удалите из списка группы Ивана, он не придёт.",
    "Уберите из списка покупок второй курс, я его не заказывала.",
    "Уберите опечатку из списка участников, моё имя написано с ошибкой.",
    "Исключите из списка курса Ерлана, он заболел.",
])  # fmt: skip
def test_someone_or_something_removed_from_a_list_keeps_the_news(person, body):
    ingest(message("Вопрос", body=body))
    assert gate.may_process(person, MARKETING) and gate.may_process(person, SERVICE)


@pytest.mark.parametrize("body", [
    "Уберите меня из списка",
    "Прошу убрать меня из списка.",
    "Удалите меня из вашего списка",
    "Исключите меня из списка, пожалуйста",
    "Хватит мне писать!",
])  # fmt: skip
def test_the_writer_taken_off_the_list_still_unsubscribes(db, body):
    assert classify("", body) == ("unsubscribe", "ru")


@pytest.mark.parametrize("body", [
    "Удалите меня из списка немедленно!",
    "Уберите меня из списка срочно",
    "Исключите меня из списка навсегда.",
    "Уберите уже меня из списка наконец",
])  # fmt: skip
def test_the_writer_taken_off_the_list_now_or_for_good_stops_the_news(person, body):
    """A word of time or manner after «из списка» names no list of another's (a group's, a
    purchase's): read as one, «удалите меня из списка немедленно» opened "other" for fifteen
    working days while the news it asked to stop went on."""
    ingest(message("", body=body))
    assert not gate.may_process(person, MARKETING) and gate.may_process(person, SERVICE)


@pytest.mark.parametrize("body", [
    # a second signature under the postscript: a name, a company, its notice
    "Когда курс?\n\nС уважением,\nАсель\nP.S. Жду ответа.\n\nАсель Касымова\n"
    "менеджер ТОО «Восток»\nЗапрещаю обработку персональных данных из этого письма.",
    "Когда курс?\n\nС уважением,\nАсель\n\nP.S. Спасибо!\n\nНе обрабатывайте данные "
    "этого письма без согласия отправителя.",
])  # fmt: skip
def test_the_signature_under_a_postscript_is_no_writers(person, body):
    ticket = ingest(message("Вопрос", body=body))
    assert (ticket.type, ticket.language) == (Ticket.Type.OTHER, "ru")
    assert gate.may_process(person, SERVICE) and gate.may_process(person, MARKETING)


def test_a_postscript_of_two_lines_is_read_whole(person):
    body = "Спасибо за курс!\n\nС уважением,\nАсель\n\nP.S. Курс понравился.\nОтпишите меня."
    ingest(message("", body=body))
    assert not gate.may_process(person, MARKETING) and gate.may_process(person, SERVICE)


@pytest.mark.parametrize("body", [
    "Отпишитесь меня, когда будет расписание.",
    "Отпишитесь меня пожалуйста когда будет расписание",
    "Отпишитесь меня о результатах экзамена.",
])  # fmt: skip
def test_writing_back_to_the_writer_with_no_news_named_keeps_the_news(person, body):
    ticket = ingest(message("Курс", body=body))
    assert (ticket.type, ticket.language) == ("other", "ru")
    assert gate.may_process(person, MARKETING) and gate.may_process(person, SERVICE)


@pytest.mark.parametrize("body", [
    "Отпишитесь меня, пожалуйста, от рассылки",
    "Отпишитесь меня от ваших уведомлений.",
    "Отпишитесь меня от спама!",
])  # fmt: skip
def test_the_writer_taken_off_the_news_by_the_slip_still_unsubscribes(db, body):
    assert classify("", body) == ("unsubscribe", "ru")


@pytest.mark.parametrize("body", [
    "Руководителю курса: удалите данные Ерлана Асқарова.",
    "Директору: прошу удалить данные Ерлана Асқарова.",
    "Директору ТОО, прошу удалить персональные данные Ерлана Асқарова.",
])  # fmt: skip
def test_a_request_written_on_the_line_to_the_director_is_read_for_whom(person, body):
    ticket = ingest(message("", body=body))
    assert (ticket.type, ticket.about_someone_else) == (Ticket.Type.OTHER, True)
    assert untouched(person)


@pytest.mark.parametrize("header", [
    "Кому: директору ТОО «ЕМ АЛУ плюс» Иванову И. И.\n",
    "Директору ТОО «ЕМ АЛУ плюс» г. Усть-Каменогорск\nг-ну Иванову И.И.\n",
])  # fmt: skip
def test_the_address_alone_is_still_the_readers(person, header):
    body = header + "от Касымовой А.Е.\n\nЗАЯВЛЕНИЕ\n\nПрошу удалить мои персональные данные."
    ticket = ingest(message("Заявление", body=body))
    assert (ticket.type, ticket.about_someone_else) == (Ticket.Type.DESTROY, False)
