"""The officer opening a request by hand chooses its type, and for an email set aside its
language: nothing is chosen for her (compliance L7, L8). Left as they came, the selects took
their first choice, so a Russian letter read and opened without a look at them became a request
for access, in Kazakh, whose link and answer went to the person in a language they never
wrote in."""

import re

import pytest

from consent.rights.intake import ingest
from consent.rights.models import Ticket
from tests.staff import verified_login

from .conftest import BAD_MESSAGES

CHOOSE = {
    "kk": ("Өтініш түрін, яғни адамның не сұрайтынын таңдаңыз.",
           "Адам қай тілде жазғанын таңдаңыз: өтініш бойынша хаттар сол тілде жазылады."),
    "ru": ("Выберите тип запроса: о чём просит человек.",
           "Выберите язык, на котором написал человек: на нём пишутся письма по запросу."),
}  # fmt: skip


def selected(html, name):
    """The value of the option chosen in the select `name`, "" for its empty choice."""
    select = re.search(rf'<select name="{name}"[^>]*>(.*?)</select>', html, re.S)[1]
    found = re.search(r'<option value="([^"]*)"[^>]*selected', select)
    return found[1] if found else ""


def said(html):
    return html.replace("\xa0", " ").replace("&#x27;", "'")


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_request_opened_from_an_email_set_aside_has_its_type_and_language_chosen(
    client, privacy_officer, person, lang
):
    entry = ingest(BAD_MESSAGES["bytes not in the declared charset"][0])
    desk = verified_login(client, privacy_officer)
    desk.cookies["django_language"] = lang
    url = f"/admin/rights/quarantinedmessage/{entry.pk}/open/"
    form = desk.get(url).content.decode()
    assert selected(form, "kind") == "" and selected(form, "language") == ""
    refused = said(desk.post(url, {"email": person.email, "message": "Телефон"}).content.decode())
    assert all(words in refused for words in CHOOSE[lang])
    assert not Ticket.objects.exists()
    opened = desk.post(url, {"email": person.email, "kind": "correct", "language": "ru",
                             "message": "Телефон"})  # fmt: skip
    assert opened.status_code == 302
    assert (Ticket.objects.get().type, Ticket.objects.get().language) == ("correct", "ru")


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_request_opened_on_the_persons_page_has_its_type_chosen(
    client, privacy_officer, person, lang
):
    desk = verified_login(client, privacy_officer)
    desk.cookies["django_language"] = lang
    url = f"/admin/consent/subject/{person.pk}/open-request/"
    form = desk.get(url).content.decode()
    assert selected(form, "kind") == "" and selected(form, "language") == "kk"  # her record's
    refused = said(desk.post(url, {"language": "kk", "message": "Позвонила"}).content.decode())
    assert CHOOSE[lang][0] in refused and not Ticket.objects.exists()
