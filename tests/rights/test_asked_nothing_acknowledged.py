"""«Хорошо, жду», «Жақсы, күтемін», «Ок, спасибо, жду ответа»: a letter that only acknowledges,
agrees or says it waits opened a request of its own, an officer's fifteen working days and an
answer mailed back, when only a thanks was read as asking nothing. Now it is kept as a thanks
is (asked_nothing.py): set aside unanswered, or filed quietly with the sender's own request.
A word that asks more still opens a request.

And an out-of-office reply was read by the leave it mentions: «Я в отпуске до 10-го, но прошу
перезвонить мне» was set aside unanswered. It asks: a request; the auto-reply still asks nothing,
greeting, thanks, pointing to a colleague and signature included."""

import pytest
from post_office.models import Email

from consent.rights.intake import ingest
from consent.rights.models import QuarantinedMessage, Ticket

from .conftest import Status, mails_to, message
from .test_asked_nothing import confirmation, reply

ACKNOWLEDGED = {
    "ru ok, waiting": ("", "Хорошо, жду"),
    "kk ok, waiting": ("", "Жақсы, күтемін"),
    "ok, thanks, waiting for the answer": ("", "Ок, спасибо, жду ответа"),
    "kk thanks, waiting": ("", "Рахмет, күтемін"),
    "understood, waiting": ("", "Понял, жду"),
    "received": ("", "Принято"),
    "kk all right": ("", "Жарайды"),
    "agreed": ("", "Договорились, ждём!"),
    "will wait": ("", "Спасибо, буду ждать вашего ответа."),
    "kk waiting for your answer": ("", "Жақсы, сіздің жауабыңызды күтемін."),
    "kk agreed": ("", "Мақұл, келісемін"),
    "mixed languages": ("", "Рахмет! Хорошо, жду ответа"),
    "emoji and marks": ("", "Ок 👍 жду!!! 🙏"),
    "in the subject line": ("Хорошо, жду", ""),
    "greeting and a name": ("", "Добрый день!\nПонятно, спасибо, ждём.\n\nАсель"),
    "kk greeting and signature": ("", "Сәлеметсіз бе!\nЖарайды, рахмет, күтемін.\n\nҚұрметпен,\n"
                                      "Ерлан Ахметов"),
    "under a phone's footer": ("", "Понял, жду\n\nОтправлено из Mail для iPhone"),
    "above the quote": ("Re: Курсы", "Хорошо, жду ответа\n\n> Мы ответим в течение недели.\n> "
                                     "Удалить данные: напишите нам"),
    "Latin letters": ("", "Jaqsy, rakhmet, kutemin"),
    "English": ("", "Ok, thanks, waiting for your reply"),
    # A reaction to our news, under the campaign's subject line.
    "interesting": ("Re: Новые курсы в январе", "Спасибо, очень интересно!"),
    "great": ("Re: Новые курсы в январе", "Здорово!"),
    "kk great": ("Re: Жаңа курстар", "Керемет!"),
    "kk thanks, interesting": ("Re: Жаңа курстар", "Рахмет, қызық екен"),
    # What the writer will do about an invitation, or did: each opened a request and was mailed
    # a link to confirm it.
    "will come": ("Re: Мастер-класс 12 декабря", "Спасибо, приду"),
    "signed up": ("Re: Мастер-класс 12 декабря", "Записалась!"),
    "noted": ("Re: Новогодние скидки", "Буду знать"),
    "kk will go": ("Re: Шеберлік сыныбы", "Рахмет, барамын"),
    "kk signed up": ("Re: Шеберлік сыныбы", "Жазылдым"),
    "kk will come, surely": ("Re: Шеберлік сыныбы", "Міндетті түрде келемін!"),
    "whole family": ("Re: Мастер-класс 12 декабря", "Обязательно придём всей семьёй!"),
}  # fmt: skip


@pytest.mark.parametrize("subject_line,body", ACKNOWLEDGED.values(), ids=ACKNOWLEDGED)
def test_an_acknowledgement_is_set_aside_unanswered(person, officer, subject_line, body):
    entry = ingest(message(subject_line, body=body))
    assert isinstance(entry, QuarantinedMessage) and entry.reason == "nothing_asked"
    assert not Ticket.objects.exists()  # nothing on the desk's list of requests
    assert not Email.objects.exists()  # nothing mailed to the sender or to the officers


@pytest.mark.parametrize(
    "lang,body",
    [
        ("ru", "Хорошо, жду."),
        ("kk", "Жақсы, күтемін 🙂"),
        ("ru", "Принято, спасибо\n\n> Подтвердите запрос"),
    ],
)
def test_an_acknowledgement_in_a_requests_thread_is_kept_with_it(person, lang, body):
    ticket, mail = confirmation(lang)
    sent = Email.objects.count()
    filed = reply(mail, body)
    assert (filed.regarding, filed.status) == (ticket, Status.FILED)
    assert Ticket.objects.exclude(status=Status.FILED).get() == ticket  # no other request
    ticket.refresh_from_db()
    assert ticket.status == Status.UNVERIFIED  # as it was
    assert Email.objects.count() == sent  # no one is mailed


ASKS_MORE = {
    "and remove my number": ("Хорошо, жду. И удалите мой номер", "correct", "ru"),
    "kk but destroy my data": ("Жақсы, бірақ деректерімді жойыңыз", "destroy", "kk"),
    "and a question": ("Рахмет, күтемін. Курс қашан басталады?", "other", "kk"),
    "waiting, and when": ("Понял, жду. А когда?", "other", "ru"),
    "waiting for an answer about a contract": ("Хорошо, жду ответа по договору", "other", "ru"),
    "did you receive it": ("Получили?", "other", "ru"),
    "waiting, and call me": ("Ок, жду. Перезвоните мне", "other", "ru"),
    "interesting, and a question": ("Очень интересно! А когда начало?", "other", "ru"),
    "kk great, and a question": ("Керемет! Курс қашан басталады?", "other", "kk"),
    "will come, and a correction": ("Приду, и прошу исправить мою фамилию", "correct", "ru"),
    "will come, with a child?": ("Приду. А можно с ребёнком?", "other", "ru"),
    "kk will go, and delete": ("Барамын, бірақ деректерімді жойыңыз", "destroy", "kk"),
}  # fmt: skip


@pytest.mark.parametrize("body,kind,lang", ASKS_MORE.values(), ids=ASKS_MORE)
def test_an_acknowledgement_that_asks_more_still_opens_a_request(person, body, kind, lang):
    ticket = ingest(message("", body=body))
    assert isinstance(ticket, Ticket)
    assert (ticket.type, ticket.language, ticket.status) == (kind, lang, Status.UNVERIFIED)
    assert mails_to("asel@example.kz")  # the sender hears from us


def test_an_acknowledgement_that_asks_more_in_a_thread_is_answered(person):
    ticket, mail = confirmation("kk")
    sent = Email.objects.count()
    answered = reply(mail, "Жақсы, күтемін. Жауап қашан болады?")
    assert answered.regarding == ticket
    assert Email.objects.count() > sent  # told, unlike a bare «Жақсы, күтемін»


AWAY = {
    "ru": ("Отпуск", "Здравствуйте!\n\nСпасибо за ваше письмо. Я нахожусь в ежегодном отпуске "
                        "до 10.12.\nВ моё отсутствие прошу обращаться к Ивановой Марии, "
                        "maria@corp.kz.\n\nС уважением,\nИван Петров"),
    "kk": ("Re: Өтініш", "Хатыңыз үшін рахмет. Мен 15 желтоқсанға дейін еңбек демалысындамын. "
                         "Шұғыл сұрақтар бойынша әріптесіме хабарласыңыз: +77011112233."),
    "on a business trip": ("", "Я в командировке до понедельника, письмо прочитаю позже."),
}  # fmt: skip


@pytest.mark.parametrize("subject_line,body", AWAY.values(), ids=AWAY)
def test_an_out_of_office_reply_is_set_aside_unanswered(person, subject_line, body):
    entry = ingest(message(subject_line, body=body))
    assert isinstance(entry, QuarantinedMessage) and entry.reason == "nothing_asked"
    assert not Ticket.objects.exists() and not Email.objects.exists()


def test_an_out_of_office_reply_in_a_requests_thread_is_kept_with_it(person):
    ticket, mail = confirmation()
    sent = Email.objects.count()
    filed = reply(mail, "Я в отпуске до 10 декабря. По срочным вопросам пишите на ivan@corp.kz")
    assert (filed.regarding, filed.status) == (ticket, Status.FILED)
    assert Email.objects.count() == sent


ON_LEAVE_BUT_ASKS = {
    "and destroy my data": ("Я в отпуске до 10-го, но прошу удалить мои данные", "destroy", "ru"),
    "and call me": ("Я в отпуске до 10-го, но прошу перезвонить мне", "other", "ru"),
    "send the contract": ("Я в отпуске. Пришлите, пожалуйста, договор на почту.", "other", "ru"),
    "urgently call me": ("Я в отпуске. Срочно перезвоните мне!", "other", "ru"),
    "kk contact me": ("Мен демалыстамын, бірақ маған хабарласыңызшы", "other", "kk"),
    "kk and my number": ("Мен іссапардамын. Телефон нөмірімді өшіріңіз.", "correct", "kk"),
    "after a greeting, with a question": ("Здравствуйте! Я на больничном. Когда начнётся курс",
                                          "other", "ru"),
}  # fmt: skip


@pytest.mark.parametrize("body,kind,lang", ON_LEAVE_BUT_ASKS.values(), ids=ON_LEAVE_BUT_ASKS)
def test_a_request_that_mentions_leave_is_a_request(person, body, kind, lang):
    ticket = ingest(message("", body=body))
    assert isinstance(ticket, Ticket)
    assert (ticket.type, ticket.language, ticket.status) == (kind, lang, Status.UNVERIFIED)
    assert mails_to("asel@example.kz")
