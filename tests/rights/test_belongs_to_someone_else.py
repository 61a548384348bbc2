"""Data said to belong to someone else are someone else's (compliance L7), however the letter says
whose: not only the genitive («данные другого человека», «басқа адамның деректері») but a verb
or word of belonging with the dative («принадлежат другому человеку», «басқа адамға тиесілі»,
«басқа адамға қатысты»), «about» («о другом человеке», «басқа адам туралы») and the Kazakh
possessive predicate («басқа адамдікі», «біреудікі»), in either word order. Read as to whom,
each went to the writer's own record, and a confirmed destruction destroyed her data for a
letter about someone else's."""

import pytest

from consent.rights.intake import ingest
from consent.rights.models import Ticket
from consent.rights.relatives import names_someone_else

from .conftest import message, untouched

BELONGING = {
    "ru belong to another person, after the data": "Удалите эти данные, они принадлежат "
    "другому человеку.",
    "ru belong to another person, before": "Эти данные принадлежат другому лицу, удалите их.",
    "ru the number belongs to another client": "Этот номер принадлежит другому клиенту, "
    "удалите его.",
    "ru belonging to another user": "Удалите анкету, принадлежащую другому пользователю.",
    "ru to another person belong": "Данные эти другому человеку принадлежат, удалите их.",
    "kk belong to another person": "Бұл деректер басқа адамға тиесілі, өшіріңіз.",
    "kk concern another person": "Басқа адамға қатысты деректерді жойыңыз.",
    "kk another person's (-дікі)": "Бұл деректер басқа адамдікі, жойыңыз.",
    "kk someone's (-дікі)": "Бұл деректер біреудікі, жойыңыз.",
    "kk another's (өзгенікі)": "Бұл деректер өзгенікі, оларды жойыңыз.",
    # about another person
    "ru information about another person": "Удалите информацию о другом человеке.",
    "ru data about other clients": "Удалите, пожалуйста, данные о других клиентах.",
    "kk data about another person": "Басқа адам туралы деректерді жойыңыз.",
    "kk information about other people": "Басқа адамдар жайлы мәліметтерді өшіріңіз.",
}

# Another person beside the writer's own data, with no word of belonging: to whom, not whose.
TO_WHOM = {
    "ru given to another person": "Вы передали мои данные другому человеку, удалите их.",
    "kk given to another person": "Деректерімді басқа адамға бердіңіз, оларды жойыңыз.",
    "ru told another person about my data": "Вы написали другому человеку о моих данных, "
    "удалите их.",
}


@pytest.mark.parametrize("body", BELONGING.values(), ids=BELONGING)
def test_data_belonging_to_someone_else_are_someone_elses(body):
    assert names_someone_else(body)


@pytest.mark.parametrize("body", TO_WHOM.values(), ids=TO_WHOM)
def test_to_whom_without_belonging_is_not_whose(body):
    assert not names_someone_else(body)


@pytest.mark.parametrize("body", list(BELONGING.values())[::3], ids=list(BELONGING)[::3])
def test_data_belonging_to_someone_else_go_to_an_officer(person, body):
    ticket = ingest(message("Сәлем", body=body))
    assert (ticket.type, ticket.about_someone_else) == (Ticket.Type.OTHER, True)
    assert untouched(person)


# Whose data, named by any of the nouns the intake reads the data by (word_order.DATA_NOUNS):
# relatives.HELD had «данные», «деректер», not «мәліметтер», «ақпарат», «сведения», «информация»,
# «нөмір», which about_whom.py had added to its own copy. Each destroyed the writer's own.
NAMED_OTHERWISE = {
    "kk another person's information (мәлімет)": "Басқа адамның мәліметтерін жойыңыз.",
    "kk another person's information (ақпарат)": "Басқа адамның ақпаратын жойыңыз.",
    "kk the number is another person's": "Бұл нөмір басқа адамның, жойыңыз.",
    "ru another person's details (сведения)": "Удалите сведения другого человека.",
    "ru another person's information": "Удалите информацию другого клиента.",
}


@pytest.mark.parametrize("body", NAMED_OTHERWISE.values(), ids=NAMED_OTHERWISE)
def test_someone_elses_data_by_any_of_their_nouns_are_someone_elses(body):
    assert names_someone_else(body)
