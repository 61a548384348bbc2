"""A language named in running text is named in the reader's language
(`common.i18n.language_name`), never by the model's choice label, which is each language's name
for itself: the desk's hint to a Kazakh-speaking officer read «…өз өтінішінің тіліндегі
(Русский) хаттың ішінде алады»."""

from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from django.utils import translation

from consent.core.models import Source
from consent.core.purposes import SERVICE
from consent.core.submissions import submission_record
from consent.rights.tickets import ticket_open, ticket_verify
from tests.site.mail_scenarios import FakeRequest
from tests.site.test_wording_admin import shown, staff
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


@pytest.mark.django_db
@pytest.mark.parametrize("language, named, not_named", [("kk", "Қазақша", "Русский"),
                                                        ("ru", "Русский", "Қазақша")])  # fmt: skip
def test_a_language_is_named_in_the_readers_language(officer, texts, language, named, not_named):
    """A form sent in Kazakh and one in Russian, on a Kazakh and a Russian admin page: a
    Kazakh officer read «Тіл: Русский», a Russian one «Язык: Қазақша», each language in its own
    name (the choices'), on the form's page and in the list."""
    sent = [submission_record(
        source=Source.CONTACT_FORM, language=lang, request=FakeRequest(),
        data={"full_name": "Әсел", "email": f"{lang}@example.kz", "message": "Сәлем"},
        consents={SERVICE: True},
    ) for lang in ("kk", "ru")]  # fmt: skip
    browser = staff(officer, language)
    pages = [shown(browser.get(f"/admin/consent/submission/{s.pk}/change/")) for s in sent]
    listed = shown(browser.get("/admin/consent/submission/"))
    assert all(not_named not in page for page in [*pages, listed])
    assert named in pages[0] + pages[1]
    with translation.override(language):
        other = {"kk": "Russian", "ru": "Kazakh"}[language]
        assert str(translation.gettext(other)) in listed


@pytest.mark.django_db
@pytest.mark.parametrize(
    "language, named, not_named", [("kk", "Орысша", "Русский"), ("ru", "Казахский", "Қазақша")]
)
def test_a_text_fields_group_is_headed_in_the_readers_language(
    content_editor, language, named, not_named
):
    """A site page's, a service's and the company's fields stand under a heading per language:
    a Kazakh content editor read «Қазақша» and then «Русский» above the Russian title."""
    browser = staff(content_editor, language)
    for url in ("/admin/emalu/page/add/", "/admin/emalu/service/add/", "/admin/emalu/company/add/"):
        response = browser.get(url)
        assert response.status_code == 200, url
        page = shown(response)
        assert named in page and not_named not in page, url
