"""A request held by an officer who can no longer work requests (deactivated, or taken out of
the officers' group) is no one's: listed as unassigned, counted so on the index, listed to every
officer in the digest, and named so on its page, where anyone may take it. And the hand-over
list on a request offers only a change, starting on the officer reading it."""

import re
from datetime import date

import pytest
from post_office.models import Email

from consent.rights.digest import digest
from consent.rights.models import Ticket
from consent.rights.tickets import ticket_open, ticket_verify
from tests.rights.test_assignment import assign, listed, told
from tests.staff import staff_member, verified_login

NO_ONE = {"kk": "Бұл өтінішке ешбір қызметкер жауапты емес", "ru": "За этот запрос не отвечает"}


@pytest.fixture
def ticket(person, time_machine):
    time_machine.move_to("2026-12-15 10:00+05:00", tick=False)
    return ticket_verify(ticket_open(kind="access", email="asel@example.kz", language="kk",
                                     channel="web"))  # fmt: skip


@pytest.fixture
def desk(client, privacy_officer, ticket):
    return verified_login(client, privacy_officer)


def officer_cell(page):
    return re.search(r'<td class="field-officer">(.*?)</td>', page, re.S).group(1)


def dana_left(how):
    dana = staff_member("dana", "privacy_officer")
    if how == "deactivated":
        dana.is_active = False
        dana.save()
    else:
        dana.groups.clear()
    return dana


@pytest.mark.parametrize("how", ["deactivated", "out of the group"])
@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_request_held_by_someone_who_left_is_no_ones(desk, ticket, privacy_officer, how, lang):
    desk.cookies["django_language"] = lang
    dana = dana_left(how)
    Ticket.objects.filter(pk=ticket.pk).update(assignee=dana)
    assert listed(desk, "officer=none") == [ticket.pk]
    # The list's column says so too, not dana as if she had it.
    column = officer_cell(desk.get("/admin/rights/ticket/").content.decode())
    assert column.startswith(f'<span title="{NO_ONE[lang]}') and "— (dana)" in column
    index = desk.get("/admin/").content.decode()
    assert 'href="/admin/rights/ticket/?officer=none"' in index
    page = desk.get(f"/admin/rights/ticket/{ticket.pk}/change/").content.decode()
    assert NO_ONE[lang] in page and "dana" in page and 'name="take"' in page
    # Olga takes it from the page that showed it as dana's: done, and hers.
    page = assign(desk, ticket, take="1", shown=str(dana.pk))
    ticket.refresh_from_db()
    assert ticket.assignee == privacy_officer and listed(desk, "officer=none") == []
    assert officer_cell(desk.get("/admin/rights/ticket/").content.decode()) == "olga"
    assert listed(desk, "officer=me") == [ticket.pk]


def test_the_digest_lists_to_everyone_what_no_officer_is_in_charge_of(ticket, privacy_officer):
    dana = dana_left("deactivated")
    Ticket.objects.filter(pk=ticket.pk).update(assignee=dana, due_date=date(2026, 12, 17))
    Email.objects.all().delete()
    assert digest(date(2026, 12, 17)) == 1  # olga's; dana, deactivated, gets none
    text = Email.objects.get().message
    assert "officer=none" in text
    part = text[text.index("due=open\n") : text.index("officer=none")]  # its own list
    assert f"- №\N{NO-BREAK SPACE}{ticket.reference} (" in part
    # Taken by someone who works requests: no longer listed as no one's.
    Ticket.objects.filter(pk=ticket.pk).update(assignee=privacy_officer)
    Email.objects.all().delete()
    digest(date(2026, 12, 17))
    assert "officer=none" not in Email.objects.get().message


def options(page):
    select = re.search(r'<select name="to".*?</select>', page, re.S)
    return select and re.findall(r'<option value="(\d*)"( selected)?>', select.group(0))


def test_the_hand_over_list_offers_only_a_change(desk, ticket, privacy_officer):
    dana = staff_member("dana", "privacy_officer")
    url = f"/admin/rights/ticket/{ticket.pk}/change/"
    # No one has it: the list starts on Olga herself, and has no «no one».
    shown = options(desk.get(url).content.decode())
    assert (str(privacy_officer.pk), " selected") in shown and ("", "") not in shown
    # «Hand over» as the page left it makes it hers.
    assign(desk, ticket, to=str(privacy_officer.pk), shown="")
    ticket.refresh_from_db()
    assert ticket.assignee == privacy_officer
    # Hers: the list offers dana and «no one», not Olga, and nothing starts on a no-op.
    shown = options(desk.get(url).content.decode())
    assert [v for v, _s in shown] == [str(dana.pk), ""]
    page = assign(desk, ticket, to=shown[0][0], shown=str(privacy_officer.pk))
    ticket.refresh_from_db()
    assert ticket.assignee == dana and "dana" in told(page)
