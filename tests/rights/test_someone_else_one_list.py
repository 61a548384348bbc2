"""The words for someone else have one home (someone_else.py), read by both rules that need them
(compliance L7, L21): relatives.names_someone_else (data said to be someone else's: the letter is
an officer's to read) and misdirected.misdirected (someone else's data or letter sent to the
writer: a possible breach). Two lists written apart had drifted: «данные постороннего человека»,
«данные других людей» sent to the writer were no breach, and «басқа клиенттің деректері»,
«өзгенің деректері», «данные другой клиентки» to delete were carried out on the writer's own
record. Each form one list had and the other lacked, through both rules; and where they differ
on purpose, the dative («другому клиенту») names to whom, not whose."""

import pytest

from consent.rights import someone_else
from consent.rights.intake import ingest
from consent.rights.misdirected import misdirected
from consent.rights.models import Ticket
from consent.rights.relatives import names_someone_else
from consent.rights.spelling import fold, word_set, words

from .conftest import message, untouched

Type = Ticket.Type

# Data said to be someone else's, to delete: relatives reads them as someone else's.
WHOSE = {
    # misdirected's list had these; relatives' did not
    "kk someone's": "Біреудің деректерін жойыңыз.",
    "kk another's (өзгенің)": "Өзгенің деректерін жойыңыз.",
    "kk another client's": "Басқа клиенттің деректерін жойыңыз.",
    "kk another subscriber's": "Басқа абоненттің деректерін жойыңыз.",
    "kk another legal person's": "Басқа тұлғаның деректерін жойыңыз.",
    "ru another (female) client's": "Удалите данные другой клиентки.",
    "ru other clients'": "Удалите данные других клиентов.",
    "ru another recipient's": "Удалите данные другого получателя.",
    "ru another subscriber's": "Удалите данные другого абонента.",
    "ru another buyer's": "Удалите данные другого покупателя.",
    "ru other users'": "Удалите данные других пользователей.",
    # both lists had these
    "ru stranger's": "Удалите чужие данные.",
    "ru another person's": "Удалите данные другого человека.",
    "ru an outsider's": "Удалите данные постороннего человека.",
    "kk another person's": "Басқа адамның деректерін жойыңыз.",
    "kk other people's": "Басқа адамдардың деректерін жойыңыз.",
    # neither had these: Kazakh words for "user", "recipient", «өзге» for «басқа»
    "kk another user's": "Басқа пайдаланушының деректерін жойыңыз.",
    "kk another recipient's": "Басқа алушының деректерін жойыңыз.",
    "kk another person's (өзге)": "Өзге адамның деректерін жойыңыз.",
}

# Someone else's data or letter sent to the writer: misdirected reads a possible breach.
SENT_TO_THE_WRITER = {
    # relatives' list had these; misdirected's did not
    "ru an outsider's data": "Вы прислали мне данные постороннего человека.",
    "ru outsiders' data": "Мне пришли посторонние персональные данные.",
    "ru other people's data": "Мне пришли данные других людей.",
    # both had these
    "ru a letter for another client": "Мне пришло письмо, адресованное другому клиенту.",
    "ru another's data": "Вы прислали мне чужие данные.",
    "kk a letter for another person": "Маған басқа адамға арналған хат келді.",
    "kk someone's passport": "Маған біреудің төлқұжаты бар хат келді.",
    "kk another's data (өзгенің)": "Маған өзгенің деректері келді.",
    "kk another client's data": "Сіздер маған басқа клиенттің деректерін жібердіңіздер.",
    # neither had these
    "kk a letter for another user": "Маған басқа пайдаланушыға арналған хат келді.",
    "kk another person's data (өзге)": "Маған өзге адамның деректері келді.",
}

# Another person beside the writer's own data in the dative or the nominative names to whom or
# who, not whose: the data are still the writer's.
TO_WHOM = {
    "ru to another client": "Вы передали мои данные другому клиенту, удалите их.",
    "ru to other persons": "Удалите мои данные и не передавайте их другим лицам.",
    "kk to another person": "Деректерімді басқа адамға бермеңіз, оларды жойыңыз.",
    "ru other persons see them": "Мои данные видят другие лица, удалите их.",
}


@pytest.mark.parametrize("body", WHOSE.values(), ids=WHOSE)
def test_someone_elses_data_are_someone_elses_to_both_rules(body):
    assert names_someone_else(body)
    assert someone_else.someone_elses(_said(body)) and someone_else.someone_else(_said(body))


@pytest.mark.parametrize("body", SENT_TO_THE_WRITER.values(), ids=SENT_TO_THE_WRITER)
def test_someone_elses_data_sent_to_the_writer_is_a_possible_breach(body):
    assert misdirected([body])


@pytest.mark.parametrize("body", TO_WHOM.values(), ids=TO_WHOM)
def test_to_whom_is_not_whose(body):
    assert not names_someone_else(body) and not misdirected([body])


@pytest.mark.parametrize("body", WHOSE.values(), ids=WHOSE)
def test_someone_elses_data_to_delete_go_to_an_officer(person, body):
    ticket = ingest(message("Сәлем", body=body))
    assert (ticket.type, ticket.about_someone_else) == (Type.OTHER, True)
    assert untouched(person)


@pytest.mark.parametrize("body", SENT_TO_THE_WRITER.values(), ids=SENT_TO_THE_WRITER)
def test_someone_elses_data_sent_are_marked_a_possible_breach(person, body):
    ticket = ingest(message("Сәлем", body=body))
    assert (ticket.type, ticket.limits) == (Type.OTHER, {"misdirected": True})
    assert untouched(person)


# A person, whose (the genitive) and in the other cases.
GENITIVE = word_set(
    "человека людей лица лиц клиента клиентки клиентов пользователя пользователей покупателя "
    "получателя получателей адресата абонента абонентов адамнын адамдардын кисинин биреудин "
    "тулганын клиенттин абоненттин пайдаланушынын алушынын"
)
OTHER_CASES = word_set(
    "человек человеку человеком людям людьми лицо лицу лицом лицам клиенту клиентке получателю "
    "адресату адам адамга адамды биреуге кисиге тулгага клиентке пайдаланушыга алушыга"
)


@pytest.mark.parametrize("word", sorted(GENITIVE))
def test_whose_is_one_of_the_persons_either_rule_reads(word):
    """A person named whose (PERSON_WHOSE, relatives) is one misdirected reads too (PERSON): one
    list of persons, the genitive a part of it, never a word added to one and not the other."""
    assert someone_else.PERSON_WHOSE.fullmatch(word) and someone_else.PERSON.fullmatch(word)


@pytest.mark.parametrize("word", sorted(OTHER_CASES))
def test_to_whom_is_a_person_but_not_whose(word):
    assert someone_else.PERSON.fullmatch(word) and not someone_else.PERSON_WHOSE.fullmatch(word)


def _said(body):
    return [fold(word) for word in words(body)]
