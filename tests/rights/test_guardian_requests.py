"""A parent who consented for a child is a data subject too: the name and contact they gave are
held on the child's record. Writing from that mailbox, by letter, the web form or the self-service
page, they were told that no data was held, and the desk could only close their request as
«no data held». Now their request is confirmed at their address and answered from what is held
about them, in their language, without the child's other data."""

import json

import pytest
from django.core import mail

from consent.core import gate
from consent.core.ledger import consent_grant
from consent.core.models import AuditEvent, Guardian, LedgerEntry, Source
from consent.core.purposes import SERVICE
from consent.rights.intake import ingest
from consent.rights.models import Ticket

from .conftest import act, confirm_link, mails_to, message, web_request

Type, Status = Ticket.Type, Ticket.Status
PARENT = "gulnar@example.kz"


@pytest.fixture
def child(texts, make_subject):
    """Айсұлу, 14, signed up on the application form with her mother Гүлнар's consent."""
    child = make_subject(full_name="Айсұлу Қасымова", email="aisulu@example.kz",
                         phone="+77021112233", birth_date="2012-05-17")  # fmt: skip
    guardian = Guardian.objects.create(subject=child, full_name="Гүлнар Қасымова", contact=PARENT)
    consent_grant(child, texts[SERVICE], language="kk", source=Source.APPLICATION_FORM,
                  guardian=guardian)  # fmt: skip
    return child


def confirmed(client, address=PARENT):
    assert client.post(confirm_link(address)).status_code == 200
    ticket = Ticket.objects.get(email=address)
    assert ticket.status == Status.OPEN
    return ticket


ACCESS_LETTERS = {
    "kk": ("Сұрау", "Менің дербес деректерім туралы мәліметтерді беруіңізді сұраймын."),
    "ru": ("Запрос", "Прошу предоставить сведения о моих персональных данных."),
}
HELD = {"kk": "Ата-ана немесе қорғаншы ретінде", "ru": "Как родитель или опекун"}


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_parent_writing_for_their_own_data_is_answered_with_what_is_held_about_them(
    client, desk, child, lang
):
    subject_line, body = ACCESS_LETTERS[lang]
    ticket = ingest(message(subject_line, sender=PARENT, body=body))
    assert ticket.type == Type.ACCESS and ticket.subject is None
    # Not «no data held»: the link goes to the parent's own mailbox.
    assert ticket.closable_as(ticket.received_at) is None
    assert "/requests/confirm/" in mails_to(PARENT)[0].message
    ticket = confirmed(client)

    response = act(desk, ticket)
    assert response.status_code == 200
    ticket.refresh_from_db()
    assert ticket.status == Status.DONE
    answer = mails_to(PARENT)[-1].message
    assert HELD[lang] in answer
    assert "Гүлнар Қасымова" in answer and PARENT in answer and "Айсұлу Қасымова" in answer
    # Nothing else of the child's record: her address, number, date of birth.
    for childs in ["aisulu@example.kz", "702 111", "2012", "17.05"]:
        assert childs not in answer
    assert AuditEvent.objects.filter(action="subject_export", subject_ref=child.pk).exists()


def test_a_parent_asking_by_the_web_form_is_not_told_that_nothing_is_held(client, child):
    web_request(client, "ru", Type.ACCESS, email=PARENT)
    (note,) = mails_to(PARENT)
    assert "/requests/confirm/" in note.message
    assert "нет персональных данных" not in note.message


def test_a_parent_with_a_record_of_their_own_is_answered_about_both(client, desk, child, texts,
                                                                    make_subject):  # fmt: skip
    parent = make_subject(full_name="Гүлнар Қасымова", email=PARENT)
    consent_grant(parent, texts[SERVICE], language="kk", source=Source.CONTACT_FORM)
    ticket = ingest(message("Сұрау", sender=PARENT, body=ACCESS_LETTERS["kk"][1]))
    assert ticket.subject == parent and ticket.as_guardian
    act(desk, confirmed(client))
    answer = mails_to(PARENT)[-1]
    data = json.loads(answer.attachments.get(name__endswith=".json").file.read())
    (given,) = data["as_guardian"]
    assert (given["child"], given["full_name"], given["contact"]) == (
        "Айсұлу Қасымова",
        "Гүлнар Қасымова",
        PARENT,
    )
    assert given["consents"] and data["labels"]["as_guardian"][""] == (
        "Ата-ана немесе қорғаншы ретінде сіз берген деректер"
    )
    assert "aisulu@example.kz" not in json.dumps(data, ensure_ascii=False)


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_parent_asking_for_destruction_loses_their_name_and_contact_not_the_childs_consent(
    client, desk, child, lang, django_capture_on_commit_callbacks
):
    """The ledger is append-only and proves the child's consent: its row keeps pointing to the
    guardian row, emptied; the consent stands. The parent's name, contact and own requests'
    words go, and they are told so, in their language, by a letter kept nowhere."""
    web_request(client, lang, Type.DESTROY, email=PARENT)
    ticket = confirmed(client)
    entry = LedgerEntry.objects.get(subject=child)
    with django_capture_on_commit_callbacks(execute=True):
        act(desk, ticket)
    ticket.refresh_from_db()
    # The request keeps its number and dates, nothing anyone wrote: the answer went by mail.
    assert ticket.status == Status.DONE and (ticket.email, ticket.outcome) == ("", "")
    guardian = Guardian.objects.get(subject=child)
    assert (guardian.full_name, guardian.contact, guardian.name_key) == ("", "", "")
    assert LedgerEntry.objects.get(subject=child).guardian_id == entry.guardian_id == guardian.pk
    assert gate.may_process(child, SERVICE)
    assert not mails_to(PARENT)  # the confirmation link and its mail are gone with the address
    (sent,) = [m for m in mail.outbox if PARENT in m.to]
    assert ("қорғаншы" if lang == "kk" else "опекун") in sent.body
    # The child's page shows no name for the guardian now, and her own data is untouched.
    child.refresh_from_db()
    assert child.email == "aisulu@example.kz"
    assert AuditEvent.objects.filter(action="subject_edit", subject_ref=child.pk,
                                     detail__erased="guardian").exists()  # fmt: skip


def test_a_parents_block_request_is_answered_in_writing(client, desk, child):
    """All that is held about a parent with no record is the proof of their consent; nothing
    else is done with it. The desk says so, and the officer answers in writing, never with an
    error page."""
    web_request(client, "kk", Type.BLOCK, email=PARENT)
    ticket = confirmed(client)
    page = desk.get(f"/admin/rights/ticket/{ticket.pk}/change/").content.decode()
    assert "ата-анадан немесе қорғаншыдан" in page
    response = act(desk, ticket, reason="")
    assert response.status_code == 200
    assert Ticket.objects.get(pk=ticket.pk).status == Status.OPEN
    act(desk, ticket, reason="Сіздің деректеріңіз тек келісімнің дәлелі ретінде сақталады.")
    assert Ticket.objects.get(pk=ticket.pk).status == Status.DONE
    assert not gate.is_blocked(child)


def test_the_self_service_page_tells_a_parent_their_data_is_held(client, child):
    """A parent of a child under 18 gets a link to the child's consents (test_guardian_withdrawal),
    whose page says how to ask about their own data; once the child is of age, this note."""
    from dateutil.relativedelta import relativedelta

    from consent.common.dates import local_today
    from consent.core.models import Subject
    from consent.rights.selfservice import link_send

    Subject.objects.filter(pk=child.pk).update(birth_date=local_today() - relativedelta(years=19))
    link_send(PARENT, "ru")
    (note,) = mails_to(PARENT)
    assert "родитель или опекун" in note.message and "/ru/requests/new/" in note.message
    assert "нет персональных данных" not in note.message


def test_an_address_no_one_gave_is_still_closed_as_no_data_held(client, child):
    ticket = ingest(message("Запрос", sender="stranger@example.kz", body=ACCESS_LETTERS["ru"][1]))
    assert not ticket.as_guardian
    assert ticket.closable_as(ticket.received_at) == Status.NO_DATA
