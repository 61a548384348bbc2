"""The language a person chooses on their page is that of our letters (campaigns, notices); a
request already made is answered in its own language, as the officer is told to write it. The
page said «we will write to you in the language you chose», and the answer to the request the
person had made in Kazakh a minute before came in Kazakh."""

import re

import pytest
from post_office.models import Email

from consent.rights.answers import ticket_refuse
from consent.rights.models import Ticket

from .test_selfservice import open_page

SAID = {
    "kk": "бұрын берген өтінішіңізге сол өтініш берілген тілде жауап береміз",
    "ru": "на уже отправленный запрос мы ответим на языке, на котором он был подан",
}


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_page_says_a_request_made_is_answered_in_its_own_language(client, person, lang):
    open_page(client, "kk")
    token = re.search(r'name="token" value="([^"]+)"', client.get("/kk/my-data/").text)[1]
    client.post("/kk/my-data/request/", {"token": token, "type": "block", "message": "Бұғат"})
    ticket = Ticket.objects.get(subject=person)
    page = client.post(f"/{lang}/my-data/language/", {"language": "ru"}, follow=True)
    assert SAID[lang] in page.content.decode()
    ticket_refuse(ticket, reason="Негіз жоқ.", actor=None)
    answer = Email.objects.filter(to=["asel@example.kz"]).latest("id")
    assert answer.subject.endswith(f"{ticket.reference} өтінішіңіз")  # as the page says: in Kazakh
