"""What a letter's words really ask (compliance L7): the officer addressed by name is no one the
request is about; a negated wish with its object first stops the news; a request for word of a
deletion asks for information; an earlier request reported is asked again unless it is told as
done."""

import pytest

from consent.core import gate
from consent.core.models import LedgerEntry
from consent.core.purposes import MARKETING, SERVICE
from consent.rights.intake import ingest
from consent.rights.models import QuarantinedMessage, Ticket

from . import one_person
from .conftest import message, untouched

# Asel and her texts made once for the module, each test's changes undone (one_person.py).
_asel, person, texts = one_person._asel, one_person.person, one_person.texts

Type = Ticket.Type


@pytest.mark.parametrize("body", [
    "Удалите, Анна, мои данные",
    "Анна, удалите мои данные",
    "Удалите, Анна Петровна, мои данные",
    "Удалите, пожалуйста, Анна, мои данные.",
    "Удалите мои данные, Анна.",
    "Құрметті Анна, деректерімді жойыңыз",
    "Айгерим, сәлеметсіз бе! Деректерімді жойыңыз.",
    "Здравствуйте, Анна Петровна! Удалите мои данные.",
    "Добрый день, Ерлан! Прошу удалить мои персональные данные.",
])  # fmt: skip
def test_the_officer_addressed_by_name_is_no_one_else(person, body):
    """«Удалите, Анна, мои данные» read «Анна» after the verb as whose data, and opened "other"
    marked as about someone else: the writer's own destruction waited for an officer to re-type
    it, due in fifteen working days."""
    ticket = ingest(message("Деректер / Данные", body=body))
    assert ticket.type == Type.DESTROY and not ticket.about_someone_else


@pytest.mark.parametrize("body", [
    "Удалите данные Ерлана",
    "Отпишите, пожалуйста, Ерлана.",
    "Я, Иванов Иван, прошу удалить мои данные",
    "Ерлан Асқаров, прошу удалить мои данные",
    "Ерланның деректерін жойыңыз",
])  # fmt: skip
def test_a_person_named_as_whose_data_is_still_someone_else(person, body):
    ticket = ingest(message("Деректер / Данные", body=body))
    assert ticket.type == Type.OTHER and ticket.about_someone_else
    assert untouched(person)


@pytest.mark.parametrize("body", [
    "Рассылку получать не хочу",
    "не хочу получать рассылку",
    "Рассылку больше не хочу получать",
    "Рассылку получать не желаю",
    "Получать рассылку не хочу.",
    "Письма получать не хочу",
    "Хат алғым келмейді",
    "Хаттарды алғым келмейді",
    "Жаңалықтар алғым келмейді",
])  # fmt: skip
def test_a_negated_wish_stops_the_news_whatever_the_order(person, body):
    """«Рассылку получать не хочу» opened nothing: only «не хочу получать рассылку» and the
    object moved before «не хочу» were read; «не желаю» and «хат» named no phrase."""
    ticket = ingest(message("Рассылка / Хабарлама", body=body))
    assert ticket.type == Type.UNSUBSCRIBE
    assert not gate.may_process(person, MARKETING) and gate.may_process(person, SERVICE)


@pytest.mark.parametrize("body", [
    "Я не хочу, чтобы вы удаляли мои данные",
    "Удалять мои данные не хочу",
    "Рассылку получать хочу, не отписывайте меня",
    "Письма присылайте, не стесняйтесь",
])  # fmt: skip
def test_a_wish_not_to_have_something_done_does_nothing(person, body):
    ticket = ingest(message("Сұрақ / Вопрос", body=body))
    assert getattr(ticket, "type", Type.OTHER) == Type.OTHER
    assert untouched(person)


@pytest.mark.parametrize("body", [
    "Информацию об удалении данных пришлите",
    "Сообщите, удалены ли мои данные",
    "Пришлите подтверждение удаления",
    "Можете ли вы подтвердить, что удалили мои данные?",
    "Прошу предоставить справку об уничтожении моих персональных данных",
    "Деректерімнің жойылғаны туралы хабарлаңыз",
    "Деректерімді жою туралы ақпарат беріңіз",
    "Прошу сообщить об удалении моих персональных данных",
    "Уведомите меня об уничтожении моих данных",
    "Прошу подтвердить удаление моих данных",
    "Деректерімді жою туралы растама жіберіңіз",
    "Деректерімнің өшірілгені туралы хабар беріңіз",
    "Деректерімді жойғаныңызды растаңыз",
    "Деректерімнің жойылғанын растап жіберіңізші",
])  # fmt: skip
def test_asking_to_be_told_of_a_deletion_is_an_access_request(person, body):
    """«Информацию об удалении данных пришлите» opened a destruction (its noun «удалении» is a
    phrase's), which ends the record once confirmed; «сообщите, удалены ли мои данные» opened
    "other", due in fifteen working days, though whether data is held is an access answer. So
    did a verb of telling asked of us right before the noun: «Прошу сообщить об удалении…»."""
    ticket = ingest(message("Сұрақ / Вопрос", body=body))
    assert ticket.type == Type.ACCESS
    assert untouched(person)


@pytest.mark.parametrize("body, kind", [
    ("Удалите мои данные и пришлите подтверждение удаления", Type.DESTROY),
    ("Деректерімді жою туралы өтініш жіберемін", Type.DESTROY),
    ("Сообщите, как проходит обработка заказа", Type.OTHER),
    ("Уведомление об отзыве согласия на обработку персональных данных", Type.WITHDRAW),
    # The writer's own telling asks to be told nothing: what it tells of stands.
    ("Сообщаю об отзыве согласия на обработку персональных данных", Type.WITHDRAW),
    ("Хочу сообщить об отзыве согласия на обработку персональных данных", Type.WITHDRAW),
    ("Деректерімді жою туралы хабарлаймын", Type.DESTROY),
    ("Деректерімнің жойылғаны туралы хабарлаймын", Type.OTHER),  # told as done: no new one
    ("Деректерімді жоюыңызды сұраймын, жойғаныңызды растаңыз", Type.DESTROY),
])  # fmt: skip
def test_a_deletion_asked_beside_its_confirmation_is_still_asked(person, body, kind):
    assert ingest(message("Сұрақ / Вопрос", body=body)).type == kind


@pytest.mark.parametrize("body", [
    "Я просила удалить мои данные, спасибо, удалили",
    "Я просил удалить мои данные. Спасибо, данные удалены.",
    "Деректерімді жоюды сұрадым, рахмет, жойылды",
    "Я просила отписать меня от рассылки, спасибо, отписали",
    "Писала вам с просьбой удалить мои данные. Вижу, что удалили, благодарю.",
])  # fmt: skip
def test_an_earlier_request_told_as_done_opens_nothing(person, body):
    """«Я просила удалить мои данные, спасибо, удалили» opened a destruction of a record the
    writer thanks us for having destroyed, and mailed them a link to confirm it."""
    found = ingest(message("Рахмет / Спасибо", body=body))
    assert isinstance(found, QuarantinedMessage)
    assert found.reason == QuarantinedMessage.Reason.NOTHING_ASKED
    assert not Ticket.objects.exists() and untouched(person)


@pytest.mark.parametrize("body, kind", [
    ("Я просила удалить мои данные", Type.DESTROY),
    ("Я просила удалить мои данные, так и не удалили", Type.DESTROY),
    ("Я просила удалить мои данные, но письма всё ещё приходят", Type.DESTROY),
    ("Деректерімді жоюды сұрадым, әлі жойылмады", Type.DESTROY),
    ("Я просила отписать меня от рассылки, а письма идут", Type.UNSUBSCRIBE),
])  # fmt: skip
def test_an_earlier_request_not_honoured_is_asked_again(person, body, kind):
    ticket = ingest(message("Деректер / Данные", body=body))
    assert ticket.type == kind and ticket.regarding is None


def test_asked_again_while_the_first_is_open_it_joins_that_one(person):
    first = ingest(message("Данные", message_id="<first@x>", body="Удалите мои данные"))
    again = ingest(message("Данные", message_id="<again@x>",
                           body="Я просила удалить мои данные, ответа до сих пор нет"))  # fmt: skip
    assert first.type == Type.DESTROY and first.is_open
    assert again.regarding == first and not again.is_open
    assert Ticket.objects.filter(type=Type.DESTROY, regarding=None).count() == 1
    assert not LedgerEntry.objects.filter(subject=person, kind="withdraw").exists()


@pytest.mark.parametrize("body", [
    "Мне не нужна ваша рассылка",
    "Рассылка не нужна",
    "Письма мне больше не нужны, спасибо",
    "Хабарлама керек емес",
    "Хаттарыңыз маған қажет емес",
    "Ваша рассылка мне не нужна, удалите меня из списка",
    # asked not to be sent, of news no phrase names so (unneeded.news_unsent)
    "Не присылайте мне уведомления",
    "Больше не шлите мне ваши акции",
    "Не надо мне присылать предложения",
    "Пусть мне больше не приходят ваши новости",
    "Маған ұсыныстарыңызды жібермеңіз",
    "Маған хабарлама келмесін",
])  # fmt: skip
def test_news_said_to_be_unneeded_stop(person, body):
    """«Мне не нужна ваша рассылка» named no verb of a request and opened "other", due in fifteen
    working days, while the news went on (unneeded.py); so did «Не присылайте мне уведомления».
    """
    ingest(message("Рассылка / Хабарлама", body=body))
    assert not gate.may_process(person, MARKETING) and gate.may_process(person, SERVICE)


@pytest.mark.parametrize("body", [
    "Отписываться от рассылки не нужно",
    "От рассылки отписываться не нужно, я передумала",
    "Хабарламалардан бас тарту қажет емес",
    "Не надо приостанавливать рассылку",
    "Если рассылка не нужна, куда нажать",
    "Рассылка не нужна?",
    "Спасибо, не интересно",
    "Вы не прислали мне уведомление о записи на курс",
    "Почему вы не присылаете уведомления?",
    "Мне не приходят уведомления о занятиях",
    "Вы мне не присылаете уведомления о расписании",
    "Не забудьте прислать уведомление о начале курса",
    "Маған хабарлама келмей жатыр",
])  # fmt: skip
def test_a_declined_stop_or_a_question_keeps_the_news(person, body):
    ingest(message("Рассылка / Хабарлама", body=body))
    assert untouched(person)
