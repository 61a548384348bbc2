"""A parent or guardian named by a form under a child's address already on record acts for the
child in nothing (compliance L6, L9). The application form asks a minor's parent for their name
and address; anyone who knew a child's address could send it with their own address as the
parent's, and the row it added on the child's record made them the child's parent to the site:
«My data» mailed them a link to the child's page, which downloaded the child's data (name,
telephone, date and place of birth, every form), and their emailed withdrawal, once confirmed at
their own mailbox, had the desk destroy the child's record. Only the parent named by the form
that made the record acts for the child; a later form's parent is kept with it, for staff."""

import pytest
from django.test import Client
from django.utils import translation

from consent.core import gate
from consent.core.models import Guardian, LedgerEntry, Subject, Submission
from consent.core.purposes import MARKETING, PURPOSES, SERVICE
from consent.rights.held_as_guardian import guardian_statement
from consent.rights.intake import ingest
from consent.rights.selfservice import link_send

from .conftest import act, confirm_link, mails_to, message
from .test_guardian_confirmed import childs_page
from .test_guardian_rights import CHILD, with_child
from .test_guardian_withdrawal import PARENT, WITHDRAW, open_children_page

MALLORY = "mallory@evil.kz"
FAKE_CHILD_NAME = "Бала Баланов"


@pytest.fixture
def child(texts, make_subject):
    """Айсұлу, 14, signed up with her mother Гүлнар's consent (application form)."""
    return with_child(make_subject, texts, name="Айсұлу Қасымова", email=CHILD,
                      born="2012-05-17")  # fmt: skip


def typed_as_the_parent(client, application_data, born="2012-05-17"):
    """The application a stranger sends under the child's address, naming themselves."""
    data = application_data(email=CHILD, full_name=FAKE_CHILD_NAME, birth_date=born,
                            guardian_name="Mallory", guardian_contact=MALLORY,
                            consent_guardian="on")  # fmt: skip
    assert client.post("/kk/apply/", data).status_code == 302
    assert Submission.objects.filter(subject__email=CHILD).exists()  # kept for staff
    return Guardian.objects.get(contact=MALLORY)


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_my_data_mails_a_stranger_named_as_the_parent_no_link_to_the_childs_page(
    client,
    child,
    application_data,
    lang,
):
    typed_as_the_parent(client, application_data)
    link_send(MALLORY, lang)
    (mail,) = mails_to(MALLORY)
    assert "/my-data/open/" not in mail.message and "/my-data/open/" not in mail.html_message
    assert "Айсұлу" not in mail.message + mail.html_message
    # The mother named when the record was made still opens it.
    open_children_page(Client(), lang)


def test_a_strangers_emailed_withdrawal_stops_and_destroys_nothing_of_the_child(
    client,
    desk,
    child,
    application_data,
):
    record, _mother = child
    typed_as_the_parent(client, application_data)
    ticket = ingest(message(WITHDRAW["kk"], sender=MALLORY, message_id="<w@evil.kz>"))
    assert not LedgerEntry.objects.filter(subject=record, kind="withdraw").exists()
    # Asked to confirm as for any request: not told that a child's data will be destroyed.
    (arrived,) = mails_to(MALLORY)
    assert "Айсұлу" not in arrived.message and "бала" not in arrived.message.lower()
    assert "/kk/requests/confirm/" in arrived.message
    assert Client().post(confirm_link(MALLORY)).status_code == 200
    act(desk, ticket)
    assert Subject.objects.filter(pk=record.pk, full_name="Айсұлу Қасымова").exists()
    assert gate.may_process(record, SERVICE) and gate.may_process(record, MARKETING)
    # Told why, not that the children it gave consent for have come of age.
    # (Its own number aside: «R-218» holds an 18 as the ids fall.)
    answer = mails_to(MALLORY)[-1].message.replace(ticket.reference, "")
    assert "Айсұлу" not in answer and "18" not in answer
    assert "Кез келген адам формаға кез келген мекенжайды" in answer
    # Nothing was carried out, so the letter does not open «…өтінішіңіз … орындалды».
    assert "орындалмай жабылды" in answer and ") орындалды" not in answer
    ticket.refresh_from_db()
    assert ticket.status == ticket.Status.CLOSED


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_what_a_stranger_is_told_is_held_about_them_names_no_child(
    client,
    child,
    application_data,
    lang,
):
    typed_as_the_parent(client, application_data)
    statement = guardian_statement(MALLORY, lang)
    assert MALLORY in statement and "Mallory" in statement  # what they gave is theirs
    assert "Айсұлу" not in statement and "Қасымова" not in statement
    with translation.override(lang):  # the consents given for the child, each in «» (glossary)
        assert f": «{PURPOSES[SERVICE].name}»" in statement, statement


def test_an_adult_a_form_says_is_a_child_gets_no_parent_from_it(
    client, texts, make_subject, application_data
):
    """A form saying the person is a child puts the date on a record without one (it can only
    stop processing); the parent it names gets nothing of theirs."""
    adult = make_subject(full_name="Айсұлу Қасымова", email=CHILD, birth_date=None)
    typed_as_the_parent(client, application_data)
    adult.refresh_from_db()
    assert gate.needs_guardian(adult)
    link_send(MALLORY, "kk")
    assert "/my-data/open/" not in mails_to(MALLORY)[-1].message


def test_the_parent_who_made_the_record_keeps_acting_after_applying_again(
    client, texts, application_data
):
    def application():
        return application_data(email=CHILD, full_name="Айсұлу Қасымова",
                                birth_date="2012-05-17", guardian_name="Гүлнар Қасымова",
                                guardian_contact=PARENT, consent_guardian="on")  # fmt: skip

    assert Client().post("/kk/apply/", application()).status_code == 302
    first = Guardian.objects.get()
    child_page, _ = childs_page("kk")  # the child confirms her mother (test_guardian_confirmed)
    child_page.post("/kk/my-data/parent/", {"parent": first.pk})
    assert Client().post("/ru/apply/", application()).status_code == 302  # the same parent
    assert list(Guardian.objects.order_by("id").values_list("acts", flat=True)) == [True, False]
    open_children_page(Client(), "kk")


def test_the_desk_reads_a_later_forms_parent_as_not_shown_to_be_one(
    client, desk, child, application_data
):
    """A caller who gives the name and number a later form gave finds the child on the desk:
    the officer reads beside the consent it gave that the form proves no one a parent."""
    record, _mother = child
    Client().post("/kk/apply/", application_data(
        email=CHILD, full_name=FAKE_CHILD_NAME, birth_date="2012-05-17", guardian_name="Mallory",
        guardian_contact=MALLORY, consent_guardian="on"))  # fmt: skip
    page = desk.get(f"/admin/consent/subject/{record.pk}/change/").content.decode()
    assert "Mallory, mallory@evil.kz (адамның мекенжайымен кейін жіберілген формада" in page
    assert "Гүлнар, gulnar@example.kz (" not in page and "Гүлнар, gulnar@example.kz" in page
