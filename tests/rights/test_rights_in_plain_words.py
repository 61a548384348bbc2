"""A plain letter asking for one of the law's rights in words the phrase table did not know
opened "other", due in fifteen working days for an officer to read, where the law gives one
working day to block, destroy or correct (Art. 24, 25(2)(8)), three to answer an access
request, and a withdrawal acts as it arrives (compliance L7, L10, L12, L13). Each was read
wrong for its own cause: «даю» between the words of «не согласен на обработку данных» read as a
qualifier of the data (qualified.py); «енді» known before «келісім бермеймін» only, «выгрузить»,
«анкета» and «дұрыстау» not at all (migration rights.0063, items.CHANGE); the data said by a
pronoun after the verb («…, заблокируйте их»: pronouns.py)."""

import pytest

from consent.core import gate
from consent.core.purposes import MARKETING, SERVICE
from consent.rights.deadlines import deadline_days
from consent.rights.intake import ingest
from consent.rights.models import Ticket
from consent.workdays.calendar import due_date

from .conftest import message

Type = Ticket.Type


@pytest.mark.parametrize("body, kind, language", [
    ("Выгрузите мне все мои данные.", Type.ACCESS, "ru"),
    ("Выгрузите, пожалуйста, мои персональные данные.", Type.ACCESS, "ru"),
    ("Прошу выгрузить мои данные.", Type.ACCESS, "ru"),
    ("Мои данные выгрузите мне, пожалуйста.", Type.ACCESS, "ru"),
    ("Сделайте выгрузку моих данных.", Type.ACCESS, "ru"),
    ("Аты-жөнімді дұрыстаңыз.", Type.CORRECT, "kk"),
    ("Тегімді дұрыстаңыз.", Type.CORRECT, "kk"),
    ("Телефон нөмірімді дұрыстаңыз.", Type.CORRECT, "kk"),
    ("Деректерімді дұрыстауыңызды сұраймын.", Type.CORRECT, "kk"),
    ("Аты-жөнімді дұрыстап беріңізші.", Type.CORRECT, "kk"),
    ("Мои данные обрабатываются незаконно, прошу заблокировать их.", Type.BLOCK, "ru"),
    ("Мои данные обрабатываются незаконно, заблокируйте их.", Type.BLOCK, "ru"),
    ("Мои данные обрабатываются незаконно, прошу их заблокировать.", Type.BLOCK, "ru"),
    ("Деректерім заңсыз өңделуде, оларды бұғаттаңыз.", Type.BLOCK, "kk"),
    ("Мои данные у вас в базе, удалите их.", Type.DESTROY, "ru"),
    ("Прошу удалить мою анкету и фотографию.", Type.DESTROY, "ru"),
    ("Удалите мою анкету.", Type.DESTROY, "ru"),
    ("Мою анкету удалите, пожалуйста.", Type.DESTROY, "ru"),
    ("Анкетамды жойыңыз.", Type.DESTROY, "kk"),
    ("Менің анкетамды өшіріп тастаңыз.", Type.DESTROY, "kk"),
    ("Удалите мою фотографию с сайта.", Type.PUBLICATION_REMOVAL, "ru"),
])  # fmt: skip
def test_a_plain_request_for_a_right_is_due_when_the_law_says(person, body, kind, language):
    ticket = ingest(message("Сәлем", body=body))
    assert (ticket.type, ticket.language, ticket.subject) == (kind, language, person)
    assert (
        ticket.due_date
        == due_date(ticket.received_at, deadline_days(kind))
        < due_date(ticket.received_at, deadline_days(Type.OTHER))
    )


@pytest.mark.parametrize("body", [
    "Больше не даю согласия на обработку моих данных.",
    "Больше не даю согласие на обработку моих персональных данных.",
    "Я больше не даю своего согласия на обработку данных.",
    "Согласия на обработку моих данных больше не даю.",
    "Келісім бермеймін енді.",
    "Деректерімді өңдеуге келісім бермеймін енді.",
    "Келісімімді бермеймін енді.",
])  # fmt: skip
def test_consent_no_longer_given_is_withdrawn_as_the_letter_arrives(person, body):
    ticket = ingest(message("Сәлем", body=body))
    assert (ticket.type, ticket.purpose) == (Type.WITHDRAW, "")
    assert not gate.may_process(person, SERVICE) and not gate.may_process(person, MARKETING)


@pytest.mark.parametrize("body", [
    "Нужно ли удалять анкету?",
    "Не удаляйте мою анкету.",
    "Анкетамды жоймаңыз.",
    "Анкетамды жою керек пе?",
    "Менің деректерімді жоймаңыз.",
    "Не выгружайте мои данные.",
    "Аты-жөнімді дұрыстамаңыз.",
    "Мои данные обрабатываются незаконно, не блокируйте их.",
    "Я отправила письмо дважды, удалите их.",
    "Я даю согласие на обработку моих данных.",
    "Келісім бересіз бе енді?",
])  # fmt: skip
def test_a_letter_that_does_not_ask_the_right_opens_none(person, body):
    assert ingest(message("Сәлем", body=body)).type == Type.OTHER
