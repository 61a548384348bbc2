"""The desk corrects a person's address to one that a form is giving a new person at the same
instant (the person wrote from their new mailbox while the officer typed it in, or a stranger
typed it). Each looked for a holder of the address before the other's row was committed: the
correction found none and saved, the unique address refused it, and the officer got the 500
page, her document reference and values gone. The correction now reads the address under its
lock (`subjects.address_lock`), as every form does, so it waits for the form and then says
another person holds it. Run as tests/core/test_one_at_a_time.py runs its cases: in a process
of their own, on a copy of the live tests' database, the form's transaction held open until
the correction waits for a lock (or has finished: the fault)."""

import pytest
from django.db import connection

from tests.core.test_one_at_a_time import returned, run_cases
from tests.live import live_database

pytestmark = [
    pytest.mark.live,
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="row and advisory locks"),
]


def corrected_while_a_form_takes_it(case, typed):
    """A contact form from the address `typed` stands for (its transaction kept open) and the
    officer's correction of Әсел's address to `typed` meanwhile: the officer's answer and what
    each person holds. `case` keeps the module's cases' people apart."""
    from django.test import Client, RequestFactory

    from consent.core.models import Source, Subject
    from consent.core.purposes import SERVICE
    from consent.core.submissions import submission_record
    from consent.rights.models import Ticket
    from consent.rights.tickets import ticket_open, ticket_verify
    from tests.core.test_one_at_a_time import both_at_once
    from tests.staff import staff_member, verified_login

    person = Subject.objects.create(full_name="Әсел", email=f"asel{case}@example.kz")
    ticket = ticket_open(kind=Ticket.Type.CORRECT, email=person.email, language="kk",
                         channel=Ticket.Channel.EMAIL, message="Поштам өзгерді")  # fmt: skip
    ticket_verify(ticket)
    officer = Client(raise_request_exception=False, HTTP_HOST="127.0.0.1")
    verified_login(officer, staff_member(f"dana{case}", "privacy_officer"))

    def form():
        submission_record(
            source=Source.CONTACT_FORM, language="kk", request=RequestFactory().post("/"),
            data={"email": typed.strip().lower(), "full_name": "Жаңа", "message": "Сәлем"},
            consents={SERVICE: True},
        )  # fmt: skip

    def correct():
        page = officer.post(f"/admin/rights/ticket/{ticket.pk}/act/",
                            {"desk_action": "do", "email": typed, "document": "ID № 12"},
                            follow=True)  # fmt: skip
        said = "Бұл мекенжай есептегі басқа адамға тиесілі" in page.content.decode()
        return [page.status_code, said]

    _, answer = both_at_once(form, correct)
    person.refresh_from_db()
    ticket.refresh_from_db()
    new = typed.strip().lower()
    holders = list(Subject.objects.filter(email__iexact=new).values_list("full_name", flat=True))
    return [*answer, person.email.lower() == new, ticket.status, holders]


CASES = [
    ("corrected_while_a_form_takes_it", "1", "asel.new1@example.kz"),
    ("corrected_while_a_form_takes_it", "2", " ASEL.New2@Example.KZ"),  # as an officer types
]


@pytest.fixture(scope="module")
def outcomes(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), live_database() as url:
        yield run_cases(url, "tests.rights.test_corrected_at_once", *CASES)


@pytest.mark.parametrize("case", CASES, ids=["as stored", "another spelling"])
def test_an_address_corrected_while_a_form_gives_it_to_a_new_person_is_refused_on_the_page(
    outcomes, case
):
    """The officer is told, on the panel, that another person holds the address; Әсел keeps
    hers, the request stays open for the officer to check, and the form's person stands."""
    assert returned(outcomes, *case) == [200, True, False, "open", ["Жаңа"]]
