"""Our mail about a request that came back (a delivery report, RFC 3464) was set aside as any
machine's, linked to nothing: the officer never learned the person did not get the link or the
answer. Now a report naming a mail of ours by its Message-ID is linked to the request that mail
was about, shown on the request's page, told to the officers and counted in their digest."""

import pytest
from django.core.management import call_command
from post_office.models import Email

from consent.common.dates import local_date
from consent.rights.digest import digest
from consent.rights.intake import ingest
from consent.rights.models import QuarantinedMessage, Ticket
from consent.workdays.calendar import add_working_days

from .conftest import deliver, left, mails_to, message


def dsn(original: Email, action="failed", status="5.2.2", sender="MAILER-DAEMON@mx.mail.kz"):
    """A delivery report as Postfix writes it: the text, the status, the original's headers."""
    parts = [
        b"Content-Type: text/plain; charset=us-ascii\r\n\r\nThis is the mail system at host "
        b"mx.mail.kz.\r\n\r\nI'm sorry to have to inform you that your message could not be "
        b"delivered to one or more recipients.\r\n\r\n<asel@example.kz>: mailbox full",
        b"Content-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mx.mail.kz\r\n"
        b"Arrival-Date: Mon, 7 Dec 2026 10:00:00 +0500\r\n\r\n"
        b"Final-Recipient: rfc822; asel@example.kz\r\nOriginal-Recipient: rfc822;asel@example.kz"
        + f"\r\nAction: {action}\r\nStatus: {status}\r\n".encode()
        + b"Diagnostic-Code: smtp; 552 5.2.2 Mailbox full",
        b"Content-Type: text/rfc822-headers\r\n\r\n"
        + f"From: noreply@emaluplus-vko.kz\r\nTo: asel@example.kz\r\n"
          f"Message-ID: {original.message_id}\r\nSubject: =?utf-8?B?UmVxdWVzdA==?=\r\n".encode(),
    ]  # fmt: skip
    body = b"".join(b"--B\r\n" + part + b"\r\n" for part in parts) + b"--B--"
    return (
        f"From: Mail Delivery System <{sender}>\r\nTo: noreply@emaluplus-vko.kz\r\n"
        "Subject: Undelivered Mail Returned to Sender\r\nMessage-ID: <dsn-1@mx.mail.kz>\r\n"
        "Auto-Submitted: auto-replied\r\nMIME-Version: 1.0\r\n"
        'Content-Type: multipart/report; report-type=delivery-status; boundary="B"\r\n\r\n'
    ).encode() + body


@pytest.fixture
def request_mailed(person, officer, time_machine):
    time_machine.move_to("2026-12-07 10:00+05:00", tick=False)  # Monday
    ingest(message("Удалите мои данные", message_id="<asked@example.kz>", body=""))
    return Ticket.objects.get(), mails_to("asel@example.kz")[-1]


def test_a_returned_link_is_shown_on_its_request_and_counted(
    request_mailed, mailbox, officer_client, time_machine
):
    ticket, mail = request_mailed
    deliver(mailbox, dsn(mail))
    call_command("fetch_request_mail")
    assert left(mailbox) == 0
    entry = QuarantinedMessage.objects.get()
    assert (entry.reason, entry.request) == ("returned", ticket)
    assert Ticket.objects.count() == 1  # nothing opened, nothing answered to the machine
    assert not mails_to("mailer-daemon@mx.mail.kz")
    assert entry.reference in mails_to("alice@example.kz")[-1].subject  # the officers are told

    page = officer_client.get(f"/admin/rights/ticket/{ticket.pk}/change/").content.decode()
    assert f"/admin/rights/quarantinedmessage/{entry.pk}/change/" in page

    # The next working day after it reached the mailbox (the IMAP server's date of arrival).
    day = add_working_days(local_date(entry.received_at), 1)
    time_machine.move_to(f"{day.isoformat()} 09:00+05:00", tick=False)
    assert digest(day) >= 1
    text = mails_to("alice@example.kz")[-1].message
    assert f"- №\N{NO-BREAK SPACE}{ticket.reference}: {entry.reference}" in text
    assert "жеткізілмей қайтып келген хатымыз: 1." in text  # Olga reads Kazakh


@pytest.mark.parametrize("action,status", [("delayed", "4.2.2"), ("delivered", "2.0.0")])
def test_a_report_that_it_was_delayed_or_delivered_is_not_a_return(request_mailed, action, status):
    _ticket, mail = request_mailed
    entry = ingest(dsn(mail, action=action, status=status))
    assert (entry.reason, entry.request) == ("automated", None)


def test_a_report_naming_no_mail_of_ours_links_nothing(request_mailed):
    _ticket, mail = request_mailed
    mail.message_id = "<someone-else@example.com>"
    entry = ingest(dsn(mail))
    assert (entry.reason, entry.request) == ("automated", None)


def test_the_answer_that_came_back_is_linked_too(request_mailed, officer_client):
    """Not only the link: the answer the officer sent after it."""
    ticket, _mail = request_mailed
    from consent.rights.closing import ticket_close

    ticket_close(ticket, outcome="Ответ", status=Ticket.Status.REFUSED)
    answer = mails_to("asel@example.kz")[-1]
    assert ticket.reference in answer.subject
    entry = ingest(dsn(answer))
    assert (entry.reason, entry.request) == ("returned", ticket)
