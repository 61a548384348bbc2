"""The desk's lists ask the database the same number of times for 5 requests as for 50, in
every state a request can be in: a column that asked about each row (was it answered late, is
a link out, whose officer) would make a page of 50 ask 50 times more."""

from datetime import date, datetime, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from consent.rights.models import Ticket

Status = Ticket.Status
RECEIVED = timezone.make_aware(datetime(2026, 11, 2, 10))
DUE = date(2026, 11, 16)
# (status, closed, verified, link sent): open and waiting, on time, late, filed, unconfirmed.
STATES = [
    (Status.UNVERIFIED, None, None, RECEIVED),
    (Status.UNVERIFIED, None, None, None),  # no link was sent
    (Status.OPEN, None, RECEIVED, RECEIVED),
    (Status.DONE, RECEIVED + timedelta(days=3), RECEIVED, RECEIVED),  # on time
    (Status.DONE, RECEIVED + timedelta(days=30), RECEIVED, RECEIVED),  # late
    (Status.REFUSED, RECEIVED + timedelta(days=30), RECEIVED, RECEIVED),
    (Status.NOT_CONFIRMED, RECEIVED + timedelta(days=40), None, RECEIVED),
    (Status.CLOSED, RECEIVED + timedelta(days=1), None, None),
]


def requests_of(subject, count):
    made = []
    for n in range(count):
        status, closed, verified, sent = STATES[n % len(STATES)]
        made.append(Ticket(
            type="access", email=subject.email, subject=subject, channel="web", language="kk",
            status=status, received_at=RECEIVED, due_date=DUE, closed_at=closed,
            verified_at=verified, link_sent_at=sent,
        ))  # fmt: skip
    made = Ticket.objects.bulk_create(made)
    # One filed with the first: shown with the request it joined (due.due_shown).
    Ticket.objects.create(
        type="access", email=subject.email, subject=subject, channel="email", language="kk",
        status=Status.FILED, received_at=RECEIVED, due_date=DUE, regarding=made[0],
        closed_at=RECEIVED,
    )  # fmt: skip


def queries(client, url):
    # The session's first page notes its language, and the page's first view fills caches (the
    # policy, the calendar): the second is counted.
    assert client.get("/admin/").status_code == 200
    assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as asked:
        response = client.get(url)
    assert response.status_code == 200
    return len(asked.captured_queries), response.content.decode()


LISTINGS = ["/admin/rights/ticket/?due=all", "/admin/rights/ticket/",
            "/admin/rights/ticket/?due=late", "person's page"]  # fmt: skip


@pytest.mark.parametrize("listing", LISTINGS)
def test_a_page_of_50_requests_asks_as_often_as_one_of_5(
    request, make_subject, time_machine, listing
):
    time_machine.move_to("2026-12-07 10:00+05:00")
    privacy_officer_client = request.getfixturevalue("privacy_officer_client")  # signed in now
    counted = {}
    for count in (5, 50):
        Ticket.objects.all().delete()
        asel = make_subject(email=f"asel{count}@example.kz")
        requests_of(asel, count)
        url = f"/admin/consent/subject/{asel.pk}/change/" if listing == "person's page" else listing
        counted[count], html = queries(privacy_officer_client, url)
        if listing.endswith("due=all"):
            assert 'class="late"' in html  # the due column's «answered late», of the rows
    assert counted[50] == counted[5], counted


def test_the_request_page_and_the_persons_page_mark_a_late_answer(
    request, make_subject, time_machine
):
    time_machine.move_to("2026-12-07 10:00+05:00")
    officer = request.getfixturevalue("privacy_officer_client")
    asel = make_subject(email="asel@example.kz")
    requests_of(asel, len(STATES))
    late = Ticket.objects.get(status=Status.DONE, closed_at__gt=RECEIVED + timedelta(days=20))
    pages = [f"/admin/rights/ticket/{late.pk}/change/", f"/admin/consent/subject/{asel.pk}/change/"]
    for url in pages:
        assert 'class="late"' in officer.get(url).content.decode(), url
