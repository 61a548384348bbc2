"""Compliance T7: no staff page without a second factor."""

import re
from datetime import timedelta

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.test import Client
from django.utils import timezone
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from consent.core.models import AuditEvent

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
    assert "data:image/svg+xml;base64," in page
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


@pytest.mark.parametrize(
    "next_page", [None, "", "https://evil.example/admin/", "//evil.example/"], ids=repr
)
def test_signing_in_without_a_page_to_go_back_to_lands_on_the_desk(staff, next_page):
    """The login page opened with an empty `next`, or one leading off the site (a link someone
    sent), or a sign-in posted without it: the staff member landed on /accounts/profile/, a 404."""
    device, _ = enrol(Client())
    device.refresh_from_db()
    client = Client()
    data = {"username": "bob", "password": "correct-horse-battery-1",
            "otp_token": code_for(device, drift=1)}  # fmt: skip
    if next_page is not None:
        data["next"] = next_page
    response = client.post("/admin/login/", data)
    assert (response.status_code, response["Location"]) == (302, "/admin/")
    assert client.get("/admin/").status_code == 200


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


@pytest.mark.parametrize("lang,heading", [("kk", "Қызметкер ретінде кіру"),
                                          ("ru", "Вход для сотрудников")])  # fmt: skip
def test_the_login_page_has_one_heading_in_the_staff_language(db, lang, heading):
    """The heading names the page (a noun in Russian), the button says what it does («Войти»,
    a verb, was the heading too)."""
    html = Client().get("/admin/login/", headers={"accept-language": lang}).content.decode()
    assert re.findall(r"<h1>(.*?)</h1>", html) == [heading]
    assert re.search(rf"<title>{heading} \|", html)


def normalised(response):
    """Status and page, without what differs on every response (CSRF token, CSP nonce); the
    code typed is not shown back (tests/site/test_codes_not_shown_back.py)."""
    html = re.sub(r'(name="csrfmiddlewaretoken" value=)"[^"]+"', r'\1""', response.content.decode())
    return response.status_code, re.sub(r'nonce="[^"]+"', 'nonce=""', html)


def wrong_code(device):
    valid = {code_for(device, drift) for drift in (-1, 0, 1, 2)}
    return next(c for c in (f"{n:06d}" for n in range(0, 10**6, 7919)) if c not in valid)


def sign_in(client, password, token):
    return client.post("/admin/login/", {"username": "bob", "password": password,
                                         "otp_token": token, "next": "/admin/"})  # fmt: skip


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_wrong_code_answers_exactly_as_a_wrong_password(staff, lang):
    """Otherwise the login page confirms the password to whoever guessed it (compliance T6)."""
    device, _ = enrol(Client())
    device.refresh_from_db()
    answers = [
        normalised(sign_in(Client(headers={"accept-language": lang}), password, token))
        for password, token in [
            ("wrong-horse-battery-9", wrong_code(device)),  # the password is wrong
            ("correct-horse-battery-1", wrong_code(device)),  # the password is right
            ("correct-horse-battery-1", ""),  # right, and no code
            ("correct-horse-battery-1", "0123456789"),  # right, and a made-up recovery code
        ]
    ]
    assert all(answer == answers[0] for answer in answers)
    status, html = answers[0]
    assert status == 200 and "correct-horse-battery-1" not in html and "otp_device" not in html
    assert AuditEvent.objects.filter(action="login_failed").count() == 4


def test_wrong_codes_count_towards_the_lockout(staff):
    device, _ = enrol(Client())
    device.refresh_from_db()
    client = Client()
    statuses = [sign_in(client, "correct-horse-battery-1", wrong_code(device)).status_code
                for _ in range(5)]  # fmt: skip
    assert statuses == [200, 200, 200, 200, 429]
    right = sign_in(client, "correct-horse-battery-1", code_for(device, drift=1))
    assert right.status_code == 429 and client.get("/admin/").status_code == 302
    assert AuditEvent.objects.filter(action="login_failed").count() == 5


@pytest.mark.parametrize(
    "lang,text", [("kk", "аутентификатор бұрыннан бар"), ("ru", "уже есть аутентификатор")]
)
def test_the_enrolment_page_does_not_confirm_a_password(staff, lang, text):
    """An enrolled account's right password gets the wrong password's answer, and counts."""
    enrol(Client())
    wrong, right = (
        Client(headers={"accept-language": lang}).post(
            "/admin/enrol/", {"username": "bob", "password": password})
        for password in ("wrong-horse-battery-9", "correct-horse-battery-1")
    )  # fmt: skip
    assert normalised(wrong) == normalised(right)
    assert right.status_code == 200 and text in right.content.decode()
    assert AuditEvent.objects.filter(action="login_failed").count() == 2


def test_an_idle_staff_session_ends_after_an_hour(staff, time_machine):
    time_machine.move_to(timezone.now(), tick=False)
    client = Client()
    enrol(client)
    for _ in range(3):  # working on: each request moves the end an hour ahead
        time_machine.shift(timedelta(minutes=59))
        response = client.get("/admin/")
        assert response.status_code == 200
    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert cookie["max-age"] == 3600  # the browser drops it too
    time_machine.shift(timedelta(minutes=61))
    response = client.get("/admin/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_a_public_visitors_session_keeps_its_age(client, db):
    session = client.session
    session["visitor"] = "x"
    session.save()
    client.get("/kk/")
    assert client.session.get_expiry_age() == settings.SESSION_COOKIE_AGE


def _password_changed(user):
    user.set_password("a-new-password-after-the-leak")
    user.save()


def _deactivated(user):
    user.is_active = False
    user.save()


def _enrolled_meanwhile(user):
    TOTPDevice.objects.create(user=user, name="own", confirmed=True)


@pytest.mark.parametrize("change", [_password_changed, _deactivated, _enrolled_meanwhile])
def test_a_half_done_enrolment_ends_when_its_password_no_longer_holds(staff, change):
    """Someone who typed a leaked password on the enrolment page kept its second step open (each
    request renewed it): after the password was changed, the account closed or its owner had
    enrolled, that session still took a code from its own authenticator and signed in as the
    staff member, with new recovery codes. The step is checked as a signed-in session is."""
    client = Client()
    client.post("/admin/enrol/", {"username": "bob", "password": "correct-horse-battery-1"})
    assert "data:image/svg+xml;base64," in client.get("/admin/enrol/").content.decode()
    device = TOTPDevice.objects.get(user=staff, confirmed=False)
    change(staff)

    page = client.post("/admin/enrol/", {"code": code_for(device)})

    assert 'name="password"' in page.content.decode()
    assert not TOTPDevice.objects.get(pk=device.pk).confirmed
    assert client.get("/admin/consent/subject/").status_code == 302
