"""Each right the policy tells people they may exercise by writing to us is recognised in a
letter, in Kazakh and in Russian: a request to see one's data or to block its processing opened
"other", due in fifteen working days, where the law gives an access answer three (compliance L10)
and a block one (Art. 25(2)(8)); the officer's digest showed it as not yet due."""

import pytest

from consent.rights.intake import ingest
from consent.rights.models import IntakePhrase, Ticket
from consent.rights.tickets import deadline_days
from consent.workdays.calendar import due_date

from .conftest import message

Type = Ticket.Type
# What the policy lists as the person's rights, each of which a letter may ask for.
BY_EMAIL = [Type.ACCESS, Type.CORRECT, Type.BLOCK, Type.DESTROY, Type.WITHDRAW, Type.UNSUBSCRIBE]


@pytest.mark.parametrize("kind", BY_EMAIL)
@pytest.mark.parametrize("language", ["kk", "ru"])
def test_every_right_has_words_the_intake_knows_in_each_language(db, kind, language):
    assert IntakePhrase.objects.filter(type=kind, language=language, active=True).exists()


@pytest.mark.parametrize("subject_line, body, kind", [
    ("Запрос", "Прошу предоставить сведения о моих персональных данных, которые вы храните.",
     Type.ACCESS),
    ("Запрос", "Пришлите, пожалуйста, копию моих данных.", Type.ACCESS),
    ("Доступ к персональным данным", "Здравствуйте!", Type.ACCESS),
    ("Сұрау", "Менің дербес деректерім туралы мәліметтерді беруіңізді сұраймын.", Type.ACCESS),
    ("Сәлеметсіз бе", "Дербес деректеріме қол жеткізуді сұраймын.", Type.ACCESS),
    ("Блокирование", "Прошу заблокировать мои персональные данные.", Type.BLOCK),
    ("Здравствуйте", "Требую блокирования моих персональных данных.", Type.BLOCK),
    ("Сәлем", "Менің дербес деректерімді бұғаттауыңызды сұраймын.", Type.BLOCK),
])  # fmt: skip
def test_a_letter_asking_to_see_or_block_the_data_is_due_when_the_law_says(
    person, subject_line, body, kind
):
    ticket = ingest(message(subject_line, body=body))
    assert ticket.type == kind and ticket.subject == person
    assert (
        ticket.due_date
        == due_date(ticket.received_at, deadline_days(kind))
        < due_date(ticket.received_at, deadline_days(Type.OTHER))
    )


@pytest.mark.parametrize("body", [
    "Предоставьте, пожалуйста, данные для оплаты курса.",
    "Вы передаёте мои данные третьим лицам?",
    "Деректерді үшінші тұлғаларға беру туралы айтыңызшы.",
])  # fmt: skip
def test_a_letter_about_other_data_or_asking_a_question_opens_no_access_request(person, body):
    assert ingest(message("Вопрос", body=body)).type == Type.OTHER
