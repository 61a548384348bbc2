"""An officer takes a request, or hands it to another; the desk lists each officer's own and
those no one has taken, every change is in the audit log, and the daily digest tells each
officer their own due requests first."""

from datetime import date

import pytest
from django.test import Client
from post_office.models import Email

from consent.core.models import AuditEvent
from consent.rights.digest import digest
from consent.rights.models import Ticket
from consent.rights.tickets import ticket_open, ticket_verify
from tests.staff import staff_member, verified_login

TOLD = {
    "kk": {"took": "Енді бұл өтінішке сіз жауаптысыз", "stale": "басқа қызметкер алды",
           "closed": "Бұл өтініш әлдеқашан жабылған"},
    "ru": {"took": "Теперь за этот запрос отвечаете вы", "stale": "Другой сотрудник",
           "closed": "Этот запрос уже закрыт"},
}  # fmt: skip

NO = "№\N{NO-BREAK SPACE}"  # a request number as every mail writes it: «№ R-12»


@pytest.fixture
def ticket(person, time_machine):
    time_machine.move_to("2026-12-15 10:00+05:00", tick=False)
    return ticket_verify(ticket_open(kind="access", email="asel@example.kz", language="kk",
                                     channel="web"))  # fmt: skip


@pytest.fixture
def desk(client, privacy_officer, ticket):
    """Olga at the desk, signed in after the clock moved to the request's day."""
    return verified_login(client, privacy_officer)


def assign(staff, ticket, **posted):
    return staff.post(f"/admin/rights/ticket/{ticket.pk}/assign/", posted, follow=True)


def told(page):
    return " ".join(str(m) for m in page.context["messages"])


def listed(staff, query):
    return [t.pk for t in staff.get(f"/admin/rights/ticket/?{query}").context["cl"].result_list]


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_an_officer_takes_a_request_once_however_often_she_clicks(desk, ticket, lang):
    desk.cookies["django_language"] = lang
    page = desk.get(f"/admin/rights/ticket/{ticket.pk}/change/").content.decode()
    assert 'id="assign-panel"' in page and 'name="take"' in page
    assert listed(desk, "officer=none") == [ticket.pk] and listed(desk, "officer=me") == []
    for _click in range(2):  # a double click: the second finds it hers, and changes nothing
        page = assign(desk, ticket, take="1", shown="")
        assert TOLD[lang]["took"] in told(page)
    ticket.refresh_from_db()
    assert ticket.assignee.username == "olga"
    (row,) = AuditEvent.objects.filter(action=AuditEvent.Action.REQUEST_ASSIGN)
    assert row.actor_label == "olga" and row.object_id == str(ticket.pk)
    assert row.detail == {"old_assignee": None, "assignee": "olga"}
    assert listed(desk, "officer=me") == [ticket.pk] and listed(desk, "officer=none") == []
    assert ">olga<" in desk.get("/admin/rights/ticket/").content.decode()  # its column


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_request_is_handed_over_only_from_a_page_that_shows_who_has_it(
    desk, ticket, privacy_officer, lang
):
    dana = staff_member("dana", "privacy_officer")
    desk.cookies["django_language"] = lang
    assign(desk, ticket, take="1", shown="")
    page = assign(desk, ticket, to=str(dana.pk), shown=str(privacy_officer.pk))
    ticket.refresh_from_db()
    assert ticket.assignee == dana and "dana" in told(page)
    # Olga's other tab, opened while it was hers, hands it back to no one: refused, named.
    page = assign(desk, ticket, to="", shown=str(privacy_officer.pk))
    assert TOLD[lang]["stale"] in told(page) and "dana" in told(page)
    ticket.refresh_from_db()
    assert ticket.assignee == dana
    rows = AuditEvent.objects.filter(action=AuditEvent.Action.REQUEST_ASSIGN).order_by("id")
    assert [r.detail for r in rows] == [{"old_assignee": None, "assignee": "olga"},
                                        {"old_assignee": "olga", "assignee": "dana"}]  # fmt: skip
    # Dana sees it as hers.
    dana_desk = verified_login(Client(), dana)
    assert listed(dana_desk, "officer=me") == [ticket.pk]


def test_only_an_officer_holds_a_request(desk, ticket, content_editor):
    for to in (str(content_editor.pk), "abc", "99999999"):
        page = assign(desk, ticket, to=to, shown="")
        assert page.status_code == 200 and told(page)
    ticket.refresh_from_db()
    assert ticket.assignee is None
    assert not AuditEvent.objects.filter(action=AuditEvent.Action.REQUEST_ASSIGN).exists()


def test_staff_who_may_not_change_requests_cannot_take_one(content_editor, ticket):
    editor = verified_login(Client(), content_editor)
    answer = editor.post(f"/admin/rights/ticket/{ticket.pk}/assign/", {"take": "1"})
    assert answer.status_code == 403
    assert Ticket.objects.get(pk=ticket.pk).assignee is None


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_closed_request_is_not_taken(desk, ticket, lang):
    Ticket.objects.filter(pk=ticket.pk).update(status=Ticket.Status.DONE)
    desk.cookies["django_language"] = lang
    assert (
        'id="assign-panel"'
        not in desk.get(f"/admin/rights/ticket/{ticket.pk}/change/").content.decode()
    )
    page = assign(desk, ticket, take="1", shown="")
    assert TOLD[lang]["closed"] in told(page)
    assert Ticket.objects.get(pk=ticket.pk).assignee is None


def test_the_digest_lists_each_officers_own_due_requests_first(ticket, privacy_officer, person):
    """Two officers, two requests due on 17.12 (received on 15.12, before a day off): each
    officer's digest opens on the one they are in charge of; the other is listed with the rest."""
    dana = staff_member("dana", "privacy_officer")
    other = ticket_verify(ticket_open(kind="block", email="asel@example.kz", language="kk",
                                      channel="web"))  # fmt: skip
    Ticket.objects.filter(pk=ticket.pk).update(assignee=privacy_officer, due_date=other.due_date)
    Ticket.objects.filter(pk=other.pk).update(assignee=dana)
    Email.objects.all().delete()
    assert digest(date(2026, 12, 17)) == 2
    for officer, own, not_own in ((privacy_officer, ticket, other), (dana, other, ticket)):
        text = Email.objects.get(to=[officer.email]).message
        first = text[: text.index("officer=me")]
        assert f"- {NO}{own.reference} (" in first and f"- {NO}{not_own.reference} (" not in first
        assert f"- {NO}{not_own.reference} (" in text  # among all the requests due
