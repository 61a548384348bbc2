"""A variation selector or an accent typed where it draws nothing (attacker15): after a Kazakh,
Russian or Latin letter a selector has no other drawing to pick, and an accent after a space or
at a line's start sits over no letter. «Ас︀ель» was stored as a name that reads «Асель» and is
another string, and «Асель ́́» with accents floating over a blank. Both go as the other
invisible characters do (consent/common/blank_marks.py); a selector that picks an emoji's or an
ideograph's drawing, and an accent over its letter, stay as written."""

import pytest

from consent.core.models import Subject, Submission
from consent.rights.models import Ticket
from tests.conftest import aged_token
from tests.texts import SHOWN

CONTACT = {"full_name": "Әсел Қасымова", "email": "asel@example.kz",
           "phone": "8 701 123 45 67", "message": "Сәлем", "consent_service": "on"}  # fmt: skip

# (sent, stored) in a name: each selector range, and accents over a space or the start.
NAMES = {
    "VS1 in a Kazakh name": ("Ә\ufe00сел Қасымова", "Әсел Қасымова"),
    "VS16 in a Russian name": ("Ольга\ufe0f Петрова", "Ольга Петрова"),
    "VS17 in a Latin name": ("Asel\U000e0100 Kassymova", "Asel Kassymova"),
    "VS256 between names": ("Әсел \U000e01efҚасымова", "Әсел Қасымова"),
    "Mongolian selector": ("Әсел\u180b\u180f Қасымова", "Әсел Қасымова"),
    "accents over a space": ("Әсел \u0301\u0301 Қасымова", "Әсел Қасымова"),
    "accent at the start": ("\u0308Ольга Петрова", "Ольга Петрова"),
    "a selector then accents on a space": ("Әсел \ufe0f\u0301 Қасымова", "Әсел Қасымова"),
}
# What a selector or an accent does draw: kept as typed.
KEPT_NAMES = {
    "stress mark": "Ольга Пе\u0301трова",
    "ideograph variant": "\u845b\U000e0100城 Асель",
}


def _post(client, lang, path, data):
    return client.post(f"/{lang}/{path}", {"token": aged_token(), **SHOWN, **data})


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("case", NAMES)
def test_a_name_is_stored_without_what_draws_nothing(client, texts, fast, lang, case):
    sent, stored = NAMES[case]
    response = _post(client, lang, "contact/", {**CONTACT, "full_name": sent})
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Submission.objects.get().data["full_name"] == stored
    assert Subject.objects.get().full_name == stored


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("name", KEPT_NAMES.values(), ids=KEPT_NAMES)
def test_a_selector_or_accent_that_draws_something_stays(client, texts, fast, lang, name):
    assert _post(client, lang, "contact/", {**CONTACT, "full_name": name}).status_code == 302
    assert Subject.objects.get().full_name == name


# (sent, stored) in a message: the same, line by line; an emoji's selector and a keycap stay.
MESSAGES = {
    "selector in a word": ("Сә\ufe0eлем!\nҚалайсыз?", "Сәлем!\nҚалайсыз?"),
    "accent starting a line": ("Сәлем!\n\u0301\u0301Қалайсыз?", "Сәлем!\nҚалайсыз?"),
    "accents after a tab": ("Сәлем!\n\t\u0300Қалайсыз?", "Сәлем!\n\tҚалайсыз?"),
    "emoji and keycap": ("Рахмет ❤\ufe0f 1\ufe0f\u20e3", "Рахмет ❤\ufe0f 1\ufe0f\u20e3"),
}


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("case", MESSAGES)
def test_a_message_loses_only_what_draws_nothing(client, texts, fast, lang, case):
    sent, stored = MESSAGES[case]
    assert _post(client, lang, "contact/", {**CONTACT, "message": sent}).status_code == 302
    assert Submission.objects.get().data["message"] == stored


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_request_written_on_the_site_is_stored_as_it_reads(client, texts, fast, make_subject,
                                                             lang):  # fmt: skip
    make_subject(email="asel@example.kz")
    data = {"type": "correct", "email": "asel@example.kz",
            "message": "Тегім Қасымова\ufe00 емес, \u0301Касымова деп түзетіңіз."}  # fmt: skip
    assert _post(client, lang, "requests/new/", data).status_code == 302
    assert Ticket.objects.get().message == "Тегім Қасымова емес, Касымова деп түзетіңіз."


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("name", ["\ufe00\ufe0f", " \u0301 \U000e0100", "\u180b\u0308"])
def test_a_name_of_nothing_else_is_missing(client, texts, fast, lang, name):
    response = _post(client, lang, "contact/", {**CONTACT, "full_name": name})
    assert response.status_code == 200 and 'id="id_full_name_error"' in response.content.decode()
    assert Submission.objects.count() == 0
