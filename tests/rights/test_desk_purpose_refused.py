"""A purpose is kept only by a withdrawal (tickets.purpose_for), and a purpose chosen with any
other type is refused in the officer's language, nothing opened, wherever the request is made:
the desk's form for a request by telephone dropped it without a word, so the officer who chose
«the news» for a question about them was never told that the request did not keep it."""

import pytest
from django.test import Client
from post_office.models import Email

from consent.core.purposes import MARKETING
from consent.rights.models import Ticket
from tests.staff import staff_member, verified_login

REFUSED = {
    "kk": "Мақсат тек келісімді кері қайтарып алу үшін таңдалады.",
    "ru": "Цель выбирается только для отзыва согласия.",
}


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_purpose_chosen_for_another_type_at_the_desk_is_refused(make_subject, lang):
    asel = make_subject(full_name="Әсел Қасымова", email="asel@example.kz", language="kk")
    officer = verified_login(Client(headers={"accept-language": lang}),
                             staff_member("dana", "privacy_officer"))  # fmt: skip
    said = {"kind": "access", "purpose": MARKETING, "language": "kk", "message": "Позвонила"}
    response = officer.post(f"/admin/consent/subject/{asel.pk}/open-request/", said)
    assert response.status_code == 200
    assert REFUSED[lang] in response.content.decode().replace("\xa0", " ")
    assert not Ticket.objects.exists() and not Email.objects.exists()


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_purpose_for_another_type_is_refused_from_an_email_set_aside_and_on_a_type_change(
    desk, person, lang
):
    """The same rule, in the same words, where an officer opens the request an email set aside
    holds and where she changes a request's type."""
    from consent.rights.intake import ingest
    from consent.rights.tickets import ticket_open, ticket_verify

    from .conftest import act, message

    desk.cookies["django_language"] = lang
    entry = ingest(message("Сәлеметсіз бе", body="Рахмет, бәрі жақсы."))
    said = {"email": person.email, "kind": "access", "purpose": MARKETING, "language": "kk",
            "message": "Деректерімді жіберіңіз"}  # fmt: skip
    response = desk.post(f"/admin/rights/quarantinedmessage/{entry.pk}/open/", said)
    assert REFUSED[lang] in response.content.decode().replace("\xa0", " ")
    assert not Ticket.objects.exists()
    question = ticket_open(kind="other", email=person.email, language="kk", channel="web",
                           message="Деректерім қайда?")  # fmt: skip
    ticket_verify(question)
    response = act(desk, Ticket.objects.get(pk=question.pk), "retype", new_type="access",
                   new_purpose=MARKETING)  # fmt: skip
    assert REFUSED[lang] in response.content.decode().replace("\xa0", " ")
    assert Ticket.objects.get(pk=question.pk).type == "other"
