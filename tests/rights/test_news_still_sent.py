"""A letter that reports something, and that the news still comes after it (compliance L7, L15):
reporting is not asking. «Хочу сообщить об удалении…, а рассылка приходит» opened a destruction
of a record the writer believes ended, while the news they complain of went on; «Я отписалась,
а рассылка всё равно приходит» opened "other" for fifteen working days, the news going on too.
The complaint stops the news as it arrives and is for an officer to look into."""

import pytest

from consent.core import gate
from consent.core.models import LedgerEntry, Subject
from consent.core.purposes import MARKETING, SERVICE
from consent.rights.intake import ingest
from consent.rights.models import Ticket

from .conftest import message, untouched

Type = Ticket.Type

REPORTED = [
    "Здравствуйте! Хочу сообщить об удалении моих данных из вашей базы, а рассылка всё равно "
    "приходит.",
    "Хочу сообщить об удалении, а рассылка приходит до сих пор",
    "Сообщаю об удалении моих данных, но письма всё ещё приходят.",
    "Я отписалась от рассылки, а она всё равно приходит каждую неделю.",
    "Я удалила свой аккаунт, но рассылка продолжает приходить",
    "Хочу сообщить, что ваша рассылка по-прежнему приходит, хотя я отписывалась в марте.",
    "Почему рассылка до сих пор приходит? Я же отписалась.",
    # A question of whether it was done, beside the complaint: the question alone stops nothing
    # (test_asked_or_supposed.py), the complaint does.
    "Вы уже отписали меня от рассылки? Письма всё ещё приходят",
    "Я просила удалить мои данные, спасибо, удалили. Но рассылка всё равно приходит.",
    "Сәлеметсіз бе! Деректерімді өшіру туралы хабарлаймын, бірақ хаттар келе береді.",
    "Деректерімді жою туралы хабарлаймын, бірақ хабарламалар әлі келіп жатыр",
    "Мен жазылымнан шықтым, бірақ хаттар әлі келеді.",
    "Таратылымнан бас тарттым, бірақ хабарламаларыңыз бәрібір келе береді.",
]


@pytest.mark.parametrize("body", REPORTED)
def test_a_report_that_the_news_still_comes_stops_it_for_an_officer_to_look_into(person, body):
    ticket = ingest(message("Рассылка / Хабарлама", body=body))
    assert ticket.type == Type.OTHER and ticket.limits.get("still_sent")
    assert Subject.objects.filter(pk=person.pk).exists()
    assert not gate.may_process(person, MARKETING) and gate.may_process(person, SERVICE)


@pytest.mark.parametrize("body, kind", [
    # An earlier request not honoured is asked again (reported_request.py), the news stopped too.
    ("Я просила удалить мои данные, но письма всё ещё приходят", Type.DESTROY),
    ("Деректерімді жоюды сұрадым, бірақ хаттар әлі келе береді", Type.DESTROY),
    # A withdrawal told of is the withdrawal, whenever the writer gave it.
    ("Уведомляю об отзыве согласия на обработку персональных данных, а рассылка всё равно "
     "приходит", Type.WITHDRAW),
])  # fmt: skip
def test_a_request_asked_again_beside_the_complaint_is_still_opened(person, body, kind):
    ticket = ingest(message("Рассылка / Хабарлама", body=body))
    assert ticket.type == kind
    assert not gate.may_process(person, MARKETING)
    assert gate.may_process(person, SERVICE) == (kind != Type.WITHDRAW)


@pytest.mark.parametrize("body, kind", [
    # Told without the news said to come after it, the writer's notice stands (informed.py).
    ("Хочу сообщить об удалении моих персональных данных", Type.DESTROY),
    ("Деректерімді өшіру туралы хабарлаймын", Type.DESTROY),
])  # fmt: skip
def test_a_notice_of_a_request_alone_is_still_that_request(person, body, kind):
    assert ingest(message("Деректер / Данные", body=body)).type == kind


def test_the_news_said_to_come_still_to_an_old_address_is_a_correction(person):
    """The news still coming to an old address asks where to be written, not for them to stop
    (limits.py): a correction, the news going on."""
    body = "Рассылка всё ещё приходит на старый адрес, пишите мне на новый: asel.new@example.kz"
    assert ingest(message("Рассылка", body=body)).type == Type.CORRECT
    assert untouched(person)


@pytest.mark.parametrize("body", [
    "Курс понравился, а рассылка приходит каждый день, спасибо!",
    "Письмо со ссылкой снова пришло, спасибо!",
    "Ваша рассылка приходит постоянно, очень полезно.",
    "Я сменила адрес, а рассылка не приходит на новый.",
    "Если рассылка всё равно придёт, что мне делать?",
    "Пришлите, пожалуйста, рассылку снова.",
    "Хаттарыңыз маған келмей жатыр, бірақ мен жазылғанмын.",
])  # fmt: skip
def test_the_news_told_of_without_a_complaint_goes_on(person, body):
    found = ingest(message("Рассылка / Хабарлама", body=body))
    assert not (getattr(found, "limits", None) or {}).get("still_sent")
    assert untouched(person)


@pytest.mark.parametrize("lang, note", [
    ("ru", "Выясните, почему рассылка продолжалась"),
    ("kk", "жаңалықтар мен арнайы ұсыныстардың неге келе бергенін анықтаңыз"),
])  # fmt: skip
def test_the_desk_tells_the_officer_to_find_why_the_news_went_on(desk, person, lang, note):
    ticket = ingest(message("Хабарлама", body=REPORTED[-3]))
    desk.cookies["django_language"] = lang
    page = desk.get(f"/admin/rights/ticket/{ticket.pk}/change/").content.decode()
    assert note in page.replace("\xa0", " ")
    assert LedgerEntry.objects.filter(subject=person, kind="withdraw").exists()
    plain = ingest(message("Хабарлама", message_id="<plain@x>", body="Отпишите меня от рассылки"))
    page = desk.get(f"/admin/rights/ticket/{plain.pk}/change/").content.decode()
    assert note not in page.replace("\xa0", " ")
