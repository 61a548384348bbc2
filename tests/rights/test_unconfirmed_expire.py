"""Requests nobody confirmed close by themselves once they can be confirmed no longer
(consent.rights.expiring, compliance L8, L9, L5), as a privacy officer and an attacker see them.

An attacker sends requests in Asel's name until her address's hourly budget of links is spent:
the next request's link is held back, and it stayed open for good, «waiting», its person held
for staff by retention. A stranger's request, from an address no one holds, kept its words until
an officer happened to close it; its 30 days of grace started only then. Now the nightly job
closes each once its link has expired (or would have, when none went), with an audit row and
the status an officer's closing gives, and mails nothing to an address that never confirmed."""

from datetime import timedelta

import pytest
from django.utils import timezone
from post_office.models import STATUS, Email

from consent.core.models import AuditEvent
from consent.rights.intake import ingest
from consent.rights.models import Ticket
from consent.rights.retention import enforce_retention
from consent.rights.tickets import ticket_open
from tests.staff import verified_login

from .conftest import confirm, mails_to, message, web_request
from .test_answers_held_back import BODY
from .test_held_back_links import links_used_up

Status = Ticket.Status
START = "2027-01-11 10:00+05:00"
EXPIRED = {"kk": "өтініш өздігінен жабылды: уақытында расталмады",
           "ru": "запрос закрыт автоматически: не подтверждён вовремя"}  # fmt: skip
CLOSES = {"kk": "Егер белгіленген мерзімге дейін", "ru": "Если ссылку не отправят до срока"}
CLOSES_ON = {"kk": "ол белгіленген күні (19.01.2027) түнде өздігінен жабылады",
             "ru": "он закроется сам 19.01.2027 ночью"}  # fmt: skip
NOT_CONFIRMED = {"kk": "жабылды: жеке басы расталмады", "ru": "закрыт: личность не подтверждена"}


@pytest.fixture
def many_forms(settings):
    settings.FORM_RATE_LIMIT = "1000/60"  # the per-connection limit is not what is tested


def _expired_rows(ticket):
    return AuditEvent.objects.filter(
        action=AuditEvent.Action.REQUEST_EXPIRE, object_type="rights.ticket",
        object_id=str(ticket.pk),
    )  # fmt: skip


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_request_whose_link_was_held_back_closes_by_itself_and_mails_no_one(
    client, person, many_forms, desk, privacy_officer, time_machine, lang
):
    time_machine.move_to(START, tick=False)
    links_used_up(client, "kk")  # ten requests in Asel's name: her links for the hour are spent
    web_request(client, "kk", "access")
    held = Ticket.objects.get(type="access")
    assert held.link_sent_at is None and held.is_waiting
    mailed = len(mails_to("asel@example.kz"))
    verified_login(desk, privacy_officer)  # the clock moved past the staff idle limit
    desk.cookies["django_language"] = lang  # the panel says when it closes by itself
    page = desk.get(f"/admin/rights/ticket/{held.pk}/change/").content.decode()
    assert f"{CLOSES[lang]} (18.01.2027 10:00)" in page.replace("\xa0", " ")
    assert CLOSES_ON[lang] in page.replace("\xa0", " ")  # the night's local date, not «after»

    time_machine.move_to(timezone.now() + timedelta(days=6, hours=23))
    plan = enforce_retention()
    assert not plan["expired"]
    assert Ticket.objects.open().count() == 11  # the person can still confirm the ten

    time_machine.move_to(timezone.now() + timedelta(hours=2))  # seven days and an hour
    plan = enforce_retention()
    assert held.pk in plan["expired"] and len(plan["expired"]) == 11
    held.refresh_from_db()
    assert held.status == Status.NOT_CONFIRMED and held.closed_at == timezone.now()
    assert not Ticket.objects.open().exists()
    assert len(mails_to("asel@example.kz")) == mailed  # no mail to an address never confirmed
    row = _expired_rows(held).get()
    assert row.actor_id is None and row.subject_ref == person.pk
    assert row.detail == {"status": "not_confirmed", "link_sent": False}

    verified_login(desk, privacy_officer)  # past the staff idle limit
    desk.cookies["django_language"] = lang
    history = desk.get(f"/admin/rights/ticket/{held.pk}/history/", follow=True)
    assert EXPIRED[lang] in history.content.decode().lower()
    page = desk.get(f"/admin/rights/ticket/{held.pk}/change/").content.decode()
    assert NOT_CONFIRMED[lang] in page.lower()


def test_a_strangers_request_closes_by_itself_and_its_grace_starts_then(texts, time_machine):
    time_machine.move_to(START, tick=False)
    ticket = ticket_open(kind="access", email="stranger@example.kz", language="kk",
                         channel="web", message="Менің деректерім бар ма? Асқар")  # fmt: skip
    assert len(mails_to("stranger@example.kz")) == 1  # the «nothing held» note, once
    Email.objects.update(status=STATUS.sent)

    time_machine.move_to("2027-01-18 10:01+05:00", tick=False)  # seven days and a minute
    enforce_retention()
    ticket.refresh_from_db()
    assert ticket.status == Status.NO_DATA and ticket.closed_at == timezone.now()
    assert _expired_rows(ticket).get().detail == {"status": "no_data", "link_sent": False}
    assert len(mails_to("stranger@example.kz")) == 1  # nothing more to the stranger's address

    time_machine.move_to("2027-02-16 10:00+05:00", tick=False)  # 29 days after: within grace
    enforce_retention()
    assert Ticket.objects.get(pk=ticket.pk).email == "stranger@example.kz"
    time_machine.move_to("2027-02-18 10:00+05:00", tick=False)  # 31 days after it closed
    enforce_retention()
    ticket.refresh_from_db()
    assert (ticket.email, ticket.message) == ("", "") and ticket.status == Status.NO_DATA
    assert not Email.objects.filter(message__contains="Асқар").exists()
    assert not mails_to("stranger@example.kz")


def test_a_link_counts_from_when_it_went_not_from_the_receipt(person, time_machine):
    """Its link's life is clock time from the latest link (or, none sent, from when the request
    was opened): a request opened today from an email received ten days ago stays open."""
    time_machine.move_to(START, tick=False)
    received = timezone.now() - timedelta(days=10)
    late = ticket_open(kind="access", email=person.email, language="kk", channel="email",
                       received_at=received)  # fmt: skip
    stranger = ticket_open(kind="access", email="nobody@example.kz", language="kk",
                           channel="email", received_at=received)  # fmt: skip
    assert late.link_sent_at == timezone.now()
    enforce_retention()
    assert (
        Ticket.objects.filter(pk__in=[late.pk, stranger.pk], status=Status.UNVERIFIED).count() == 2
    )
    time_machine.move_to(timezone.now() + timedelta(days=7, seconds=1))
    enforce_retention()
    assert Ticket.objects.get(pk=late.pk).status == Status.NOT_CONFIRMED
    assert _expired_rows(late).get().detail["link_sent"] is True
    assert Ticket.objects.get(pk=stranger.pk).status == Status.NO_DATA


def test_a_request_confirmed_in_time_is_left_as_it_is(client, person, time_machine):
    time_machine.move_to(START, tick=False)
    web_request(client, "kk", "access")
    time_machine.move_to(timezone.now() + timedelta(days=6))
    confirm(client)
    time_machine.move_to(timezone.now() + timedelta(days=2))
    assert not enforce_retention()["expired"]
    assert Ticket.objects.get().status == Status.OPEN


def test_a_forwarded_letter_waits_for_an_officer_and_one_about_the_statistics_may_close(
    texts, person, time_machine
):
    """A letter forwarded about someone else waits for an officer to open that person's own
    request: closed by the night a week on, nobody ever read it. One about the visit statistics
    asks an officer for nothing: the desk may close it at once, as its note says, and the night
    closes it a week on with the same status."""
    time_machine.move_to(START, tick=False)
    forwarded = ingest(message("Письмо клиента", sender="manager@partner.kz", body=BODY))
    statistics = ingest(message("Отзыв согласия на аналитику", body="Отключите Яндекс Метрику."))
    assert forwarded.limits == {"forwarded": True} and statistics.limits == {"analytics": True}
    assert statistics.holds_data and statistics.closable_as(timezone.now()) == Status.CLOSED

    time_machine.move_to(timezone.now() + timedelta(days=30))
    assert enforce_retention()["expired"] == [statistics.pk]
    assert Ticket.objects.get(pk=forwarded.pk).status == Status.UNVERIFIED
    assert Ticket.objects.get(pk=statistics.pk).status == Status.CLOSED
