"""A form sent under the address of someone on record changes nothing of their record
(compliance L9, L11): whoever typed it has not shown the address is theirs. What it says is kept
with its submission; the record changes only by a confirmed correction."""

import re
from datetime import date
from urllib.parse import urlsplit

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.forms.models import model_to_dict
from post_office.models import Email

from consent.core import gate
from consent.core.ledger import consent_grant
from consent.core.models import AuditEvent, Source, Subject, Submission
from consent.core.purposes import MARKETING
from consent.core.texts import current_text
from tests.conftest import aged_token
from tests.forms.photos import jpeg
from tests.texts import SHOWN

STRANGER = {"full_name": "Болат Ержанов", "phone": "8 701 765 43 21", "birth_date": "1999-01-02",
            "birth_place": "Семей"}  # fmt: skip


@pytest.fixture
def asel(texts, make_subject):
    """On record with her address alone: every other field of hers empty."""
    return make_subject(full_name="", email="asel@example.kz", phone=None)


def held(subject):
    subject.refresh_from_db()
    return {**model_to_dict(subject), "photo": subject.photo.name, "at": subject.updated_at}


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_contact_form_under_her_address_fills_nothing_in(client, asel, contact_data, lang):
    before = held(asel)
    data = contact_data(email="asel@EXAMPLE.kz", full_name=STRANGER["full_name"],
                        phone=STRANGER["phone"])  # fmt: skip
    assert client.post(f"/{lang}/contact/", data).status_code == 302
    assert held(asel) == before
    sent = Submission.objects.get(subject=asel, source=Source.CONTACT_FORM).data
    assert (sent["full_name"], sent["phone"]) == (STRANGER["full_name"], "+77017654321")


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_an_application_under_her_address_fills_nothing_in(
    client, asel, application_data, media, lang
):
    before = held(asel)
    photo = SimpleUploadedFile("me.jpg", jpeg(), content_type="image/jpeg")
    data = application_data(**STRANGER)
    assert client.post(f"/{lang}/apply/", {**data, "photo": photo}).status_code == 302
    assert held(asel) == before
    submission = Submission.objects.get(subject=asel, source=Source.APPLICATION_FORM)
    assert {k: submission.data[k] for k in STRANGER} == {**STRANGER, "phone": "+77017654321"}
    assert submission.photo.name  # kept with what was sent, for staff


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_newsletter_signup_under_her_address_fills_nothing_in(client, asel, lang):
    before = held(asel)
    data = {"token": aged_token(), **SHOWN, "email": "asel@example.kz",
            "full_name": STRANGER["full_name"], "consent_marketing": "on"}  # fmt: skip
    assert client.post(f"/{lang}/newsletter/", data).status_code == 302
    (mail,) = Email.objects.filter(to=["asel@example.kz"])
    (url,) = re.findall(r"https?://\S+/newsletter/confirm/\S+/", mail.message)
    # Even once the address's owner confirms the subscription, the name typed stays out.
    assert client.post(urlsplit(url).path, SHOWN).status_code == 200
    assert held(asel) == before
    assert Submission.objects.get(subject=asel).data["full_name"] == STRANGER["full_name"]


def test_a_new_address_makes_a_record_of_what_was_sent(client, texts, application_data, media):
    photo = SimpleUploadedFile("me.jpg", jpeg(), content_type="image/jpeg")
    data = application_data(email="bolat@example.kz", **STRANGER)
    assert client.post("/kk/apply/", {**data, "photo": photo}).status_code == 302
    bolat = Subject.objects.get(email="bolat@example.kz")
    assert (bolat.full_name, bolat.phone, str(bolat.birth_date), bolat.birth_place) == (
        STRANGER["full_name"], "+77017654321", STRANGER["birth_date"], STRANGER["birth_place"]
    )  # fmt: skip
    assert bolat.photo.name == bolat.submissions.get().photo.name


CHILD = {"birth_date": "2012-04-03", "guardian_name": "Қасым Әлиев",
         "guardian_contact": "+77017654321", "consent_guardian": "on"}  # fmt: skip


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_an_application_saying_she_is_a_child_stops_what_she_agreed_to_alone(
    client, asel, application_data, lang
):
    """The one thing a form may put on a record, as it can only stop processing: her newsletter
    consent, given without a guardian, stops standing once an application says she is 14."""
    consent_grant(asel, current_text(MARKETING), language=lang, source=Source.NEWSLETTER_FORM)
    assert gate.may_process(asel, MARKETING)
    assert client.post(f"/{lang}/apply/", application_data(**CHILD)).status_code == 302
    asel.refresh_from_db()
    assert str(asel.birth_date) == CHILD["birth_date"]
    assert not gate.may_process(asel, MARKETING)
    # The officer asking where the date on her record came from finds it in the audit log:
    # before, only the submission was audited, and nothing said that it changed her record.
    edit = AuditEvent.objects.get(action="subject_edit", subject_ref=asel.pk)
    assert (edit.detail["fields"], edit.detail["reason"]) == (["birth_date"], "minor_by_form")
    # Her name, phone and place of birth, as any other field, stay with the submission alone.
    assert (asel.full_name, asel.phone, asel.birth_place) == ("", None, "")


def test_a_childs_date_never_replaces_one_on_record(client, asel, application_data):
    asel.birth_date = date(1990, 5, 17)
    asel.save()
    before = held(asel)
    assert client.post("/kk/apply/", application_data(**CHILD)).status_code == 302
    assert held(asel) == before
