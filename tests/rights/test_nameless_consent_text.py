"""A person with no name on record (a request opened at the desk or from a letter, a name
removed by minimisation) was shown, and gave a consent to, «Я, , даю согласие…» and
«Субъект персональных данных: .»: a blank where the name goes. Their text reads without a name,
its hash is taken over those words, and the evidence shows them again; a grant given to the
blank before keeps showing the blank it was given to, proven by its hash."""

import html
import re

import pytest
from django.test import Client

from consent.core.ledger import consent_grant, text_proven, text_shown
from consent.core.models import LedgerEntry, Source
from consent.core.nameless import EARLIER, NAME_PLACEHOLDER
from consent.core.purposes import MARKETING, SERVICE
from consent.core.texts import render_consent, sha256
from consent.rights.our_words import LONG, is_ours
from tests.texts import AS_SHOWN

from .test_selfservice import ask_link, link_path

ADDRESS = "nameless@example.kz"
NAMELESS = {
    "kk": ("Мен дербес деректерімді мынадай мақсатта өңдеуге келісім беремін: ",
           "2. Дербес деректер субъектісі: осы келісімді беретін адам."),
    "ru": ("Я даю согласие на обработку моих персональных данных в целях: ",
           "2. Субъект персональных данных: лицо, дающее это согласие."),
}  # fmt: skip


def flat(text):
    """Read with the catalogues' no-break spaces as plain ones."""
    return text.replace("\xa0", " ")


def blank_left(text):
    """What the person was shown before: a blank in the name's place."""
    return ", , " in text or ": ." in text or NAME_PLACEHOLDER in text


@pytest.fixture
def nameless(texts, make_subject):
    """A person opened from a letter: an address, no name, the service consent on record."""
    person = make_subject(full_name="", email=ADDRESS, phone=None)
    consent_grant(person, texts[SERVICE], language="ru", source=Source.CONTACT_FORM)
    return person


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_text_shown_with_no_name_reads_without_one(texts, lang):
    for blank in ("", "  "):
        shown = flat(render_consent(texts[MARKETING], lang, blank))
        first, subject = NAMELESS[lang]
        assert shown.startswith(first) and subject in shown.splitlines()
        assert not blank_left(shown)


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_person_with_no_name_gives_a_consent_to_the_words_their_page_shows(
    nameless, lang, posts_as_shown
):
    client = Client()
    ask_link(client, lang, email=ADDRESS)
    client.post(link_path(ADDRESS))
    page = flat(html.unescape(client.get(f"/{lang}/my-data/").content.decode()))
    first, subject = NAMELESS[lang]
    assert first in page and subject in page
    assert not re.search(r", ,|\{full_name\}", page)

    client.post(f"/{lang}/my-data/consent/", {"give": MARKETING, f"shown_{MARKETING}": AS_SHOWN})
    grant = LedgerEntry.objects.get(subject=nameless, purpose=MARKETING, kind="grant")
    shown = text_shown(grant)
    assert grant.shown_name == "" and flat(shown).startswith(first) and subject in flat(shown)
    assert text_proven(grant, shown)


def test_the_evidence_shows_the_nameless_words_proven(nameless, privacy_officer_client):
    grant = LedgerEntry.objects.get(subject=nameless, purpose=SERVICE)
    privacy_officer_client.cookies["django_language"] = "ru"
    url = f"/admin/consent/subject/{nameless.pk}/evidence.csv"
    body = flat(privacy_officer_client.get(url).content.decode("utf-8-sig"))
    assert NAMELESS["ru"][0] in body and NAMELESS["ru"][1] in body
    assert text_proven(grant, text_shown(grant)) and not blank_left(text_shown(grant))


def test_a_grant_given_to_the_blank_before_still_shows_the_blank(nameless, texts):
    """Its hash was taken over «Я, , даю согласие…»: those are its words, still proven."""
    text = texts[MARKETING]
    before = render_consent(text, "ru", NAME_PLACEHOLDER).replace(NAME_PLACEHOLDER, "")
    grant = LedgerEntry.objects.create(
        subject=nameless, purpose=MARKETING, kind="grant", text=text, language="ru",
        text_sha256=sha256(before), shown_name="", source=Source.SELF_SERVICE,
    )  # fmt: skip
    assert text_shown(grant) == before and text_proven(grant, before)
    assert before.startswith("Я, , даю согласие")


def test_a_grant_from_before_the_name_was_kept_still_shows_the_placeholder(nameless, texts):
    text = texts[MARKETING]
    grant = LedgerEntry.objects.create(
        subject=nameless, purpose=MARKETING, kind="grant", text=text, language="kk",
        text_sha256=text.sha256_kk, shown_name="", source=Source.SELF_SERVICE,
    )  # fmt: skip
    assert NAME_PLACEHOLDER in text_shown(grant)


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_text_published_before_the_words_were_frozen_reads_the_earlier_ones(texts, lang):
    """A published row cannot be changed: one frozen without them reads EARLIER, not whatever
    the catalogue says of a person with no name by then."""
    text = texts[MARKETING]
    text.nameless = {}
    assert f": {EARLIER[lang]}." in render_consent(text, lang, "")
    assert text.nameless == {} and texts[SERVICE].nameless[lang] == EARLIER[lang]


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_nameless_text_pasted_into_a_letter_is_read_as_ours(texts, lang):
    """The intake reads our own sentences in a letter as quoted, never as asked: the first
    sentence of a text shown with no name is one of them, as the named one is."""
    first = render_consent(texts[MARKETING], lang, "").splitlines()[0]
    assert is_ours(first) == LONG
