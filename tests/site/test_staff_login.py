"""Compliance T7: no staff page without a second factor."""

import re

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

ADMIN_URLS = ["/admin/", "/admin/consent/subject/", "/admin/rights/ticket/",
              "/admin/consent/ledgerentry/", "/admin/consent/auditevent/"]  # fmt: skip


@pytest.fixture
def staff(db):
    return User.objects.create_superuser("bob", "bob@example.kz", "correct-horse-battery-1")


def code_for(device, drift=0):
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = totp.time + drift * device.step
    return f"{totp.token():06d}"


def test_password_alone_opens_no_staff_page(staff):
    client = Client()
    client.force_login(staff)  # signed in with the password, no second factor
    for url in ADMIN_URLS:
        response = client.get(url)
        assert response.status_code == 302 and "/admin/login/" in response["Location"], url


def enrol(client):
    client.post("/admin/enrol/", {"username": "bob", "password": "correct-horse-battery-1"})
    page = client.get("/admin/enrol/").content.decode()
    assert "<svg" in page
    device = TOTPDevice.objects.get(user__username="bob", confirmed=False)
    response = client.post("/admin/enrol/", {"code": code_for(device)})
    return device, response


def test_enrolment_gives_recovery_codes_and_a_verified_session(staff):
    client = Client()
    device, response = enrol(client)
    codes = re.findall(r"<li><code>([0-9a-f]{10})</code></li>", response.content.decode())
    assert len(codes) == 10
    device.refresh_from_db()
    assert device.confirmed
    assert client.get("/admin/consent/subject/").status_code == 200


def login_with(client, token):
    return client.post("/admin/login/", {"username": "bob", "password": "correct-horse-battery-1",
                                         "otp_token": token, "next": "/admin/"})  # fmt: skip


def test_wrong_code_is_rejected_and_a_used_code_cannot_be_reused(staff):
    device, _ = enrol(Client())
    device.refresh_from_db()
    client = Client()
    good = code_for(device, drift=1)  # the next time step: not yet used by the enrolment
    assert login_with(client, good).status_code == 302
    assert client.get("/admin/").status_code == 200
    again = Client()
    assert login_with(again, good).status_code == 200  # the same code in the same step
    assert again.get("/admin/").status_code == 302
    wrong = Client()
    assert login_with(wrong, "000000").status_code == 200
    assert wrong.get("/admin/").status_code == 302


def test_a_recovery_code_works_once(staff):
    client = Client()
    _, response = enrol(client)
    code = re.findall(r"<li><code>([0-9a-f]{10})</code></li>", response.content.decode())[0]
    first, second = Client(), Client()
    assert login_with(first, code).status_code == 302
    assert first.get("/admin/").status_code == 200
    assert login_with(second, code).status_code == 200


def test_after_logout_the_old_session_cookie_opens_nothing(staff):
    client = Client()
    enrol(client)
    cookie = client.cookies["sessionid"].value if "sessionid" in client.cookies else None
    name = next(iter(client.cookies))
    cookie = client.cookies[name].value
    client.post("/admin/logout/")
    stale = Client()
    stale.cookies[name] = cookie
    assert stale.get("/admin/").status_code == 302


def test_an_enrolled_account_cannot_enrol_again(staff):
    enrol(Client())
    response = Client().post("/admin/enrol/", {"username": "bob",
                                               "password": "correct-horse-battery-1"})  # fmt: skip
    assert response.status_code == 200
    assert TOTPDevice.objects.filter(user__username="bob").count() == 1


@pytest.mark.parametrize("lang,heading", [("kk", "Кіру"), ("ru", "Войти")])
def test_the_login_page_has_one_heading_in_the_staff_language(db, lang, heading):
    html = Client().get("/admin/login/", headers={"accept-language": lang}).content.decode()
    assert re.findall(r"<h1>(.*?)</h1>", html) == [heading]
