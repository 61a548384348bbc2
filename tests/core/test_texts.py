"""Compliance L3: consent texts hold the eight Art. 8(4) elements, frozen when published."""

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.management.base import SystemCheckError

from consent.core import purposes
from consent.core.ledger import consent_grant
from consent.core.models import AppendOnlyError, ConsentText, Source
from consent.core.purposes import MARKETING, PURPOSES, SERVICE
from consent.core.texts import render_consent, sha256, text_publish


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_rendered_text_has_every_element(texts, lang, settings):
    body = render_consent(texts[SERVICE], lang, "Әсел Қасымова")
    assert settings.OPERATOR["bin"] in body  # 1: name and BIN
    assert settings.OPERATOR[f"name_{lang}"] in body
    assert "Әсел Қасымова" in body  # 2: the person's full name
    from django.utils import translation

    with translation.override(lang):
        assert str(PURPOSES[SERVICE].term_text) in body  # 3: term
        for field in PURPOSES[SERVICE].fields:  # 7: the list of data
            assert str(purposes.DATA_FIELDS[field]) in body
    assert body.count("\n") >= 8  # 4-6, 8: one numbered line each
    for n in range(1, 9):
        assert f"\n{n}. " in body


def test_texts_are_in_the_right_language(texts):
    kk, ru = (render_consent(texts[SERVICE], lang, "X") for lang in ("kk", "ru"))
    assert "келісім" in kk.lower() and "согласие" in ru.lower()


def test_publishing_freezes_text_and_hashes(texts):
    text = texts[MARKETING]
    assert text.sha256_kk == sha256(text.body_kk) and text.sha256_ru == sha256(text.body_ru)
    assert "{full_name}" in text.body_kk
    text.other_kk = "changed"
    with pytest.raises(AppendOnlyError):
        text.save()


def test_ledger_stores_the_hash_of_the_exact_text_shown(texts, make_subject):
    s = make_subject(full_name="Бақыт Ержанов")
    entry = consent_grant(s, texts[SERVICE], language="ru", source=Source.CONTACT_FORM)
    assert entry.text_sha256 == sha256(render_consent(texts[SERVICE], "ru", "Бақыт Ержанов"))


def test_publishing_with_an_empty_bin_is_refused(policy, settings):
    settings.OPERATOR = {**settings.OPERATOR, "bin": ""}
    draft = ConsentText.objects.create(purpose=SERVICE, version=1, policy=policy)
    with pytest.raises(ValidationError):
        text_publish(draft)
    draft.refresh_from_db()
    assert not draft.is_published and draft.body_kk == ""


def test_consent_to_a_draft_is_refused(policy, make_subject):
    draft = ConsentText.objects.create(purpose=SERVICE, version=1, policy=policy)
    with pytest.raises(ValidationError):
        consent_grant(make_subject(), draft, language="kk", source=Source.ADMIN)


def test_a_purpose_without_a_term_fails_the_system_check(monkeypatch):
    broken = purposes.Purpose(
        code="nope", name="n", description="d", fields=("email",), term_years=None, term_text=""
    )
    monkeypatch.setitem(purposes.PURPOSES, "nope", broken)
    with pytest.raises(SystemCheckError, match=r"consent\.E001"):
        call_command("check")


def test_a_purpose_with_unknown_data_fails_the_system_check(monkeypatch):
    broken = purposes.Purpose(
        code="nope",
        name="n",
        description="d",
        fields=("passport_scan",),
        term_years=1,
        term_text="",
    )
    monkeypatch.setitem(purposes.PURPOSES, "nope", broken)
    with pytest.raises(SystemCheckError, match=r"consent\.E002"):
        call_command("check")


@pytest.mark.parametrize("years", [0, -1])
def test_a_purpose_whose_consent_lasts_no_time_fails_the_system_check(monkeypatch, years):
    """Art. 8(4)(3): the text states the term of the consent; a term of no years (or fewer) gave
    every consent an expiry at or before the moment it was given."""
    broken = purposes.Purpose(
        code="nope", name="n", description="d", fields=("email",), term_years=years, term_text=""
    )
    monkeypatch.setitem(purposes.PURPOSES, "nope", broken)
    with pytest.raises(SystemCheckError, match=r"consent\.E001"):
        call_command("check")


@pytest.mark.parametrize(
    "key, check_id, variable",
    [
        ("bin", "E003", "OPERATOR_BIN"),
        ("responsible_person", "E004", "RESPONSIBLE_PERSON"),
        ("responsible_contact", "E005", "RESPONSIBLE_CONTACT"),
    ],
)
def test_production_without_operator_identity_fails_the_check(settings, key, check_id, variable):
    """Each missing item fails by its own check (any other failing check proved nothing), and a
    value of spaces is missing too. It names the variable to set (it said «OPERATOR bin is not
    set», the settings' key)."""
    settings.DEBUG = False
    for value in ("", "   "):
        settings.OPERATOR = {**settings.OPERATOR, key: value}
        with pytest.raises(SystemCheckError, match=rf"consent\.{check_id}\) {variable} is not set"):
            call_command("check")


def test_the_check_passes_when_configured():
    call_command("check")
