"""A blocked person's access request is answered (compliance L12, L10). Law 94-V Art. 1(3):
blocking suspends collection, accumulation, change, addition, use, distribution,
depersonalisation and destruction; the person's right to know what is held about them
(Art. 24(1)(1)) is none of these. The desk could only refuse it until the block was lifted.
The export goes to the person themself, at the address on record, audited as given while
blocked; every other use of the data stays blocked."""

import pytest
from django.utils import translation
from post_office.models import STATUS

from consent.core.delivery import send_queued
from consent.core.ledger import consent_grant, subject_block
from consent.core.models import AuditEvent, Guardian, Source
from consent.core.purposes import SERVICE
from consent.rights.closing import BLOCKED_REQUEST
from consent.rights.disclosure import ProcessingBlocked, subject_export
from consent.rights.models import Ticket
from consent.rights.selfservice import ticket_open_verified

from .conftest import act, confirm, mails_to, web_request

HELLO = {"kk": "Сәлеметсіз", "ru": "Здравствуйте"}
RIGHT_TO_KNOW = {"kk": "білу құқығын тоқтатпайды", "ru": "не лишает человека права знать"}


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_blocked_persons_access_request_is_answered_to_them_and_nothing_else_moves(
    client, desk, person, lang
):
    subject_block(person, reason="Шағым", source=Source.ADMIN)
    web_request(client, lang, "access")
    ticket = confirm(client, lang)
    correction = web_request(client, lang, "correct") and Ticket.objects.get(type="correct")
    Ticket.objects.filter(pk=correction.pk).update(status="open")

    desk.cookies["django_language"] = lang
    page = desk.get(f"/admin/rights/ticket/{ticket.pk}/change/").content.decode()
    assert RIGHT_TO_KNOW[lang] in page.replace("\xa0", " ")  # the panel says why it may
    done = act(desk, ticket)
    assert Ticket.objects.get(pk=ticket.pk).status == Ticket.Status.DONE, done.content[:300]
    assert send_queued()[1] == 0
    answer = mails_to(person.email)[-1]
    assert answer.status == STATUS.sent and answer.attachments.count() == 2
    assert HELLO[lang] in answer.message
    export = AuditEvent.objects.filter(action="subject_export", subject_ref=person.pk).get()
    closed = AuditEvent.objects.filter(action="request_close", object_id=str(ticket.pk)).get()
    assert export.detail.get("blocked") is True and closed.detail.get("blocked") is True

    # Every other use stays blocked: the correction is not carried out, staff download nothing.
    act(desk, Ticket.objects.get(pk=correction.pk), full_name="Жаңа", document="Куәлік № 1")
    assert Ticket.objects.get(pk=correction.pk).status == Ticket.Status.OPEN
    with pytest.raises(ProcessingBlocked):
        subject_export(person, fmt="json", actor=None)


def test_a_parents_access_request_for_a_blocked_child_still_waits_for_the_block(
    desk, texts, make_subject
):
    """Not the person's own: the answer would go to the parent's address."""
    child = make_subject(full_name="Айсұлу Қасымова", email="aisulu@example.kz",
                         birth_date="2012-05-17")  # fmt: skip
    row = Guardian.objects.create(subject=child, full_name="Гүлнар", contact="gulnar@example.kz")
    consent_grant(child, texts[SERVICE], language="kk", source=Source.APPLICATION_FORM,
                  guardian=row)  # fmt: skip
    ticket = ticket_open_verified(child, "correct", "Өтінем.", "ru", guardian=row)
    act(desk, ticket, "retype", new_type="access")
    subject_block(child, reason="Тексеру", source=Source.ADMIN)
    desk.cookies["django_language"] = "ru"
    page = act(desk, Ticket.objects.get(pk=ticket.pk)).content.decode()
    assert Ticket.objects.get(pk=ticket.pk).status == Ticket.Status.OPEN
    with translation.override("ru"):
        assert str(BLOCKED_REQUEST)[:40] in page.replace("\xa0", " ")
    assert not mails_to("gulnar@example.kz") or all(
        m.attachments.count() == 0 for m in mails_to("gulnar@example.kz")
    )
