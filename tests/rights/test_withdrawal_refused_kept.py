"""A withdrawal refused with reasons keeps the data it told the person it keeps (Art. 8(2), 8(7)
of Law 94-V; compliance L14, L5). The consent's gate closes when the person confirms the
withdrawal; the officer may then refuse it, a law requiring the data kept or an obligation to
the person unfulfilled, and the letter says «we cannot carry out your withdrawal». The same
night the retention job read the withdrawal alone: it destroyed the person whose only consent
it was, the data the refusal had just kept, and the officers were told nothing."""

from datetime import timedelta

from consent.core.ledger import consent_withdraw
from consent.core.models import LedgerEntry, Source, Subject
from consent.core.purposes import MARKETING, SERVICE
from consent.rights.retention import REFUSED, enforce_retention, retention_plan

from .conftest import act, confirm, mails_to, web_request

REASON = "Art. 8(2): the contract is not yet fulfilled."


def withdrawal_refused(client, officer_client):
    web_request(client, "ru", "withdraw", purpose=SERVICE)
    act(officer_client, confirm(client, "ru"), action="refuse", reason=REASON)
    assert "Art. 8(2)" in mails_to("asel@example.kz")[-1].message


def test_a_refused_withdrawal_of_the_only_consent_keeps_the_person_for_staff(
    client, officer_client, person
):
    consent_withdraw(person, MARKETING, source=Source.SELF_SERVICE)
    withdrawal_refused(client, officer_client)
    enforce_retention()
    assert Subject.objects.filter(pk=person.pk).exists()


def test_the_officers_are_told_why_the_person_is_kept(client, officer_client, person):
    consent_withdraw(person, MARKETING, source=Source.SELF_SERVICE)
    withdrawal_refused(client, officer_client)
    assert retention_plan()["review"] == [(person.pk, REFUSED)]
    page = officer_client.get(f"/admin/consent/subject/{person.pk}/change/").content.decode()
    assert "өтінішті қанағаттандырудан негіздемесімен бас тартылды" in page


def test_the_refusal_keeps_the_data_no_longer_than_the_consent_would_have(
    client, officer_client, person
):
    consent_withdraw(person, MARKETING, source=Source.SELF_SERVICE)
    withdrawal_refused(client, officer_client)
    term = LedgerEntry.objects.filter(subject=person, purpose=SERVICE, kind="grant").get()
    enforce_retention(at=term.expires_at - timedelta(days=1))
    assert Subject.objects.filter(pk=person.pk).exists()
    enforce_retention(at=term.expires_at + timedelta(days=1))
    assert not Subject.objects.filter(pk=person.pk).exists()
