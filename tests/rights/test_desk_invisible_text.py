"""What an officer types on a request's panel is read as what it shows, as a visitor's text is
(consent.common.text.clean_form_text): a refusal whose reasons were a zero-width space pasted
from a letter passed the «reasons required» check and mailed the person «we cannot fulfil your
request for the following reasons:» followed by nothing; a correction's document reference could
be invisible alike; and the invisible characters of any reason were stored and mailed."""

import pytest
from post_office.models import Email

from consent.rights.models import Correction, Ticket

from .conftest import act, confirm, web_request

INVISIBLE = "\u200b\u2060\ufeff"
NEEDED = {
    "kk": "Бас тарту үшін оның себептерін көрсету қажет",
    "ru": "Для отказа необходимо указать причины",
}


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_refusal_with_invisible_reasons_is_refused(client, desk, person, lang):
    web_request(client, "kk", "block")
    ticket = confirm(client)
    desk.cookies["django_language"] = lang
    page = act(desk, ticket, "refuse", reason=INVISIBLE)
    assert NEEDED[lang] in page.content.decode()
    ticket.refresh_from_db()
    assert (ticket.status, ticket.outcome) == (Ticket.Status.OPEN, "")


def test_a_refusals_reasons_are_stored_and_mailed_as_they_read(client, desk, person):
    web_request(client, "ru", "block")
    ticket = confirm(client, "ru")
    act(desk, ticket, "refuse", reason="Нет\u200b оснований\u202e для блокирования.")
    ticket.refresh_from_db()
    assert (ticket.status, ticket.outcome) == (
        Ticket.Status.REFUSED,
        "Нет оснований для блокирования.",
    )
    mail = Email.objects.filter(to=["asel@example.kz"]).latest("id")
    assert "Нет оснований для блокирования." in mail.message


def test_a_correction_with_an_invisible_document_corrects_nothing(client, desk, person):
    web_request(client, "kk", "correct")
    ticket = confirm(client)
    act(desk, ticket, "do", document=INVISIBLE, full_name="Әсел Нұрланқызы",
        email=person.email)  # fmt: skip
    ticket.refresh_from_db()
    assert ticket.status == Ticket.Status.OPEN
    assert not Correction.objects.exists()
    act(desk, ticket, "do", document="\u200bЖеке куәлік №\u200b123", full_name="Әсел Нұрланқызы",
        email=person.email)  # fmt: skip
    assert Correction.objects.get().document == "Жеке куәлік №123"
