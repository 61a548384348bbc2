"""The admin index's picture of the work (issue 18, item 11): requests of the last 12 weeks
and consents of the last 12 months, counted by local date (Asia/Almaty), drawn as SVG with the
numbers in a table."""

import re
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from consent.core.ledger import consent_grant, consent_withdraw
from consent.core.models import Source
from consent.core.purposes import MARKETING, SERVICE
from consent.rights.models import Ticket
from consent.rights.statistics import consents_by_month, requests_by_week

ALMATY = ZoneInfo("Asia/Almaty")
SVG_NS = "http://www.w3.org/2000/svg"


def local(*args):
    return datetime(*args, tzinfo=ALMATY)


@pytest.fixture
def work(make_subject, texts, time_machine):
    """Requests and consents around the boundaries where a UTC date and the local one differ."""
    person = make_subject()
    for received, due, closed, status in [
        # Due on Friday 20 November: closed that evening at 23:30 is on time; at 00:30 on the
        # 21st it is late, though it is still the 20th in UTC.
        (local(2026, 11, 16, 10), date(2026, 11, 20), local(2026, 11, 20, 23, 30), "done"),
        (local(2026, 11, 16, 11), date(2026, 11, 20), local(2026, 11, 21, 0, 30), "refused"),
        # Never confirmed by the person: closed once its link had expired, a week on, and from
        # an address no one on record holds. Neither was answered late: the law's day never
        # ran for a request the desk could not act on (it is shown as waiting, not overdue).
        (local(2026, 11, 16, 12), date(2026, 11, 20), local(2026, 11, 24, 9), "not_confirmed"),
        (local(2026, 11, 16, 13), date(2026, 11, 17), local(2026, 11, 18, 9), "no_data"),
        # Monday 23 November 03:00 in Almaty is Sunday the 22nd in UTC: this week, not the last.
        (local(2026, 11, 23, 3), date(2026, 12, 4), None, "open"),
        (local(2026, 8, 1, 12), date(2026, 8, 14), local(2026, 8, 3, 9), "done"),  # too old
    ]:
        Ticket.objects.create(type="access", email=person.email, subject=person, channel="web",
                              received_at=received, due_date=due, closed_at=closed,
                              status=status)  # fmt: skip
    for at, grant in [(local(2026, 10, 31, 23, 30), True), (local(2026, 11, 1, 2), True),
                      (local(2026, 11, 10, 9), False)]:  # fmt: skip
        time_machine.move_to(at)
        if grant:
            consent_grant(person, texts[SERVICE if at.day == 31 else MARKETING], language="kk",
                          source=Source.CONTACT_FORM)  # fmt: skip
        else:
            consent_withdraw(person, MARKETING, source=Source.SELF_SERVICE)
    time_machine.move_to(local(2026, 11, 25, 12))  # a Wednesday
    return person


def test_requests_are_counted_by_local_week_and_local_closing_day(work, django_assert_num_queries):
    with django_assert_num_queries(1):
        weeks = requests_by_week()
    assert len(weeks) == 12 and weeks[0]["start"] == date(2026, 9, 7)
    assert weeks[-2] == {"start": date(2026, 11, 16), "received": 4, "on_time": 1, "late": 1,
                         "unanswered": 2, "open": 0}  # fmt: skip
    assert weeks[-1] == {"start": date(2026, 11, 23), "received": 1, "on_time": 0, "late": 0,
                         "unanswered": 0, "open": 1}  # fmt: skip
    assert sum(week["received"] for week in weeks) == 5  # August's is older than 12 weeks
    for week in weeks:  # every request received is in one of the other four
        assert (
            week["received"] == week["on_time"] + week["late"] + week["unanswered"] + week["open"]
        )


def test_consents_are_counted_by_local_month(work, django_assert_num_queries):
    with django_assert_num_queries(1):
        months = consents_by_month()
    assert months[0]["start"] == date(2025, 12, 1)
    assert months[-2] == {"start": date(2026, 10, 1), "given": 1, "withdrawn": 0}
    assert months[-1] == {"start": date(2026, 11, 1), "given": 1, "withdrawn": 1}


def table_row(html, chart, label):
    table = re.search(rf'<table class="chart-data" id="{chart}-table">.*?</table>', html, re.S)
    row = re.search(rf"<tr><th scope=\"row\">{re.escape(label)}</th>(.*?)</tr>", table[0])
    return [int(n) for n in re.findall(r"<td[^>]*>(\d+)</td>", row[1])]


@pytest.mark.parametrize("lang, late, unanswered", [
    ("kk", "мерзімінен кеш жауап берілді", "жабылды, жауап берілмеді"),
    ("ru", "отвечено с\xa0опозданием", "закрыто, ответ не дан"),
])  # fmt: skip
def test_the_index_draws_the_numbers_for_a_privacy_officer(work, privacy_officer_client, lang,
                                                           late, unanswered):  # fmt: skip
    html = privacy_officer_client.get("/admin/", HTTP_ACCEPT_LANGUAGE=lang).content.decode()
    assert table_row(html, "chart-requests", "16.11") == [4, 1, 1, 2, 0]
    assert table_row(html, "chart-requests", "23.11") == [1, 0, 0, 0, 1]
    assert table_row(html, "chart-consents", "11.2026") == [1, 1]
    svg = re.search(r'<svg[^>]*aria-labelledby="chart-requests-title.*?</svg>', html, re.S)[0]
    assert f"<title>16.11: {late} — 1</title>" in svg  # each bar says what it is
    assert f"<title>16.11: {unanswered} — 2</title>" in svg
    assert (
        'id="chart-requests-desc"' in svg
        and "<script" not in svg
        and "http" not in svg.replace(SVG_NS, "")
    )


def test_no_chart_for_staff_who_do_not_work_requests(work, content_editor_client):
    html = content_editor_client.get("/admin/").content.decode()
    assert "chart-requests" not in html
