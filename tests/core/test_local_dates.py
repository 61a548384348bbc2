"""Every legal date is the local date in TIME_ZONE (Asia/Almaty, UTC+5), not the UTC one: tried
at 00:30 (still the day before in UTC) and at 23:30 (the same day in UTC)."""

import re
from datetime import date

import pytest

from consent.rights.deadlines import deadline_days
from consent.rights.models import Ticket
from consent.rights.selfservice import access_download
from consent.workdays.calendar import due_date
from tests.site.language import as_written

from .test_policy import publish_v2  # effective 2026-12-01


@pytest.mark.parametrize(
    "moment,number",
    [
        ("2026-11-30 23:30+05:00", 1),  # the eve: version 1 still
        ("2026-12-01 00:30+05:00", 2),  # 19:30 UTC on 30 November: version 2 already
        ("2026-12-01 23:30+05:00", 2),
    ],
)
def test_a_policy_takes_effect_at_local_midnight(client, db, time_machine, moment, number):
    time_machine.move_to("2026-11-30 10:00+05:00")
    publish_v2()
    time_machine.move_to(moment)
    page = as_written(client.get("/kk/privacy/").content.decode())
    # The version the page is (its line under the title); the list of versions names both.
    shown = re.search(r'<p class="meta">(.*?)</p>', page, re.S).group(1)
    assert shown.startswith(f"{number}-нұсқа, күшіне ену күні")


@pytest.mark.parametrize(
    "moment,received",
    [
        ("2026-12-10 00:30+05:00", date(2026, 12, 10)),
        ("2026-12-10 23:30+05:00", date(2026, 12, 10)),
    ],
)
def test_a_self_service_download_is_received_on_the_local_day(
    texts, make_subject, time_machine, moment, received
):
    time_machine.move_to(moment)
    ticket, _body = access_download(make_subject(), "kk")
    ticket = Ticket.objects.get(pk=ticket.pk)
    assert ticket.due_date == due_date(received, deadline_days(Ticket.Type.ACCESS))
    assert ticket.due_date > received  # counted from the local day, not dated the UTC one


# Thursday 10 December 2026: at 00:30 in Almaty it is still 9 December in UTC; at 23:30 it is
# 10 December in both. Friday the 11th is the next working day.
MOMENTS = ["2026-12-10 00:30+05:00", "2026-12-10 23:30+05:00"]
DAY, NEXT_DAY = date(2026, 12, 10), date(2026, 12, 11)


def staff(client, time_machine, moment, language="kk"):
    """The officer signed in at `moment` (a staff session idles out after an hour)."""
    from django.contrib.auth import get_user_model

    from tests.staff import verified_login

    time_machine.move_to(moment, tick=False)
    user = get_user_model().objects.filter(username="alice").first() or (
        get_user_model().objects.create_superuser("alice", "alice@example.kz", "pw-alice-123456")
    )
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = language
    return verified_login(client, user)


@pytest.mark.parametrize("language", ["kk", "ru"])
@pytest.mark.parametrize("moment", MOMENTS)
def test_the_person_page_lists_sent_mail_at_the_local_time(
    client, texts, make_subject, time_machine, moment, language
):
    from consent.rights.selfservice import link_send

    person = make_subject(email="asel@example.kz")
    time_machine.move_to(moment, tick=False)
    link_send("asel@example.kz", "kk")
    page = staff(client, time_machine, moment, language).get(
        f"/admin/consent/subject/{person.pk}/change/"
    )
    html = page.content.decode()
    assert f"10.12.2026 {moment[11:16]}" in html  # not 09.12.2026 19:30, the UTC time
    assert "2026-12-09" not in html


@pytest.mark.parametrize("moment", MOMENTS)
def test_a_web_request_is_received_on_the_local_day(client, texts, make_subject, time_machine,
                                                    moment):  # fmt: skip
    from tests.conftest import aged_token

    make_subject(email="asel@example.kz")
    time_machine.move_to(moment, tick=False)
    client.post("/kk/requests/new/", {"token": aged_token(), "type": "block",
                                      "email": "asel@example.kz"})  # fmt: skip
    assert Ticket.objects.get().due_date == NEXT_DAY


@pytest.mark.parametrize("moment", MOMENTS)
def test_an_emailed_request_is_received_on_the_local_day(texts, make_subject, time_machine, moment):
    from consent.rights.intake import ingest
    from tests.rights.conftest import message

    make_subject(email="asel@example.kz")
    time_machine.move_to(moment, tick=False)
    ingest(message("Жеке деректерді жаңарту"))
    assert Ticket.objects.get().due_date == NEXT_DAY


@pytest.mark.parametrize("moment", MOMENTS)
def test_the_desk_counts_overdue_and_due_today_by_the_local_day(
    client, texts, make_subject, time_machine, moment
):
    from consent.rights.selfservice import ticket_open_verified

    person = make_subject(email="asel@example.kz")
    time_machine.move_to("2026-12-08 10:00+05:00", tick=False)
    late = ticket_open_verified(person, Ticket.Type.BLOCK, "", "kk")  # due 9 December
    time_machine.move_to("2026-12-09 10:00+05:00", tick=False)
    # Another type: the same one while the first is open would join it (rights/joining.py).
    today = ticket_open_verified(person, Ticket.Type.CORRECT, "", "kk")  # due 10 December
    officer = staff(client, time_machine, moment)
    # The rows listed: a reference («R-1») is also in the search's help («R-12»).
    overdue, due_today = (
        officer.get(f"/admin/rights/ticket/?due={due}").context["cl"].result_list
        for due in ("overdue", "today")
    )
    assert list(overdue) == [late] and list(due_today) == [today]


@pytest.mark.parametrize("moment", MOMENTS)
def test_the_digest_is_for_the_local_day(officer, texts, make_subject, time_machine, moment):
    from django.core.management import call_command
    from post_office.models import Email

    from consent.rights.selfservice import ticket_open_verified

    time_machine.move_to("2026-12-09 10:00+05:00", tick=False)
    ticket_open_verified(make_subject(), Ticket.Type.BLOCK, "", "kk")  # due 10 December
    Email.objects.all().delete()
    time_machine.move_to(moment, tick=False)
    call_command("send_request_digest", stdout=open("/dev/null", "w"))  # noqa: SIM115
    mail = Email.objects.get()
    # The local date, in words as every mail writes it («2026 жылғы 10 желтоқсан»), never the
    # UTC date (9 December at 00:30 in Almaty).
    assert re.search(r"(?<!\d)10\s(желтоқсан|декабря)", mail.message.splitlines()[0])
    assert "1" in mail.subject.split(",")[1]  # one due today


@pytest.mark.parametrize(
    "moment,adult",
    [
        ("2026-12-09 23:30+05:00", False),  # the eve of the 18th birthday
        ("2026-12-10 00:30+05:00", True),  # 9 December in UTC, the birthday in Almaty
        ("2026-12-10 23:30+05:00", True),
    ],
)
def test_a_person_comes_of_age_at_local_midnight(
    client, texts, application_data, time_machine, moment, adult
):
    """The form and the gate both ask for a guardian until the local birthday (compliance L6)."""
    from consent.core import gate
    from consent.core.models import Guardian, Subject
    from consent.core.purposes import SERVICE

    time_machine.move_to(moment, tick=False)
    response = client.post("/kk/apply/", application_data(birth_date="2008-12-10"))
    assert (response.status_code == 302) is adult
    if adult:
        assert not Guardian.objects.exists()
        assert gate.may_process(Subject.objects.get(), SERVICE)


@pytest.mark.parametrize("moment", MOMENTS)
def test_a_breach_is_due_from_its_local_day(db, moment):
    from datetime import datetime

    from consent.rights.breaches import breach_record
    from consent.rights.models import Breach

    detected = datetime.fromisoformat(moment)
    breach = breach_record(Breach(detected_at=detected, description="x", people_affected=1))
    assert breach.regulator_due == NEXT_DAY


@pytest.mark.parametrize("moment", MOMENTS)
def test_an_email_set_aside_shows_its_local_destruction_day(client, texts, time_machine, moment):
    from consent.rights.intake import ingest
    from tests.rights.conftest import BAD_MESSAGES

    time_machine.move_to(moment, tick=False)
    entry = ingest(BAD_MESSAGES["unknown charset"][0])
    page = staff(client, time_machine, moment).get("/admin/rights/quarantinedmessage/")
    html = page.content.decode()
    assert entry.reference in html
    assert "09.01.2027" in html and "08.01.2027" not in html  # 30 days from 10 December
