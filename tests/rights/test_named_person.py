"""A letter whose request names another person by name is for an officer (compliance L7, L14,
L15): «Удалите данные Иванова Ивана», «Отпишите Ерлана Асқарова от рассылки», «Ерлан
Асқаровтың деректерін жойыңыз» from Әсел Қасымова's address withdrew or unsubscribed Әсел as it
arrived, or opened a destruction of her record. The name is compared with the name her address
holds on record, in any case and spelling; naming herself in the third person («Прошу удалить
персональные данные Қасымовой Әсел») or signing her name is still her request."""

import pytest

from consent.core import gate
from consent.core.models import LedgerEntry
from consent.core.purposes import MARKETING, SERVICE
from consent.rights.intake import ingest
from consent.rights.models import Ticket

from . import one_person
from .conftest import message, untouched

# Asel and her texts made once for the module, each test's changes undone (one_person.py).
_asel, person, texts = one_person._asel, one_person.person, one_person.texts

Type = Ticket.Type


ANOTHER = {
    "ru destroy, genitive": "Удалите, пожалуйста, данные Иванова Ивана",
    "ru unsubscribe, accusative": "Отпишите Ерлана Асқарова от рассылки",
    "kk destroy, genitive": "Ерлан Асқаровтың деректерін жойыңыз",
    "ru withdraw, a woman's genitive": "Прошу отозвать согласие Петровой Анны",
    "ru destroy, with the patronymic": "Удалите данные Ахметова Серика Болатовича",
    "ru withdraw, a Kazakh name": "Отзываю согласие на обработку данных Нұрланова Дәулета",
    "kk withdraw, -қызы": "Айгерім Серікқызының келісімін қайтарып аламын",
    "kk unsubscribe": "Бауыржан Сейітовті таратылымнан шығарыңыз",
    "ru, two names without a surname's ending": "Прошу удалить данные Айгерим Нұрлан",
    "ru in Latin letters": "Udalite dannye Ivanova Ivana",
    "kk in Latin letters": "Yerlan Asqarovtyñ derekterin joiyñyz",
    "ru unsubscribe in Latin letters": "Otpishite Petrovu Annu ot rassylki",
    "kk 2018 Latin letters": "Erlan Asqarovtyń kelisimin qaıtaryp alamyn",
    "another signs «мои данные»": "Удалите мои данные.\nИван Петров",
    "another names themselves": "Я, Иванов Иван Иванович, прошу удалить мои персональные данные",
}  # fmt: skip


@pytest.mark.parametrize("body", ANOTHER.values(), ids=ANOTHER.keys())
def test_a_request_naming_another_person_acts_on_nobody(person, body):
    ticket = ingest(message("", message_id="<named@x>", body=body))
    assert (ticket.type, ticket.status, ticket.about_someone_else) == (
        Type.OTHER, "unverified", True,
    )  # fmt: skip
    assert untouched(person)


@pytest.mark.parametrize("subject_line", ["Удаление данных Иванова Ивана",
                                          "Ерлан Асқаровтың келісімін қайтару"])  # fmt: skip
def test_a_subject_line_naming_another_person_acts_on_nobody(person, subject_line):
    ticket = ingest(message(subject_line, message_id="<line@x>", body="Сәлеметсіз бе!"))
    assert (ticket.type, ticket.about_someone_else) == (Type.OTHER, True)
    assert untouched(person)


# The sender named in the third person, the formal Russian style, or signing: her request.
HERSELF = [
    ("Прошу удалить персональные данные Қасымовой Әсел", Type.DESTROY, set()),
    ("Қасымова Әселдің деректерін жойыңыз", Type.DESTROY, set()),
    ("Удалите мои данные.\nӘсел Қасымова", Type.DESTROY, set()),
    ("Прошу удалить данные Касымовой Асель", Type.DESTROY, set()),
    ("Отзываю согласие на обработку персональных данных Kassymovoi Assel", Type.WITHDRAW,
     {SERVICE, MARKETING}),
    ("Я, Қасымова Әсел Нұрланқызы, прошу отозвать согласие на обработку персональных данных",
     Type.WITHDRAW, {SERVICE, MARKETING}),
    ("Отпишите Qasymova Äsel от рассылки", Type.UNSUBSCRIBE, {MARKETING}),
    ("Мен, Қасымова Әсел, таратылымнан шығуды сұраймын", Type.UNSUBSCRIBE, {MARKETING}),
]  # fmt: skip


@pytest.mark.parametrize("body, kind, stopped", HERSELF)
def test_the_sender_named_by_her_own_name_is_her_request(person, body, kind, stopped):
    ticket = ingest(message("", message_id="<herself@x>", body=body))
    assert (ticket.type, ticket.about_someone_else) == (kind, False)
    withdrawn = set(
        LedgerEntry.objects.filter(subject=person, kind="withdraw").values_list(
            "purpose", flat=True
        )
    )
    assert withdrawn == stopped


# Capitalised words that are no person: the company, cities, a course, a greeting's addressee.
NO_ONE = [
    "Уважаемые коллеги ЕМ АЛУ плюс, прошу отписать меня от рассылки",
    "Құрметті ЕМ АЛУ плюс, мені таратылымнан шығарыңыз",
    "Я переехала в Өскемен, отпишите меня от рассылки",
    "Отпишите меня от рассылки о курсах в Алматы",
    "Уважаемый Ерлан Асқаров, отпишите меня от рассылки",
    "Здравствуйте, Ерлан Асқаров!\nОтпишите меня от рассылки.",
    "Ағылшын курсының жаңалықтарынан бас тартамын",
    "Отпишите меня от рассылки курса Python Pro",
    "Я переехала в Саратов, отпишите меня от рассылки",
    "Прошу отписать меня от рассылки согласно Закону Республики Казахстан",
    "Прошу Вас отписать меня от рассылки Вашей Компании",
    "Отпишите меня от рассылки Ем Алу Плюс",
    "Мені Қазақстан Республикасының Заңына сәйкес таратылымнан шығарыңыз",
]


@pytest.mark.parametrize("body", NO_ONE)
def test_capitalised_words_that_name_no_person_leave_the_request_the_senders(person, body):
    ticket = ingest(message("", message_id="<no-one@x>", body=body))
    assert (ticket.type, ticket.about_someone_else) == (Type.UNSUBSCRIBE, False)
    assert not gate.may_process(person, MARKETING) and gate.may_process(person, SERVICE)


def test_from_an_address_not_on_record_a_named_person_is_still_marked(person):
    stranger = "ivan@example.kz"
    ticket = ingest(message("", sender=stranger, message_id="<s1@x>",
                            body="Удалите, пожалуйста, данные Петровой Анны"))  # fmt: skip
    assert (ticket.type, ticket.about_someone_else, ticket.subject) == (Type.OTHER, True, None)
    own = ingest(message("", sender=stranger, message_id="<s2@x>",
                         body="Я, Иванов Иван, прошу удалить мои персональные данные"))  # fmt: skip
    assert (own.type, own.about_someone_else) == (Type.DESTROY, False)
    assert untouched(person)


@pytest.mark.parametrize("body", [
    "Настоящим отзываю своё согласие на обработку персональных данных.\nИванова А.К.",
    "Отзываю согласие.\nА.К. Иванова",
    "Удалите данные.\nС уважением, Петрова М.",
])  # fmt: skip
def test_from_an_address_not_on_record_a_signature_with_initials_is_the_writers(person, body):
    """«Иванова А.К.» under a withdrawal from an address not on record was read as someone the
    letter is about: its initials, in capitals, were not read as a name's words, as «Анна
    Иванова» signing is."""
    ticket = ingest(message("Отзыв согласия", sender="ivanova@example.kz", body=body))
    assert ticket.type != Type.OTHER and not ticket.about_someone_else
    assert untouched(person)


@pytest.mark.parametrize("body", [
    "Отпишите меня и Ерлана Асқарова от рассылки",
    "Мені және Ерлан Асқаровты таратылымнан шығарыңыз",
])  # fmt: skip
def test_the_senders_own_unsubscribe_beside_another_name_still_stops_her_news(person, body):
    ticket = ingest(message("", message_id="<both@x>", body=body))
    assert (ticket.type, ticket.about_someone_else) == (Type.OTHER, True)
    assert not gate.may_process(person, MARKETING) and gate.may_process(person, SERVICE)
