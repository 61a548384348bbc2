"""What retention keeps of people on no record (compliance L5, consent.rights.strangers): a
request from an address no one holds, a newsletter link never confirmed."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from post_office.models import STATUS, Email

from consent.core.models import Guardian
from consent.marketing.optin import optin_start
from consent.rights.answers import ticket_close_unconfirmed
from consent.rights.models import Ticket
from consent.rights.retention import enforce_retention
from consent.rights.tickets import ticket_open


def _stranger_closed(address, words="Менің деректерім бар ма? Асқар"):
    ticket = ticket_open(kind="access", email=address, language="kk", channel="web",
                         message=words)  # fmt: skip
    ticket = ticket_close_unconfirmed(ticket, actor=None)
    Email.objects.update(status=STATUS.sent)
    return ticket


def _mail_to(address):
    return Email.objects.filter(to__address=address)


def test_a_strangers_closed_request_keeps_only_its_number_once_its_grace_is_over(
    texts, time_machine
):
    time_machine.move_to("2027-01-11 10:00+05:00", tick=False)
    ticket = _stranger_closed("stranger@example.kz")
    assert ticket.status == Ticket.Status.NO_DATA
    assert _mail_to("stranger@example.kz").count() == 2  # the «nothing held» note, the closing

    time_machine.move_to("2027-02-08 10:00+05:00", tick=False)  # 28 days: within the grace
    enforce_retention()
    ticket.refresh_from_db()
    assert ticket.email == "stranger@example.kz" and _mail_to("stranger@example.kz").count() == 2

    time_machine.move_to("2027-02-11 10:00+05:00", tick=False)  # 31 days
    assert ticket.pk in enforce_retention(dry_run=True)["strangers"]
    enforce_retention()
    ticket.refresh_from_db()
    assert (ticket.email, ticket.message, ticket.outcome) == ("", "", "")
    assert ticket.reference and ticket.status == Ticket.Status.NO_DATA and ticket.closed_at
    assert not _mail_to("stranger@example.kz").exists()
    assert not Email.objects.filter(message__contains="Асқар").exists()


def test_a_request_of_an_address_someone_holds_now_or_still_open_is_left(
    texts, make_subject, time_machine
):
    time_machine.move_to("2027-01-11 10:00+05:00", tick=False)
    taken = _stranger_closed("later@example.kz")
    make_subject(email="later@example.kz")  # theirs now (TicketQuerySet.of): their term keeps it
    first = _stranger_closed("again@example.kz")
    time_machine.move_to("2027-02-11 10:00+05:00", tick=False)
    waiting = ticket_open(kind="access", email="again@example.kz", language="kk", channel="web")

    enforce_retention()
    taken.refresh_from_db()
    assert taken.email == "later@example.kz" and _mail_to("later@example.kz").exists()
    # The closed one goes; the mail to an address whose request is still open stays.
    assert Ticket.objects.get(pk=first.pk).email == ""
    assert Ticket.objects.get(pk=waiting.pk).email == "again@example.kz"
    assert _mail_to("again@example.kz").count() == 3


def test_the_mail_of_a_parent_or_of_the_staff_is_not_a_strangers(
    texts, make_subject, officer, time_machine
):
    time_machine.move_to("2027-01-11 10:00+05:00", tick=False)
    parent = _stranger_closed("parent@example.kz")
    child = make_subject(email="child@example.kz")  # a parent's consent for a child came later
    Guardian.objects.create(subject=child, full_name="Ата-ана", contact="parent@example.kz")
    staff = _stranger_closed("alice@example.kz")
    time_machine.move_to("2027-02-11 10:00+05:00", tick=False)
    enforce_retention()
    parent.refresh_from_db()
    staff.refresh_from_db()
    assert parent.email == staff.email == ""  # the requests' purpose is achieved all the same
    assert _mail_to("parent@example.kz").exists() and _mail_to("alice@example.kz").exists()


def test_a_newsletter_link_never_confirmed_goes_once_it_no_longer_works(
    texts, make_subject, time_machine
):
    time_machine.move_to("2027-01-11 10:00+05:00", tick=False)
    with transaction.atomic():
        optin_start("never@example.kz", "Бекзат", "kk")
        optin_start("held@example.kz", "Айгүл", "ru")
    make_subject(email="held@example.kz")  # confirmed: on record, the mail is theirs
    Email.objects.update(status=STATUS.sent)

    time_machine.move_to(timezone.now() + timedelta(days=6))
    enforce_retention()
    assert _mail_to("never@example.kz").exists()

    time_machine.move_to(timezone.now() + timedelta(days=2))
    assert enforce_retention(dry_run=True)["links"] == ["never@example.kz"]
    enforce_retention()
    assert not _mail_to("never@example.kz").exists()
    assert _mail_to("held@example.kz").exists()


def test_a_newsletter_link_beside_a_request_goes_with_the_request(texts, time_machine):
    """Someone on no record who asked for the news and wrote a request: the link's mail, past
    its seven days, waits for the request's grace period, and then all their mail goes."""
    time_machine.move_to("2027-01-11 10:00+05:00", tick=False)
    with transaction.atomic():
        optin_start("both@example.kz", "Бекзат", "kk")
    ticket = _stranger_closed("both@example.kz")
    time_machine.move_to("2027-01-25 10:00+05:00", tick=False)  # the link 14 days old
    assert enforce_retention()["links"] == ["both@example.kz"]
    assert _mail_to("both@example.kz").count() == 3
    time_machine.move_to("2027-02-11 10:00+05:00", tick=False)
    enforce_retention()
    assert Ticket.objects.get(pk=ticket.pk).email == ""
    assert not _mail_to("both@example.kz").exists()
