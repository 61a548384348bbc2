"""A request back among the open ones (compliance L8, L10): by the desk's "reopen", or because
its answer never went out. The due date is the law's, counted from receipt: it never moves."""

import json

import pytest
from django.contrib.auth.models import User
from post_office.models import STATUS

from consent.core.delivery import send_queued
from consent.core.models import AuditEvent
from consent.core.purposes import SERVICE
from consent.rights.models import Ticket
from tests.staff import verified_login

from .conftest import act, confirm, confirm_link, mails_to, web_request

Status = Ticket.Status


def told(response):
    return [str(m) for m in response.context["messages"]]


def officer_on(desk, moment, time_machine, language="ru"):
    """Olga at the desk at `moment` (signed in again: an idle staff session ends)."""
    time_machine.move_to(moment, tick=False)
    desk = verified_login(desk, User.objects.get(username="olga"))
    desk.cookies["django_language"] = language
    return desk


def answered_then_changed(client, desk, person, time_machine, change):
    """Monday 7 December 2026: an access request is carried out (its answer queued, not yet
    sent, as the mail server is slow today); then, before the answer goes out, the person's
    data changes on another request of theirs (`change`)."""
    desk = officer_on(desk, "2026-12-07 10:00+05:00", time_machine)
    web_request(client, "ru", "access")
    access = confirm(client, "ru")
    act(desk, access)
    answer = mails_to("asel@example.kz")[-1]
    assert answer.status == STATUS.queued and answer.attachments.count() == 2
    kind, purpose = change
    web_request(client, "ru", kind, purpose=purpose)
    assert client.post(confirm_link()).status_code == 200
    other = Ticket.objects.exclude(pk=access.pk).get()
    if kind == "correct":
        act(desk, other, full_name=person.full_name, email=person.email, phone="",
            document="Заявление от 7.12.2026")  # fmt: skip
    else:
        act(desk, other)
    other.refresh_from_db()
    assert other.status == Status.DONE
    access.refresh_from_db()
    return desk, access, answer


@pytest.mark.parametrize("change", [("correct", ""), ("withdraw", SERVICE)],
                         ids=["corrected", "minimised"])  # fmt: skip
def test_an_answer_that_never_went_out_puts_its_request_back_on_the_desk(
    client, desk, officer, person, mailoutbox, time_machine, change
):
    """The letter expired unsent with the old data in it, and the request still read
    «done»: the person got nothing while the legal deadline ran, and no officer knew."""
    desk, access, answer = answered_then_changed(client, desk, person, time_machine, change)
    assert access.status == Status.OPEN and access.closed_at is None
    assert access.due_date.isoformat() == "2026-12-10"  # the law's date, from receipt
    reopened = AuditEvent.objects.get(action="request_reopen")
    assert reopened.detail["cause"] in ("corrected", "minimised") and reopened.actor_label == "olga"

    # The officers are told, each in their own language (Alice reads Kazakh by default).
    alert = [m for m in mails_to("olga@example.kz") if access.reference in m.subject][-1]
    assert "снова открыт" in alert.subject or "қайта ашылды" in alert.subject
    assert "+7701" not in alert.message and "Әсел" not in alert.message

    # On the desk: among the open requests, with why it is open again.
    listed = desk.get("/admin/rights/ticket/").content.decode()
    assert f">№\xa0{access.reference}<" in listed
    page = desk.get(f"/admin/rights/ticket/{access.pk}/change/").content.decode()
    assert "Ответ по нему так и\xa0не был отправлен" in page
    assert "Выполнить и\xa0ответить заявителю" in page

    # The old letter never goes; carrying the request out sends a new answer of today's data.
    send_queued()
    answer.refresh_from_db()
    assert answer.status == STATUS.queued and answer.attachments.count() == 0
    assert told(act(desk, access)) == ["Готово: ответ заявителю отправлен."]
    send_queued()
    fresh = mails_to("asel@example.kz")[-1]
    assert fresh.status == STATUS.sent and fresh.attachments.count() == 2
    data = json.loads(fresh.attachments.get(name__endswith=".json").file.read())
    assert data["data"]["phone"] is None  # today's data: the number is gone
    access.refresh_from_db()
    assert access.status == Status.DONE


def test_an_answer_already_delivered_leaves_its_request_answered(
    client, desk, person, time_machine
):
    desk = officer_on(desk, "2026-12-07 10:00+05:00", time_machine)
    web_request(client, "ru", "access")
    access = confirm(client, "ru")
    act(desk, access)
    send_queued()
    web_request(client, "ru", "correct")
    assert client.post(confirm_link()).status_code == 200
    correction = Ticket.objects.get(type="correct")
    act(desk, correction, full_name=person.full_name, email=person.email, phone="",
        document="Заявление от 7.12.2026")  # fmt: skip
    access.refresh_from_db()
    assert access.status == Status.DONE
    assert not AuditEvent.objects.filter(action="request_reopen").exists()


def refused_by_mistake(client, desk, time_machine):
    desk = officer_on(desk, "2026-12-07 10:00+05:00", time_machine)
    web_request(client, "ru", "block")
    ticket = confirm(client, "ru")
    act(desk, ticket, "refuse", reason="Нет оснований")
    ticket.refresh_from_db()
    assert ticket.status == Status.REFUSED
    return desk, ticket


OVERDUE = {
    "ru": "срок ответа на него\xa0— 08.12.2026, и\xa0он уже истёк",
    "kk": "оған жауап беру мерзімі\xa0— 08.12.2026, ол өтіп кетті",
}


# What the button is for. The Russian joined a participle to a relative clause with «или»:
# «Для запроса, закрытого по ошибке или ответ по которому не дошёл до человека».
FOR = {"ru": "Для запроса, который закрыт по ошибке или ответ на который не дошёл до человека.",
       "kk": "Қателесіп жабылған немесе жауабы адамға жетпеген өтініш үшін."}  # fmt: skip


@pytest.mark.parametrize("language, label, done, empty", [
    ("ru", "Открыть запрос снова", "Запрос снова открыт", "Напишите, почему"),
    ("kk", "Өтінішті қайта ашу", "Өтініш қайта ашылды", "неліктен"),
])  # fmt: skip
def test_an_officer_reopens_a_request_closed_by_mistake_keeping_its_due_date(
    client, desk, person, time_machine, language, label, done, empty
):
    desk, ticket = refused_by_mistake(client, desk, time_machine)
    # Two working days later, 9 December: the request was due on 8 December.
    desk = officer_on(desk, "2026-12-09 11:00+05:00", time_machine, language)
    page = desk.get(f"/admin/rights/ticket/{ticket.pk}/change/").content.decode()
    assert label in page and FOR[language] in page.replace("\xa0", " ")
    reopen = f"/admin/rights/ticket/{ticket.pk}/reopen/"
    assert desk.get(reopen).status_code == 405  # a link changes nothing

    for blank in ["  ", "\u200b", "\u2066\u2069\n\u00ad"]:  # nothing, or nothing visible
        refused = desk.post(reopen, {"reason": blank}, follow=True)
        assert empty in told(refused)[0]
        ticket.refresh_from_db()
        assert ticket.status == Status.REFUSED

    reopened = desk.post(reopen, {"reason": "Закрыт по ошибке"}, follow=True)
    assert done in told(reopened)[0]
    # And that the date stands passed: answer at once (the message said only «not changed»).
    [message] = reopened.context["messages"]
    assert message.level_tag == "warning" and OVERDUE[language] in str(message)
    ticket.refresh_from_db()
    assert ticket.status == Status.OPEN and ticket.closed_at is None
    assert ticket.due_date.isoformat() == "2026-12-08"  # not extended: overdue now
    event = AuditEvent.objects.get(action="request_reopen")
    assert (event.actor_label, event.detail["reason_written"], event.detail["old_status"]) == (
        "olga",
        True,
        "refused",
    )
    # The words on the request, to go with the person's data: the audit row keeps none.
    assert ticket.reopen_reasons == {str(event.pk): "Закрыт по ошибке"}
    assert "Закрыт" not in str(event.detail)
    assert event.subject_ref == person.pk
    page = reopened.content.decode()
    assert "Закрыт по ошибке" in page and "olga" in page
    overdue = desk.get("/admin/rights/ticket/?due=overdue").content.decode()
    assert f">№\xa0{ticket.reference}<" in overdue

    # Open now: it is carried out again, not reopened twice.
    again = desk.post(reopen, {"reason": "ещё раз"}, follow=True)
    assert AuditEvent.objects.filter(action="request_reopen").count() == 1
    assert told(again)


def test_only_staff_who_may_change_requests_reopen_them(
    client, desk, person, time_machine, content_editor, marketer
):
    from django.contrib.auth.models import Permission

    _desk, ticket = refused_by_mistake(client, desk, time_machine)
    reader = User.objects.create_user("reader", "reader@example.kz", "pw-reader-123456",
                                      is_staff=True)  # fmt: skip
    reader.user_permissions.add(Permission.objects.get(codename="view_ticket"))
    page = verified_login(type(client)(), reader).get(f"/admin/rights/ticket/{ticket.pk}/change/")
    assert page.status_code == 200 and "reopen-panel" not in page.content.decode()
    for user in (reader, content_editor, marketer):
        other = verified_login(type(client)(), user)
        response = other.post(f"/admin/rights/ticket/{ticket.pk}/reopen/", {"reason": "x"})
        assert response.status_code == 403
    ticket.refresh_from_db()
    assert ticket.status == Status.REFUSED


def test_a_request_of_a_person_destroyed_since_is_not_reopened(client, desk, person, time_machine):
    desk = officer_on(desk, "2026-12-07 10:00+05:00", time_machine)
    web_request(client, "ru", "destroy")
    ticket = confirm(client, "ru")
    act(desk, ticket)
    assert (
        "Открыть запрос снова"
        not in desk.get(f"/admin/rights/ticket/{ticket.pk}/change/").content.decode()
    )
    page = desk.post(f"/admin/rights/ticket/{ticket.pk}/reopen/", {"reason": "ошибка"},
                     follow=True)  # fmt: skip
    assert "больше не хранятся" in told(page)[0]
    ticket.refresh_from_db()
    assert ticket.status == Status.DONE


def test_two_officers_reopening_one_request_at_once_reopen_it_once(
    client, desk, person, time_machine, officer
):
    """Alice and Olga both open the refused request's page; Olga reopens it, carries it out
    (closed again, answered) and only then does Alice press "reopen" on her older page: the
    request keeps Olga's answer, and Alice is told why hers was not done."""
    desk, ticket = refused_by_mistake(client, desk, time_machine)
    alice = verified_login(type(client)(), officer)
    alice.cookies["django_language"] = "ru"
    page = alice.get(f"/admin/rights/ticket/{ticket.pk}/change/").content.decode()
    seen = page.split('name="closed_at" value="')[1].split('"')[0]

    reopen = f"/admin/rights/ticket/{ticket.pk}/reopen/"
    desk = officer_on(desk, "2026-12-07 10:20+05:00", time_machine)
    desk.post(reopen, {"reason": "Закрыт по ошибке"})
    act(desk, ticket, reason="Жалоба получена")
    ticket.refresh_from_db()
    assert ticket.status == Status.DONE

    late = alice.post(reopen, {"reason": "Закрыт по ошибке", "closed_at": seen}, follow=True)
    assert "снова закрыт после того, как эта страница была открыта (время: " in told(late)[0]
    ticket.refresh_from_db()
    assert ticket.status == Status.DONE
    assert AuditEvent.objects.filter(action="request_reopen").count() == 1


def test_a_requests_page_costs_the_same_however_often_it_was_reopened(
    client, desk, person, time_machine
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from consent.rights.closing import ticket_close, ticket_reopen

    desk, ticket = refused_by_mistake(client, desk, time_machine)
    page = f"/admin/rights/ticket/{ticket.pk}/change/"
    counts = []
    for n in range(5):
        ticket_reopen(ticket, reason=f"ошибка {n}", actor=None)
        ticket_close(Ticket.objects.get(pk=ticket.pk), outcome="x", notify=False)
        with CaptureQueriesContext(connection) as queries:
            shown = desk.get(page).content.decode()
        counts.append(len(queries))
        assert f"ошибка {n}" in shown
    assert len(set(counts)) == 1, counts


def answers_received(mailoutbox):
    return [m for m in mailoutbox if m.to == ["asel@example.kz"] and m.attachments]


def test_a_request_reopened_while_its_answer_waits_in_the_outbox_is_answered_once(
    client, desk, person, mailoutbox, time_machine
):
    """The mail server is down: the answer waits in the outbox, the person writes that nothing
    came, and the officer reopens the request and carries it out again. Before, once the server
    was back, both letters went out: two answers, the first of the data held a day earlier."""
    desk = officer_on(desk, "2026-12-07 10:00+05:00", time_machine)
    web_request(client, "ru", "access")
    access = confirm(client, "ru")
    act(desk, access)
    stuck = mails_to("asel@example.kz")[-1]
    desk = officer_on(desk, "2026-12-08 10:00+05:00", time_machine)
    desk.post(f"/admin/rights/ticket/{access.pk}/reopen/", {"reason": "Ответ не дошёл"})
    act(desk, access)
    send_queued()
    received = answers_received(mailoutbox)
    assert len(received) == 1 and "Ваш запрос" in received[0].subject
    stuck.refresh_from_db()
    assert stuck.status == STATUS.queued and stuck.attachments.count() == 0
    # The person's page does not show the withdrawn letter as still waiting to go.
    page = desk.get(f"/admin/consent/subject/{person.pk}/change/").content.decode()
    assert page.count("срок истёк, не отправлено") == 1


@pytest.mark.parametrize("language, why", [
    ("ru", "Человек не подтвердил этот запрос"), ("kk", "Адам бұл өтінішті растамаған"),
])  # fmt: skip
def test_a_request_closed_unconfirmed_is_not_reopened(
    client, desk, person, time_machine, language, why
):
    """A destruction request the person never confirmed, closed once its link expired, stays
    closed when an officer asks to reopen it: opened, it could be carried out on the word of
    whoever typed the address (Art. 10(2); compliance L9). The officer is told why."""
    time_machine.move_to("2026-11-02 10:00+05:00", tick=False)
    web_request(client, "ru", "destroy")
    ticket = Ticket.objects.get()
    desk = officer_on(desk, "2026-11-09 10:01+05:00", time_machine, language)
    act(desk, ticket, "close")
    ticket.refresh_from_db()
    assert ticket.status == Status.NOT_CONFIRMED
    page = desk.post(f"/admin/rights/ticket/{ticket.pk}/reopen/", {"reason": "ошибка"},
                     follow=True)  # fmt: skip
    assert why in told(page)[0]
    ticket.refresh_from_db()
    assert ticket.status == Status.NOT_CONFIRMED and ticket.verified_at is None
    assert not AuditEvent.objects.filter(action="request_reopen").exists()
