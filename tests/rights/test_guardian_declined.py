"""A parent or guardian waiting for confirmation can be declined: by the child on their own page,
or by an officer with a reason (core.guardians.guardian_decline; compliance L6). A stranger who
typed their own address as a child's parent's stayed listed as «waiting» for good, the desk was
never told, and the consents their form gave for the child stood as if a parent had given them.
Now the contact never acts nor waits again, each consent given with it alone must be given
again (only a legal representative gives a minor's consent), each declined row has its audit
row, the desk is told of a child's decline, and nothing reaches the declined contact."""

import re

import pytest
from django.test import Client

from consent.core import gate
from consent.core.models import AuditEvent, Declined, Guardian, LedgerEntry, Subject
from consent.core.purposes import MARKETING, SERVICE
from consent.rights.intake import ingest
from consent.rights.selfservice import link_send
from tests.texts import SHOWN

from .conftest import act, confirm_link, mails_to, message
from .test_guardian_confirmed import MALLORY, applied, childs_page, link_path
from .test_guardian_rights import CHILD
from .test_guardian_withdrawal import PARENT, WITHDRAW

DONE = {"kk": "біз оған ештеңе хабарлаған жоқпыз", "ru": "мы ничего ему не сообщили"}
NOT_WAITING = {"kk": "жауабыңызды күтіп тұрған жоқ", "ru": "не ждёт вашего ответа"}
DECLINE_BUTTON = {"kk": "Бұл менің ата-анам немесе қорғаншым емес",
                  "ru": "Это не мой родитель и\N{NO-BREAK SPACE}не опекун"}  # fmt: skip
OFFICERS_TOLD = "өзінікі емес екенін айтады"


def declines(row):
    return AuditEvent.objects.filter(action="subject_edit", object_id=str(row.pk),
                                     detail__reason__startswith="guardian_declined")  # fmt: skip


def ended(subject):
    return LedgerEntry.objects.filter(subject=subject, kind=LedgerEntry.Kind.RECONSENT)


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_child_declines_a_stranger_on_their_own_page(
    privacy_officer, texts, application_data, lang
):
    row = applied(application_data, lang, CHILD, MALLORY, parent_name="Mallory")
    record = Subject.objects.get(email=CHILD)
    assert gate.may_process(record, SERVICE)  # the stranger's form gave the consent
    client, page = childs_page(lang)
    assert f'name="not_parent" value="{row.pk}"' in page and DECLINE_BUTTON[lang] in page
    to_mallory = len(mails_to(MALLORY))
    done = client.post(f"/{lang}/my-data/parent/", {"not_parent": row.pk}, follow=True)
    shown = done.content.decode()
    assert done.status_code == 200 and DONE[lang] in shown and MALLORY not in shown
    row.refresh_from_db()
    assert row.declined == Declined.BY_CHILD and row.full_name == "Mallory"  # kept, as said
    (event,) = declines(row)
    assert event.subject_ref == record.pk and event.actor_id is None
    # Only a parent or guardian gives a minor's consent: the one the stranger gave stops now.
    assert not gate.may_process(record, SERVICE)
    assert ended(record).filter(purpose=SERVICE, reason=Declined.BY_CHILD).count() == 1
    # The desk is told, by the record's number only, in the officer's language (Dana's kk).
    (notice,) = mails_to(privacy_officer.email)
    assert f"№\N{NO-BREAK SPACE}{record.pk}" in notice.subject and OFFICERS_TOLD in notice.subject
    assert "Mallory" not in notice.message + notice.subject and MALLORY not in notice.message
    assert "Айсұлу" not in notice.message and CHILD not in notice.message
    # Nothing to the stranger, then or when they ask «My data» for a link.
    assert len(mails_to(MALLORY)) == to_mallory
    link_send(MALLORY, lang)
    assert link_path(MALLORY) is None
    told = mails_to(MALLORY)[-1]
    assert "Айсұлу" not in told.message + told.html_message and CHILD not in told.message


def test_confirm_and_decline_exclude_each_other_and_a_second_press_changes_nothing(
    texts, application_data
):
    """Two tabs, a double click, a tampered post: one clear message, nothing changed twice."""
    row = applied(application_data, "ru", CHILD, MALLORY, parent_name="Mallory")
    client, _page = childs_page("ru")
    for posted in ({"parent": row.pk, "not_parent": row.pk}, {"not_parent": "x"}, {}):
        again = client.post("/ru/my-data/parent/", posted, follow=True).content.decode()
        assert NOT_WAITING["ru"] in again
    assert not Guardian.objects.get(pk=row.pk).declined and not declines(row).exists()
    client.post("/ru/my-data/parent/", {"not_parent": row.pk})
    for posted in ({"not_parent": row.pk}, {"parent": row.pk}):  # the double click, the other tab
        again = client.post("/ru/my-data/parent/", posted, follow=True).content.decode()
        assert NOT_WAITING["ru"] in again
    row.refresh_from_db()
    assert row.declined == Declined.BY_CHILD and row.pending  # never confirmed
    assert declines(row).count() == 1 and ended(row.subject).count() == 1
    assert not AuditEvent.objects.filter(detail__reason="guardian_by_child").exists()
    page = client.get("/ru/my-data/").content.decode()
    assert f'value="{row.pk}"' not in page and MALLORY not in page


def test_a_confirmed_parent_cannot_be_declined_from_another_tab(texts, application_data):
    row = applied(application_data, "kk", CHILD, PARENT)
    client, _page = childs_page("kk")
    client.post("/kk/my-data/parent/", {"parent": row.pk})
    again = client.post("/kk/my-data/parent/", {"not_parent": row.pk}, follow=True)
    assert NOT_WAITING["kk"] in again.content.decode()
    row.refresh_from_db()
    assert not row.declined and not row.pending and not ended(row.subject).exists()


def test_a_page_declines_only_its_own_childs_waiting_parent(texts, application_data):
    other = applied(application_data, "kk", "other.child@example.kz", MALLORY, parent_name="Мэл")
    applied(application_data, "kk", CHILD, PARENT)
    client, _page = childs_page("kk")
    client.post("/kk/my-data/parent/", {"not_parent": other.pk})
    assert not Guardian.objects.get(pk=other.pk).declined
    assert gate.may_process(other.subject, SERVICE)


def test_the_desk_records_that_a_named_person_is_not_the_childs_parent(
    desk, texts, application_data
):
    row = applied(application_data, "kk", CHILD, MALLORY, parent_name="Mallory")
    person = f"/admin/consent/subject/{row.subject_id}/change/"
    not_parent = f"/admin/consent/subject/{row.subject_id}/parent/{row.pk}/not/"
    assert not_parent in desk.get(person).content.decode()
    assert "Mallory" in desk.get(not_parent).content.decode()
    for posted in ({}, {"reason": Declined.BY_CHILD}, {"reason": "nonsense"}):
        refused = desk.post(not_parent, posted)  # no reason, or one the desk does not offer
        assert refused.status_code == 200 and "errorlist" in refused.content.decode()
    assert not Guardian.objects.get(pk=row.pk).declined
    to_mallory = len(mails_to(MALLORY))
    done = desk.post(not_parent, {"reason": Declined.BY_DOCUMENT}, follow=True)
    assert "ешқашан бала атынан әрекет етпейді" in done.content.decode()
    row.refresh_from_db()
    assert row.declined == Declined.BY_DOCUMENT
    (event,) = declines(row)
    assert event.actor_id is not None and event.detail["reason"] == Declined.BY_DOCUMENT
    assert not gate.may_process(row.subject, SERVICE)
    assert len(mails_to(MALLORY)) == to_mallory
    page = desk.get(person).content.decode()
    assert not_parent not in page and "Адамның ата-анасы немесе қорғаншысы емес" in page
    # Declined: never confirmed after, a second post (another tab) changes nothing.
    confirm = f"/admin/consent/subject/{row.subject_id}/parent/{row.pk}/"
    assert desk.post(confirm, {"seen": "on"}).url == person
    assert desk.post(not_parent, {"reason": Declined.BY_NAMED}).url == person
    row.refresh_from_db()
    assert row.declined == Declined.BY_DOCUMENT and row.pending and declines(row).count() == 1


def test_a_declined_contact_naming_itself_again_gives_the_child_no_consent(texts, application_data):
    """Re-sending the form puts the stranger back neither on the child's page nor on the ledger."""
    row = applied(application_data, "kk", CHILD, MALLORY, parent_name="Mallory")
    client, _page = childs_page("kk")
    client.post("/kk/my-data/parent/", {"not_parent": row.pk})
    acks = len(mails_to(CHILD))
    again = applied(application_data, "kk", CHILD, MALLORY, parent_name="Mallory")
    assert again.declined == Declined.BY_CHILD
    assert not LedgerEntry.objects.filter(guardian=again).exists()
    assert not gate.may_process(row.subject, SERVICE)
    assert "Mallory" not in childs_page("kk")[1]
    assert len(mails_to(CHILD)) > acks  # the acknowledgement, and the link just asked for


def test_the_declined_contacts_withdrawal_changes_nothing_and_names_no_one(
    desk, texts, application_data
):
    row = applied(application_data, "kk", CHILD, MALLORY, parent_name="Mallory")
    client, _page = childs_page("kk")
    client.post("/kk/my-data/parent/", {"not_parent": row.pk})
    ticket = ingest(message(WITHDRAW["kk"], sender=MALLORY, message_id="<w@evil.kz>"))
    assert Client().post(confirm_link(MALLORY)).status_code == 200
    panel = desk.get(f"/admin/rights/ticket/{ticket.pk}/change/").content.decode()
    assert "ешбір баланың деректерін өзгертпейді" in panel  # not «destroys each child's data»
    act(desk, ticket)
    assert Subject.objects.filter(pk=row.subject_id).exists()
    answer = mails_to(MALLORY)[-1].message
    assert "ата-анасы немесе қорғаншысы екеніңіз расталмаған" in answer
    assert "Айсұлу" not in answer and CHILD not in answer


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_news_link_a_strangers_form_asked_for_records_nothing_once_declined(
    texts, application_data, lang
):
    """The stranger ticked the news box too: the double opt-in link went to the child's address
    carrying the stranger's row as the parent. Pressed after the decline, it records nothing."""
    data = application_data(email=CHILD, full_name="Айсұлу Қасымова", birth_date="2012-05-17",
                            guardian_name="Mallory", guardian_contact=MALLORY,
                            consent_guardian="on", consent_marketing="on")  # fmt: skip
    assert Client().post(f"/{lang}/apply/", data).status_code == 302
    row = Guardian.objects.get(contact=MALLORY)
    (news,) = [m for m in mails_to(CHILD) if "/newsletter/confirm/" in m.message]
    path = re.search(r"https?://[^/\s]+(/\S+/newsletter/confirm/\S+/)", news.message)[1]
    client, _page = childs_page(lang)
    client.post(f"/{lang}/my-data/parent/", {"not_parent": row.pk})
    before = LedgerEntry.objects.filter(subject=row.subject).count()
    pressed = Client().post(path, SHOWN)
    assert pressed.status_code == 200
    assert LedgerEntry.objects.filter(subject=row.subject).count() == before
    assert not gate.may_process(row.subject, MARKETING)
