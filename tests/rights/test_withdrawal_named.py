"""A withdrawal sent through the request form names the consent it withdraws wherever the person
reads about it: the mail with the link, the page the link opens and the person's own page. They
said only «отзыв согласия»: one who withdrew the news confirmed it not knowing whether the answers
to their applications would stop too, and one who withdrew every consent was not told so."""

import re

import pytest
from django.test import Client

from consent.core.purposes import MARKETING, SERVICE
from consent.rights.models import Ticket

from .conftest import confirm_link, mails_to, web_request
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
