"""An out-of-office reply that asks for mail to wait until its writer is back, and a person who
asks for mail to stop (compliance L7, L15). «Я в отпуске. Не присылайте мне письма до 15
декабря», sent by a mail program with no header naming it a machine, opened a request «other»,
fifteen working days for an officer and an acknowledgement to a mailbox nobody read; while
«Не присылайте мне письма», from a person, opened the same «other» instead of stopping the
news as it arrived.

The line between them: a header or a subject line a machine writes (machines.py) sets the
letter aside whatever it says; without one, a letter that says its writer is away and asks for
mail to wait until a time («до 15 декабря», «дейін», «until») asks nothing; a stop with no
such bound («больше не присылайте»), or anything else asked beside it, is the person's."""

import pytest
from post_office.models import Email

from consent.core import gate
from consent.core.purposes import MARKETING, SERVICE
from consent.rights.intake import ingest
from consent.rights.models import QuarantinedMessage, Ticket

from .conftest import auto, mails_to, message

Type, Status = Ticket.Type, Ticket.Status

# Out-of-office replies a mail program wrote without a header that names it a machine.
AWAY_UNTIL = {
    "ru, the reported letter": "Я в отпуске. Не присылайте мне письма до 15 декабря",
    "ru, until my return": "Здравствуйте!\nЯ в отпуске до 15.12. Прошу не присылать мне письма "
                           "до моего возвращения.\n\nС уважением,\nИван Петров",
    "ru, on a business trip": "Нахожусь в командировке. Не пишите мне до понедельника, письма "
                              "не читаю.",
    "kk": "Мен демалыстамын. 15 желтоқсанға дейін хат жібермеңіз.",
    "kk, typed without Kazakh letters": "Мен демалыстамын. 15 желтоксанга дейин хат жибермениз.",
    "kk, until I am back": "Сәлеметсіз бе! Мен іссапардамын, оралғанша маған хат жазбаңыз.",
    "en": "I am out of the office until December 15. Please do not email me until then.",
    "en, stop until": "I am on vacation until December 15. Please stop sending me emails until "
                      "then.",
    "kk in Latin letters": "Men demalystamyn. 15 zheltoqsanga deiin hat zhibermeniz.",
    "ru in Latin letters": "Ya v otpuske. Ne prisylaite mne pisma do 15 dekabrya",
}  # fmt: skip


@pytest.mark.parametrize("body", AWAY_UNTIL.values(), ids=AWAY_UNTIL)
def test_an_out_of_office_reply_that_asks_mail_to_wait_asks_nothing(person, body):
    entry = ingest(message("", body=body))
    assert isinstance(entry, QuarantinedMessage) and entry.reason == "nothing_asked"
    assert not Ticket.objects.exists() and not Email.objects.exists()
    assert gate.may_process(person, MARKETING)  # its news go on: it did not unsubscribe


# The same words under what a machine writes: set aside whatever the body says.
MACHINE = {
    "RFC 3834 Auto-Submitted": auto("Auto-Submitted: auto-replied", subject_line="Re: Курсы",
                                    body="Не присылайте мне письма"),
    "X-Autoreply": auto("X-Autoreply: yes", subject_line="Re: Курсы",
                        body="Больше не присылайте мне писем"),
    "Precedence auto_reply": auto("Precedence: auto_reply", subject_line="Re: Курсы",
                                  body="Маған хат жібермеңіз"),
    "the subject line «Автоответ» alone": auto(subject_line="Автоответ",
                                               body="Не присылайте мне письма"),
    "the subject line «Out of office» alone": auto(subject_line="Out of Office",
                                                   body="Не присылайте мне письма"),
}  # fmt: skip


@pytest.mark.parametrize("raw", MACHINE.values(), ids=MACHINE)
def test_a_machines_reply_is_set_aside_whatever_it_says(person, raw):
    entry = ingest(raw)
    assert isinstance(entry, QuarantinedMessage) and entry.reason == "automated"
    assert not Ticket.objects.exists() and not Email.objects.exists()
    assert gate.may_process(person, MARKETING)


# A person who asks for the mail to stop: the news stop as the letter arrives.
STOPS = {
    "ru": message("", body="Не присылайте мне письма"),
    "ru, no more": message("", body="Здравствуйте. Больше не присылайте мне писем."),
    "ru, stop": message("", body="Перестаньте присылать мне письма, пожалуйста"),
    "ru, on leave but for good": message("", body="Я в отпуске. Больше не присылайте мне письма"),
    "ru, Auto-Submitted: no": auto("Auto-Submitted: no", subject_line="",
                                   body="Не присылайте мне письма"),
    "kk": message("", body="Маған хат жібермеңіз"),
    "kk, on leave but for good": message("", body="Мен демалыстамын. Бұдан былай маған хат "
                                                  "жібермеңіз."),
    "en, on leave but for good": message("", body="I am on vacation. Please stop sending me "
                                                  "emails."),
    "ru in Latin letters, on leave": message("", body="Ya v otpuske do 15 dekabrya. Otpishite "
                                                      "menya ot rassylki"),
}  # fmt: skip


@pytest.mark.parametrize("raw", STOPS.values(), ids=STOPS)
def test_a_person_who_asks_the_mail_to_stop_is_unsubscribed(person, raw):
    ticket = ingest(raw)
    assert isinstance(ticket, Ticket) and ticket.type == Type.UNSUBSCRIBE
    assert not gate.may_process(person, MARKETING)
    assert gate.may_process(person, SERVICE)
    assert mails_to("asel@example.kz")  # told, in their language


# On leave, and asking something beside the wait: a request for an officer.
AWAY_AND_ASKS = {
    "and my number": ("Я в отпуске. Не присылайте мне письма до 15 декабря и удалите мой номер "
                      "телефона.", "ru"),
    "and a question": ("Я в отпуске до 15 декабря, не пишите до этого времени. Когда начнётся "
                       "курс?", "ru"),
    "kk, and call me": ("Мен демалыстамын. 15 желтоқсанға дейін хат жібермеңіз, маған "
                        "қоңырау шалыңыз.", "kk"),
}  # fmt: skip


@pytest.mark.parametrize("body,lang", AWAY_AND_ASKS.values(), ids=AWAY_AND_ASKS)
def test_on_leave_and_asking_more_is_a_request(person, body, lang):
    ticket = ingest(message("", body=body))
    assert isinstance(ticket, Ticket) and ticket.type != Type.UNSUBSCRIBE
    assert ticket.language == lang
    assert Ticket.objects.open().filter(pk=ticket.pk).exists()  # on the desk's open list
    assert mails_to("asel@example.kz")  # acknowledged, unlike an out-of-office reply


# A letter that says its writer is away and names a request outside any wait: the request.
AWAY_AND_NAMES = {
    "a subject line that names it": ("Отказ от рассылки (out of office: нет)", "Сәлем",
                                     "unsubscribe"),
    "a noun phrase": ("", "Я в отпуске. Отказ от рассылки.", "unsubscribe"),
    "kk": ("", "Мен демалыстамын. Жаңалықтардан бас тартамын.", "unsubscribe"),
    "a reply to our mail under its subject line": ("Re: Отказ от рассылки",
                                                   "Я в отпуске до 10 декабря.", None),
}  # fmt: skip


@pytest.mark.parametrize("subject_line,body,kind", AWAY_AND_NAMES.values(), ids=AWAY_AND_NAMES)
def test_away_and_naming_a_request_elsewhere(person, subject_line, body, kind):
    """«Отказ от рассылки» beside a leave is asked; our own subject line under «Re:» is not the
    person's words, and an out-of-office reply to it asks nothing."""
    entry = ingest(message(subject_line, body=body))
    if kind is None:
        assert isinstance(entry, QuarantinedMessage) and entry.reason == "nothing_asked"
        assert gate.may_process(person, MARKETING)
    else:
        assert isinstance(entry, Ticket) and entry.type == kind
