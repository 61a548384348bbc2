"""A phone number never merges two people (compliance L9, L13): only the email address, the one
the site would write to, links a form to someone already on record."""

import json

import pytest

from consent.core import gate
from consent.core.ledger import consent_grant
from consent.core.models import LedgerEntry, Source, Subject
from consent.core.purposes import SERVICE
from consent.rights.export import export_json


@pytest.fixture
def asel(texts, make_subject):
    """A, on record with her number and her consent, no date or place of birth."""
    s = make_subject(full_name="Әсел Қасымова", email="asel@example.kz", phone="+77011234567")
    consent_grant(s, texts[SERVICE], language="kk", source=Source.CONTACT_FORM)
    return s


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("phone", ["8 701 123 45 67", "+7 (701) 123-45-67", "87011234567"])
def test_a_stranger_with_her_number_is_a_person_of_his_own(
    client, asel, application_data, lang, phone
):
    ledger_before = list(LedgerEntry.objects.filter(subject=asel).values_list("id", flat=True))
    data = application_data(
        full_name="Болат Ержанов", email="bolat@example.kz", phone=phone,
        birth_date="2012-03-04", birth_place="Семей", message="Bolat's own words",
        guardian_name="Ержан Болатов", guardian_contact="+77017654321", consent_guardian="on",
    )  # fmt: skip
    assert client.post(f"/{lang}/apply/", data).status_code == 302

    bolat = Subject.objects.get(email="bolat@example.kz")
    asel.refresh_from_db()
    assert bolat.pk != asel.pk
    # Nothing of his reached her record, her ledger or her guardians...
    assert (asel.full_name, asel.birth_date, asel.birth_place) == ("Әсел Қасымова", None, "")
    assert list(LedgerEntry.objects.filter(subject=asel).values_list("id", flat=True)) == (
        ledger_before
    )
    assert not asel.guardians.exists() and not asel.submissions.exists()
    # ...so his date of birth (a minor's) does not close the gate for her,
    assert gate.may_process(asel, SERVICE)
    # and her copy of her data says nothing of him.
    export = json.loads(export_json(asel, lang))
    assert "Болат" not in json.dumps(export, ensure_ascii=False)
    assert "Bolat's own words" not in json.dumps(export, ensure_ascii=False)
    # His record holds what he sent, the shared number included.
    assert (bolat.phone, bolat.birth_place) == ("+77011234567", "Семей")
    assert LedgerEntry.objects.filter(subject=bolat, purpose=SERVICE).exists()


def test_the_same_address_is_the_same_person(client, asel, contact_data):
    """The address links, whatever case its domain is typed in."""
    data = contact_data(email="asel@EXAMPLE.KZ", phone="+77019998877", full_name="Әсел")
    assert client.post("/kk/contact/", data).status_code == 302
    assert Subject.objects.count() == 1
    asel.refresh_from_db()
    assert asel.phone == "+77011234567"  # known data is never overwritten by a form
    assert asel.submissions.count() == 1
