"""Stops that are not the sender's, or not of our news (compliance L7, L15). Someone else's, with
no «от» or with a person the writer knows in the dative: «Отпишите её», «Коллеге не нужна
рассылка», «Ей всё ещё приходит рассылка», «Жұбайыма хат жібермеңіздер» stopped the sender's
own news as they arrived: they go to an officer as about someone else, nothing done to the
sender's record (relatives.py). And a subscription that is not our news (paid, a magazine, an
app: «Отпишите меня от платной подписки») unsubscribed the sender from our news: our news and
offers are free and the only thing an unsubscribe stops, so an officer reads it (limits.py,
Ticket.Limit.SERVICE), nothing stopped."""

import pytest

from consent.rights.intake import ingest
from consent.rights.models import Ticket

from .conftest import message, untouched

Type = Ticket.Type

SOMEONE_ELSE = {
    "ru her, no from": "Отпишите её",
    "ru her first": "Её отпишите, пожалуйста, она просила",
    "ru them": "Отпишите их тоже, они просили",
    "ru colleague needs none": "Коллеге не нужна рассылка",
    "ru friend needs none": "Подруге ваша рассылка не нужна",
    "ru still comes to her": "Ей всё ещё приходит рассылка",
    "ru comes to a colleague": "Сотруднику до сих пор приходят ваши письма",
    "kk to my spouse": "Жұбайыма хат жібермеңіздер",
    "kk to my colleague": "Әріптесіме хабарлама жібермеңіз",
    "kk my friend's data": "Досымның деректерін жойыңыз",
    "kk my father's data": "Әкемнің деректерін жойыңыз",
}


@pytest.mark.parametrize("body", SOMEONE_ELSE.values(), ids=SOMEONE_ELSE)
def test_a_stop_for_someone_else_leaves_the_senders_news(person, body):
    ticket = ingest(message("Сұрақ", body=body))
    assert (ticket.type, ticket.about_someone_else) == (Type.OTHER, True)
    assert untouched(person)


OWN = {
    "ru mine": "Отпишите меня от рассылки",
    "ru the news itself": "Мне приходит ваша рассылка, отключите её",
    "ru still comes to me": "Мне всё ещё приходит рассылка",
    "kk mine": "Маған хат жібермеңіздер",
}


@pytest.mark.parametrize("body", OWN.values(), ids=OWN)
def test_the_senders_own_stop_still_stops_their_news(person, body):
    ticket = ingest(message("Сұрақ", body=body))
    assert not ticket.about_someone_else and not untouched(person)


NOT_OURS = {
    "ru paid": "Отпишите меня от платной подписки",
    "ru magazine": "Отпишите меня от подписки на журнал",
    "ru cancel the plan": "Отмените мою подписку на тариф Премиум",
    "ru an app": "Отпишите меня от подписки в приложении",
    "kk paid": "Мені ақылы жазылымнан шығарыңыз",
}


@pytest.mark.parametrize("body", NOT_OURS.values(), ids=NOT_OURS)
def test_a_subscription_that_is_not_our_news_unsubscribes_nothing(person, body):
    ticket = ingest(message("Сұрақ", body=body))
    assert (ticket.type, ticket.limits.get("limit")) == (Type.OTHER, Ticket.Limit.SERVICE)
    assert untouched(person)


def test_our_news_beside_a_paid_plan_still_stop(person):
    ticket = ingest(message("Сұрақ", body="Отпишите меня от рассылки новостей"))
    assert ticket.type == Type.UNSUBSCRIBE and not untouched(person)
