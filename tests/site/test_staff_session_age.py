"""A staff session in use ends STAFF_SESSION_MAX_SECONDS after its sign-in (compliance T7):
each request moved its end an hour ahead for ever, so a session cookie copied from an officer's
browser, kept alive by a request every 59 minutes, opened the desk months later."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.contrib.auth.models import Group, User
from django.contrib.sessions.models import Session
from django.test import Client
from django.utils import timezone

from tests.staff import signed_in

PASSWORD = "correct-horse-battery-1"


@pytest.fixture
def officer(db):
    user = User.objects.create_user("aigerim", "aigerim@example.kz", PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name="privacy_officer"))
    return user


def test_a_session_in_use_ends_a_working_day_after_its_sign_in(officer, time_machine):
    time_machine.move_to(timezone.now(), tick=False)
    officer_browser = signed_in(Client(), officer, PASSWORD)
    stolen = Client()  # the same session, its cookie copied to another browser
    stolen.cookies[settings.SESSION_COOKIE_NAME] = officer_browser.cookies[
        settings.SESSION_COOKIE_NAME
    ].value
    worked = timedelta()
    while worked + timedelta(minutes=59) < timedelta(seconds=settings.STAFF_SESSION_MAX_SECONDS):
        time_machine.shift(timedelta(minutes=59))
        worked += timedelta(minutes=59)
        assert stolen.get("/admin/rights/ticket/").status_code == 200
    time_machine.shift(timedelta(minutes=59))
    for browser in (stolen, officer_browser):
        response = browser.get("/admin/rights/ticket/")
        assert response.status_code == 302 and "/admin/login/" in response["Location"]
    assert not Session.objects.filter(expire_date__gt=timezone.now()).exists()
    # Signing in again opens a new working day.
    browser = signed_in(Client(), officer, PASSWORD, step=1)
    assert browser.get("/admin/rights/ticket/").status_code == 200


def test_the_browser_drops_the_cookie_at_the_sessions_end(officer, time_machine):
    time_machine.move_to(timezone.now(), tick=False)
    browser = signed_in(Client(), officer, PASSWORD)
    remaining = settings.STAFF_SESSION_MAX_SECONDS
    while remaining > settings.STAFF_IDLE_SECONDS:  # working on, a request every 59 minutes
        time_machine.shift(timedelta(minutes=59))
        remaining -= 59 * 60
        response = browser.get("/admin/")
        assert response.status_code == 200
    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert cookie["max-age"] == remaining  # not an hour on: the end of the sign-in's day
