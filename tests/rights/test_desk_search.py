"""The officer finds a person, or a request, the way it reaches them: a name heard on the phone in
any letter case, a number dictated in its usual spelling, a request's number pasted from a mail."""

import time

import pytest

from consent.core.models import AuditEvent
from consent.rights.tickets import ticket_open


def found(desk, url, term, **extra):
    response = desk.get(url, {"q": term, **extra})
    assert response.status_code == 200
    return list(response.context["cl"].result_list)


@pytest.mark.parametrize("term", [
    "Қасымова", "қасымова", "ҚАСЫМОВА ӘСЕЛ", "әсел  қасымова",  # the name, any case and order
    "8 701 123 45 67", "+7 (701) 123-45-67", "87011234567", "+77011234567",  # as dictated
    "ASEL@example.kz",
])  # fmt: skip
def test_a_person_is_found_by_name_number_or_address_as_people_say_them(
    desk, person, make_subject, term
):
    """Before, only the address and the number in E.164 found anyone: a Cyrillic name, and
    «8 701 123 45 67» as people say their number, found no one."""
    make_subject(full_name="Айгүл Сейітова", email="aigul@example.kz", phone="+77027654321")
    before = AuditEvent.objects.filter(action="subject_view").count()
    assert found(desk, "/admin/consent/subject/", term) == [person]
    # A search by a person's data is audited, as a search by address was.
    assert AuditEvent.objects.filter(action="subject_view").count() == before + 1


def test_a_name_no_one_has_finds_no_one(desk, person):
    assert found(desk, "/admin/consent/subject/", "Сейітова") == []


@pytest.mark.parametrize("spelling", ["R-{}", "r-{}", "№ R-{}", "№R-{}", "R{}", "{}", " R-{} "])
def test_a_request_is_found_by_its_number_as_mails_write_it(desk, person, spelling):
    """The desk's search took only the bare number: «R-12», which every notice and letter
    names, found nothing."""
    ticket = ticket_open(kind="access", email=person.email, language="kk", channel="web")
    ticket_open(kind="destroy", email=person.email, language="kk", channel="web")
    term = spelling.format(ticket.pk)
    assert found(desk, "/admin/rights/ticket/", term, due="all") == [ticket]


@pytest.mark.parametrize("term", ["R-abc", "Қасымова", "99999999999999999999", "R-0x1"])
def test_anything_else_finds_no_request_and_no_error(desk, person, term):
    ticket_open(kind="access", email=person.email, language="kk", channel="web")
    assert found(desk, "/admin/rights/ticket/", term, due="all") == []


def test_a_search_of_many_spaces_is_answered_at_once(desk, person):
    ticket = ticket_open(kind="access", email=person.email, language="kk", channel="web")
    started = time.process_time()
    assert found(desk, "/admin/rights/ticket/", "R" + " " * 40_000 + "x", due="all") == []
    assert time.process_time() - started < 1  # CPU seconds: 16 before
    spaced = f"№ {' ' * 40_000}R {' ' * 40_000}- {ticket.pk}"
    assert found(desk, "/admin/rights/ticket/", spaced, due="all") == [ticket]
