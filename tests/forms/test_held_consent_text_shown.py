"""The owner of an address gives a held consent on the page behind its link (consent.core.held;
compliance L4, L25): the ledger's row must be the text that page showed, in the page's
language, with the name it showed. The page showed only the purposes' names, and the grant
was recorded as consent to the whole text, in the language of the owner's record, filled in
with the name the form's sender typed (which the owner never saw, and the page must not carry:
anyone can type anything into the form)."""

import html
import re

import pytest
from post_office.models import Email

from consent.core.models import LedgerEntry, Source, Submission
from consent.core.purposes import SERVICE
from consent.core.texts import render_consent, sha256
from tests.forms.held import link_in, withdrew_service
from tests.site.language import as_written
from tests.texts import SHOWN


def page_text(response):
    page = as_written(response.content.decode())
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())


def words(text):
    return " ".join(text.split())


@pytest.mark.parametrize(("mailed", "pressed"), [("kk", "ru"), ("ru", "kk"), ("kk", "kk")])
def test_the_owner_gives_the_text_the_page_shows_in_its_language(
    client, texts, make_subject, contact_data, mailed, pressed
):
    asel = withdrew_service(texts, make_subject, language=mailed)
    # Someone sends the contact form under her address, naming someone else.
    typed = contact_data(full_name="Посетите сайт prize.example", email=asel.email)
    assert client.post("/ru/contact/", typed).status_code == 302
    (mail,) = Email.objects.filter(to=[asel.email])
    path = link_in(mail)
    assert path.startswith(f"/{mailed}/")
    # She opens the link and reads the page in the language she picks.
    path = f"/{pressed}/" + path.split("/", 2)[2]
    shown = page_text(client.get(path))
    fields = Submission.objects.get(subject=asel).held["fields"]  # the contact form's data
    expected = render_consent(texts[SERVICE], pressed, asel.full_name, fields)
    assert words(expected) in shown  # the whole text she agrees to, with her own name
    assert "prize.example" not in shown  # never what the sender typed
    assert client.post(path, SHOWN).status_code == 200
    grant = LedgerEntry.objects.filter(subject=asel, purpose=SERVICE).latest("id")
    assert (grant.kind, grant.source) == ("grant", Source.FORM_CONFIRMED)
    assert (grant.language, grant.shown_name) == (pressed, asel.full_name)
    assert grant.text_sha256 == sha256(expected)
