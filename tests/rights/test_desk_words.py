"""The desk's words and the officer's. A request's text is named as what it is, the person's
letter or statement, in the officer's language: in Kazakh it read «Хабарлама», a notification
(what the site sends), beside the request's «хат» and «өтініш» everywhere else on the page. And
an answer the officer types goes into a letter wholly in the person's language (compliance L24):
one typed in the other language is refused, nothing sent."""

import re

import pytest
from django.utils import translation

from consent.rights.answer_language import REFUSED
from consent.rights.models import Ticket

from .conftest import act, confirm_link, mails_to, web_request

NOTIFICATION = {"kk": "хабарлама", "ru": "уведомление"}
REQUEST_TEXT = {"kk": "Өтініш мәтіні", "ru": "Текст запроса"}


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_requests_text_is_labelled_as_the_persons_words(client, desk, person, lang):
    web_request(client, "kk", "correct", message="Тегім қате жазылған: Қасымова")
    ticket = Ticket.objects.get()
    desk.cookies["django_language"] = lang
    page = desk.get(f"/admin/rights/ticket/{ticket.pk}/change/").content.decode()
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page))
    assert REQUEST_TEXT[lang] in text and "Тегім қате жазылған" in text
    with translation.override(lang):  # nor any other label of a request's field
        labels = [str(field.verbose_name).lower() for field in Ticket._meta.fields]
    assert not [label for label in labels if NOTIFICATION[lang] in label]


# A question answered in writing (ticket_answer), by an officer whose desk is in the other language.
ANSWERS = {
    "kk": ("Здравствуйте! Мы не передавали ваши данные третьим лицам.",
           "напишите его на казахском"),  # told in the officer's language
    "ru": ("Сәлеметсіз бе! Біз сіздің деректеріңізді үшінші тұлғаларға бергеніміз жоқ.",
           "оны орыс тілінде жазыңыз"),
}  # fmt: skip


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_an_answer_typed_in_the_other_language_is_refused_and_nothing_is_sent(
    client, desk, person, lang
):
    web_request(client, lang, "transfer_notice")
    assert client.post(confirm_link()).status_code == 200
    ticket = Ticket.objects.get()
    desk.cookies["django_language"] = "ru" if lang == "kk" else "kk"  # the officer's own
    sent = len(mails_to(person.email))
    words, told = ANSWERS[lang]
    page = act(desk, ticket, reason=words).content.decode()
    assert told in page.replace("\xa0", " ")
    ticket.refresh_from_db()
    assert ticket.status == Ticket.Status.OPEN and len(mails_to(person.email)) == sent
    # In the person's language, with a name or a word of the other one quoted, it goes.
    answer = {
        "kk": "Деректеріңіз ешкімге берілген жоқ (сұрағыңыз: «передача данных»).",
        "ru": "Ваши данные никому не передавались, Әсел.",
    }[lang]
    act(desk, ticket, reason=answer)
    ticket.refresh_from_db()
    assert ticket.status == Ticket.Status.DONE and answer in mails_to(person.email)[-1].message


# Half in each language: the person's sentence and its translation, a greeting or a signature
# in the other. The letter would not be wholly the person's: refused, the sentence shown.
MIXED = [
    ("kk", "Сіздің деректеріңіз өзгертілді. Ваши данные изменены.", "Ваши данные изменены"),
    ("kk", "Деректеріңіз жойылды.\nС уважением, отдел кадров", "С уважением, отдел кадров"),
    ("kk", "Өтінішіңіз қаралды. P.S. Если будут вопросы, звоните.", "Если будут вопросы, звоните"),
    ("ru", "Ваши данные изменены.\nСіздің деректеріңіз өзгертілді.",
     "Сіздің деректеріңіз өзгертілді"),
    ("ru", "Сіздің сұрағыңызға жауап береміз! Ваши данные никому не передавались.",
     "Сіздің сұрағыңызға жауап береміз!"),
]  # fmt: skip
PART_TOLD = {  # to an officer whose desk is in Russian
    "kk": "Часть этого ответа написана на русском",
    "ru": "Часть этого ответа написана на казахском",
}


@pytest.mark.parametrize("lang, answer, part", MIXED)
def test_an_answer_half_in_the_other_language_is_refused_naming_the_sentence(
    client, desk, person, lang, answer, part
):
    web_request(client, lang, "transfer_notice")
    assert client.post(confirm_link()).status_code == 200
    ticket = Ticket.objects.get()
    desk.cookies["django_language"] = "ru"  # the officer's own
    sent = len(mails_to(person.email))
    page = act(desk, ticket, reason=answer).content.decode().replace("\xa0", " ")
    assert PART_TOLD[lang] in page and f"«{part}»" in page
    ticket.refresh_from_db()
    assert ticket.status == Ticket.Status.OPEN and len(mails_to(person.email)) == sent


# A Russian answer names what is written in Kazakh: an address, a district, a name, a term the
# officer quotes. Refused as Kazakh, the officer could not answer at all.
RUSSIAN_WITH_KAZAKH = [
    "Документы принимаем: Өскемен қ., Қазақстан көшесі, 62.",
    "Адрес исправлен: Алматы облысы, Қарасай ауданы, Қаскелең қаласы.",
    "Поле «өтініш мәтіні» вашего запроса оказалось пустым.",
    "Ваш новый адрес:\nӨскемен қаласы, Қазақстан көшесі, 62, пәтер 5.",
]


# And a Kazakh answer names what is written in Russian: an address, a name, a signature.
KAZAKH_WITH_RUSSIAN = [
    "Мекенжайыңыз өзгертілді:\nг. Усть-Каменогорск, ул. Казахстан, 62, кв. 5",
    "Деректеріңіз жойылды. Құрметпен, Иванов Иван Иванович.",
    "Сұрағыңыз бойынша: «Мы не передаём данные третьим лицам» деген сөйлем саясатта бар.",
    "Деректеріңіз бұғатталды. Reference: the parent's request.",  # a Latin «s» is no «с»
]


# An answer of a word or two in the other language: it could never show the two words of
# evidence a longer answer needs, and went into the letter under its other-language heading.
SHORT_OTHER = [("kk", "Данные удалены."), ("kk", "Не подтверждено"),
               ("ru", "Деректеріңіз жойылды."), ("ru", "Өтінішіңіз орындалды")]  # fmt: skip
# And a word or two that may stand in the letter: a name, a place, a word of neither.
SHORT_OWN = [("ru", "Готово, Әсел."), ("ru", "Өскемен қаласы"), ("kk", "Орындалды."),
             ("kk", "Иван Петров"),
             # A name's initials are no Russian «а», «в», «с», «и»: «Иванов А.» was refused.
             ("kk", "Иванов А."), ("kk", "Жауап берген Петров В. С."),
             ("ru", "Готово. Жауапты: Ә. Б.")]  # fmt: skip


@pytest.mark.parametrize(
    "lang, answer",
    [("ru", a) for a in RUSSIAN_WITH_KAZAKH] + [("kk", a) for a in KAZAKH_WITH_RUSSIAN] + SHORT_OWN,
)
def test_an_answer_naming_places_names_or_terms_of_the_other_language_goes(
    client, desk, person, lang, answer
):
    web_request(client, lang, "transfer_notice")
    assert client.post(confirm_link()).status_code == 200
    ticket = Ticket.objects.get()
    act(desk, ticket, reason=answer)
    ticket.refresh_from_db()
    assert ticket.status == Ticket.Status.DONE and answer in mails_to(person.email)[-1].message


@pytest.mark.parametrize("lang, answer", SHORT_OTHER)
def test_a_short_answer_in_the_other_language_is_refused(client, desk, person, lang, answer):
    web_request(client, lang, "transfer_notice")
    assert client.post(confirm_link()).status_code == 200
    ticket = Ticket.objects.get()
    sent = len(mails_to(person.email))
    page = act(desk, ticket, reason=answer).content.decode().replace("\xa0", " ")
    with translation.override("kk"):  # the officer's own (the desk's default)
        assert str(REFUSED[lang]).replace("\xa0", " ") in page
    ticket.refresh_from_db()
    assert ticket.status == Ticket.Status.OPEN and len(mails_to(person.email)) == sent
