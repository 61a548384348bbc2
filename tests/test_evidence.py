"""Issue 4, legal item 4: the evidence export holds every ledger row of one subject, no other."""

import csv
import io

import pytest

from consent.ledger import consent_grant, consent_withdraw
from consent.models import AuditEvent, LedgerEntry, Source
from consent.purposes import MARKETING, SERVICE


@pytest.fixture
def two_people(texts, make_subject):
    a, b = make_subject(), make_subject()
    for s in (a, b):
        consent_grant(s, texts[SERVICE], language="kk", source=Source.CONTACT_FORM)
        consent_grant(s, texts[MARKETING], language="ru", source=Source.NEWSLETTER_FORM)
    consent_withdraw(a, MARKETING, source=Source.UNSUBSCRIBE)
    return a, b


def test_csv_has_every_row_of_the_subject(officer_client, two_people):
    a, b = two_people
    response = officer_client.get(f"/admin/consent/subject/{a.pk}/evidence.csv")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    ids = {int(r[0]) for r in rows[1:]}
    assert ids == set(LedgerEntry.objects.filter(subject=a).values_list("pk", flat=True))
    assert len(ids) == 3
    other = set(LedgerEntry.objects.filter(subject=b).values_list("pk", flat=True))
    assert not ids & other
    assert AuditEvent.objects.filter(action="evidence_export", subject_ref=a.pk).count() == 1


@pytest.mark.requires_tool("pdftotext", apt="poppler-utils")
def test_pdf_holds_every_row_of_the_subject_and_no_other(officer_client, two_people):
    a, b = two_people
    response = officer_client.get(f"/admin/consent/subject/{a.pk}/evidence.pdf")
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF")
    text = pdf_text(response.content)
    flat = text.replace("\n", "").replace(" ", "")
    for entry in LedgerEntry.objects.filter(subject=a, kind="grant"):
        assert entry.text_sha256 in flat
    for entry in LedgerEntry.objects.filter(subject=b):
        assert entry.text_sha256 not in flat
    assert text.count("withdraw") + text.count("кері қайтарылды") + text.count("келісім") >= 1
    assert any(letter in text for letter in "әғқңөұүһі")


def pdf_text(data):
    """The text of a PDF, through pdftotext (the test is marked requires_tool)."""
    import subprocess

    result = subprocess.run(["pdftotext", "-", "-"], input=data, capture_output=True, check=True)
    return result.stdout.decode()


def test_anonymous_visitor_gets_no_evidence(client, two_people):
    a, _ = two_people
    response = client.get(f"/admin/consent/subject/{a.pk}/evidence.csv")
    assert response.status_code == 302
