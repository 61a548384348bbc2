"""Compliance T15: a mail the server did not take waits its retry interval before it is tried
again, and is given up (failed, logged) after the last retry, not tried for ever. The live test
of a dead server waits for its one retry only, so neither the interval nor the end was held."""

import smtplib

from django.utils import timezone
from post_office import settings as po
from post_office.models import STATUS, Email

from consent.core.delivery import send_queued


def test_a_mail_not_taken_waits_its_interval_and_is_given_up_after_the_last_retry(
    client, texts, contact_data, monkeypatch, time_machine
):
    time_machine.move_to(timezone.now(), tick=False)
    client.post("/kk/contact/", contact_data())  # an acknowledgement and a staff notice
    tried = []

    def server_down(self, **kwargs):
        tried.append(self.id)
        raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")

    monkeypatch.setattr(Email, "dispatch", server_down)
    send_queued()
    assert len(tried) == 2
    assert {(e.status, e.number_of_retries) for e in Email.objects.all()} == {(STATUS.requeued, 1)}
    send_queued()  # another run before the retry is due tries nothing
    assert len(tried) == 2

    interval, last = po.get_retry_timedelta(), po.get_max_retries()
    for _ in range(last):
        time_machine.shift(interval)
        send_queued()
    assert len(tried) == 2 * (last + 1)
    assert set(Email.objects.values_list("status", flat=True)) == {STATUS.failed}
    time_machine.shift(interval)
    send_queued()
    assert len(tried) == 2 * (last + 1)  # given up: never tried again
