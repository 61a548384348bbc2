"""A letter that asks to stop the news and something more, in words no phrase names: the news
stop as it arrives (compliance L15), and the rest reaches an officer (L7). It was carried out
and closed «done» as an unsubscribe, the person told so, and no one ever read the question or
the other request beside it."""

import pytest

from consent.core import gate
from consent.core.purposes import MARKETING, SERVICE
from consent.rights.intake import ingest
from consent.rights.models import Ticket

from .conftest import mails_to, message

Type, Status = Ticket.Type, Ticket.Status


@pytest.mark.parametrize("subject_line, body, language", [
    ("Отписаться от рассылки",
     "Отпишите меня от рассылки. И подскажите, когда начнётся курс английского?", "ru"),
    ("Запрос", "Отпишите меня от рассылки и удалите мой номер телефона.", "ru"),
    ("Отказ от рассылки", "Здравствуйте! Отпишите меня от рассылки.\nТакже прошу исправить "
     "ошибку в моём отчестве.", "ru"),
    ("Отписаться от рассылки и удалить мой номер телефона", "", "ru"),
    ("Хабарламалардан бас тарту", "Сәлеметсіз бе! Жаңалықтардан бас тартамын. Телефон "
     "нөмірімді өшіріп беріңізші. Рахмет.", "kk"),
    ("Жаңалықтардан бас тарту", "Маған хабарлама жібермеңіз. Курс қашан басталады?", "kk"),
    ("Рассылка", "Сколько стоит курс? Отпишите меня от рассылки", "ru"),
    ("Рассылка", "Отпишите меня от рассылки, я хочу записаться на курс в январе", "ru"),
    ("Хабарлама", "Хабарламаларыңыз керек емес. Ақшамды қайтарыңыз", "kk"),
    # to carry it out, and something more
    ("Отказ от рассылки", "Прошу исполнить и удалить мой номер телефона.", "ru"),
    ("Отписка", "Прошу рассмотреть мою жалобу на преподавателя.", "ru"),
    ("Таратылымнан шығу", "Өтінішімді орындап, телефон нөмірімді өшіріңіз.", "kk"),
])  # fmt: skip
def test_the_news_stop_and_the_rest_of_the_letter_waits_for_an_officer(
    person, subject_line, body, language
):
    ticket = ingest(message(subject_line, body=body))

    ticket.refresh_from_db()
    assert (ticket.type, ticket.language) == (Type.OTHER, language)
    assert Ticket.objects.open().filter(pk=ticket.pk).exists()  # on the desk's open list
    assert (body or subject_line) in ticket.message
    # Stopped as it arrived, as the person asked; nothing else.
    assert not gate.may_process(person, MARKETING)
    assert gate.may_process(person, SERVICE)
    [mail] = mails_to("asel@example.kz")
    stopped = {"ru": "мы перестали присылать вам новости и\xa0предложения",
               "kk": "біз сізге жаңалықтар мен ұсыныстар жіберуді тоқтаттық"}  # fmt: skip
    assert stopped[language] in mail.message
    # Not told the request was done: an officer has yet to read the rest.
    done = {"ru": "выполнен", "kk": "орындалды"}
    assert done[language] not in mail.message


@pytest.mark.parametrize("subject_line, body, language", [
    ("Отписаться от рассылки", "Здравствуйте! Отпишите меня, пожалуйста, от рассылки и больше "
     "не присылайте писем. Спасибо!\n\nС уважением,\nАсель", "ru"),
    ("Отказ от рассылки", "Моё согласие на рассылку отзываю, ещё раз прошу не писать.", "ru"),
    ("Жаңалықтардан бас тарту", "Сәлеметсіз бе! Маған хабарлама жібермеңіз. Рахмет", "kk"),
    ("Жаңалықтардан бас тарту", "Хабарламалардан бас тартамын. Сау болыңыз!", "kk"),
    ("Жаңалықтардан бас тарту", "Сәлеметсіз бе? Хабарламалардан бас тартамын.", "kk"),
    ("Отказ от рассылки", "Извините, но больше не хочу получать ваши письма.", "ru"),
    ("Отписаться от рассылки и больше не получать писем", "", "ru"),
    ("Вопрос", "Отпишите меня от рассылки, не хочу больше получать письма", "ru"),
    ("Вопрос", "Ссылка «отписаться от рассылки» не открывается, отпишите меня вручную", "ru"),
    ("Отписаться от рассылки новостей и акций", "Спасибо", "ru"),
    # exasperation asks no question; what the writer will do asks nothing of us
    ("Рассылка", "Сколько раз просить отписать меня от рассылки?", "ru"),
    ("Re: Новые курсы", "Сколько можно просить отписать меня от рассылки???", "ru"),
    ("Рассылка", "Сколько раз я должна вам писать, отпишите меня от рассылки!", "ru"),
    ("Сколько можно?!", "Отпишите меня от рассылки.", "ru"),
    ("Хабарлама", "Қанша рет айту керек, мені таратылымнан шығарыңыз!", "kk"),
    ("Хабарлама", "Қанша рет жазу керек? Мені таратылымнан шығарыңыз!", "kk"),
    ("СПАМ!!!", "СКОЛЬКО МОЖНО!!! ПРЕКРАТИТЕ СЛАТЬ МНЕ ВАШ СПАМ!!!", "ru"),
    ("Рассылка", "Сколько можно? Отпишите меня от рассылки", "ru"),
    ("Хабарлама", "Қашанға дейін?! Маған хабарлама жібермеңіз", "kk"),
    ("Рассылка", "Данные мои не удаляйте, я ещё буду у вас учиться, но от рассылки отпишите.",
     "ru"),
    # Kazakh's «your» on the news ends as an imperative does, and asks nothing
    ("Хабарлама", "Хабарламаларыңыз керек емес", "kk"),
    ("Жаңалықтар", "Жаңалықтарыңыз маған қажет емес, рахмет", "kk"),
    # asked to be carried out, as a formal letter ends: the unsubscribe itself, nothing more
    ("Отказ от рассылки", "Добрый день, прошу исполнить.", "ru"),
    ("Отписка от рассылки", "Прошу принять к исполнению мою заявку.\n\nС уважением, Асель", "ru"),
    ("Отписка от рассылки", "Прошу выполнить мою просьбу в кратчайшие сроки.", "ru"),
    ("Таратылымнан шығу", "Өтінішімді орындауыңызды сұраймын.", "kk"),
    ("Таратылымнан шығу", "Сәлеметсіз бе! Орындаңызшы, рахмет.", "kk"),
])  # fmt: skip
def test_a_letter_that_only_unsubscribes_is_still_done_as_it_arrives(
    person, subject_line, body, language
):
    ticket = ingest(message(subject_line, body=body))

    ticket.refresh_from_db()
    assert (ticket.type, ticket.status, ticket.language) == (Type.UNSUBSCRIBE, Status.DONE,
                                                            language)  # fmt: skip
    assert not gate.may_process(person, MARKETING)
    assert gate.may_process(person, SERVICE)  # only the news stopped
