"""A destruction whose confirmation the mail server did not take (rights.destroyed_told) was
told only to the officer who pressed, on the page she landed on: her colleagues, and she the
next morning, had nothing that listed the people still to be told another way. The officers'
daily digest now lists each, once, with its request's page (compliance L13, L21)."""

from datetime import date

import environ
from post_office.models import Email

from consent.rights.answers import ticket_destroy
from consent.rights.digest import digest
from consent.rights.models import Ticket
from consent.rights.tickets import ticket_open, ticket_verify
from emalu.mailers import mailers
from tests.live import free_port

from .conftest import mails_to

LISTED = "бірақ адамға бұл туралы хабарланбады"  # alice reads Kazakh


def destroyed(person, officer, capture):
    ticket = ticket_open(kind="destroy", email=person.email, language="kk", channel="web")
    ticket_verify(ticket)
    with capture(execute=True):
        ticket_destroy(Ticket.objects.get(pk=ticket.pk), actor=officer)
    return ticket


def test_a_destruction_the_person_was_not_told_of_is_in_the_next_digest_once(
    person, make_subject, officer, settings, time_machine, django_capture_on_commit_callbacks
):
    time_machine.move_to("2026-12-07 10:00+05:00", tick=False)  # Monday
    told = destroyed(make_subject(), officer, django_capture_on_commit_callbacks)
    settings.MAILERS = mailers(environ.Env.email_url_config(f"smtp://127.0.0.1:{free_port()}"))
    untold = destroyed(person, officer, django_capture_on_commit_callbacks)

    time_machine.move_to("2026-12-08 09:00+05:00", tick=False)
    assert digest(date(2026, 12, 8)) >= 1
    text = mails_to("alice@example.kz")[-1].message
    assert LISTED in text
    assert f"- №\N{NO-BREAK SPACE}{untold.reference}, " in text
    assert f"/admin/rights/ticket/{untold.pk}/change/" in text
    assert told.reference not in text
    assert person.email not in text  # the person's address is gone: nothing to name them by

    # Listed once: the next digest has other news only.
    time_machine.move_to("2026-12-09 09:00+05:00", tick=False)
    sent = Email.objects.count()
    digest(date(2026, 12, 9))
    later = [m.message for m in Email.objects.order_by("id")[sent:]]
    assert not [m for m in later if LISTED in m]
