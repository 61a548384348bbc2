"""Every legal date is the local date in TIME_ZONE (Asia/Almaty, UTC+5), not the UTC one: tried
at 00:30 (still the day before in UTC) and at 23:30 (the same day in UTC)."""

from datetime import date

import pytest

from consent.rights.models import Ticket
from consent.rights.selfservice import access_download
from consent.rights.tickets import deadline_days
from consent.workdays.calendar import due_date

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
    page = client.get("/kk/privacy/").content.decode()
    assert (f"{number}-нұсқа" in page) and (f"{3 - number}-нұсқа" not in page)


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
