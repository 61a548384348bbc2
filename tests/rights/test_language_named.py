"""A language named in running text is named in the reader's language
(`common.i18n.language_name`), never by the model's choice label, which is each language's name
for itself: the desk's hint to a Kazakh-speaking officer read «…өз өтінішінің тіліндегі
(Русский) хаттың ішінде алады»."""

from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client

from consent.rights.tickets import ticket_open, ticket_verify
from tests.staff import verified_login

ROOT = Path(settings.BASE_DIR)
HINT = {  # the officer's language: the request's language as they name it
    "kk": {"ru": "(орысша)", "kk": "(қазақша)"},
    "ru": {"ru": "(русский)", "kk": "(казахский)"},
}
OWN_NAMES = ["Русский", "Қазақша", "Орысша", "Казахский"]


@pytest.mark.parametrize("officer_language", ["kk", "ru"])
@pytest.mark.parametrize("request_language", ["kk", "ru"])
def test_the_desk_names_the_requests_language_in_the_officers(
    person, officer, officer_language, request_language
):
    ticket = ticket_open(kind="destroy", email=person.email, language=request_language,
                         channel="web")  # fmt: skip
    ticket_verify(ticket)
    client = verified_login(Client(headers={"accept-language": officer_language}), officer)
    page = client.get(f"/admin/rights/ticket/{ticket.pk}/change/").content.decode()
    assert HINT[officer_language][request_language] in page
    # neither a language's own name nor a capital inside the sentence
    assert not any(f"({name})" in page for name in OWN_NAMES), page


def test_no_code_names_a_language_by_its_choice_label():
    """`get_language_display()` is a language's own name, for choosing; text names it by
    `language_name()`."""
    found = [
        str(path.relative_to(ROOT))
        for package in ("consent", "emalu", "forms_app", "templates")
        for path in (ROOT / package).rglob("*")
        if path.suffix in {".py", ".html", ".txt"} and "get_language_display" in path.read_text()
    ]
    assert not found
