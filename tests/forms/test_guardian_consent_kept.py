"""A form that brings no parent's or guardian's consent, sent under the address of someone the
record shows under 18, never displaces the consent their guardian gave (compliance L6, L9).

A parent applies for their child with their own address, the child's record holding the date of
birth and the guardian's consent; the parent then writes a message from the same address (the
contact form asks no date of birth), or applies for themselves with their own date. Each form's
service consent was recorded without a guardian, the latest word of the ledger: the gate's rule
4 refused it, the guardian's consent stopped standing without anyone being told, and the next
night's retention destroyed the child's record as data held without consent."""

from datetime import date

import pytest
from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.utils import translation
from post_office.models import Email

from consent.common.dates import local_today
from consent.core import gate
from consent.core.held import answer_refusal
from consent.core.ledger import consent_withdraw
from consent.core.models import Held, LedgerEntry, Source, Subject, Submission
from consent.core.purposes import SERVICE
from consent.rights.retention import retention_plan
from tests.site.language import counted

FAMILY = "family@example.kz"


def child_birth_date() -> str:
    return str(local_today() - relativedelta(years=12))


@pytest.fixture
def child(client, texts, application_data):
    """A parent applied for their 12-year-old, with their own address and their consent."""
    data = application_data(email=FAMILY, full_name="Ерлан Сейітқали",
                            birth_date=child_birth_date(), guardian_name="Нұрлан Сейітқали",
                            guardian_contact="+77017654321", consent_guardian="on")  # fmt: skip
    assert client.post("/kk/apply/", data).status_code == 302
    subject = Subject.objects.get(email=FAMILY)
    assert gate.may_process(subject, SERVICE)
    return subject


def guardians_consent_stands(subject):
    latest = gate.latest_event(subject, SERVICE)
    return (
        latest.kind == LedgerEntry.Kind.GRANT
        and latest.guardian_id is not None
        and gate.may_process(subject, SERVICE)
        and subject.pk not in retention_plan()["destroy"]
    )


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_message_from_the_parents_address_keeps_the_guardians_consent(
    client, child, contact_data, lang
):
    data = contact_data(email=FAMILY, full_name="Нұрлан Сейітқали", message="Өтінім туралы")
    assert client.post(f"/{lang}/contact/", data).status_code == 302
    assert guardians_consent_stands(child)
    # The message is kept for staff, marked: its own consent was not recorded, and it is
    # answered under the consent that stands.
    message = Submission.objects.filter(subject=child).latest("id")
    assert message.consent_held == Held.GUARDIAN
    assert list(message.grants.all()) == []
    assert answer_refusal(message) is None
    # Staff are told why, in the notice of the new message.
    notice = Email.objects.filter(to=[settings.STAFF_NOTIFY_EMAIL]).latest("id")
    assert counted("18 жасқа толмаған") in notice.message


def test_without_a_guardians_consent_standing_the_form_waits_for_one(client, child, contact_data):
    consent_withdraw(child, SERVICE, source=Source.SELF_SERVICE)
    assert client.post("/ru/contact/", contact_data(email=FAMILY)).status_code == 302
    message = Submission.objects.filter(subject=child).latest("id")
    assert message.consent_held == Held.GUARDIAN
    assert not gate.may_process(child, SERVICE)
    for lang, words in (("kk", "18 жасқа толмаған"), ("ru", "нет 18 лет")):
        with translation.override(lang):
            assert counted(words) in str(answer_refusal(message))
    # The acknowledgement promises no answer: it says what the answer waits for.
    ack = Email.objects.filter(to=[FAMILY]).latest("id")
    assert counted("нет 18 лет") in ack.message
    assert "ответим вам по электронной почте" not in ack.message


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_an_adults_application_under_a_childs_address_keeps_the_guardians_consent(
    client, child, application_data, lang
):
    data = application_data(email=FAMILY, birth_date="1985-03-08")
    assert client.post(f"/{lang}/apply/", data).status_code == 302
    assert guardians_consent_stands(child)
    assert Submission.objects.filter(subject=child).latest("id").consent_held == Held.GUARDIAN


def test_a_form_with_the_guardians_consent_is_recorded(client, child, application_data):
    data = application_data(email=FAMILY, birth_date=child_birth_date(),
                            guardian_name="Нұрлан Сейітқали", guardian_contact="+77017654321",
                            consent_guardian="on")  # fmt: skip
    assert client.post("/ru/apply/", data).status_code == 302
    application = Submission.objects.filter(subject=child).latest("id")
    assert application.consent_held == ""
    assert application.grants.get().guardian is not None
    assert guardians_consent_stands(child)


def test_an_adult_on_record_is_recorded_as_before(client, texts, make_subject, contact_data):
    adult = make_subject(email=FAMILY, birth_date=date(1985, 3, 8))
    assert client.post("/kk/contact/", contact_data(email=FAMILY)).status_code == 302
    assert Submission.objects.get(subject=adult).consent_held == ""
    assert gate.may_process(adult, SERVICE)
