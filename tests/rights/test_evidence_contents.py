"""Compliance L4: the evidence an officer downloads holds each element of the consent record
the law asks for (Art. 8(1), 22(1)(5), 25(2)(5)), as the form and the request recorded them:
the connection and browser it was given from, the moment its term ends, and for a withdrawal
what caused it. Each column was found missing by no test when it was left out."""

import csv
import io

from django.utils import translation
from django.utils.translation import gettext

from consent.core.models import Subject
from consent.core.purposes import SERVICE
from consent.rights.models import Ticket
from consent.rights.tickets import ticket_open, ticket_verify
from tests.staff import verified_login


def evidence(staff, person):
    """The evidence CSV of `person` as the officer downloads it: one {label: value} per row."""
    response = staff.get(f"/admin/consent/subject/{person.pk}/evidence.csv")
    assert response.status_code == 200
    header, *rows = csv.reader(io.StringIO(response.content.decode("utf-8-sig")))
    return [dict(zip(header, row, strict=True)) for row in rows]


def labels(*names):
    with translation.override("kk"):  # the officer's browser asks for no language: Kazakh
        return [gettext(name) for name in names]


def test_a_grant_from_the_form_gives_its_connection_browser_and_the_end_of_its_term(
    client, officer, texts, contact_data, time_machine
):
    time_machine.move_to("2026-12-10 02:00+05:00", tick=False)
    client.post("/ru/contact/", contact_data(), REMOTE_ADDR="203.0.113.77",
                headers={"user-agent": "Mozilla/5.0 (Evidence test)"})  # fmt: skip
    person = Subject.objects.get()
    [row] = evidence(verified_login(client, officer), person)
    ip, browser, given, expires = labels(
        "IP address", "browser", "time (Almaty)", "expires (Almaty)"
    )
    assert row[ip] == "203.0.113.77"
    assert row[browser] == "Mozilla/5.0 (Evidence test)"
    assert row[given] == "10.12.2026 02:00:00"
    # The term the text told the person, to the second: a day more is a day processed without it.
    assert row[expires] == "10.12.2029 02:00:00"  # three years on, across 29.02.2028


def test_a_withdrawal_by_request_names_the_request_that_withdrew_it(
    client, officer, texts, contact_data
):
    client.post("/kk/contact/", contact_data())
    person = Subject.objects.get()
    ticket = ticket_open(kind=Ticket.Type.WITHDRAW, email=person.email, language="kk",
                         channel=Ticket.Channel.WEB, message="", purpose=SERVICE)  # fmt: skip
    ticket_verify(ticket)  # the person's click on the confirmation link
    grant, withdrawal = evidence(verified_login(client, officer), person)
    (reason,) = labels("reason")
    assert withdrawal[reason] == ticket.reference and grant[reason] == ""
