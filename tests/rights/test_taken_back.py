"""A letter that takes back an earlier request (compliance L7, taken_back.py): «Отмените моё
удаление», «Деректерімді жоюды тоқтатыңыз, ойымнан қайттым», «Не надо меня удалять, я
передумал», «Отзываю свою просьбу об удалении», «Жазылымнан шығару туралы өтінішімді кері
қайтарамын». It named the request it calls off, and opened it: a destruction mailed a link to
confirm, joined to the open one as asked again, a withdrawal done as it arrived. It opens
"other" about the person's request of that type, nothing done as it arrives, and the person is
told which request it takes back; the desk says what to do."""

import pytest
from post_office.models import Email

from consent.core import gate
from consent.core.purposes import MARKETING, SERVICE
from consent.rights.intake import ingest
from consent.rights.models import Ticket

from . import one_person
from .conftest import message, untouched

# Asel and her texts made once for the module, each test's changes undone (one_person.py).
_asel, person, texts = one_person._asel, one_person.person, one_person.texts

Type, Status = Ticket.Type, Ticket.Status

EARLIER = {
    "destroy": ("Удаление данных", "Удалите мои данные"),
    "withdraw": ("Отзыв согласия", "Отзываю согласие на обработку персональных данных"),
    "destroy kk": ("Деректерді жою", "Деректерімді жойыңыз"),
}
# (the earlier request, the letter's subject line, its words, the type it takes back)
TAKING_BACK = {
    "ru cancel my deletion": ("destroy", "Отмена", "Отмените моё удаление", Type.DESTROY),
    "ru under the request's subject": ("destroy", "Удаление данных",
                                       "Отмените удаление, я передумал", Type.DESTROY),
    "ru reply": ("destroy", "Re: Удаление данных", "Отмените моё удаление", Type.DESTROY),
    "ru do not, changed my mind": ("destroy", "Удаление данных",
                                   "Не надо меня удалять, я передумал", Type.DESTROY),
    "ru withdraw my plea": ("destroy", "Удаление данных", "Отзываю свою просьбу об удалении",
                            Type.DESTROY),
    "ru changed mind about deleting": ("destroy", "Сұрақ", "Я передумала удалять данные",
                                       Type.DESTROY),
    "ru cancel my application": ("destroy", "Вопрос", "Отмените мою заявку, пожалуйста", ""),
    "ru stop the deletion": ("destroy", "Вопрос", "Прошу остановить удаление моих данных",
                             Type.DESTROY),
    "ru take back a withdrawal": ("withdraw", "Отзыв согласия",
                                  "Прошу отменить мой отзыв согласия, я передумала",
                                  Type.WITHDRAW),
    "ru withdraw the withdrawal": ("withdraw", "Отзыв согласия", "Отзываю свой отзыв согласия",
                                   Type.WITHDRAW),
    "kk stop deleting, changed mind": ("destroy kk", "Деректерді жою",
                                       "Деректерімді жоюды тоқтатыңыз, ойымнан қайттым",
                                       Type.DESTROY),
    "kk refuse my request": ("destroy kk", "Деректерді жою",
                             "Жою туралы өтінішімнен бас тартамын", Type.DESTROY),
    "kk take back my request": ("destroy kk", "Сұрақ", "Өтінішімді кері қайтарып аламын", ""),
    "kk mind changed, delete nothing": ("destroy kk", "Re: № R-1 өтінішіңізді растаңыз",
                                        "Ойым өзгерді, ештеңе жоймаңыз", Type.DESTROY),
    "kk latin": ("destroy kk", "Suraq", "Derekterimdi joiudy toqtatynyz, oiymnan qaittym",
                 Type.DESTROY),
}  # fmt: skip


@pytest.mark.parametrize("earlier, subject_line, body, kind", TAKING_BACK.values(), ids=TAKING_BACK)
def test_a_letter_taking_back_a_request_is_about_it_and_does_nothing(
    person, earlier, subject_line, body, kind
):
    first = ingest(message(EARLIER[earlier][0], body=EARLIER[earlier][1]))
    was = untouched(person)
    letter = ingest(message(subject_line, body=body, message_id="<m2@example.kz>"))
    assert (letter.type, letter.limits.get("takes_back")) == (Type.OTHER, kind)
    assert letter.regarding == first and not letter.is_filed
    first.refresh_from_db()
    assert first.status == Status.UNVERIFIED  # the officer's to close, once it is confirmed
    assert untouched(person) == was  # nothing more stopped, nothing destroyed
    mail = Email.objects.filter(to__icontains="asel@example.kz").order_by("id").last()
    assert first.reference in mail.message and letter.reference in mail.subject, mail.message


def test_the_withdrawal_taken_back_alone_withdraws_nothing(person):
    letter = ingest(message("Отзыв согласия", body="Отзываю свой отзыв согласия"))
    assert (letter.type, letter.regarding) == (Type.OTHER, None)
    assert untouched(person)


def test_an_unsubscribe_taken_back_names_the_one_done_and_subscribes_no_one(person):
    done = ingest(message("Жазылымнан шығу", body="Мені таратылымнан шығарыңыз"))
    body = "Жазылымнан шығару туралы өтінішімді кері қайтарамын"
    letter = ingest(message("Жазылым", body=body, message_id="<m2@example.kz>"))
    assert (letter.type, letter.regarding, letter.limits) == (
        Type.OTHER, done, {"takes_back": Type.UNSUBSCRIBE})  # fmt: skip


STILL_ASKED = {
    "ru changed mind about a contract": (
        "Удалите мои данные. Менеджер хочет, чтобы я подписала договор, но я передумала",
        Type.DESTROY),
    "ru changed mind, then asks": ("Я передумала насчёт рассылки, отпишите меня",
                                   Type.UNSUBSCRIBE),
    "ru the request's heading": ("Заявка на удаление данных. Удалите мои данные", Type.DESTROY),
    "ru stop processing over a withdrawal": (
        "Прекратите обработку данных в связи с отзывом согласия", Type.WITHDRAW),
    "ru withdraw by an application": ("Отзываю согласие по заявлению от 5 мая", Type.WITHDRAW),
    "kk withdrawal's heading": ("Келісімді қайтарып алу туралы өтініш. Келісімімді қайтарып "
                                "аламын", Type.WITHDRAW),
    "kk read my request and delete": ("Өтінішімді қарап деректерімді жойыңыз", Type.DESTROY),
    "ru cancel the subscription": ("Отмените подписку на рассылку", Type.UNSUBSCRIBE),
    "kk stop sending": ("Хабарламаларды жіберуді тоқтатыңыз", Type.UNSUBSCRIBE),
}  # fmt: skip


@pytest.mark.parametrize("body, kind", STILL_ASKED.values(), ids=STILL_ASKED)
def test_a_request_beside_such_words_is_still_asked(person, body, kind):
    ticket = ingest(message("Сұрақ", body=body))
    assert ticket.type == kind and "takes_back" not in ticket.limits


def test_the_desk_names_the_request_taken_back(person, desk):
    first = ingest(message("Удаление данных", body="Удалите мои данные"))
    letter = ingest(message("Отмена", body="Отмените моё удаление", message_id="<m2@x.kz>"))
    page = desk.get(f"/admin/rights/ticket/{letter.pk}/change/").content.decode()
    assert 'id="takes-back"' in page and first.reference in page


# A consent cancelled is withdrawn, not a request called off: «Отменяю своё согласие на
# рассылку», «Прошу отменить согласие на обработку» opened "other" and nothing stopped.
CONSENT_CANCELLED = {
    "ru the news": "Отменяю своё согласие на рассылку",
    "ru processing": "Прошу отменить согласие на обработку персональных данных",
    "ru annul": "Аннулируйте моё согласие на рассылку",
    "ru imperative": "Отмените моё согласие на обработку данных",
    "kk annul": "Келісімімнің күшін жойыңыз",
}


@pytest.mark.parametrize("body", CONSENT_CANCELLED.values(), ids=CONSENT_CANCELLED)
def test_a_consent_cancelled_is_withdrawn(person, body):
    ticket = ingest(message("Сұрақ", body=body))
    assert ticket.type in (Type.WITHDRAW, Type.UNSUBSCRIBE) and "takes_back" not in ticket.limits
    assert not untouched(person)


def test_the_news_stopped_beside_a_deletion_taken_back_still_stop(person):
    body = "Передумала, не удаляйте мои данные, просто отпишите от рассылки"
    letter = ingest(message("Вопрос", body=body))
    assert (letter.type, letter.limits["takes_back"]) == (Type.OTHER, Type.DESTROY)
    assert not gate.may_process(person, MARKETING) and gate.may_process(person, SERVICE)
