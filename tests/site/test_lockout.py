"""Compliance T6: lockout per user and IP; alerts on failed sign-ins and bulk exports."""

import pytest
from django.contrib.auth.models import User
from django.test import Client
from post_office.models import Email

from consent.core.models import AuditEvent
from tests.site.language import counted
from tests.staff import verified_login


@pytest.fixture
def staff(db, settings):
    settings.OPERATOR = {**settings.OPERATOR, "responsible_contact": "dpo@example.kz"}
    return User.objects.create_superuser("bob", "bob@example.kz", "correct-horse-battery-1")


def attempt(client, password, ip):
    return client.post("/admin/login/", {"username": "bob", "password": password,
                                         "otp_token": "123456"}, REMOTE_ADDR=ip)  # fmt: skip


# The lock lasts AXES_COOLOFF_TIME (an hour): the page says so, in minutes, where the public
# forms' «wait a minute» sent a locked-out staff member back 59 minutes too soon.
LOCKED = {
    "kk": (
        "Кіру уақытша жабық",
        counted("соңғы әрекеттен кейін 60 минут бойы осы қосылымнан кіру жабық"),
    ),
    "ru": (
        "Вход временно закрыт",
        counted("вход с\xa0него закрыт на 60 минут после последней из них"),
    ),
}


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_sixth_attempt_is_locked_even_with_the_right_password(staff, lang):
    client = Client(headers={"accept-language": lang})
    statuses = [attempt(client, "wrong", "203.0.113.1").status_code for _ in range(5)]
    assert statuses == [200, 200, 200, 200, 429]  # the fifth failure locks the account
    response = attempt(client, "correct-horse-battery-1", "203.0.113.1")
    page = response.content.decode()
    assert response.status_code == 429 and all(text in page for text in LOCKED[lang])
    assert "минуту" not in page and response["Retry-After"] == "3600"
    assert AuditEvent.objects.filter(action="login_failed").count() == 5
    # the same user from another address is not locked out
    assert attempt(Client(), "wrong", "198.51.100.2").status_code == 200


def test_new_ipv6_addresses_of_one_network_do_not_buy_more_guesses(staff):
    """One subscriber holds a whole IPv6 /64: a new address of it for each guess is the same
    guesser, locked after five like an IPv4 address; another network is not."""
    statuses = [attempt(Client(), "wrong", f"2001:db8:1:2::{i + 1:x}").status_code
                for i in range(5)]  # fmt: skip
    assert statuses == [200, 200, 200, 200, 429]
    assert attempt(Client(), "correct-horse-battery-1", "2001:db8:1:2:ffff::9").status_code == 429
    assert attempt(Client(), "wrong", "2001:db8:1:3::1").status_code == 200


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


def test_invented_usernames_write_a_bounded_number_of_audit_rows(staff, settings, time_machine):
    """Axes locks a username at an address, so invented names never lock: the audit rows of one
    address are bounded per window, the burst still alerts, and other addresses still count."""
    settings.ALERT_FAILED_LOGINS = 10
    settings.FAILED_LOGIN_AUDIT_LIMIT = "20/600"
    time_machine.move_to("2026-03-02 09:00:30+05:00", tick=False)
    client = Client()
    for i in range(60):
        data = {"username": f"nobody{i}", "password": "x", "otp_token": "123456"}
        response = client.post("/admin/login/", data, REMOTE_ADDR="203.0.113.7")
        assert response.status_code == 200
    rows = AuditEvent.objects.filter(action="login_failed")
    assert rows.count() == 21
    assert [r.detail for r in rows.all() if r.detail] == [{"more_not_recorded": True,
                                                           "window_seconds": 600}]  # fmt: skip
    assert Email.objects.filter(to=["dpo@example.kz"]).count() == 1  # the burst alerted
    attempt(Client(), "wrong", "198.51.100.2")
    assert rows.count() == 22
    time_machine.move_to("2026-03-02 09:10:30+05:00", tick=False)  # the next window
    attempt(Client(), "wrong", "203.0.113.7")
    assert rows.count() == 23


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


@pytest.mark.parametrize(
    "lang,text",
    [("kk", counted("көп дегенде 150 таңба")), ("ru", counted("не более 150 символов"))],
)
def test_a_name_longer_than_any_account_is_refused_at_the_field(staff, lang, text):
    """django-axes keeps a failed sign-in's name in a column of 255 characters, and Django's
    login form checked no length: a longer name was a 500 on the login page."""
    client = Client(headers={"accept-language": lang})
    for username in ("a" * 256, "ә" * 5000):
        response = client.post("/admin/login/", {"username": username, "password": "x",
                                                 "otp_token": "123456"})  # fmt: skip
        assert response.status_code == 200 and text in response.content.decode()
