"""A Kazakh letter about the writer's own message, or about what they wrote or sent, asks
nothing of our news (compliance L7, L15): each below unsubscribed the writer as it arrived.

«Хабарлама», «хат», «жарнама», «хабарландыру» are a message, a letter, an advertisement, a notice
of anyone's: with «my» in the singular («хабарламамды өшіріңіз», delete my message) they are the
writer's, not our news (news_stops.writers_own). And a negated verb of a phrase is never matched
by a word whose negation syllable is something else, as a slip: «жазбаңыз» (do not write) read
«жазған» (wrote), «жібермеңіз» (do not send) «жіберген» (sent) (verb_forms.KAZAKH_VERB); nor by
the same verb in the past, which tells what was or was not done: «Мен жазбадым» (I did not
write) is no «жазбаңыз» (verb_forms.KAZAKH_PAST)."""

import pytest

from consent.core import gate
from consent.core.purposes import MARKETING, SERVICE
from consent.rights.intake import ingest

from .conftest import Status, Type, message

OWN = [
    "Алдыңғы хабарламамды өшіріңіз.",  # delete my previous message
    "Хабарламамды өшіріңіз, қате жібердім.",  # delete my message, I sent it by mistake
    "Жазған хабарламамды алып тастаңыз.",  # remove the message I wrote
    "Хатымды алып тастаңыз, қате жаздым.",  # remove my letter, I wrote it wrong
    "Хабарламамнан бас тартамын, ұмытыңыз.",  # I take back my message, forget it
    "Жарнамамды сайттан алып тастаңыз.",  # remove my advertisement from the site
    "Жаңалығымды өшіріңіз.",  # delete my news item
    "Сайттағы хабарландыруымды өшіріңіз.",  # delete my notice on the site
    "Кешегі хатымды елемеңіз, хабарламамды өшіріңіз.",
]
WROTE = [
    "Сәлеметсіз бе! Мен сізге кеше жазған едім, әлі жауап жоқ. Курс қашан басталады?",
    "Мен сізге жазғанмын, жауап күтемін.",  # I wrote to you, I am waiting for an answer
    "Сізге жазған хатыма жауап берсеңіз екен.",
    "Сізге жіберген хатыма жауап жоқ, курс қашан басталады?",  # no answer to the letter I sent
    "Құжатты жібергенмін, алдыңыз ба?",  # I sent the document, did you get it?
    # What was not done, told in the past: no asking not to do it.
    "Мен жазбадым, бұл қате.",  # I did not write, this is a mistake
    "Мен сізге ештеңе жазбағанмын.",  # I have written nothing to you
    "Сіз маған растау хатын жібермедіңіз.",  # you did not send me the confirmation
]
# Our news, stopped as they arrive, as before.
STOPS = [
    "Хабарламаларыңызды тоқтатыңыз.",
    "Хабарламаларды өшіріңіз.",
    "Маған хабарлама жібермеңіз.",
    "Жарнамаларыңыздан бас тартамын.",
    "Хаттарыңызды жібермеңіз.",
    "Маған енді жазбаңыз.",
    "Маған жазбаңызшы.",
    "Маған жазбаңыздаршы.",
    "Хабарламаларыңызды өшіріңізші.",
    "Хабарламаларымды өшіріңіз.",  # the plural: also «turn off my notifications»
]


@pytest.mark.parametrize("body", OWN + WROTE)
def test_a_letter_about_the_writers_own_message_keeps_the_news(person, body):
    ticket = ingest(message("Сәлем", body=body))
    assert (ticket.type, ticket.language) == (Type.OTHER, "kk")
    assert ticket.status == Status.UNVERIFIED  # for an officer to read, once confirmed
    assert gate.may_process(person, MARKETING) and gate.may_process(person, SERVICE)


@pytest.mark.parametrize("body", STOPS)
def test_a_letter_stopping_our_news_still_stops_them_as_it_arrives(person, body):
    ticket = ingest(message("Сәлем", body=body))
    assert (ticket.type, ticket.status) == (Type.UNSUBSCRIBE, Status.DONE)
    assert not gate.may_process(person, MARKETING) and gate.may_process(person, SERVICE)


@pytest.mark.parametrize("body", ["Деректерімді жаңарттым.", "Тегімді өзгерттім, енді Касымова."])
def test_a_change_of_the_writers_data_told_in_the_past_still_asks_to_correct_it(person, body):
    """Only a negated verb's past is refused («жазбадым»): «I updated my data» still asks."""
    assert ingest(message("Сәлем", body=body)).type == Type.CORRECT
