"""Issue 20, item 5: the list of personal data per purpose (Art. 25(2)(1)) and the register of
processing, generated from the declarations, published as frozen versions with a hash, and
downloaded as PDF in Kazakh and Russian."""

import dataclasses

import pytest
from django.db import DatabaseError, transaction
from django.utils import translation

from consent.core.declarations import offered_purposes, operator
from consent.core.models import AuditEvent, OperatorDocument
from consent.core.purposes import DATA_FIELDS, MARKETING, PURPOSES
from tests.rights.test_evidence import pdf_text

APPROVED = {"kk": "БЕКІТЕМІН", "ru": "УТВЕРЖДАЮ"}


def flat(text):
    return " ".join(text.split())


def published(client, kind):
    assert client.post("/admin/consent/operatordocument/add/", {"kind": kind}).status_code == 302
    document = OperatorDocument.objects.get(kind=kind, version=1)
    client.post("/admin/consent/operatordocument/",
                {"action": "publish", "_selected_action": [document.pk]})  # fmt: skip
    document.refresh_from_db()
    assert document.is_published and len(document.sha256) == 64
    return document


def download(client, document, lang):
    response = client.get(f"/admin/consent/operatordocument/{document.pk}/pdf/{lang}/")
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    assert "attachment" in response["Content-Disposition"]
    return flat(pdf_text(response.content))


@pytest.mark.requires_tool("pdftotext", apt="poppler-utils")
@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("kind", ["data_list", "register"])
def test_each_document_names_every_purposes_term_and_data(privacy_officer_client, kind, lang):
    document = published(privacy_officer_client, kind)
    text = download(privacy_officer_client, document, lang)
    assert document.sha256 in text.replace(" ", "")
    assert operator(lang)["bin"] in text
    with translation.override(lang):
        for purpose in offered_purposes():
            assert flat(str(purpose.term_text)) in text
            assert flat(", ".join(str(DATA_FIELDS[f]) for f in purpose.fields)) in text
        if kind == "register":
            assert flat(str(PURPOSES["service"].third_parties[0])) in text
            assert operator(lang)["data_location"] in text
            for recipient in PURPOSES["analytics"].recipients_abroad():
                assert str(recipient) in text
    assert (APPROVED[lang] in text) == (kind == "data_list")  # the director's approval block
    assert AuditEvent.objects.filter(action="document_publish").count() == 1


@pytest.mark.requires_tool("pdftotext", apt="poppler-utils")
def test_a_published_document_keeps_what_it_said(privacy_officer_client, monkeypatch):
    document = published(privacy_officer_client, "data_list")
    longer = {**PURPOSES, MARKETING: dataclasses.replace(PURPOSES[MARKETING], fields=("email",))}
    monkeypatch.setattr("consent.core.declarations.PURPOSES", longer)
    text = download(privacy_officer_client, document, "ru")
    with translation.override("ru"):
        assert flat(f"{DATA_FIELDS['full_name']}, {DATA_FIELDS['email']}") in text
    with pytest.raises(DatabaseError), transaction.atomic():
        OperatorDocument.objects.filter(pk=document.pk).update(sha256="0" * 64)


def test_people_without_the_role_get_no_document(marketer_client, db):
    document = OperatorDocument.objects.create(kind="register", version=1)
    url = f"/admin/consent/operatordocument/{document.pk}/pdf/kk/"
    assert marketer_client.get(url).status_code == 403


RESPONSIBLE = {
    "kk": "Дербес деректерді өңдеуді ұйымдастыруға жауапты тұлға",
    "ru": "Лицо, ответственное за организацию обработки персональных данных",
}


@pytest.mark.requires_tool("pdftotext", apt="poppler-utils")
@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_register_names_the_person_responsible_and_how_to_reach_them(
    privacy_officer_client, settings, lang
):
    """Art. 25(2)(10), 25(3): the register an inspector reads names the person the operator
    appointed to organise the processing, and their contact; it named the operator alone."""
    text = download(privacy_officer_client, published(privacy_officer_client, "register"), lang)
    op = operator(lang)
    named = f"{op['responsible_person']}, {op['responsible_contact']}"
    assert flat(f"{RESPONSIBLE[lang]} {named}") in text
    assert flat(op["address"]) in text
