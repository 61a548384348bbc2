"""The History button of a request's or a person's page, as a privacy officer presses it: the
audit rows about them, who did what and when (compliance L16). Both change only through the
desk's audited operations, never the admin's own forms, and Django's history page said «This
object doesn't have a change history» of a request refused by a named officer."""

import pytest

from consent.core.models import AuditEvent
from consent.rights.models import Ticket
from consent.rights.tickets import ticket_open, ticket_verify

from .conftest import act

Action = AuditEvent.Action
NO_HISTORY = {"kk": "өзгерістер тарихы жоқ", "ru": "нет истории изменений"}
TITLE = {"kk": "Аудит журналы", "ru": "Журнал аудита"}
REQUEST = {"kk": "Өтініш", "ru": "Запрос"}
REFUSED = {"kk": "өтінішке жауап берілді", "ru": "на запрос дан ответ"}


@pytest.fixture
def refused(desk, person, time_machine):
    time_machine.move_to("2026-12-01 10:00+05:00")
    ticket = ticket_open(kind="access", email=person.email, language="kk", channel="web")
    ticket_verify(ticket)
    act(desk, Ticket.objects.get(pk=ticket.pk), "refuse", reason="Сұрақ деректер туралы емес.")
    return ticket


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_requests_history_is_its_audit_rows(desk, privacy_officer, refused, lang):
    desk.cookies["django_language"] = lang
    page = desk.get(f"/admin/rights/ticket/{refused.pk}/history/", follow=True)
    html = page.content.decode()
    assert NO_HISTORY[lang] not in html.lower()
    shown = list(page.context["cl"].result_list)
    assert {row.action for row in shown} >= {Action.REQUEST_OPEN, Action.REQUEST_VERIFY,
                                             Action.REQUEST_CLOSE}  # fmt: skip
    assert all((r.object_type, r.object_id) == ("rights.ticket", str(refused.pk)) for r in shown)
    closed = next(row for row in shown if row.action == Action.REQUEST_CLOSE)
    assert closed.actor_id == privacy_officer.pk and closed.detail["status"] == "refused"
    assert REFUSED[lang] in html.lower() and privacy_officer.username in html
    assert page.context["title"] == f"{TITLE[lang]}: {REQUEST[lang]} №\xa0{refused.reference}"


def test_a_persons_history_is_every_audit_row_about_them(desk, person, refused):
    page = desk.get(f"/admin/consent/subject/{person.pk}/history/", follow=True)
    shown = list(page.context["cl"].result_list)
    assert {row.subject_ref for row in shown} == {person.pk}
    assert page.context["title"].endswith(f" №\xa0{person.pk}")
    assert {Action.REQUEST_CLOSE, Action.CONSENT_GRANT} <= {row.action for row in shown}


def test_staff_who_may_not_see_requests_get_no_history_of_one(
    content_editor_client, marketer_client, refused
):
    for client in (content_editor_client, marketer_client):
        assert client.get(f"/admin/rights/ticket/{refused.pk}/history/").status_code == 403
        assert client.get("/admin/rights/ticket/999999/history/").status_code == 403
