"""Compliance L3 (Art. 7, 8(4)(7) of Law 94-V): the consent a form shows names the personal data
that form collects, no more, and the ledger can still prove which text, with which list, was
agreed to. The contact form's service text listed the purpose's whole list: date and place of
birth, a photograph, a parent's or guardian's name and contact, none of which it asks for
(«7. Жиналатын дербес деректер: … туған күні, туған жері, фотосурет, …»)."""

import html
import io
import re

import pytest
from django.core.management import call_command
from django.utils import timezone, translation

from consent.core.ledger import consent_grant
from consent.core.models import ConsentText, LedgerEntry, Source, Subject
from consent.core.nameless import NAME_PLACEHOLDER
from consent.core.purposes import DATA_FIELDS, MARKETING, PURPOSES, SERVICE
from consent.core.texts import (
    DATA_PLACEHOLDER,
    current_text,
    data_listed,
    render_consent,
    sha256,
    text_publish,
)
from emalu.models import Service
from tests.rights.test_selfservice import opened
from tests.site.language import as_written
from tests.texts import AS_SHOWN

CONTACT = ["full_name", "email", "phone", "message"]
APPLY = [*CONTACT, "birth_date", "birth_place", "service", "photo", "guardian"]
# What each form asks for, and so what each of its consent texts may name, by purpose.
ASKED = {
    "contact": {SERVICE: CONTACT, MARKETING: ["full_name", "email"]},
    "apply": {SERVICE: APPLY, MARKETING: ["full_name", "email"]},
    "newsletter": {MARKETING: ["full_name", "email"]},
}


def shown_texts(page):
    """{purpose: the consent text's lines} of every consent text the page shows."""
    found = {}
    page = as_written(page)
    for block in re.findall(r'<details class="consent-text">(.*?)</details>', page, re.S):
        block = re.sub(r"<summary[^>]*>.*?</summary>", "", block, flags=re.S)
        text = html.unescape(re.sub(r"<[^>]+>", "\n", block))
        purpose = next(c for c, p in PURPOSES.items() if f": {p.name}." in text)
        found[purpose] = [line.strip() for line in text.splitlines() if line.strip()]
    return found


def data_line(lines):
    return next(line for line in lines if line.startswith("7. "))


def list_named(line):
    """The list of data item 7 names: after its label, to the end of its first sentence (what
    the ledger keeps as the consent's proof follows it: test_consent_proof_named.py)."""
    return re.match(r"7\. [^:]+: (.*?)\.(?: |$)", line).group(1)


@pytest.fixture
def service_offered(db):
    Service.objects.create(slug="repair", title_kk="Жөндеу", title_ru="Ремонт", is_published=True)


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("kind", ASKED)
def test_each_forms_consent_text_names_what_the_form_collects(
    client, texts, service_offered, kind, lang
):
    page = client.get(f"/{lang}/{kind}/").content.decode()
    shown = shown_texts(page)
    assert set(shown) == set(ASKED[kind])
    with translation.override(lang):
        for purpose, lines in shown.items():
            asked = [c for c in PURPOSES[purpose].fields if c in ASKED[kind][purpose]]
            items = ", ".join(str(DATA_FIELDS[c]) for c in asked)
            assert list_named(data_line(lines)) == items


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_application_form_without_a_service_to_choose_does_not_name_one(client, texts, lang):
    page = client.get(f"/{lang}/apply/").content.decode()
    assert 'name="service"' not in page
    with translation.override(lang):
        line = data_line(shown_texts(page)[SERVICE])
        assert str(DATA_FIELDS["service"]) not in line and str(DATA_FIELDS["photo"]) in line


def test_the_ledger_proves_the_contact_forms_own_list_was_agreed_to(client, texts, contact_data):
    """The grant records the text version, the data it named and the hash of the text as shown;
    the frozen body, with the name and that list put in, gives the hash again."""
    assert client.post("/kk/contact/", contact_data()).status_code == 302
    entry = LedgerEntry.objects.get(purpose=SERVICE)
    assert sorted(entry.shown_fields) == sorted(CONTACT) and entry.text == texts[SERVICE]
    listed = data_listed(entry.text, "kk", entry.shown_fields)
    body = entry.text.body_kk.replace(DATA_PLACEHOLDER, listed)
    assert sha256(body.replace(NAME_PLACEHOLDER, entry.shown_name)) == entry.text_sha256
    with translation.override("kk"):
        assert listed == ", ".join(str(DATA_FIELDS[c]) for c in PURPOSES[SERVICE].fields
                                   if c in CONTACT)  # fmt: skip
        assert str(DATA_FIELDS["birth_date"]) not in body


def test_a_consent_given_to_a_text_published_before_stays_provable(
    client, texts, policy, make_subject, contact_data
):
    """A text published before the forms named their own lists holds the whole list in its
    bodies (no `data_names`): consents given to it keep their hash, and the next version
    names each form's own list without asking anyone to consent again."""
    now = timezone.now()
    whole = {lang: render_consent(texts[SERVICE], lang) for lang in ("kk", "ru")}
    older = ConsentText.objects.create(
        purpose=SERVICE, version=2, policy=policy, published_at=now, facts=texts[SERVICE].facts,
        body_kk=whole["kk"], body_ru=whole["ru"],
        sha256_kk=sha256(whole["kk"]), sha256_ru=sha256(whole["ru"]),
    )  # fmt: skip
    person = make_subject(full_name="Әсел Қасымова")
    entry = consent_grant(person, older, language="kk", source=Source.CONTACT_FORM,
                          fields=CONTACT)  # fmt: skip
    assert entry.shown_fields == []
    assert entry.text_sha256 == sha256(older.body_kk.replace(NAME_PLACEHOLDER, "Әсел Қасымова"))
    newer = text_publish(ConsentText.objects.create(purpose=SERVICE, version=3, policy=policy))
    assert current_text(SERVICE) == newer and not newer.requires_reconsent
    page = client.get("/kk/contact/").content.decode()
    with translation.override("kk"):
        assert str(DATA_FIELDS["birth_date"]) not in data_line(shown_texts(page)[SERVICE])
    entry.refresh_from_db()
    assert entry.text_sha256 == sha256(older.body_kk.replace(NAME_PLACEHOLDER, "Әсел Қасымова"))


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_self_service_page_shows_the_text_its_switch_agrees_to(
    client, texts, make_subject, lang
):
    """The page's «give» switch recorded the hash of a text the page never showed."""
    person = make_subject(full_name="Әсел Қасымова", email="asel@example.kz")
    consent_grant(person, texts[SERVICE], language="kk", source=Source.CONTACT_FORM)
    page = opened(client, person, lang).get(f"/{lang}/my-data/").content.decode()
    lines = shown_texts(page)[MARKETING]
    with translation.override(lang):
        items = ", ".join(str(DATA_FIELDS[c]) for c in PURPOSES[MARKETING].fields)
    assert list_named(data_line(lines)) == items
    client.post(f"/{lang}/my-data/consent/", {"give": MARKETING, f"shown_{MARKETING}": AS_SHOWN})
    entry = Subject.objects.get().ledgerentry_set.get(purpose=MARKETING)
    shown = render_consent(texts[MARKETING], lang, "Әсел Қасымова", entry.shown_fields)
    assert sha256(shown) == entry.text_sha256
    assert [line.strip() for line in shown.splitlines() if line.strip()] == lines


def test_the_demo_follows_a_text_published_before_with_one_naming_each_forms_data(
    client, texts, policy
):
    """`make run` on a demo database made before: load_demo publishes the next version of a
    text that holds its whole list, and the contact form shows the contact form's list."""
    whole = {lang: render_consent(texts[SERVICE], lang) for lang in ("kk", "ru")}
    ConsentText.objects.create(
        purpose=SERVICE, version=2, policy=policy, published_at=timezone.now(),
        facts=texts[SERVICE].facts, body_kk=whole["kk"], body_ru=whole["ru"],
    )  # fmt: skip
    call_command("load_demo", stdout=io.StringIO())
    newer = current_text(SERVICE)
    assert newer.version == 3 and newer.data_names and not newer.requires_reconsent
    page = client.get("/kk/contact/").content.decode()
    with translation.override("kk"):
        line = data_line(shown_texts(page)[SERVICE])
        assert str(DATA_FIELDS["birth_date"]) not in line and str(DATA_FIELDS["phone"]) in line
