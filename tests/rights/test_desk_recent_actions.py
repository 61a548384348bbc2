"""The admin's «Recent actions» box after a day at the desk. The box lists the admin's own log,
which only Django's add and change forms wrote: an officer who took, refused, reopened,
retyped and answered requests (each an audit row) found it saying «None available», as if she
had done nothing. The operation that acts writes the log's entry, once an act."""

import pytest
from django.contrib.admin.models import ADDITION, CHANGE, LogEntry
from django.utils import translation

from consent.rights.models import Ticket
from consent.rights.tickets import ticket_open, ticket_verify
from emalu.templatetags.history import change_told

from .conftest import act

RECENT = "recent-actions-module"
DONE = {"kk": "Өтінішке жауап берілді", "ru": "На запрос дан ответ"}


@pytest.fixture
def ticket(person, time_machine):
    time_machine.move_to("2026-12-01 10:00+05:00", tick=False)
    return ticket_verify(ticket_open(kind="access", email=person.email, language="kk",
                                     channel="web"))  # fmt: skip


def logged(user):
    return list(LogEntry.objects.filter(user=user).order_by("id"))


def test_a_request_the_person_sent_and_confirmed_is_in_no_ones_log(ticket):
    assert LogEntry.objects.count() == 0


def test_each_act_at_the_desk_is_one_entry_of_the_officers_log(desk, privacy_officer, ticket):
    desk.post(f"/admin/rights/ticket/{ticket.pk}/assign/", {"take": "1"}, follow=True)
    act(desk, Ticket.objects.get(pk=ticket.pk), "retype", new_type="other")
    act(desk, Ticket.objects.get(pk=ticket.pk), "refuse", reason="Сұрақ деректер туралы емес.")
    desk.post(f"/admin/rights/ticket/{ticket.pk}/reopen/", {"reason": "Қате жабылды"})
    entries = logged(privacy_officer)
    assert [e.change_message for e in entries] == [
        "request assigned to an officer",
        "request type changed",
        "request answered",
        "request reopened",
    ]
    assert all(e.action_flag == CHANGE and e.get_edited_object() == ticket for e in entries)
    assert {e.object_repr for e in entries} == {f"№\xa0{ticket.reference}"}  # no personal data


def test_an_answer_with_several_audit_rows_is_one_entry(desk, privacy_officer, ticket):
    """An access answer writes the export's row and the closing's; a correction the record's
    change and the closing's: the log has the act once."""
    act(desk, Ticket.objects.get(pk=ticket.pk))
    assert [e.change_message for e in logged(privacy_officer)] == ["request answered"]


def test_a_request_opened_at_the_desk_is_logged_as_added(desk, privacy_officer, person):
    ticket_open(kind="access", email=person.email, language="kk", channel="desk",
                actor=privacy_officer)  # fmt: skip
    (entry,) = logged(privacy_officer)
    assert entry.action_flag == ADDITION and entry.change_message == "request received"


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_officer_sees_her_work_in_recent_actions(desk, ticket, lang):
    act(desk, Ticket.objects.get(pk=ticket.pk), "refuse", reason="Сұрақ деректер туралы емес.")
    desk.cookies["django_language"] = lang
    html = desk.get("/admin/").content.decode()
    # Beside the requests, not under the charts: a float rises no higher than what precedes it.
    assert html.index(RECENT) < html.index('id="work-charts"')
    recent = html[html.index(RECENT) :]
    assert f"/admin/rights/ticket/{ticket.pk}/change/" in recent
    assert f"№\xa0{ticket.reference}" in recent
    # Django's History of the request (for staff who may not read the audit log) tells it in
    # the reader's language, not as stored.
    with translation.override(lang):
        assert change_told(LogEntry.objects.get()) == DONE[lang]
