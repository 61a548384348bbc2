"""A letter that asks to stop our news by any noun of the news with any verb that stops them
(compliance L7, L15, consent/rights/news_stops.py): «Хабарламаларды тоқтатыңыз»,
«Хабарламаларыңызды тоқтатыңыз», «Сәлеметсіз бе! Жаңалықтарыңыздан шығарыңыз», «Прекратите
присылать уведомления» opened "other", fifteen working days for an officer while the news went
on, as the table held «таратылымды тоқтатыңыз» and «прекратите присылать рассылку» but not
these pairs. The Kazakh letters are made here as people write them: the noun in the singular or
the plural, bare or «your», in the case its verb takes; the verb as a polite imperative, as
«-уыңызды сұраймын», or negated, «жібермеңіз». Another company's news, the writer's data, a
«не» before another verb still read as they did."""

import pytest

from consent.core import gate
from consent.core.purposes import MARKETING, SERVICE
from consent.rights.intake import ingest
from consent.rights.models import Ticket

from .conftest import message, news_only_stopped, untouched

Type = Ticket.Type

BACK, FRONT = set("аоұы"), set("әөүіе")
VOICELESS, NASAL = set("кқпстфхцчшщ"), set("мнң")
SOFTENED = {"к": "г", "қ": "ғ", "п": "б"}  # before a vowel: «жаңалық», «жаңалығыңыз»


def _back(word: str) -> bool:
    vowels = [letter for letter in word if letter in BACK | FRONT]
    return not vowels or vowels[-1] in BACK


def _suffix(word: str, back: str, front: str) -> str:
    return word + (back if _back(word) else front)


def plural(noun: str) -> str:
    last = noun[-1]
    start = "т" if last in VOICELESS else "д" if last in NASAL | set("зж") else "л"
    return _suffix(noun, start + "ар", start + "ер")


def yours(noun: str) -> str:
    """«Your», polite: «хабарламаңыз», «жаңалығыңыз», «таратылымыңыз»."""
    if noun[-1] in "аәеоөұүыі":
        return _suffix(noun, "ңыз", "ңіз")
    return _suffix(noun[:-1] + SOFTENED.get(noun[-1], noun[-1]), "ыңыз", "іңіз")


def accusative(noun: str) -> str:
    last = noun[-1]
    start = "н" if last in "аәеоөұүыі" else "т" if last in VOICELESS else "д"
    return _suffix(noun, start + "ы", start + "і")


def ablative(noun: str) -> str:
    last = noun[-1]
    start = "т" if last in VOICELESS else "н" if last in NASAL else "д"
    return _suffix(noun, start + "ан", start + "ен")


def forms(noun: str, case) -> list[str]:
    """The noun in `case`: singular and plural, bare and «your»."""
    return [case(form) for many in (noun, plural(noun)) for form in (many, yours(many))]


# Nouns of our news (news_stops.KK_NEWS), «хат» as people qualify it.
NOUNS = ("хабарлама", "хабарландыру", "жаңалық", "жарнама", "ақпараттық хат", "e-mail хат")
# Verbs whose object is the news (accusative), and those that take the writer out of them
# (ablative), each in its polite imperative and as «-уыңызды сұраймын».
TAKING = {
    "тоқтатыңыз": accusative,
    "тоқтатуыңызды сұраймын": accusative,
    "доғарыңыз": accusative,
    "жолдамаңыз": accusative,
    "шығарыңыз": ablative,
    "шығаруыңызды сұраймын": ablative,
    "алып тастаңыз": ablative,
    "алып тастауыңызды сұраймын": ablative,
}
KAZAKH = {
    f"{verb}: {form}": f"{form.capitalize()} {verb}"
    for verb, case in TAKING.items()
    for noun in NOUNS
    for form in forms(noun, case)
}
KAZAKH.update({
    "the brief's first": "Хабарламаларды тоқтатыңыз",
    "the brief's second": "Хабарламаларыңызды тоқтатыңыз",
    "the brief's third": "Сәлеметсіз бе! Жаңалықтарыңыздан шығарыңыз",
    "me out of them": "Мені хабарламаларыңыздан шығарыңыз",
    "turned off": "Хабарландыруларды өшіріңіз",
    "turned off, «your»": "Жаңалықтарыңызды өшіріп тастаңыз",
    "«-шы»": "Хабарламаларыңызды тоқтатыңызшы",
    "to many": "Хабарламаларды тоқтатыңыздар",
    "not wanted, the mailing": "Таратылымды алғым келмейді",
    "not wanted, «рассылка»": "Рассылканы алғым келмейді",
})  # fmt: skip
RUSSIAN = {
    "the brief's": "Прекратите присылать уведомления",
    "news": "Прекратите присылать новости",
    "stop sending": "Прекратите отправлять уведомления",
    "cease": "Перестаньте присылать новости",
    "asked": "Прошу прекратить присылать мне уведомления",
    "messages": "Не присылайте сообщения",
    "turn off notices": "Отключите уведомления",
    "turn off news": "Отключите новости",
    "not wanted, notices": "Не хочу получать уведомления",
    "not wanted any more, your news": "Не хочу больше получать ваши новости",
    "not wished for": "Не желаю получать уведомления",
    "refused, the news": "Отказываюсь от ваших новостей",
    "refused, the offers": "Прошу оформить отказ от специальных предложений",
    "refused, the advertising": "Откажитесь, пожалуйста, присылать мне рекламу. Отказ от рекламы",
}


# The policy's own subject lines, shortened as people shorten them, under a reply's prefix or
# in capitals: «Отказ от новостей» opened "other", while «Жаңалықтардан бас тарту» stopped them.
SUBJECT_LINES = {
    "ru, the news": ("Отказ от новостей", "ru"),
    "ru, a reply": ("Отв: Отказ от новостей", "ru"),
    "ru, the offers": ("ОТКАЗ ОТ СПЕЦПРЕДЛОЖЕНИЙ", "ru"),
    "ru, the special offers": ("Отказ от специальных предложений", "ru"),
    "kk, the special offers": ("Арнайы ұсыныстардан бас тарту", "kk"),
}


@pytest.mark.parametrize("subject_line, language", SUBJECT_LINES.values(), ids=SUBJECT_LINES)
def test_the_policys_refusal_shortened_in_the_subject_line_stops_the_news(
    person, subject_line, language
):
    ticket = ingest(message(subject_line, body=""))
    assert (ticket.type, ticket.language) == (Type.UNSUBSCRIBE, language)
    assert news_only_stopped(ticket, person)


@pytest.mark.parametrize("body", KAZAKH.values(), ids=KAZAKH)
def test_a_kazakh_noun_of_our_news_with_a_verb_that_stops_them_stops_them(person, body):
    ticket = ingest(message("Сұрақ / Вопрос", body=body))
    assert (ticket.type, ticket.language) == (Type.UNSUBSCRIBE, "kk")
    assert news_only_stopped(ticket, person)


@pytest.mark.parametrize("body", RUSSIAN.values(), ids=RUSSIAN)
def test_a_russian_noun_of_our_news_with_a_verb_that_stops_them_stops_them(person, body):
    ticket = ingest(message("Вопрос", body=body))
    assert (ticket.type, ticket.language) == (Type.UNSUBSCRIBE, "ru")
    assert news_only_stopped(ticket, person)


KEPT = {
    "kk another company's": "Kaspi хабарламаларын тоқтатыңыз",
    "kk another company's, out of": "Мені Kaspi жаңалықтарынан шығарыңыз",
    "ru another company's": "Прекратите присылать уведомления Кинопоиска",
    "kk sent, not stopped": "Маған жаңалықтарды жіберіңіз",
    "kk not stopped": "Хабарламаларды тоқтатпаңыз",
    "kk not needed": "Хабарламаларды тоқтатудың қажеті жоқ",
    "kk supposed": "Егер хабарламаларды тоқтатсаңыз, рахмет",
    "kk told": "Хабарламаларды тоқтаттым",
    "kk my letter deleted": "Хатымды өшіріңіз",
    "kk a mother's": "Анамның хабарламаларын тоқтатыңыз",
    # «Шығару» of what is not in the ablative is to issue it, not to take out of it.
    "kk a notice issued": "Жаңа курс туралы хабарлама шығарыңыз",
    "kk the news published more often": "Жаңалықтарды жиірек шығарыңыз",
    "kk the next mailing issued earlier": "Келесі таратылымды ертерек шығарыңыз",
    # What the verb of a stop is done to, «емес» (not): the course is stopped.
    "kk not the messages, the course": "Хабарламаларды емес курсты тоқтатыңыз",
    "kk not the news, the course": "Жаңалықтарыңызды емес курсты тоқтатыңыз",
    # The present tells what the reader does («присылаете»), the imperative asks («присылайте»).
    "ru none come": "Вы мне не присылаете уведомления о расписании",
    "ru the mailing never comes": "Вы мне не присылаете рассылку",
    # A «не» negates the verb right after it: do not stop sending.
    "ru do not stop sending the news": "Не прекращайте присылать новости",
    "ru do not stop sending the mailing": "Не прекращайте присылать рассылку",
    "ru do not cease sending letters": "Не переставайте присылать письма",
    "ru no refusal of the news": "Я не отказываюсь от ваших новостей",
    "ru another company's offers": "Отказ от специальных предложений Кинопоиска",
    "kk no refusal of the offers": "Арнайы ұсыныстардан бас тартпаймын",
}


@pytest.mark.parametrize("body", KEPT.values(), ids=KEPT)
def test_another_companys_news_a_denial_or_someone_elses_stop_nothing(person, body):
    ticket = ingest(message("Сұрақ / Вопрос", body=body))
    assert ticket.type != Type.UNSUBSCRIBE and untouched(person)


def test_the_data_named_beside_our_news_are_to_be_destroyed_and_the_news_stop_at_once(person):
    body = "Хабарламаларыңызды тоқтатыңыз және деректерімді жойыңыз"
    assert ingest(message("Сұрақ", body=body)).type == Type.DESTROY  # once confirmed
    assert not gate.may_process(person, MARKETING) and gate.may_process(person, SERVICE)
