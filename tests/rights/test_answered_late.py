"""A request answered after its due date: marked in the desk's list with a kk/ru title,
found by the filter «answered late», and counted so in the register of requests the list
downloads under that filter, by one rule (statistics.timed)."""

import csv
import io
import re
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from consent.common.text import plain_text
from consent.rights.models import Ticket
from consent.rights.tickets import ticket_open, ticket_verify
from tests.staff import verified_login

ALMATY = ZoneInfo("Asia/Almaty")
LATE = {"kk": "мерзімінен кеш жауап берілді", "ru": "отвечено с\xa0опозданием"}


def closed(ticket, status, at):
    Ticket.objects.filter(pk=ticket.pk).update(status=status, closed_at=at)


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_late_answer_is_marked_filtered_and_in_the_register(
    client, privacy_officer, person, time_machine, lang
):
    time_machine.move_to("2026-12-01 10:00+05:00", tick=False)
    made = [ticket_verify(ticket_open(kind=kind, email="asel@example.kz", language="kk",
                                      channel="web"))
            for kind in ("block", "correct", "access")]  # fmt: skip
    late, on_time, unconfirmed = made
    Ticket.objects.filter(pk__in=[t.pk for t in made]).update(due_date=date(2026, 12, 3))
    # Answered on 4 December, a day late; on the due day itself, at 23:30 Almaty (18:30 UTC,
    # still that day locally), on time; closed unconfirmed after it: never answered, not late.
    closed(late, Ticket.Status.DONE, datetime(2026, 12, 4, 9, tzinfo=ALMATY))
    closed(on_time, Ticket.Status.REFUSED, datetime(2026, 12, 3, 23, 30, tzinfo=ALMATY))
    closed(unconfirmed, Ticket.Status.NOT_CONFIRMED, datetime(2026, 12, 9, tzinfo=ALMATY))
    time_machine.move_to("2026-12-10 10:00+05:00", tick=False)
    staff = verified_login(client, privacy_officer)
    staff.cookies["django_language"] = lang
    page = staff.get("/admin/rights/ticket/?due=all").content.decode()
    row = page[page.index(f">№\xa0{late.reference}<") :]
    row = row[: row.index("</tr>")]
    assert 'class="late" title="' in row and LATE[lang] in row
    for other in (on_time, unconfirmed):
        row = page[page.index(f">№\xa0{other.reference}<") :]
        assert LATE[lang] not in row[: row.index("</tr>")]
    listed = staff.get("/admin/rights/ticket/?due=late").content.decode()
    assert set(re.findall(r">№\xa0(R-\d+)<", listed)) == {late.reference}
    body = staff.get("/admin/rights/ticket/register.csv?due=late").content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(body)))
    assert [r[0] for r in rows[1:]] == [late.reference] and rows[1][-1] == plain_text(LATE[lang])


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_persons_page_says_a_request_was_answered_late_as_the_desk_does(
    client, privacy_officer, person, time_machine, lang
):
    """The desk's list and the request's page marked request R-1 «answered late»; the person's
    page, the officer's other way to it (the people search), showed its due date plain, as of
    a request answered in time."""
    time_machine.move_to("2026-12-01 10:00+05:00", tick=False)
    late = ticket_verify(ticket_open(kind="block", email="asel@example.kz", language="kk",
                                     channel="web"))  # fmt: skip
    assert late.due_date == date(2026, 12, 2)
    closed(late, Ticket.Status.DONE, datetime(2026, 12, 3, 0, 30, tzinfo=ALMATY))  # 2nd in UTC
    time_machine.move_to("2026-12-10 10:00+05:00", tick=False)
    staff = verified_login(client, privacy_officer)
    staff.cookies["django_language"] = lang
    for url in (f"/admin/rights/ticket/{late.pk}/change/",
                f"/admin/consent/subject/{person.pk}/change/"):  # fmt: skip
        page = staff.get(url).content.decode()
        assert LATE[lang] in page, url
