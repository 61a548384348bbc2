"""Plain requests the intake's readers of questions, doubts and a service's papers reached too far
into (compliance L7, L15; test_letters_people_send.py has what they were made for): a request
asked of us with a doubt after its «but», a hurry or a reproach under the subject line that
names the request, and an invoice or «this» mentioned beside a plain stop. Each was left
undone: the news went on, or the consent stayed, while the writer had plainly asked."""

import pytest

from consent.core import gate
from consent.core.purposes import MARKETING, SERVICE
from consent.rights.intake import ingest
from consent.rights.models import Ticket

from . import one_person
from .conftest import message

# Asel and her texts made once for the module, each test's changes undone (one_person.py).
_asel, person, texts = one_person._asel, one_person.person, one_person.texts

Type = Ticket.Type


@pytest.mark.parametrize(
    "body, kind",
    [
        ("Прошу отозвать моё согласие, но боюсь, что уже поздно", Type.WITHDRAW),
        ("Отпишите меня от рассылки, но не уверена, что это сработает", Type.UNSUBSCRIBE),
        ("Деректерімді жойыңыз, бірақ қорқамын, сіздер жоймайсыз", Type.DESTROY),
    ],
)
def test_a_request_asked_of_us_is_no_question_whatever_doubt_follows_its_but(person, body, kind):
    """Only a wish is doubted («Я бы хотела отозвать…, но боюсь…»): «Прошу…, но боюсь…» and
    the imperative were held as a question of whether, the news and consent going on."""
    ticket = ingest(message("", body=body))
    assert (ticket.type, ticket.asked_whether) == (kind, False)


def test_a_withdrawal_asked_with_a_fear_after_it_is_done(person):
    ingest(message("", body="Прошу отозвать моё согласие, но боюсь, что уже поздно"))
    assert not gate.may_process(person, SERVICE)
    ingest(message("", body="Отпишите меня, но не уверена, что это сработает", message_id="<m2@x>"))
    assert not gate.may_process(person, MARKETING)


@pytest.mark.parametrize(
    "body",
    [
        "Сделайте это как можно скорее.",
        "Можно побыстрее? Жду уже неделю.",
        "Можно ли побыстрее? Уже третий раз пишу.",
        "Как вы можете так поступать? Я же просила.",
        "Бұны қалай түсінуге болады? Бір апта бұрын жаздым ғой.",
    ],
)
def test_a_hurry_or_a_reproach_under_the_requests_subject_line_is_no_question_of_how(person, body):
    """Read as «Как это сделать?», the withdrawal the subject line names waited for a link."""
    ticket = ingest(message("Отзыв согласия", body=body))
    assert (ticket.type, ticket.asked_whether) == (Type.WITHDRAW, False)
    assert not gate.may_process(person, SERVICE)


@pytest.mark.parametrize(
    "body",
    [
        "Отпишите меня. Счёт я оплатила, спасибо.",
        "Отпишите меня, пожалуйста. Квитанцию получила.",
        "Отпишите меня. Я уже писала вам об этом.",
        "Пишу вам по этому поводу: отпишите меня.",
    ],
)
def test_an_invoice_or_this_mentioned_beside_a_plain_stop_leaves_it_a_stop(person, body):
    """Counted as what was stopped, they made it "other" for an officer, the news going on."""
    ticket = ingest(message("", body=body))
    assert ticket.type == Type.UNSUBSCRIBE and not gate.may_process(person, MARKETING)
    assert gate.may_process(person, SERVICE)


@pytest.mark.parametrize(
    "body",
    ["Не присылайте мне больше счета", "Маған шот жібермеңіз", "Шоттарды жіберуді тоқтатыңыз"],
)
def test_invoices_asked_not_to_be_sent_still_leave_the_news(person, body):
    ticket = ingest(message("Счёт", body=body))
    assert ticket.type == Type.OTHER and gate.may_process(person, MARKETING)


@pytest.mark.parametrize(
    "body",
    [
        "Хабарлаңызшы, келісімімді қайтарып алуға бола ма?",
        "Көрсетіңізші, келісімімді қалай қайтарып алуға болады?",
        "Покажите, пожалуйста, можно ли отозвать моё согласие?",
        "Напомните, пожалуйста, можно ли отозвать моё согласие?",
    ],
)
def test_a_please_on_a_verb_of_telling_asks_whether_a_withdrawal_can_be_made(person, body):
    """«Let me know / show me, please, whether I can…» was read as the withdrawal asked politely:
    the answer asked her to confirm a withdrawal where she asked whether she could."""
    ticket = ingest(message("Сұрақ", body=body))
    assert (ticket.type, ticket.asked_whether) == (Type.WITHDRAW, True)
    assert gate.may_process(person, SERVICE)
