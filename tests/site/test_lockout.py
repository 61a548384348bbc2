"""Compliance T6: lockout per user and IP; alerts on failed sign-ins and bulk exports."""

import pytest
from django.contrib.auth.models import User
from django.test import Client
from post_office.models import Email

from consent.core.models import AuditEvent

from ..conftest import verified_login


@pytest.fixture
def staff(db, settings):
    settings.OPERATOR = {**settings.OPERATOR, "responsible_contact": "dpo@example.kz"}
    return User.objects.create_superuser("bob", "bob@example.kz", "correct-horse-battery-1")


def attempt(client, password, ip):
    return client.post("/admin/login/", {"username": "bob", "password": password,
                                         "otp_token": "123456"}, REMOTE_ADDR=ip)  # fmt: skip


@pytest.mark.parametrize("lang,text", [("kk", "Тым көп"), ("ru", "Слишком много")])
def test_sixth_attempt_is_locked_even_with_the_right_password(staff, lang, text):
    client = Client(headers={"accept-language": lang})
    statuses = [attempt(client, "wrong", "203.0.113.1").status_code for _ in range(5)]
    assert statuses == [200, 200, 200, 200, 429]  # the fifth failure locks the account
    response = attempt(client, "correct-horse-battery-1", "203.0.113.1")
    assert response.status_code == 429 and text in response.content.decode()
    assert AuditEvent.objects.filter(action="login_failed").count() == 5
    # the same user from another address is not locked out
    assert attempt(Client(), "wrong", "198.51.100.2").status_code == 200


def test_a_spoofed_forwarded_for_does_not_change_the_counted_ip(staff, settings):
    settings.TRUSTED_PROXIES = ["10.0.0.1"]
    client = Client()
    for i in range(5):
        client.post("/admin/login/", {"username": "bob", "password": "wrong"},
                    REMOTE_ADDR="203.0.113.1", HTTP_X_FORWARDED_FOR=f"1.2.3.{i}")  # fmt: skip
    response = client.post("/admin/login/", {"username": "bob", "password": "x"},
                           REMOTE_ADDR="203.0.113.1", HTTP_X_FORWARDED_FOR="9.9.9.9")  # fmt: skip
    assert response.status_code == 429


def test_a_burst_of_failed_logins_alerts_the_responsible_person(staff, settings):
    settings.ALERT_FAILED_LOGINS = 3
    for i in range(4):
        attempt(Client(), "wrong", f"203.0.113.{i}")
    alerts = Email.objects.filter(to=["dpo@example.kz"])
    assert alerts.count() == 1 and "bob" not in alerts.get().message


def test_bulk_export_alerts_once(staff, settings, make_subject, client):
    """Exports and evidence downloads through the admin count alike; the fourth and fifth of a
    burst do not mail again."""
    settings.ALERT_BULK_EXPORTS = 3
    verified_login(client, staff)
    subjects = [make_subject() for _ in range(5)]
    for n, s in enumerate(subjects):
        kind = "export.json" if n % 2 else "evidence.csv"
        assert client.get(f"/admin/consent/subject/{s.pk}/{kind}").status_code == 200
    assert AuditEvent.objects.filter(actor_id=staff.pk).count() == 5
    assert Email.objects.filter(to=["dpo@example.kz"]).count() == 1
