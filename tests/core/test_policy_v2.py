"""Issue 20: policy version 2 written from the declarations, a draft until an officer publishes
it, frozen with its hashes, and never in disagreement with the consent texts."""

import dataclasses
import re
from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone, translation

from consent.common.dates import local_midnight
from consent.core import purposes
from consent.core.models import ConsentText, PolicyVersion
from consent.core.purposes import DATA_FIELDS, MARKETING, PURPOSES, SERVICE
from consent.core.texts import (
    current_text,
    policy_publish,
    render_consent,
    sha256,
    text_publish,
)
from tests.site.language import counted

# Its policy versions are dated ahead of fixed days of December 2026: the clock starts on the
# suite's day (tests/isolation.py), not on the real date, which will pass them.
pytestmark = pytest.mark.usefixtures("time_machine")

ADDRESS = {
    "address_kk": "Өскемен қ., Абай даңғылы, 1",
    "address_ru": "г. Усть-Каменогорск, пр. Абая, 1",
}


def operator(settings):
    return {**settings.OPERATOR, **ADDRESS}


@pytest.fixture
def v2(db, settings):
    settings.OPERATOR = operator(settings)
    version = PolicyVersion.objects.get(number=2)
    version.effective_date = date(2026, 12, 10)
    version.save()
    return version


def test_version_two_is_a_draft_after_migrate(db):
    v2 = PolicyVersion.objects.get(number=2)
    assert not v2.is_published and not v2.text_kk
    assert "{{purposes}}" in v2.template_kk and "{{bin}}" in v2.template_ru
    assert "Дербес деректер және оларды қорғау туралы" in v2.template_kk
    assert "О персональных данных и их защите" in v2.template_ru


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_published_text_states_every_declared_fact(v2, settings, lang, texts):
    policy_publish(v2, reconsent=[SERVICE])
    text = getattr(v2, f"text_{lang}")
    assert "{{" not in text
    assert v2.sha256_kk == sha256(v2.text_kk) and v2.sha256_ru == sha256(v2.text_ru)
    op = settings.OPERATOR
    for fact in [op["bin"], op[f"address_{lang}"], op["responsible_person"],
                 op["responsible_contact"], op[f"data_location_{lang}"], op["email"]]:  # fmt: skip
        assert fact in text
    with translation.override(lang):
        for purpose in PURPOSES.values():
            if purpose.processors_setting:
                continue  # no processor abroad configured: the purpose is not offered
            assert str(purpose.term_text) in text
            assert ", ".join(str(DATA_FIELDS[f]) for f in purpose.fields) in text
            for recipient in [*purpose.third_parties, *purpose.recipients_abroad()]:
                assert str(recipient) in text
    assert counted({"kk": "15 жұмыс күні", "ru": "15 рабочих дней"}[lang]) in text
    assert counted({"kk": "1 жұмыс күні", "ru": "1 рабочий день"}[lang]) in text


def test_the_site_shows_version_two_from_its_local_effective_date(v2, client, time_machine):
    time_machine.move_to("2026-12-09 12:00+05:00")
    policy_publish(v2)
    ahead = client.get("/kk/privacy/").content.decode()
    assert "<h1>Жеке деректерді өңдеуге қатысты саясат</h1>" in ahead  # version 1 still applies
    assert "Жаңа нұсқа жарияланды" in ahead  # version 2 only announced
    time_machine.move_to("2026-12-10 00:30+05:00")  # still the 9th in UTC
    page = client.get("/kk/privacy/").content.decode()
    assert "2-нұсқа" in page and "Дербес деректерді өңдеу саясаты" in page
    assert "Заңның атауы дұрыс жазылды" in page  # what changed since version 1
    assert "Заңның атауы" not in client.get("/kk/privacy/1/").content.decode()


def test_a_blank_operator_detail_is_refused(db, settings):
    v2 = PolicyVersion.objects.get(number=2)  # no address configured
    with pytest.raises(ValidationError, match="OPERATOR_ADDRESS_KK"):
        policy_publish(v2)
    assert not PolicyVersion.objects.get(number=2).is_published


def test_an_unknown_placeholder_is_refused(v2):
    v2.template_ru += "\n{{ director }}"
    with pytest.raises(ValidationError, match="director"):
        policy_publish(v2)


def longer_term(code, years):
    return {**PURPOSES, code: dataclasses.replace(PURPOSES[code], term_years=years)}


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_consent_text_disagreeing_with_its_policy_is_refused(v2, texts, monkeypatch, lang):
    policy_publish(v2)
    monkeypatch.setattr("consent.core.texts.PURPOSES", longer_term(MARKETING, 5))
    monkeypatch.setattr("consent.core.declarations.PURPOSES", longer_term(MARKETING, 5))
    draft = ConsentText.objects.create(purpose=MARKETING, version=9, policy=v2)
    with translation.override(lang), pytest.raises(ValidationError) as refused:
        text_publish(draft)
    expected = {"kk": "мерзімі", "ru": "срок"}[lang]
    assert expected in refused.value.messages[0]
    assert not ConsentText.objects.get(pk=draft.pk).is_published


def test_a_policy_disagreeing_with_a_consent_text_needs_consent_again(v2, texts, monkeypatch):
    monkeypatch.setattr(purposes, "PURPOSES", longer_term(MARKETING, 5))
    for module in ["texts", "declarations"]:
        monkeypatch.setattr(f"consent.core.{module}.PURPOSES", purposes.PURPOSES)
    with pytest.raises(ValidationError) as refused:
        policy_publish(v2)
    assert "Жаңалықтар және арнайы ұсыныстар" in " ".join(refused.value.messages)
    assert not PolicyVersion.objects.get(number=2).is_published

    policy_publish(v2, reconsent=[MARKETING])
    in_effect = local_midnight(v2.effective_date)
    new = current_text(MARKETING, in_effect)
    assert (new.version, new.policy, new.requires_reconsent) == (2, v2, True)
    service = current_text(SERVICE, in_effect)
    assert not service.requires_reconsent and service.policy == v2


def test_a_text_that_said_its_term_in_the_second_person_states_the_same_term(
    v2, texts, monkeypatch
):
    """A text published before the facts it states were kept is read by its Kazakh body, which
    said the term «келісімді кері қайтарып алғаныңызға дейін» then. The policy publishes beside
    it without asking for consent again, as it did before the term was worded otherwise."""
    old = texts[MARKETING]
    term = PURPOSES[MARKETING].term_said_before[0]
    whole = render_consent(old, "kk")  # its list of data in its body, as texts were then
    body_kk = re.sub(r"(3\. [^:]+: )[^\n]*", rf"\g<1>{term}.", whole)
    assert term in body_kk and str(PURPOSES[MARKETING].term_text) not in body_kk
    ConsentText.objects.create(
        purpose=MARKETING, version=2, policy=old.policy, published_at=timezone.now(),
        body_kk=body_kk, body_ru=old.body_ru, sha256_kk=sha256(body_kk), sha256_ru=old.sha256_ru,
    )  # fmt: skip
    forgotten = dataclasses.replace(PURPOSES[MARKETING], term_said_before=())
    with monkeypatch.context() as patched, pytest.raises(ValidationError):
        patched.setitem(PURPOSES, MARKETING, forgotten)  # the old wording not known: refused
        policy_publish(v2)
    policy_publish(v2)
    assert v2.is_published and not current_text(MARKETING).requires_reconsent
