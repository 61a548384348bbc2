"""Letters as people write them to the operator's mailbox (compliance L7), each through the real
intake path: greetings and the officer's name, sign-offs, quoted newsletters, typos, Kazakh in
Latin letters, both languages in one letter. Each opens the request its writer means, and only
a stop acts as it arrives. A stop said alone («СТОП», «Тоқтатыңыз», «stop») is one."""

import pytest

from consent.core import gate
from consent.core.purposes import MARKETING, SERVICE
from consent.rights.intake import ingest
from consent.rights.models import QuarantinedMessage, Ticket

from . import one_person
from .conftest import message, untouched

# Asel and her texts made once for the module, each test's changes undone (one_person.py).
_asel, person, texts = one_person._asel, one_person.person, one_person.texts

Type = Ticket.Type
NEWS = "\n\n> Скидка 20% на все курсы английского до 31 декабря!\n> Отписаться от рассылки"
SIGNED = "\n\nС уважением,\nӘсел Қасымова\n+7 701 123 45 67"

LETTERS = {
    # stops: done as they arrive
    "ru, polite, signed": ("Re: Жаңа курстар", "Добрый день! Больше не присылайте мне ваши "
                           "рассылки, пожалуйста." + SIGNED, Type.UNSUBSCRIBE),
    "kk Latin, no keyboard": ("Otpiska", "Salemetsiz be, maghan habarlama jibermeniz. Rakhmet",
                              Type.UNSUBSCRIBE),
    "ru above a quoted newsletter": ("Re: Скидка 20% на английский", "Спасибо, но мне это уже "
                                     "не актуально. Отпишите меня пожалуйста." + NEWS,
                                     Type.UNSUBSCRIBE),
    "ru, the officer greeted by name": ("Re: Запись на курс", "Добрый день, Айгерим! Спасибо за "
                                        "информацию, запись подтверждаю. Рассылку получать не "
                                        "хочу.", Type.UNSUBSCRIBE),
    "ru, angry": ("Спам", "Хватит слать мне спам!!!", Type.UNSUBSCRIBE),
    "ru, plain": ("Рассылка", "Прекратите присылать мне письма", Type.UNSUBSCRIBE),
    "ru, object first": ("Рассылка", "Рассылку отключите", Type.UNSUBSCRIBE),
    "ru, a word alone": ("Рассылка", "Отписаться", Type.UNSUBSCRIBE),
    "ru, slang": ("Рассылка", "отписаться от рассылки плиз", Type.UNSUBSCRIBE),
    "kk, polite particle": ("Хабарлама", "Маған хабарлама жібермеңіздерші өтінемін",
                            Type.UNSUBSCRIBE),
    "ru, from the list": ("Рассылка", "Пожалуйста, уберите меня из списка рассылки.",
                          Type.UNSUBSCRIBE),
    "ru, aside before the object": ("Рассылка", "Отпишите, пожалуйста, от рассылки",
                                    Type.UNSUBSCRIBE),
    "ru, thanks after": ("Рассылка", "Не хочу больше получать от вас письма. Спасибо.",
                         Type.UNSUBSCRIBE),
    "ru, asked again": ("Рассылка", "Мне приходят письма на почту, хотя я отписалась. "
                        "Отпишите ещё раз", Type.UNSUBSCRIBE),
    "ru, typo in the verb": ("Рассылка", "Отпешите меня от рассылки", Type.UNSUBSCRIBE),
    "kk, the stop said twice": ("Рассылка", "Мен хабарламаларды алғым келмейді, тізімнен "
                                "шығарыңыз", Type.UNSUBSCRIBE),
    "kk, a reply": ("Re: Жаңалықтар", "Жаңалықтарыңызды енді жібермеңіздер, рахмет",
                    Type.UNSUBSCRIBE),
    "ru, signature and an iPhone quote": ("Re: Новости недели", "Добрый день.\nПрошу отписать "
                                          "меня от рассылки.\n\n--\nС уважением, Әсел\n"
                                          "Отправлено с iPhone", Type.UNSUBSCRIBE),
    # rights that wait for the person's link
    "kk, polite particle, destroy": ("Сұрақ", "Сәлеметсіз бе! Менің деректерімді жойып "
                                     "жіберіңізші. Рахмет!", Type.DESTROY),
    "ru, from your base": ("Просьба", "Здравствуйте, прошу удалить все мои персональные данные "
                           "из вашей базы. Заранее спасибо", Type.DESTROY),
    "ru in Latin letters": ("udalit dannye", "Zdravstvuite, udalite pozhaluista moi dannye. "
                            "Spasibo", Type.DESTROY),
    "kk in Latin letters": ("Derekter", "Salemetsiz be! Derekterimdi zhoiynyzdar, otinemin.",
                            Type.DESTROY),
    "ru, abbreviation": ("Данные", "Удалите пжл мои данные, я больше не ваш клиент",
                         Type.DESTROY),
    "ru, typo in the verb, destroy": ("Данные", "Удолите мои данные пожалуйста", Type.DESTROY),
    "kk, another verb": ("Деректер", "Сәлем. Деректерімді өшіріңіз, курсқа бармаймын енді.",
                         Type.DESTROY),
    "ru, do not keep": ("Данные", "Не храните мои данные", Type.DESTROY),
    "kk, do not keep": ("Данные", "Мен сіздердің курстарыңызға енді бармаймын, деректерімді "
                        "сақтамаңыздар", Type.DESTROY),
    "ru, out of the base, officer named": ("Данные", "Анна Петровна, здравствуйте. Прошу "
                                           "исключить мои данные из базы.", Type.DESTROY),
    "ru, vocative greeting": ("Данные", "Уважаемая Анна! Удалите мои данные. Спасибо",
                              Type.DESTROY),
    "ru, signed after a dash": ("Данные", "Удалите мои данные — Асель", Type.DESTROY),
    "ru, not honoured": ("Данные", "Я просил удалить мои данные месяц назад, до сих пор нет "
                         "ответа!", Type.DESTROY),
    "ru, and a confirmation": ("Данные", "Прошу уничтожить мои персональные данные и "
                               "подтвердить уничтожение письменно.", Type.DESTROY),
    "ru, a block": ("Данные", "Блокируйте мои данные до выяснения обстоятельств", Type.BLOCK),
    "ru, a copy": ("Копия", "Пришлите мне, пожалуйста, копию всех моих данных, которые у вас "
                   "есть", Type.ACCESS),
    "kk, what you hold": ("Көшірме", "Мен туралы сіздерде қандай ақпарат бар? Көшірмесін "
                          "жіберіңізші", Type.ACCESS),
    "ru, what you hold": ("Вопрос", "Добрый день. Хочу узнать, какие мои данные у вас хранятся?",
                          Type.ACCESS),
    "ru, how it is processed": ("Данные", "Прошу прислать информацию о том, как обрабатываются "
                                "мои персональные данные", Type.ACCESS),
    "ru, a new surname": ("Фамилия", "Здравствуйте! Я вышла замуж, моя новая фамилия Сейткали. "
                          "Исправьте, пожалуйста, в моих данных.", Type.CORRECT),
    "ru, a new phone": ("Вопрос", "Здравствуйте, у меня сменился номер телефона: "
                        "+7 702 000 11 22", Type.CORRECT),
    # questions and remarks: nothing acts
    "ru, whether, officer by name": ("Вопрос", "Добрый день, Анна Сергеевна! Могу ли я отозвать "
                                     "согласие на обработку данных?", Type.WITHDRAW),
    "ru, a review": ("Отзыв", "Мой отзыв о курсе: всё понравилось, преподаватель супер!",
                     Type.OTHER),
    "ru, changed my mind": ("Данные", "Не удаляйте мои данные, пожалуйста, я передумала",
                            Type.OTHER),
    "ru, a complaint": ("Вопрос", "Я не просила меня подписывать на рассылку. Откуда у вас мой "
                        "адрес?", Type.OTHER),
    "ru, someone else's": ("Данные", "Удалите данные моего сына Арсена, он больше не ходит на "
                           "курсы.", Type.OTHER),
    # a stop said alone, the whole letter (refused.stopped_alone): the news stop, nothing more
    "ru, a stop alone": ("Re: Скидки недели", "СТОП", Type.UNSUBSCRIBE),
    "ru, a stop and thanks": ("Re: Скидки недели", "Стоп. Спасибо", Type.UNSUBSCRIBE),
    "a stop in Latin letters": ("Re: Жаңа курстар", "stop pls", Type.UNSUBSCRIBE),
    "kk, a stop alone": ("Re: Жаңа курстар", "Тоқтатыңызшы!", Type.UNSUBSCRIBE),
    "ru, enough": ("Re: Скидки недели", "Хватит!!!", Type.UNSUBSCRIBE),
    "ru, a stop signed": ("Re: Скидки недели", "Стоп\n\nАсель", Type.UNSUBSCRIBE),
    "ru, a stop of the spam": ("Re: Скидки недели", "СТОП СПАМ", Type.UNSUBSCRIBE),
    "ru, a stop and a refusal": ("Re: Скидки недели", "Стоп, спасибо, не надо", Type.UNSUBSCRIBE),
    "ru, the news named alone": ("Re: Скидки недели", "Рассылка", Type.OTHER),
    "a stop as the subject line": ("STOP", "Сәлем", Type.UNSUBSCRIBE),
    "ru, a stop above the quote": ("Re: Жаңа курстар", "Стоп\n\n> Жаңа курстар! Ағылшын тілі "
                                   "20% жеңілдікпен", Type.UNSUBSCRIBE),
    "ru, a stop asked": ("Re: Скидки недели", "Стоп? Что это значит?", Type.OTHER),
    "ru, no stop": ("Re: Скидки недели", "Не стоп", Type.OTHER),
    "kk, do not stop": ("Re: Жаңа курстар", "Тоқтатпаңыз", Type.OTHER),
    "a stop under a request's number": ("Re: № R-12 өтінішіңізді растаңыз", "Стоп", Type.OTHER),
}  # fmt: skip


@pytest.mark.parametrize("subject_line, body, kind", LETTERS.values(), ids=LETTERS.keys())
def test_a_letter_opens_what_its_writer_means(person, subject_line, body, kind):
    ticket = ingest(message(subject_line, body=body))
    assert ticket.type == kind
    if kind == Type.UNSUBSCRIBE:
        assert not gate.may_process(person, MARKETING) and gate.may_process(person, SERVICE)
    else:
        assert untouched(person)  # nothing else acts before the person confirms


@pytest.mark.parametrize("body", [
    "Спасибо, данные удалили, всё хорошо",
    "Жарайды, рахмет!",
])  # fmt: skip
def test_thanks_open_nothing(person, body):
    found = ingest(message("Re: Жаңалықтар", body=body))
    assert isinstance(found, QuarantinedMessage) or found.type == Type.OTHER
    assert untouched(person)
