"""Compliance L4 (Art. 25(2)(5)): the consent evidence can be checked by its reader. Each grant's
SHA-256 is of the text the person was shown: the published consent text of its version, in its
language, with the name the form gave in place of the name. The evidence gave the hash but not
that name, which is often not the one on record (typed otherwise on the form, corrected since,
or an address for a newsletter without a name): a regulator could not recompute one hash."""

import csv
import io
from datetime import date

import pytest
from django.utils import translation
from django.utils.translation import gettext

from consent.common.text import plain_text
from consent.core.ledger import consent_grant
from consent.core.models import ConsentText, PolicyVersion, Source
from consent.core.nameless import NAME_PLACEHOLDER
from consent.core.purposes import MARKETING, SERVICE
from consent.core.texts import (
    DATA_PLACEHOLDER,
    current_text,
    policy_publish,
    sha256,
)
from tests.core.test_policy_v2 import operator
from tests.rights.test_evidence import pdf_text

COLUMNS = {  # version, language, hash, name: as the staff member reads them
    "kk": ("келісім мәтінінің нұсқасы", "тіл", "көрсетілген мәтіннің SHA-256 хеші",
           "көрсетілген мәтіндегі аты-жөні", {"Қазақша": "kk", "Орысша": "ru"}),
    "ru": ("версия текста согласия", "язык", "хеш SHA-256 показанного текста",
           "имя в показанном тексте", {"Казахский": "kk", "Русский": "ru"}),
}  # fmt: skip


@pytest.fixture
def across_two_versions(texts, make_subject, settings, time_machine):
    """Асель, on record as «Әсел Қасымова», consented to version 1 on the contact form, where
    she typed her name in Russian spelling; to the news by a link, without a name (the text
    named her address); and again to version 2 of the service text, on her own page."""
    settings.OPERATOR = operator(settings)
    time_machine.move_to("2026-11-30 23:59:30+05:00", tick=False)
    person = make_subject(full_name="Әсел Қасымова", email="asel@example.kz")
    consent_grant(person, texts[SERVICE], language="kk", source=Source.CONTACT_FORM,
                  full_name="Асель Касымова")  # fmt: skip
    consent_grant(person, texts[MARKETING], language="ru", source=Source.NEWSLETTER_FORM,
                  full_name="asel@example.kz")  # fmt: skip
    v2 = PolicyVersion.objects.get(number=2)
    v2.effective_date = date(2026, 12, 1)  # in effect from its publication
    v2.save()
    time_machine.move_to("2026-12-01 00:00:30+05:00", tick=False)
    policy_publish(v2, reconsent=[SERVICE])
    consent_grant(person, current_text(SERVICE), language="ru", source=Source.SELF_SERVICE)
    return person


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_each_grants_hash_is_recomputed_from_what_the_evidence_says(
    across_two_versions, privacy_officer_client, lang
):
    version, language, digest, name, languages = COLUMNS[lang]
    with translation.override(lang):
        data = plain_text(gettext("data named in the text shown"))  # a header, written plain
    privacy_officer_client.cookies["django_language"] = lang
    url = f"/admin/consent/subject/{across_two_versions.pk}/evidence.csv"
    body = privacy_officer_client.get(url).content.decode("utf-8-sig")
    header, *rows = list(csv.reader(io.StringIO(body)))
    assert name in header
    checked = []
    for row in (dict(zip(header, row, strict=True)) for row in rows):
        purpose = SERVICE if row[version] == "2" or row[name] != "asel@example.kz" else MARKETING
        text = ConsentText.objects.get(purpose=purpose, version=int(row[version]))
        shown = text.body(languages[row[language]]).replace(DATA_PLACEHOLDER, row[data])
        shown = shown.replace(NAME_PLACEHOLDER, row[name])
        assert sha256(shown) == row[digest]
        checked.append((row[version], row[name]))
    assert checked == [("1", "Асель Касымова"), ("1", "asel@example.kz"),
                       ("2", "Әсел Қасымова")]  # fmt: skip


@pytest.mark.requires_tool("pdftotext", apt="poppler-utils")
def test_the_pdf_gives_the_name_and_says_how_to_check(across_two_versions, privacy_officer_client):
    privacy_officer_client.cookies["django_language"] = "ru"
    url = f"/admin/consent/subject/{across_two_versions.pk}/evidence.pdf"
    text = " ".join(pdf_text(privacy_officer_client.get(url).content).split())
    assert "Асель Касымова" in text and "asel@example.kz" in text
    assert "SHA-256" in text and "имя из графы «имя в показанном тексте»" in text


ASKED_AGAIN = {
    "kk": ("келісім қайта сұралған сәт (Алматы)", "мерзімінің аяқталуы (Алматы)"),
    "ru": ("согласие запрошено заново (Алматы)", "истекает (Алматы)"),
}


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_grant_that_stopped_counting_when_consent_was_asked_again_says_so(
    across_two_versions, privacy_officer_client, lang
):
    """Version 2 of the policy asked for consent to the service again (published at 00:00:30
    on 1 December 2026): from then the gate no longer counts her version 1 grant, and the
    nightly retention acts on that. The evidence read «consent given, version 1, expires
    30.11.2029» and nothing more, as if it still stood: it now says when it stopped counting."""
    asked, expires = ASKED_AGAIN[lang]
    privacy_officer_client.cookies["django_language"] = lang
    url = f"/admin/consent/subject/{across_two_versions.pk}/evidence.csv"
    body = privacy_officer_client.get(url).content.decode("utf-8-sig")
    header, *rows = list(csv.reader(io.StringIO(body)))
    service_v1, marketing, service_v2 = (dict(zip(header, row, strict=True)) for row in rows)
    assert service_v1[asked] == "01.12.2026 00:00:30"
    assert service_v1[expires] == "30.11.2029 23:59:30"  # its own term, three years on
    assert marketing[asked] == "" and service_v2[asked] == ""
