"""A withdrawal sent through the request form names the consent it withdraws wherever the person
reads about it: the mail with the link, the page the link opens and the person's own page. They
said only «отзыв согласия»: one who withdrew the news confirmed it not knowing whether the answers
to their applications would stop too, and one who withdrew every consent was not told so."""

import re

import pytest
from django.test import Client

from consent.core.purposes import MARKETING, SERVICE
from consent.rights.intake import ingest
from consent.rights.models import Ticket

from .conftest import confirm_link, mails_to, message, web_request
from .test_selfservice import open_page

NAMED = {
    ("kk", MARKETING): "«Жаңалықтар және арнайы ұсыныстар» мақсаты үшін берілген келісімді кері "
    "қайтарып алу",
    ("kk", SERVICE): "«Хабарламалар мен өтінімдерге жауап беру» мақсаты үшін берілген келісімді "
    "кері қайтарып алу",
    ("kk", ""): "барлық келісімдерді кері қайтарып алу",
    ("ru", MARKETING): "отзыв согласия для цели «Новости и специальные предложения»",
    ("ru", SERVICE): "отзыв согласия для цели «Ответы на обращения и заявки»",
    ("ru", ""): "отзыв всех согласий",
}
OTHER = {MARKETING: SERVICE, SERVICE: MARKETING}


def words(html):
    """What a reader sees of a page or mail: its text, tags gone, spaces as one."""
    text = re.sub(r"<[^>]+>", " ", html).replace("\xa0", " ")
    return re.sub(r"\s+", " ", text)


@pytest.mark.parametrize("lang,purpose", list(NAMED))
def test_the_person_reads_which_consent_they_withdraw(client, person, lang, purpose):
    web_request(Client(), lang, Ticket.Type.WITHDRAW, purpose=purpose)
    ticket = Ticket.objects.get()
    assert (ticket.type, ticket.purpose) == (Ticket.Type.WITHDRAW, purpose)
    named = NAMED[lang, purpose]
    (mail,) = mails_to("asel@example.kz")
    assert named in words(mail.message) and named in words(mail.html_message)
    page = client.get(confirm_link()).content.decode()
    assert named in words(page)
    if purpose:  # and not the other consent, which goes on
        assert NAMED[lang, OTHER[purpose]] not in words(mail.message + page)
    client.post(confirm_link())
    open_page(client, lang)
    assert named in words(client.get(f"/{lang}/my-data/").content.decode())


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_another_request_is_named_by_its_type_alone(client, person, lang):
    web_request(Client(), lang, Ticket.Type.ACCESS)
    (mail,) = mails_to("asel@example.kz")
    access = {"kk": "(деректерге қол жеткізу)", "ru": "(доступ к данным)"}[lang]
    assert access in words(mail.message)


ASKED_WHETHER = {
    "ru, the news": ("Можно ли отозвать согласие на получение новостей и специальных предложений?",
                     "ru", MARKETING),
    "kk, the news": ("Келісімімді жаңалықтар мен ұсыныстар алуға қайтарып алуға болады ма?", "kk",
                     MARKETING),
    "ru, every consent": ("Могу ли я отозвать согласие?", "ru", ""),
    "kk, every consent": ("Келісімімді қайтарып алуға бола ма?", "kk", ""),
}  # fmt: skip
STOPS_ONE = {"kk": "жоғарыда аталған мақсат үшін өңдеуді тоқтатамыз; басқа мақсаттар үшін берген "
             "келісімдеріңіз өзгеріссіз қалады",
             "ru": "для названной выше цели; согласия, данные вами для других целей, останутся "
             "в силе"}  # fmt: skip
STOPS_ALL = {"kk": "берген келісімдеріңіз бойынша деректеріңізді өңдеуді тоқтатамыз",
             "ru": "на основании ваших согласий"}  # fmt: skip


@pytest.mark.parametrize("body,lang,purpose", ASKED_WHETHER.values(), ids=ASKED_WHETHER.keys())
def test_asked_whether_a_consent_can_be_withdrawn_says_what_confirming_stops(
    person, body, lang, purpose
):
    """Asked whether the news can be withdrawn, the answer said confirming would stop every
    consent and destroy the data; confirmed, it stops the news alone."""
    ticket = ingest(message("Сұрақ / Вопрос", body=body))
    assert (ticket.type, ticket.purpose, ticket.asked_whether) == (
        Ticket.Type.WITHDRAW, purpose, True)  # fmt: skip
    (mail,) = mails_to("asel@example.kz")
    said = words(mail.message)
    assert NAMED[lang, purpose] in said
    if purpose:
        assert STOPS_ONE[lang] in said and STOPS_ALL[lang] not in said
    else:
        assert STOPS_ALL[lang] in said and STOPS_ONE[lang] not in said


@pytest.mark.parametrize("staff_language", ["kk", "ru"])
@pytest.mark.parametrize("purpose", [MARKETING, ""])
def test_the_officer_reads_which_consent_is_withdrawn(person, purpose, staff_language):
    """The officers' notice of a new request named a withdrawal by its type alone: whether the
    person withdrew the news or every consent (the whole record's processing) was read only on
    the desk. It names it as the person's mail does, in the officer's language."""
    from consent.core.models import StaffProfile
    from tests.staff import staff_member

    olga = staff_member("olga", "privacy_officer")
    StaffProfile.objects.update_or_create(user=olga, defaults={"language": staff_language})
    web_request(Client(), "kk", Ticket.Type.WITHDRAW, purpose=purpose)
    (notice,) = mails_to("olga@example.kz")
    named = NAMED[staff_language, purpose]
    assert named in words(notice.message) and named in words(notice.html_message)
