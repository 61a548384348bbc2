"""Compliance T7, T5: the session of the enrolment page, between its password and its code.

It gets a new id once the password is right. Otherwise whoever planted a session id in a staff
member's browser (a shared computer, a cookie set from a sibling subdomain) would open the code
step with it, read the authenticator's secret and QR code, and enrol their own phone as the
account's second factor."""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import User
from django.test import Client
from django.utils import timezone


def test_a_session_id_planted_before_the_password_never_sees_the_authenticator_secret(db):
    User.objects.create_superuser("bob", "bob@example.kz", "correct-horse-battery-1")
    name = settings.SESSION_COOKIE_NAME
    intruder = Client()
    session = intruder.session  # an id the intruder holds, saved on the server
    session.save()
    planted = session.session_key
    staff = Client()
    staff.cookies[name] = planted
    staff.post("/admin/enrol/", {"username": "bob", "password": "correct-horse-battery-1"})
    assert "data:image/svg+xml;base64," in staff.get("/admin/enrol/").content.decode()
    assert staff.cookies[name].value != planted

    intruder.cookies[name] = planted
    page = intruder.get("/admin/enrol/").content.decode()
    assert "data:image/svg+xml;base64," not in page and 'name="password"' in page


def test_an_enrolment_left_idle_for_an_hour_asks_for_the_password_again(db, time_machine):
    """A half-done enrolment is a staff session as much as a signed-in one: left open on a
    shared computer after its password, it ends after STAFF_IDLE_SECONDS as the admin's
    does, not after Django's two weeks, and nobody at that computer reaches the code step."""
    User.objects.create_superuser("bob", "bob@example.kz", "correct-horse-battery-1")
    time_machine.move_to(timezone.now(), tick=False)
    staff = Client()
    staff.post("/admin/enrol/", {"username": "bob", "password": "correct-horse-battery-1"})
    assert "data:image/svg+xml;base64," in staff.get("/admin/enrol/").content.decode()
    time_machine.shift(timedelta(seconds=settings.STAFF_IDLE_SECONDS + 60))
    page = staff.get("/admin/enrol/").content.decode()
    assert "data:image/svg+xml;base64," not in page and 'name="password"' in page
