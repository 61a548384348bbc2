"""Compliance L4, L10: the evidence and the access answer carry the words each consent was given
to, as the person was shown them, in their language; the evidence gave the version and the
hash only, and the answer's purposes what each purpose declares today, so the person (or a
court) had to ask the operator's staff what they had agreed to. A withdrawal names the consent
it withdrew; it named only the purpose."""

import csv
import io
import json

import pytest
from django.utils import translation
from django.utils.translation import gettext

from consent.common.text import plain_text
from consent.core.ledger import consent_withdraw, text_shown
from consent.core.models import LedgerEntry, Source
from consent.core.nameless import NAME_PLACEHOLDER
from consent.core.purposes import MARKETING, SERVICE
from consent.core.texts import sha256
from consent.rights.export import export_json
from consent.rights.readable import export_pdf
from tests.rights.test_evidence import pdf_text
from tests.rights.test_evidence_check import across_two_versions  # noqa: F401 (a fixture)


@pytest.fixture
def withdrawn(across_two_versions):  # noqa: F811
    """Асель's consents of test_evidence_check, and her news consent withdrawn since."""
    consent_withdraw(across_two_versions, MARKETING, source=Source.UNSUBSCRIBE)
    return across_two_versions


def flat(text):
    return " ".join(text.split())


def grants(person):
    return list(LedgerEntry.objects.filter(subject=person, kind="grant").order_by("id"))


def test_the_words_given_are_the_text_the_hash_was_taken_over(withdrawn):
    """Each in its own language, with the name the form gave: the service text of version 1 in
    Kazakh naming «Асель Касымова», the news in Russian naming her address."""
    shown = [text_shown(g) for g in grants(withdrawn)]
    assert [sha256(s) for s in shown] == [g.text_sha256 for g in grants(withdrawn)]
    assert "Асель Касымова" in shown[0] and "asel@example.kz" in shown[1]
    assert all(NAME_PLACEHOLDER not in s and "{data}" not in s for s in shown)
    assert any(letter in shown[0] for letter in "әғқңөұүһі")


def evidence(client, person, lang):
    client.cookies["django_language"] = lang
    body = client.get(f"/admin/consent/subject/{person.pk}/evidence.csv").content
    header, *rows = csv.reader(io.StringIO(body.decode("utf-8-sig")))
    return [dict(zip(header, row, strict=True)) for row in rows]


def said(lang, *names):
    with translation.override(lang):
        return [plain_text(gettext(name)) for name in names]


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_evidence_gives_each_grants_words_and_what_a_withdrawal_withdrew(
    withdrawn, privacy_officer_client, lang
):
    text, proven, ends, yes = said(
        lang, "consent text shown", "the text gives this SHA-256", "the consent it ends", "yes"
    )
    service_v1, news, service_v2, withdrawal = evidence(privacy_officer_client, withdrawn, lang)
    given = grants(withdrawn)
    for row, grant in zip([service_v1, news, service_v2], given, strict=True):
        assert row[text] == text_shown(grant) and row[proven] == yes and row[ends] == ""
    assert withdrawal[text] == "" and withdrawal[proven] == ""
    # The news grant: its number, its time and its version, in the staff member's language.
    assert withdrawal[ends].startswith(said(lang, "entry")[0] + f" {given[1].pk}: ")
    assert "30.11.2026 23:59:30" in withdrawal[ends] and withdrawal[ends].endswith(": 1)")


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_withdrawal_with_no_consent_standing_says_so(withdrawn, privacy_officer_client, lang):
    consent_withdraw(withdrawn, MARKETING, source=Source.UNSUBSCRIBE)  # a second one
    (ends,) = said(lang, "the consent it ends")
    *_, again = evidence(privacy_officer_client, withdrawn, lang)
    assert again[ends] == said(lang, "none: no consent stood for this purpose then")[0]


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_text_that_does_not_give_its_hash_is_said_not_to(withdrawn, privacy_officer_client, lang):
    """A row whose hash the kept body does not give (the body changed in the database, or a
    row recorded wrongly) is not passed off as proven."""
    grant = grants(withdrawn)[0]
    LedgerEntry.objects.create(subject=withdrawn, purpose=SERVICE, kind="grant", text=grant.text,
                               text_sha256="0" * 64, shown_name=grant.shown_name,
                               language="kk", source=Source.CONTACT_FORM)  # fmt: skip
    proven, yes, no = said(lang, "the text gives this SHA-256", "yes", "no")
    *_, wrong = evidence(privacy_officer_client, withdrawn, lang)
    assert wrong[proven] != yes and wrong[proven].startswith(f"{no}:")


@pytest.mark.requires_tool("pdftotext", apt="poppler-utils")
@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_evidence_pdf_holds_every_word_of_each_text(withdrawn, privacy_officer_client, lang):
    """Wrapped within the page: a line cut off at its edge would lose the words after it."""
    privacy_officer_client.cookies["django_language"] = lang
    pdf = privacy_officer_client.get(f"/admin/consent/subject/{withdrawn.pk}/evidence.pdf")
    text = flat(pdf_text(pdf.content))
    for grant in grants(withdrawn):
        assert flat(text_shown(grant)) in text
    (ends,) = said(lang, "the consent it ends")
    assert flat(ends) in text


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_access_answer_gives_the_words_each_purpose_was_consented_to(withdrawn, lang):
    """In the language each was given in, whatever the answer's: the service's latest grant is
    version 2 in Russian, the news version 1 in Russian (withdrawn since)."""
    answer = json.loads(export_json(withdrawn, lang))
    _v1, news, service_v2 = grants(withdrawn)
    purposes = {p["code"]: p for p in answer["purposes"]}
    assert purposes[SERVICE]["consent_text_given"] == text_shown(service_v2)
    assert purposes[SERVICE]["consent_text_version_given"] == 2
    assert purposes[MARKETING]["consent_text_given"] == text_shown(news)
    history = answer["consent_history"]
    assert [h["consent_text"] for h in history[:3]] == [text_shown(g) for g in grants(withdrawn)]
    assert [h["text_gives_sha256"] for h in history] == [True, True, True, None]
    assert "2026" in history[3]["consent_ended"] and history[0]["consent_ended"] == ""
    assert "<" not in json.dumps(answer, ensure_ascii=False)  # plain text, no markup


@pytest.mark.requires_tool("pdftotext", apt="poppler-utils")
@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_access_answer_pdf_holds_the_words(withdrawn, lang):
    text = flat(pdf_text(export_pdf(withdrawn, lang)))
    for grant in grants(withdrawn):
        assert flat(text_shown(grant)) in text
    labels = said(lang, "the text you agreed to", "consent text shown", "the consent it ends")
    assert all(flat(label) in text for label in labels)
