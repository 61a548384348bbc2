"""The outbox's notices to staff go a month after they were sent (core.staff.staff_notices_prune,
compliance L5), by the nightly retention: a form's notice, a new request's. They
were kept for good, with what they say of the person. Never one still to send or given up on,
and never the person's own mail (their acknowledgement, the answer to their request)."""

from datetime import timedelta

from django.utils import timezone
from post_office.models import STATUS, Email, Log

from consent.core.mail import STAFF_NOTICE
from consent.core.staff import STAFF_NOTICES_KEPT
from consent.rights.retention import enforce_retention
from tests.conftest import aged_token
from tests.texts import SHOWN

from .conftest import mails_to, web_request

CONTACT = {"full_name": "Әсел Қасымова", "phone": "8 701 123 45 67", "message": "Сәлем",
           "email": "asel@example.kz", "consent_service": "on", **SHOWN}  # fmt: skip


def _notices():
    return Email.objects.filter(headers__has_key=STAFF_NOTICE)


def test_sent_notices_to_staff_go_a_month_after_and_nothing_else_does(
    client, person, privacy_officer, settings, time_machine
):
    time_machine.move_to("2027-01-11 10:00+05:00", tick=False)
    assert client.post("/kk/contact/", {"token": aged_token(), **CONTACT}).status_code == 302
    web_request(client, "kk", "access")  # the officers are told of each new request
    web_request(client, "ru", "block")
    web_request(client, "kk", "other")
    notices = set(_notices().values_list("pk", flat=True))
    assert len(notices) == 4
    assert _notices().filter(to=[settings.STAFF_NOTIFY_EMAIL]).exists()  # the form's notice
    assert _notices().filter(to=[privacy_officer.email]).exists()  # the new request's
    persons = {m.pk for m in mails_to("asel@example.kz")}  # her acknowledgement, her link
    assert persons and not persons & notices
    Email.objects.update(status=STATUS.sent)
    for email in Email.objects.all():
        Log.objects.create(email=email, status=STATUS.sent, message="250 OK")
    unsent, failed = sorted(notices)[:2]
    Email.objects.filter(pk=unsent).update(status=STATUS.queued)
    Email.objects.filter(pk=failed).update(status=STATUS.failed)

    time_machine.move_to(timezone.now() + STAFF_NOTICES_KEPT - timedelta(minutes=1))
    enforce_retention()
    assert set(_notices().values_list("pk", flat=True)) == notices  # within their month

    time_machine.move_to(timezone.now() + timedelta(minutes=2))
    enforce_retention()
    assert set(_notices().values_list("pk", flat=True)) == {unsent, failed}  # two went
    assert not Log.objects.filter(email_id__in=notices - {unsent, failed}).exists()
    assert {m.pk for m in mails_to("asel@example.kz")} == persons  # hers stay, as her record's
