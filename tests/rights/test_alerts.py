"""Staff hear of every new request, and get a digest on working days only."""

from datetime import date

import pytest
from post_office.models import Email

from consent.rights.alerts import digest
from consent.rights.tickets import ticket_open, ticket_verify


@pytest.fixture
def requests_open(officer, texts, make_subject, time_machine):
    make_subject(email="asel@example.kz")
    # Tuesday 15 December 2026, the eve of Independence Day (Wednesday 16): due Thursday 17.
    time_machine.move_to("2026-12-15 10:00+05:00", tick=False)
    ticket = ticket_open(kind="block", email="asel@example.kz", language="kk", channel="web")
    return ticket_verify(ticket)  # confirmed: only a confirmed request can be due or overdue


def test_officers_get_a_notice_without_personal_data_in_the_subject(requests_open):
    notice = Email.objects.get(to=["alice@example.kz"])
    assert requests_open.reference in notice.subject and "17.12.2026" in notice.subject
    assert "asel" not in notice.subject and "asel" not in notice.message
    assert f"/admin/rights/ticket/{requests_open.pk}/change/" in notice.message


def test_holiday_eve_ticket_is_due_today_in_the_next_working_days_digest(requests_open):
    assert requests_open.due_date == date(2026, 12, 17)
    Email.objects.all().delete()
    assert digest(date(2026, 12, 16)) == 0  # Independence Day: no digest
    assert digest(date(2026, 12, 17)) == 1
    mail = Email.objects.get()
    due_today = mail.message.split("\n\n", 2)[1]
    assert requests_open.reference in due_today
    assert "1" in mail.subject


def test_no_digest_on_a_weekend(requests_open):
    assert digest(date(2026, 12, 19)) == 0  # Saturday
    assert digest(date(2026, 12, 20)) == 0  # Sunday


def test_overdue_and_next_day_sections(requests_open):
    Email.objects.all().delete()
    digest(date(2026, 12, 18))  # the ticket is a day overdue
    assert "R-" in Email.objects.get().message
    Email.objects.all().delete()
    digest(date(2026, 12, 15))  # due on the next working day, 17 December
    assert "17.12.2026" in Email.objects.get().message


def test_the_digest_command_runs(requests_open, time_machine):
    from django.core.management import call_command

    time_machine.move_to("2026-12-17 08:00+05:00", tick=False)
    Email.objects.all().delete()
    call_command("send_request_digest", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert Email.objects.filter(to=["alice@example.kz"]).count() == 1
