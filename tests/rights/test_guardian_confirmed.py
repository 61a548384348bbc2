"""A parent named under an address other than the child's acts for the child only once someone
other than their own mailbox confirms it (Guardian.pending; compliance L6, L9). The form that
made a child's record decided who the child's parent was: a stranger who typed a child's address
(not yet on record), a date of birth under 18 and their own address as the parent's became the
acting parent. «My data» mailed them a link to the child's whole record, and their emailed
withdrawal, carried out at the desk, destroyed it; the child's mailbox was only told that a form
was received. Now the child confirms the parent on their own page (opened by a link to the
child's address), or an officer does after seeing a document; a parent giving the child's own
address (one family mailbox) acts at once, as every mail to them reaches the child's mailbox."""

import re

import pytest
from django.core import mail
from django.test import Client

from consent.core import gate
from consent.core.models import AuditEvent, Guardian, LedgerEntry, Subject
from consent.core.purposes import SERVICE
from consent.rights.intake import ingest
from consent.rights.selfservice import link_send

from .conftest import act, confirm_link, mails_to, message
from .test_guardian_rights import CHILD
from .test_guardian_withdrawal import PARENT, WITHDRAW, open_children_page

MALLORY = "mallory@evil.kz"
FAMILY = "family@example.kz"
# What the acknowledgement to the child's address says about a parent named elsewhere.
ACK_SAYS = {"kk": "ата-анасы немесе қорғаншысы өз мекенжайымен көрсетілген",
            "ru": "указан родитель или опекун владельца этого адреса"}  # fmt: skip
WAITS = {"kk": "Баланың келісімдерінің беті", "ru": "Страница согласий ребёнка"}
NOT_YET = {"kk": "тек бұл расталғаннан кейін ғана", "ru": "только после подтверждения"}


def applied(form, lang, email, parent, parent_name="Гүлнар Қасымова", name="Айсұлу Қасымова"):
    """The application form, posted as a visitor does, for a child of 14 by a parent (an
    address asked about, «maıl.kz»: mail.kz?, sent as it is: forms_app/address_typos.py)."""
    data = form(email=email, full_name=name, birth_date="2012-05-17", guardian_name=parent_name,
                guardian_contact=parent, guardian_contact_suggested=parent,
                consent_guardian="on")  # fmt: skip
    assert Client().post(f"/{lang}/apply/", data).status_code == 302
    return Guardian.objects.filter(contact=parent).latest("id")


def link_path(address):
    mail = mails_to(address)[-1]
    found = re.search(r"https?://[^/\s]+(/\S+/my-data/open/\S+/)", mail.message)
    return found[1] if found else None


def childs_page(lang):
    """The child's own page, opened by the link «My data» mails to the child's address."""
    client = Client()
    link_send(CHILD, lang)
    assert client.post(link_path(CHILD)).url == f"/{lang}/my-data/"
    return client, client.get(f"/{lang}/my-data/").content.decode()


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_stranger_who_made_the_childs_record_opens_nothing_until_confirmed(
    texts, application_data, lang
):
    row = applied(application_data, lang, CHILD, MALLORY, parent_name="Mallory")
    assert row.acts and row.pending
    # The child's address is told, in the form's language, how to confirm; not who was named.
    (ack,) = mails_to(CHILD)
    assert ACK_SAYS[lang] in ack.message and f"/{lang}/my-data/" in ack.message
    assert "Mallory" not in ack.message + ack.html_message and MALLORY not in ack.message
    # «My data» at the stranger's address: no link to the child's page, and why.
    link_send(MALLORY, lang)
    assert link_path(MALLORY) is None
    told = mails_to(MALLORY)[-1]
    assert WAITS[lang] in told.message and "Айсұлу" not in told.message + told.html_message


def test_a_strangers_emailed_withdrawal_destroys_nothing_and_says_how_to_show_it(
    desk, texts, application_data
):
    applied(application_data, "kk", CHILD, MALLORY, parent_name="Mallory")
    record = Subject.objects.get(email=CHILD)
    ticket = ingest(message(WITHDRAW["kk"], sender=MALLORY, message_id="<w@evil.kz>"))
    assert Client().post(confirm_link(MALLORY)).status_code == 200
    panel = desk.get(f"/admin/rights/ticket/{ticket.pk}/change/").content.decode()
    assert "баланың деректерінің ешқайсысын өзгертпейді" in panel  # the officer is told first
    act(desk, ticket)
    assert Subject.objects.filter(pk=record.pk, full_name="Айсұлу Қасымова").exists()
    assert gate.may_process(record, SERVICE)
    assert not LedgerEntry.objects.filter(subject=record, kind="withdraw").exists()
    answer = mails_to(MALLORY)[-1].message
    assert NOT_YET["kk"] in answer and "Айсұлу" not in answer
    # «Nothing of that child's data has been changed» under «closed without action», not under
    # «your request … has been carried out».
    assert "орындалмай жабылды" in answer and ") орындалды" not in answer


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_child_confirms_their_parent_on_their_own_page(texts, application_data, lang):
    """The family with two addresses: the mother acts once the child's mailbox confirms her."""
    row = applied(application_data, lang, CHILD, PARENT)
    link_send(PARENT, lang)
    assert link_path(PARENT) is None
    client, page = childs_page(lang)
    assert "Гүлнар Қасымова" in page and PARENT in page
    assert f'name="parent" value="{row.pk}"' in page
    done = client.post(f"/{lang}/my-data/parent/", {"parent": row.pk}, follow=True)
    assert done.status_code == 200 and f'value="{row.pk}"' not in done.content.decode()
    row.refresh_from_db()
    assert not row.pending
    event = AuditEvent.objects.filter(action="subject_edit", object_id=str(row.pk)).get()
    assert event.detail["reason"] == "guardian_by_child" and event.subject_ref == row.subject_id
    open_children_page(Client(), lang)  # the mother's page opens now


@pytest.mark.parametrize("lang,enter", [
    ("kk", "осы хат келген мекенжайды енгізіңіз"),
    ("ru", "введите адрес, на который пришло это письмо"),
])  # fmt: skip
def test_the_ack_says_which_address_the_child_types_on_their_page(
    texts, application_data, lang, enter
):
    """The acknowledgement told the child to «enter this address» on their page right after
    saying the parent has «an address of their own» («и у него свой адрес. … введите этот
    адрес»): the parent's was the address last named. It names the one the mail came to."""
    applied(application_data, lang, CHILD, PARENT)
    (ack,) = mails_to(CHILD)
    for text in (ack.message, ack.html_message):
        words = " ".join(text.split())
        assert ACK_SAYS[lang] in words and enter in words


def test_one_family_address_acts_at_once_and_the_ack_asks_nothing(texts, application_data):
    """The common case: one mailbox for both, typed once in capitals (lookups ignore case)."""
    row = applied(application_data, "kk", FAMILY, FAMILY.capitalize())
    assert row.acts and not row.pending
    (ack,) = mails_to(FAMILY)
    assert ACK_SAYS["kk"] not in ack.message
    link_send(FAMILY, "kk")
    assert link_path(FAMILY) is not None


def test_the_desk_confirms_a_parent_after_seeing_a_document(desk, texts, application_data):
    row = applied(application_data, "kk", CHILD, PARENT)
    person = f"/admin/consent/subject/{row.subject_id}/change/"
    page = desk.get(person).content.decode()
    confirm_page = f"/admin/consent/subject/{row.subject_id}/parent/{row.pk}/"
    assert confirm_page in page and "әлі расталмаған" in page
    assert "Гүлнар Қасымова" in desk.get(confirm_page).content.decode()
    refused = desk.post(confirm_page, {})  # the box not ticked: nothing changes
    assert refused.status_code == 200 and Guardian.objects.get(pk=row.pk).pending
    assert desk.post(confirm_page, {"seen": "on"}).url == person
    assert not Guardian.objects.get(pk=row.pk).pending
    event = AuditEvent.objects.filter(action="subject_edit", object_id=str(row.pk)).get()
    assert event.detail["reason"] == "guardian_by_document" and event.actor_id is not None
    assert confirm_page not in desk.get(person).content.decode()
    open_children_page(Client(), "kk")


def test_a_page_confirms_only_its_own_childs_waiting_parent(texts, application_data):
    """A tampered post naming another child's parent confirms nothing."""
    other = applied(application_data, "kk", "other.child@example.kz", MALLORY, parent_name="Мэл")
    applied(application_data, "kk", CHILD, PARENT)
    client, page = childs_page("kk")
    assert MALLORY not in page
    for pk in (other.pk, "x", "", "9" * 30):
        assert client.post("/kk/my-data/parent/", {"parent": pk}).status_code == 302
    assert Guardian.objects.get(pk=other.pk).pending
    link_send(MALLORY, "kk")
    assert link_path(MALLORY) is None


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_mother_who_applies_after_a_strangers_form_is_confirmed_by_the_child(
    texts, application_data, lang
):
    """A stranger made the record first; the real mother's later form waits for the child too,
    and the child's address is told so each time, naming no one."""
    applied(application_data, lang, CHILD, MALLORY, parent_name="Mallory")
    mother = applied(application_data, lang, CHILD, PARENT)
    assert not mother.acts
    assert all(ACK_SAYS[lang] in ack.message for ack in mails_to(CHILD))
    assert len(mails_to(CHILD)) == 2
    client, page = childs_page(lang)
    assert MALLORY in page and PARENT in page
    client.post(f"/{lang}/my-data/parent/", {"parent": mother.pk})
    open_children_page(Client(), lang)  # the mother's page opens
    link_send(MALLORY, lang)
    assert link_path(MALLORY) is None  # the stranger's still does not


def test_a_mother_who_applied_twice_is_confirmed_once_for_good(
    desk, texts, application_data, django_capture_on_commit_callbacks
):
    """Two forms from the mother, each with her own address: the child confirms her once, and
    the desk and her withdrawal treat her as confirmed, not as one waiting still."""
    first = applied(application_data, "kk", CHILD, PARENT)
    applied(application_data, "kk", CHILD, PARENT)
    client, page = childs_page("kk")
    (pk,) = re.findall(r'name="parent" value="(\d+)"', page)  # one button for one parent
    client.post("/kk/my-data/parent/", {"parent": pk})
    first.refresh_from_db()
    assert not first.pending
    person = desk.get(f"/admin/consent/subject/{first.subject_id}/change/").content.decode()
    assert "әлі расталмаған" not in person  # the desk shows no parent waiting
    ticket = ingest(message(WITHDRAW["kk"], sender=PARENT, message_id="<w@example.kz>"))
    assert Client().post(confirm_link(PARENT)).status_code == 200
    panel = desk.get(f"/admin/rights/ticket/{ticket.pk}/change/").content.decode()
    assert "баланың деректерінің ешқайсысын өзгертпейді" not in panel
    with django_capture_on_commit_callbacks(execute=True):
        act(desk, ticket)  # the child's data destroyed: answered by a letter that keeps no copy
    (answer,) = [m for m in mail.outbox if PARENT in m.to]
    assert NOT_YET["kk"] not in answer.body and not Subject.objects.filter(email=CHILD).exists()
