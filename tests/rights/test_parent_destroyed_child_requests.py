"""Гүлнар, on record herself, asked on her page of her children to correct and to block her
daughter Айсұлу's data; then she asks for her own data to be destroyed.

Asked by email, the destruction erased what she gave as a parent (her name and address on
Айсұлу's record, her words and address on the requests she made for her) but closed Айсұлу's
correction still open as «no data held», which an inspector reads of a record whose data is
held. Asked from her own page, it erased none of it: her name and address stayed on the child's
record and on the requests, each answered at her address from then on, and the letter told her
that the data held under her address was destroyed.

Now both erase what was hers alike (her request is a parent's, by held_at's rule, however it
came), and the child's requests stay the child's: kept on her record with their number, type
and dates, one still open closed as «closed without action», not «no data held»."""

import pytest

from consent.core.ledger import consent_grant
from consent.core.models import Guardian, Source, Subject
from consent.core.purposes import SERVICE
from consent.rights.answers import ticket_block, ticket_destroy
from consent.rights.models import Ticket
from consent.rights.selfservice import ticket_open_verified
from consent.rights.tickets import ticket_open, ticket_verify
from consent.rights.wards import ward_request

PARENT = "zqgulnar@example.kz"


@pytest.mark.parametrize("asked", ["by email", "on her page"])
def test_a_parents_destruction_leaves_her_childs_requests_the_childs_without_her(
    asked, make_subject, texts, officer, django_capture_on_commit_callbacks
):
    mother = make_subject(full_name="Гүлнар Қасымова", email=PARENT)
    consent_grant(mother, texts[SERVICE], language="kk", source=Source.CONTACT_FORM)
    daughter = make_subject(full_name="Айсұлу", email="zqaisulu@example.kz",
                            birth_date="2012-05-17")  # fmt: skip
    row = Guardian.objects.create(subject=daughter, full_name="Гүлнар", contact=PARENT)
    consent_grant(daughter, texts[SERVICE], language="kk", source=Source.APPLICATION_FORM,
                  guardian=row)  # fmt: skip
    corrected = ward_request(PARENT, row.pk, "correct", "Тегі қате жазылған", "kk")
    blocked = ward_request(PARENT, row.pk, "block", "Блоктаңыз", "kk")
    ticket_block(blocked, reason="Анасының өтініші бойынша.", actor=officer)
    if asked == "by email":
        destroy = ticket_verify(ticket_open(kind="destroy", email=PARENT, language="kk",
                                            channel="email"))  # fmt: skip
    else:
        destroy = ticket_open_verified(mother, "destroy", "Деректерімді жойыңыз", "kk")

    with django_capture_on_commit_callbacks(execute=True):
        ticket_destroy(Ticket.objects.get(pk=destroy.pk), actor=officer)

    assert not Subject.objects.filter(pk=mother.pk).exists()
    row.refresh_from_db()
    assert (row.full_name, row.contact) == ("", "")
    for ticket in (corrected, blocked):
        ticket.refresh_from_db()
        assert ticket.subject_id == daughter.pk  # the child's, on her record
        assert (ticket.email, ticket.message) == ("", "")
    assert blocked.status == Ticket.Status.DONE
    assert corrected.status == Ticket.Status.CLOSED  # not «no data held»: hers is held
    assert Subject.objects.filter(pk=daughter.pk, full_name="Айсұлу").exists()
