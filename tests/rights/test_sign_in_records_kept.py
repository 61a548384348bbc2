"""Compliance T6, L13: the staff sign-in's records are kept for a stated term, by the nightly
retention job (manage.py enforce_retention), no longer: django-axes deleted an attempt (the
name typed, the IP, the browser) only when someone next signed in, and kept its logs for good."""

import io
from datetime import UTC, datetime, timedelta

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.conf import settings
from django.contrib.auth.models import User
from django.core.management import call_command
from django.test import Client

PASSWORD = "correct-horse-battery-1"
# 23:40 in Almaty: the night's run at 00:10 is half an hour later, on the next local day.
START = datetime(2026, 3, 10, 18, 40, tzinfo=UTC)


def nightly_run(time_machine, at):
    time_machine.move_to(at, tick=False)
    call_command("enforce_retention", stdout=io.StringIO())


def typed(client, password):
    fields = {"username": "bob", "password": password, "otp_token": "123456"}
    return client.post("/admin/login/", fields, REMOTE_ADDR="203.0.113.7")


def test_an_attempt_counts_through_its_cool_off_and_goes_the_night_after(db, time_machine):
    User.objects.create_superuser("bob", "bob@example.kz", PASSWORD)
    time_machine.move_to(START, tick=False)
    client = Client()
    assert [typed(client, "wrong-horse-9").status_code for _ in range(5)][-1] == 429
    assert AccessAttempt.objects.filter(username="bob").exists()

    nightly_run(time_machine, START + timedelta(minutes=30))  # within the cool-off
    assert AccessAttempt.objects.filter(username="bob", ip_address="203.0.113.7").exists()
    assert typed(client, PASSWORD).status_code == 429  # the lockout holds (T6)

    nightly_run(time_machine, START + timedelta(days=1, hours=1))  # the next night (00:40)
    assert not AccessAttempt.objects.exists()  # though nobody signed in since


def logged(model, username):
    fields = {"username": username, "ip_address": "203.0.113.7", "user_agent": "Firefox",
              "http_accept": "text/html", "path_info": "/admin/login/"}  # fmt: skip
    return model.objects.create(**fields)


@pytest.mark.parametrize(
    "model,setting",
    [(AccessLog, "STAFF_SIGN_INS_KEPT_DAYS"), (AccessFailureLog, "SIGN_IN_FAILURES_KEPT_DAYS")],
)
def test_a_sign_in_log_is_kept_its_term_and_no_longer(db, time_machine, model, setting):
    days = getattr(settings, setting)
    time_machine.move_to(START, tick=False)
    old = logged(model, "bob")
    time_machine.move_to(START + timedelta(days=2), tick=False)
    newer = logged(model, "alice")

    nightly_run(time_machine, START + timedelta(days=days) - timedelta(minutes=1))
    assert set(model.objects.values_list("pk", flat=True)) == {old.pk, newer.pk}

    nightly_run(time_machine, START + timedelta(days=days, hours=5))  # the next local day
    assert list(model.objects.values_list("pk", flat=True)) == [newer.pk]


def test_the_terms_are_the_stated_ones():
    """docs/compliance.md (T6) and README state these; a change changes them there too."""
    assert settings.SIGN_IN_FAILURES_KEPT_DAYS == 90
    assert settings.STAFF_SIGN_INS_KEPT_DAYS == 365
