"""A request told in the third person, or asked for him, her or them (compliance L7): «Моя
коллега отзывает своё согласие», «Она хочет отписаться от рассылки», «Әріптесім хабарлама
алғысы келмейді», «She wants to unsubscribe», «отпишите её от рассылки», «Оны тізімнен
шығарыңыз». Whoever withdraws, wishes or is taken off is neither the writer («отзываю», «хочу»,
«алғым», «меня») nor the reader asked to do it («удалите»): someone else, whom no relative's
word names. Read as the sender's own, the colleague's withdrawal withdrew every consent of the
sender's as it arrived and the others stopped the sender's news. They open "other" for an
officer, about someone else, nothing done to the sender's record; the writer's own request
beside them is still theirs."""

import pytest

from consent.core import gate
from consent.core.purposes import MARKETING, SERVICE
from consent.rights.intake import ingest
from consent.rights.models import Ticket

from .conftest import message, untouched

Type = Ticket.Type

SOMEONE_ELSE = {
    "ru colleague withdraws": "Моя коллега отзывает своё согласие на обработку данных",
    "ru she wants to unsubscribe": "Пишу по просьбе подруги: она хочет отписаться от рассылки",
    "ru he refuses the news": "Здравствуйте. Он отказывается от вашей рассылки.",
    "ru they withdraw": "Наши сотрудники отзывают согласие на рассылку",
    "ru friend asks deletion": "Подруга просит удалить её персональные данные",
    "ru typed without care": "коллега отзывает согласие на обработку",
    "kk colleague does not want": "Әріптесім сіздердің хабарламаларыңызды алғысы келмейді",
    "kk he takes back": "Ол келісімін қайтарып алады",
    "kk ru letters": "Досым хабарламаларды алгысы келмейди",
    "kk latin 2021": "Ol kelısımın qaitaryp alady",
    "ru in latin letters": "Kollega otzyvaet svoe soglasie na obrabotku dannyh",
    "en she wants": "She wants to unsubscribe from your newsletter",
    "en colleague withdraws": "My colleague withdraws her consent",
    "ru her off the news": "Подруга просила передать: отпишите её от рассылки, asel2@mail.ru",
    "ru him first": "Его отпишите от рассылки, он просил",
    "ru them from the base": "Удалите их из вашей базы",
    "kk him off the list": "Оны тізімнен шығарыңыз, өтінемін",
    "en him from": "Please unsubscribe him from your newsletter",
}


@pytest.mark.parametrize("body", SOMEONE_ELSE.values(), ids=SOMEONE_ELSE)
def test_a_request_told_of_someone_else_leaves_the_senders_record_alone(person, body):
    ticket = ingest(message("Сұрақ", body=body))
    assert (ticket.type, ticket.about_someone_else) == (Type.OTHER, True)
    assert untouched(person)


OWN = {
    "ru I withdraw": ("Я отзываю согласие на обработку данных", Type.WITHDRAW),
    "ru she is the newsletter": ("Мне приходит ваша рассылка, она мне не нужна. Отпишите меня",
                                 Type.UNSUBSCRIBE),
    "ru the news itself": ("Мне приходит ваша рассылка, отключите её пожалуйста",
                           Type.UNSUBSCRIBE),
    "kk the news itself": ("Жарнамалық хабарламаларыңызды алғым келмейді, оны тоқтатыңыз",
                          Type.UNSUBSCRIBE),
    "ru data kept": ("Удалите мои данные, они хранятся у вас без моего согласия",
                     Type.DESTROY),
    "ru the manager wants": ("Удалите мои данные. Менеджер хочет, чтобы я подписала договор, "
                             "но я передумала", Type.DESTROY),
    "ru done to the data": ("Удалите мои данные, пусть они удаляются отовсюду", Type.DESTROY),
    "kk not yet done": ("Деректерімді жоюды сұрадым, әлі жойылмады", Type.DESTROY),
    "ru the infinitive without its soft sign": ("Хочу удалит мои данные", Type.DESTROY),
    "ru in latin letters": ("udalit dannye, pozhaluista", Type.DESTROY),
    "kk I do not want": ("Мен хабарламаларды алғым келмейді", Type.UNSUBSCRIBE),
    "kk I take back": ("Келісімімді қайтарып аламын", Type.WITHDRAW),
    "en my inbox": ("Please unsubscribe me, my inbox does not need more emails", Type.UNSUBSCRIBE),
    "en I want": ("I want to unsubscribe from your newsletter", Type.UNSUBSCRIBE),
}  # fmt: skip


@pytest.mark.parametrize("body, kind", OWN.values(), ids=OWN)
def test_the_writers_own_request_stays_theirs(person, body, kind):
    ticket = ingest(message("Сұрақ", body=body))
    assert (ticket.type, ticket.about_someone_else) == (kind, False)


def test_a_stop_for_the_writer_beside_one_told_of_another_still_stops_the_senders_news(person):
    body = "Коллега тоже хочет отписаться. И меня отпишите от рассылки"
    ticket = ingest(message("Рассылка", body=body))
    assert ticket.about_someone_else
    assert not gate.may_process(person, MARKETING) and gate.may_process(person, SERVICE)


# The news said not to be needed, naming no verb of a request (unneeded.py, refused.py), by whom.
UNNEEDED_BY_ANOTHER = {
    "ru her": "Ей не нужна ваша рассылка",
    "ru him, object first": "Ваши письма ему больше не нужны",
    "ru mother": "Моей маме ваша рассылка не нужна",
    "kk him": "Оған сіздің хабарламаларыңыз керек емес",
    "kk mother": "Анама сіздердің хабарламаларыңыз қажет емес",
}


@pytest.mark.parametrize("body", UNNEEDED_BY_ANOTHER.values(), ids=UNNEEDED_BY_ANOTHER)
def test_the_news_someone_else_does_not_need_are_not_the_senders_stop(person, body):
    ticket = ingest(message("Сұрақ", body=body))
    assert (ticket.type, ticket.about_someone_else) == (Type.OTHER, True)
    assert untouched(person)


@pytest.mark.parametrize(
    "body", ["Мне не нужна ваша рассылка", "Маған хабарламаларыңыз керек емес"]
)
def test_the_news_the_writer_does_not_need_still_stop(person, body):
    assert ingest(message("Сұрақ", body=body)).type == Type.UNSUBSCRIBE
