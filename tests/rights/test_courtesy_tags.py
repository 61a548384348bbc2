"""A request closed by a courtesy tag is the request (compliance L7, L15): «Отпишите меня от
рассылки, хорошо?», «…, ok?», «…, ладно?», «…, можно?», «Хабарламалардан шығарыңыз, жарай ма?»,
«…, болады ма?». The tag's «?» asks the reader to agree, nothing else; read as the writer's
question, it withheld the request, and each opened "other", due in fifteen working days, while
the news went on (pieces.untagged, asking.py). A question stays one: about what was done («Вы
отписали меня, хорошо?», «Мені тізімнен шығардыңыздар ма?»), or whether the writer can
(«Удалить мои данные, можно?»), or asked of us politely, which waits for the link as before."""

import pytest

from consent.core import gate
from consent.core.purposes import MARKETING, SERVICE
from consent.rights.deadlines import deadline_days
from consent.rights.intake import ingest
from consent.rights.models import Ticket
from consent.workdays.calendar import due_date

from . import one_person
from .conftest import message, news_only_stopped, untouched

# Asel and her texts made once for the module, each test's changes undone (one_person.py).
_asel, person, texts = one_person._asel, one_person.person, one_person.texts

Type, Status = Ticket.Type, Ticket.Status
QUESTION = "Сұрақ / Вопрос"

STOPS_TAGGED = [
    "Отпишите меня от рассылки, ok?",
    "Отпишите меня от рассылки, хорошо?",
    "Отпишите меня от рассылки, пожалуйста?",
    "Отпишите меня от рассылки, можно?",
    "Отпишите меня от рассылки, ладно?",
    "Отпишите меня от рассылки, если можно?",
    "Отпишите меня от рассылки ок?",  # no comma
    "ОТПИШИТЕ МЕНЯ ОТ РАССЫЛКИ, ХОРОШО?",
    "Больше не присылайте мне письма, окей?",
    "Прекратите присылать рассылку, договорились?",
    "Хочу отписаться от рассылки, можно?",
    "Отписаться от рассылки, пожалуйста?",
    "Отпишите меня от рассылки, хорошо? Спасибо.",
    "Хабарламалардан шығарыңыз, жарай ма?",
    "Хабарламалардан шығарыңыз, болады ма?",
    "Хабарламалардан шығарыңыз жарай ма?",  # no comma: «ма» in the request's clause
    "Мені тізімнен шығарыңызшы, жақсы ма?",
    "Хабарлама жібермеңіз, жарай ма?",
    "Хабарламалардан шығарыңыз, мүмкін болса?",
    "Тоқтатыңыз хабарламаларды, ок?",
    "Menі tіzіmnen şyğaryñyz, jaraı ma?",  # Kazakh in Latin letters
    "Otpishite menya ot rassylki, ok?",
]


@pytest.mark.parametrize("body", STOPS_TAGGED)
def test_a_stop_closed_by_a_courtesy_tag_stops_the_news_as_it_arrives(person, body):
    ticket = ingest(message(QUESTION, body=body))
    assert (ticket.type, ticket.status) == (Type.UNSUBSCRIBE, Status.DONE)
    assert news_only_stopped(ticket, person)


@pytest.mark.parametrize("body, kind", [
    ("Удалите мои данные, хорошо?", Type.DESTROY),
    ("Прошу удалить мои персональные данные, ладно?", Type.DESTROY),
    ("Деректерімді жойыңыз, жарай ма?", Type.DESTROY),
    ("Деректерімді жойыңыз, ok?", Type.DESTROY),
    ("Derekterimdi joiyñyz, jarai ma?", Type.DESTROY),
    ("Заблокируйте мои данные, ладно?", Type.BLOCK),
    ("Деректерімді бұғаттаңыз, жарай ма?", Type.BLOCK),
])  # fmt: skip
def test_a_request_closed_by_a_courtesy_tag_is_due_when_the_law_says(person, body, kind):
    ticket = ingest(message(QUESTION, body=body))
    assert (ticket.type, ticket.subject, ticket.status) == (kind, person, Status.UNVERIFIED)
    assert (
        ticket.due_date
        == due_date(ticket.received_at, deadline_days(kind))
        < due_date(ticket.received_at, deadline_days(Type.OTHER))
    )
    assert untouched(person)  # it waits for the person's link, as without the tag


@pytest.mark.parametrize("body", [
    "Отзываю согласие на обработку персональных данных, ладно?",
    "Келісімімді кері қайтарып аламын, жарай ма?",
])  # fmt: skip
def test_a_withdrawal_closed_by_a_courtesy_tag_stops_processing_as_it_arrives(person, body):
    ticket = ingest(message(QUESTION, body=body))
    assert ticket.type == Type.WITHDRAW
    assert not gate.may_process(person, SERVICE) and not gate.may_process(person, MARKETING)


@pytest.mark.parametrize("body", [
    "Вы отписали меня?",
    "Вы отписали меня, хорошо?",
    "Мені тізімнен шығардыңыздар ма?",
    "Мені тізімнен шығардыңыздар, жарай ма?",
    # The past of «сіз» ends as the imperative does («шығар-ды-ңыз», «шығар-ыңыз»): what was done.
    "Мені таратылымнан шығардыңыз, ok?",
    "Мені тізімнен шығардыңыздар, ок?",
    "Келісімімді кері қайтарып алдыңыз, жарай ма?",
    "Хабарламаларды тоқтаттыңыз, жақсы ма?",
    "Хабарлама жіберуді тоқтаттыңыз, ok?",
    "Удалить мои данные, можно?",  # whether the writer can
    "Скажите, удалить мои данные можно?",
    "Отписаться от рассылки, можно?",
    "Деректерімді жою, болады ма?",
    "Хорошо?",
    "Спасибо, хорошо?",
])  # fmt: skip
def test_a_question_with_or_without_a_tag_stays_a_question(person, body):
    ticket = ingest(message(QUESTION, body=body))
    assert ticket.type == Type.OTHER
    assert untouched(person)


@pytest.mark.parametrize("body", [
    "Можете ли вы отписать меня, хорошо?",
    # Whether we can, with no «ли»: the «?» is the question's, a tag or none («Можете отписать
    # меня от рассылки?» waits for the link too), and a courtesy beside it changes nothing.
    "Вы можете отписать меня от рассылки, пожалуйста?",
    "Можете отписать меня от рассылки, хорошо?",
    "Сможете отписать меня от рассылки, ладно?",
    "Не могли бы вы отписать меня от рассылки, пожалуйста?",
    "Вас не затруднит отписать меня от рассылки, пожалуйста?",
    "Could you unsubscribe me from the newsletter, please?",
    "Мені таратылымнан шығарсаңыз бола ма?",  # the conditional of «you» asks politely
    "Мені таратылымнан шығара аласыз ба, жарай ма?",
])  # fmt: skip
def test_a_stop_asked_politely_with_a_tag_still_waits_for_the_link(person, body):
    ticket = ingest(message(QUESTION, body=body))
    assert (ticket.type, ticket.status) == (Type.UNSUBSCRIBE, Status.UNVERIFIED)
    assert untouched(person)


@pytest.mark.parametrize("body", [
    "Можно ли удалить мои данные, пожалуйста?",
    "Деректерімді жоюға бола ма?",
])  # fmt: skip
def test_a_question_of_whether_is_still_one_beside_a_courtesy(person, body):
    ticket = ingest(message(QUESTION, body=body))
    assert (ticket.type, ticket.status, ticket.asked_whether) == (
        Type.DESTROY, Status.UNVERIFIED, True)  # fmt: skip
    assert untouched(person)
