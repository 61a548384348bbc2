"""Letters outside testers found misread, each of a class (compliance L7, L11, L13, L21). A photo
asked deleted without «с сайта» opened "other", due in fifteen working days, where «…с сайта» is a
publication's removal, due in one (photos.py, migration rights.0064). A feature said not to work,
«Выгрузка данных на сайте не работает», opened the request it names (not_working.py). Duplicates
of a form asked deleted, «Дубликаты анкет удалите их», opened a destruction of everything held
about the writer (copies.py). «Не удаляйте мои данные, заблокируйте их» and «Деректерімді
жоймаңыз, оларды бұғаттаңыз» opened "other": the «не» of the verb declined was read as the block's
(verb_forms.negates_another), and its object as the declined verb's alone (word_order.apart).
Other clients said to receive the news were read as someone else's data sent to the writer, a
possible breach (misdirected.py). A change told with «исправлять не нужно» opened a correction
(items.py)."""

import pytest
from django.core import mail

from consent.core import gate
from consent.core.purposes import MARKETING, SERVICE
from consent.rights.deadlines import deadline_days
from consent.rights.intake import ingest
from consent.rights.models import Ticket
from consent.workdays.calendar import due_date

from . import one_person
from .conftest import message, untouched

# Asel and her texts made once for the module, each test's changes undone (one_person.py).
_asel, person, texts = one_person._asel, one_person.person, one_person.texts

Type = Ticket.Type
GREETING = {"ru": "Здравствуйте", "kk": "Сәлеметсіз бе"}


def _ingest(body, language):
    return ingest(message(GREETING[language], body=body))


@pytest.mark.parametrize("body, language", [
    ("Удалите мою фотографию.", "ru"),
    ("Мою фотографию удалите, пожалуйста.", "ru"),
    ("Прошу удалить мои фотографии.", "ru"),
    ("Удалите, пожалуйста, мои фото.", "ru"),
    ("Уберите моё фото.", "ru"),
    ("Прошу убрать мои фотографии.", "ru"),
    ("Суретімді өшіріңіз.", "kk"),
    ("Менің суреттерімді жойыңыз.", "kk"),
    ("Фотомды өшіріп тастаңыз.", "kk"),
    ("Суретімді алып тастаңыз, өтінемін.", "kk"),
    ("Фотосуретімді жойыңыз.", "kk"),
])  # fmt: skip
def test_a_photo_asked_deleted_is_removed_as_one_asked_off_the_site(person, body, language):
    ticket = _ingest(body, language)
    site = "Удалите мою фотографию с сайта."
    asked = ingest(message("Здравствуйте", body=site, message_id="<site@example.kz>"))
    assert asked.type == ticket.type == Type.PUBLICATION_REMOVAL and ticket.language == language
    assert ticket.due_date == due_date(ticket.received_at, deadline_days(Type.PUBLICATION_REMOVAL))


@pytest.mark.parametrize("body, kind", [
    ("Прошу удалить мою анкету и фотографию.", Type.DESTROY),  # the destruction removes it too
    ("Удалите мои данные и фотографию.", Type.DESTROY),
    ("Не удаляйте мою фотографию.", Type.OTHER),
    ("Суретімді өшірмеңіз.", Type.OTHER),
    ("Удалите фотографии моего ребёнка.", Type.OTHER),
])  # fmt: skip
def test_a_photo_beside_more_or_declined_is_read_as_before(person, body, kind):
    assert _ingest(body, "ru").type == kind


@pytest.mark.parametrize("body, language", [
    ("Выгрузка данных на сайте не работает.", "ru"),
    ("Выгрузка данных в личном кабинете не работает уже неделю.", "ru"),
    ("Выгрузка моих данных перестала работать.", "ru"),
    ("Выгрузка данных не открывается.", "ru"),
    ("Выгрузка данных на сайте не работала вчера.", "ru"),
    ("Деректерге қол жеткізу жұмыс істемейді.", "kk"),
    ("Деректердің көшірмесі ашылмайды.", "kk"),
    ("Деректерді түзету жұмыс істемейді.", "kk"),
])  # fmt: skip
def test_a_feature_said_not_to_work_opens_a_question_for_an_officer(person, body, language):
    ticket = _ingest(body, language)
    assert (ticket.type, ticket.language) == (Type.OTHER, language)
    assert not any("/requests/confirm/" in m.body for m in mail.outbox)  # nothing to confirm
    assert untouched(person)


@pytest.mark.parametrize("body, kind", [
    ("Выгрузите мои данные, на сайте кнопка не работает.", Type.ACCESS),
    ("Прошу выгрузить мои данные, выгрузка на сайте не работает.", Type.ACCESS),
    ("Сделайте выгрузку моих данных.", Type.ACCESS),
    ("Удалите мои данные, сайт не работает.", Type.DESTROY),
    ("Отпишите меня от рассылки, ссылка не работает.", Type.UNSUBSCRIBE),
    ("Отписка от рассылки не работает.", Type.UNSUBSCRIBE),  # objects to the news: stops them
])  # fmt: skip
def test_a_request_asked_beside_a_fault_still_asks(person, body, kind):
    assert _ingest(body, "ru").type == kind


@pytest.mark.parametrize("body, language", [
    ("Дубликаты анкет удалите их.", "ru"),
    ("Удалите дубликаты моей анкеты.", "ru"),
    ("Удалите лишние анкеты.", "ru"),
    ("Удалите повторную анкету, я отправила её дважды.", "ru"),
    ("Удалите мою вторую анкету.", "ru"),
    ("Удалите дубликаты моих данных.", "ru"),
    ("Қайталанған анкеталарды жойыңыз.", "kk"),
    ("Анкетамның көшірмелерін өшіріңіз.", "kk"),
    ("Артық анкеталарымды өшіріп тастаңыз.", "kk"),
])  # fmt: skip
def test_copies_of_a_form_asked_deleted_destroy_no_one(person, body, language):
    ticket = _ingest(body, language)
    assert ticket.type == Type.OTHER and not Ticket.objects.filter(type=Type.DESTROY).exists()
    assert untouched(person)


@pytest.mark.parametrize("body", [
    "Удалите все мои анкеты, включая дубликаты.",
    "Удалите мою анкету.",
    "Анкетамды жойыңыз.",
])  # fmt: skip
def test_a_form_asked_deleted_whole_is_still_destroyed(person, body):
    assert _ingest(body, "ru").type == Type.DESTROY


@pytest.mark.parametrize("body, kind", [
    ("Не удаляйте мои данные, заблокируйте их.", Type.BLOCK),
    ("Не удаляйте мои данные, а заблокируйте их.", Type.BLOCK),
    ("Не удаляйте мои данные, а заблокируйте.", Type.BLOCK),
    ("Не удаляйте мои данные, лучше заблокируйте их.", Type.BLOCK),
    ("Прошу не удалять мои данные, а заблокировать их.", Type.BLOCK),
    ("Не надо удалять мои данные, заблокируйте их.", Type.BLOCK),
    ("Не уничтожайте мои данные, прошу заблокировать их.", Type.BLOCK),
    ("Деректерімді жоймаңыз, оларды бұғаттаңыз.", Type.BLOCK),
    ("Деректерімді өшірмеңіз, оларды бұғаттаңыз.", Type.BLOCK),
    ("Деректерімді бұғаттамаңыз, оларды жойыңыз.", Type.DESTROY),
    ("Не блокируйте мои данные, удалите их.", Type.DESTROY),
])  # fmt: skip
def test_the_verb_not_negated_stands_beside_the_one_declined(person, body, kind):
    ticket = ingest(message("Сәлем", body=body))
    assert ticket.type == kind
    assert gate.may_process(person, SERVICE) and gate.may_process(person, MARKETING)


@pytest.mark.parametrize("body", [
    "Не удаляйте мои данные.",
    "Не спешите удалять мои данные.",
    "Не удаляйте и не блокируйте мои данные.",
    "Деректерімді жоймаңыз.",
])  # fmt: skip
def test_a_verb_declined_alone_asks_nothing(person, body):
    assert ingest(message("Сәлем", body=body)).type == Type.OTHER


@pytest.mark.parametrize("body, language", [
    ("Другие клиенты получают рассылку.", "ru"),
    ("Другие клиенты тоже получили вашу рассылку.", "ru"),
    ("Другой клиент тоже получает ваши письма.", "ru"),
    ("Рассылка приходит и другим людям.", "ru"),
    ("Басқа клиенттер де хабарлама алып жатыр.", "kk"),
    ("Басқа адамдарға да хабарламаларыңыз келді.", "kk"),
])  # fmt: skip
def test_others_receiving_the_news_is_no_possible_breach(person, privacy_officer, body, language):
    ticket = _ingest(body, language)
    assert "misdirected" not in ticket.limits
    assert not any(m.subject.startswith("Возможное нарушение") for m in mail.outbox)


@pytest.mark.parametrize("body", [
    "Другой клиент получил мои данные.",
    "Вы отправили мои данные другому клиенту.",
    "Мне пришло письмо, адресованное другому клиенту.",
    "Маған басқа адамға арналған хат келді.",
])  # fmt: skip
def test_the_writers_own_sent_to_another_or_anothers_to_her_is_still_marked(person, body):
    assert ingest(message("Сәлем", body=body)).limits == {"misdirected": True}


@pytest.mark.parametrize("body, language", [
    ("Фамилия изменилась, но исправлять не нужно.", "ru"),
    ("Фамилия изменилась, исправлять ничего не надо.", "ru"),
    ("Номер телефона сменился, но менять его не требуется.", "ru"),
    ("Не нужно ничего исправлять, фамилия сменилась недавно.", "ru"),
    ("Тегім өзгерді, бірақ түзетудің қажеті жоқ.", "kk"),
    ("Тегім өзгерді, түзету керек емес.", "kk"),
    ("Телефон нөмірім ауысты, бірақ өзгертудің керегі жоқ.", "kk"),
])  # fmt: skip
def test_a_change_said_not_needed_opens_no_correction(person, body, language):
    ticket = _ingest(body, language)
    assert not Ticket.objects.filter(type=Type.CORRECT).exists()
    assert getattr(ticket, "type", Type.OTHER) == Type.OTHER


@pytest.mark.parametrize("body, language", [
    ("У меня изменился номер телефона.", "ru"),
    ("Фамилия изменилась, исправьте, пожалуйста.", "ru"),
    ("Номер изменился, исправлять не нужно. Исправьте адрес.", "ru"),
    ("Исправьте телефон, а фамилию менять не нужно.", "ru"),
    ("Тегім өзгерді, түзетіңіз.", "kk"),
])  # fmt: skip
def test_a_change_asked_beside_it_is_still_a_correction(person, body, language):
    assert _ingest(body, language).type == Type.CORRECT


@pytest.mark.parametrize("body, kind", [
    ("Пришлите копию моих данных и удалите мои данные.", Type.ACCESS),
    ("Деректерімнің көшірмесін жіберіңіз, оларды жойыңыз.", Type.ACCESS),
])  # fmt: skip
def test_a_copy_asked_before_a_destruction_is_no_copy_destroyed(person, body, kind):
    """The access request's copy is no copy of a form: the destruction is listed beside it."""
    ticket = ingest(message("Сәлем", body=body))
    assert ticket.type == kind and ticket.limits.get("also") == [Type.DESTROY]
