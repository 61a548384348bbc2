"""The officer looks a request up in the audit log by its number as letters and the desk write
it («R-12»). The search box took only a person's number and a staff login: «R-12» found
nothing and nothing said why, and a request's rows read «Request № 12» beside people's bare
numbers, so the 12 she then typed listed person № 12's rows, another person's."""

import re

import pytest

from consent.rights.models import Ticket
from consent.rights.tickets import ticket_open, ticket_verify

Type = Ticket.Type


@pytest.fixture
def two_requests(person, make_subject):
    """Asel's access request, and a first request of someone else whose person number is that
    request's number, the bare «12» an officer might type."""
    other = make_subject()
    ticket_open(kind=Type.ACCESS, email=other.email, language="kk", channel="web")
    ticket = ticket_open(kind=Type.ACCESS, email=person.email, language="kk", channel="web")
    ticket_verify(ticket)
    return ticket, other


def rows(page):
    return re.findall(r"<tr><th class=\"field-at.*?</tr>", page.content.decode(), re.S)


@pytest.mark.parametrize("typed", ["R-{n}", "№ R-{n}", "r{n}", "«Р–{n}»."])
def test_it_finds_a_requests_rows_by_its_number_as_letters_write_it(desk, two_requests, typed):
    ticket, _other = two_requests
    page = desk.get("/admin/consent/auditevent/", {"q": typed.format(n=ticket.pk)})
    found = rows(page)
    assert len(found) == 2  # received, then confirmed
    assert all(f"№\xa0{ticket.reference}" in row for row in found)


def test_it_names_a_request_by_its_reference_and_says_what_it_searches(desk, two_requests):
    ticket, _other = two_requests
    desk.cookies["django_language"] = "ru"
    page = desk.get("/admin/consent/auditevent/", {"q": ticket.reference}).content.decode()
    assert f'Запрос <span class="number">№\xa0{ticket.reference}</span>' in page
    assert "Запрос\xa0— по номеру, как он указан в\xa0письмах: R-12." in page
    history = desk.get(
        "/admin/consent/auditevent/",
        {"object_type": "rights.ticket", "object_id": str(ticket.pk)},
    ).content.decode()
    assert f"Журнал аудита: Запрос №\xa0{ticket.reference}" in history


def test_a_person_and_a_staff_login_are_found_as_before(desk, two_requests, person):
    page = desk.get("/admin/consent/auditevent/", {"q": f"№ {person.pk}"})
    assert rows(page) and all("Әсел Қасымова" in row for row in rows(page))
    assert rows(desk.get("/admin/consent/auditevent/", {"q": "olga"}))
    assert not rows(desk.get("/admin/consent/auditevent/", {"q": "R-999999"}))


def test_a_staff_login_with_a_dot_is_found(client, db):
    """A login as staff are named («ivan.petrov»): the reference reading stripped the dots of
    any search before Django's, and such a login found nothing."""
    from consent.core.audit import audit
    from consent.core.models import AuditEvent
    from tests.staff import staff_member, verified_login

    officer = staff_member("ivan.petrov", "privacy_officer")
    audit(AuditEvent.Action.SUBJECT_VIEW, actor=officer)
    desk = verified_login(client, officer)
    assert rows(desk.get("/admin/consent/auditevent/", {"q": "ivan.petrov"}))
