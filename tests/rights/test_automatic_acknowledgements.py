"""Letters a helpdesk or a mail program sends back without a header naming it a machine, and
out-of-office replies as people's mail programs word them (compliance L7, L15).

«This is an automatically generated message. Please do not reply to this email.» unsubscribed
the person it came from: «do not … email» was read as «do not email me», and so «Не отправляйте
ответ на это письмо», «Бұл хатқа жауап жазбаңыз» as «не отправляйте письма», «хат жазбаңыз». A
reply named between or beside a stop's words makes the letter one to answer, no mail to stop
(word_order.replying). «Это письмо сформировано автоматически, не отвечайте на него» opened
"other" and was answered with a confirmation link, which the program acknowledged again; so was
«Меня нет в офисе до 15.12», «Я в отъезде», «Жұмыста жоқпын». Each asks nothing: set aside
unanswered, kept for the officers (asked_nothing.AUTOMATIC, AWAY)."""

import pytest
from django.core.management import call_command
from post_office.models import Email

from consent.core import gate
from consent.core.purposes import MARKETING
from consent.rights.intake import ingest
from consent.rights.models import QuarantinedMessage, Ticket

from .conftest import deliver, left, message, news_only_stopped, untouched

Type = Ticket.Type

ACKNOWLEDGEMENTS = {
    "en": "This is an automatically generated message. Please do not reply to this email.",
    "en, replies": "Thank you. Please do not send replies to this email, it is not monitored.",
    "ru": "Ваше письмо получено. Это автоматическое уведомление, отвечать на него не нужно.",
    "ru, helpdesk": "Здравствуйте! Ваше обращение зарегистрировано под номером 48213. Специалист "
    "свяжется с вами в течение 2 рабочих дней.\n\nЭто письмо сформировано автоматически, "
    "пожалуйста, не отвечайте на него.",
    "ru, no answer to send": "Спасибо! Пожалуйста, не отправляйте ответ на это письмо.",
    "kk": "Бұл хат автоматты түрде жіберілді, оған жауап бермеңіз.",
    "kk, received": "Хатыңыз қабылданды. Бұл автоматты хабарлама, оған жауап берудің қажеті жоқ.",
    "kk, no answer to write": "Рақмет! Бұл хатқа жауап жазбаңыз.",
}
AWAY = {
    "not in the office": "Добрый день! Меня нет в офисе до 15.12. Письма не пересылаются. "
    "Отпишусь по возвращении.",
    "will not be in": "Меня не будет в офисе до понедельника.",
    "travelling": "Здравствуйте! Я нахожусь в отъезде до 20 декабря, доступ к почте ограничен.",
    "unreachable": "Добрый день. Я буду недоступна с 5 по 15 декабря. Отвечу после возвращения.",
    "training": "Я на обучении до 15 декабря, отвечу позже.",
    "kk, not at work": "Мен 15 желтоқсанға дейін жұмыста жоқпын.",
    "en": "I am currently away with limited access to email.",
}


@pytest.mark.parametrize("body", [*ACKNOWLEDGEMENTS.values(), *AWAY.values()],
                         ids=[*ACKNOWLEDGEMENTS, *(f"away: {k}" for k in AWAY)])  # fmt: skip
def test_an_automatic_or_away_letter_is_set_aside_unanswered(person, body):
    entry = ingest(message("Re: Жаңа курстар / Новые курсы", body=body))
    assert isinstance(entry, QuarantinedMessage) and entry.reason == "nothing_asked"
    assert not Email.objects.exists() and untouched(person)


@pytest.mark.parametrize("body", ACKNOWLEDGEMENTS.values(), ids=ACKNOWLEDGEMENTS)
def test_an_acknowledgement_of_our_mail_is_kept_with_its_request_no_one_mailed(person, body):
    asked = ingest(message("", body="Деректерімді жойыңыз", message_id="<first@x>"))
    ours = Email.objects.count()
    filed = ingest(message(f"Re: № {asked.reference} өтінішіңізді растаңыз", body=body,
                           message_id="<ack@x>"))  # fmt: skip
    assert filed.status == Ticket.Status.FILED and filed.regarding == asked
    assert Email.objects.count() == ours and untouched(person)


@pytest.mark.parametrize("body, kind", [
    ("Не отвечайте на это письмо, просто перезвоните мне.", Type.OTHER),
    ("Не отвечайте на это письмо, удалите мой номер телефона.", Type.CORRECT),
    ("Бұл хатқа жауап жазбаңыз. Деректерімді жойыңыз.", Type.DESTROY),
    ("Please do not reply to this email. Please delete my personal data.", Type.DESTROY),
    ("Меня нет в офисе до 15.12, но удалите, пожалуйста, мои данные.", Type.DESTROY),
])  # fmt: skip
def test_what_is_asked_beside_a_no_reply_line_is_still_asked(person, body, kind):
    ticket = ingest(message("Re: Новости", body=body))
    assert isinstance(ticket, Ticket) and ticket.type == kind
    assert gate.may_process(person, MARKETING)


@pytest.mark.parametrize("body", [
    "Please do not email me.",
    "Do not ever email me again.",
    "Не присылайте мне письма, ответ не нужен.",
    "Спасибо за ответ, не присылайте больше писем.",
    "Маған хат жазбаңыз.",
    "Хабарлама жібермеңіз, жауап күтпеймін.",
])  # fmt: skip
def test_a_stop_beside_a_reply_word_still_stops_the_news(person, body):
    assert news_only_stopped(ingest(message("Re: Новости", body=body)), person)


@pytest.mark.live
def test_an_acknowledgement_fetched_from_the_mailbox_gets_no_answer(mailbox, person):
    """As it runs: the program's letter lands in the real mailbox; the timer takes it in, keeps
    it for the officers and writes to no one, so it has nothing to acknowledge again."""
    for n, body in enumerate(ACKNOWLEDGEMENTS.values()):
        deliver(mailbox, message("Re: Жаңа курстар", message_id=f"<ack-{n}@x>", body=body))
    call_command("fetch_request_mail")
    assert left(mailbox) == 0
    assert QuarantinedMessage.objects.filter(reason="nothing_asked").count() == len(
        ACKNOWLEDGEMENTS
    )
    assert not Ticket.objects.exists() and not Email.objects.exists() and untouched(person)
