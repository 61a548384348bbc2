"""A refused one-time code is not typed back into the page (compliance T7), as the password is
not: the login page showed «123456» in its code field after a refused sign-in."""

import re

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

PASSWORD = "correct-horse-battery-1"


@pytest.fixture
def device(db):
    user = User.objects.create_superuser("bob", "bob@example.kz", PASSWORD)
    return TOTPDevice.objects.create(user=user, name="phone", confirmed=True)


def refused(device, code):
    """`code`, unless the device would take it now: then another six digits it would not."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    valid = {f"{totp.token():06d}"}
    for drift in (-1, 1, 2):
        totp.time = totp.time + drift * device.step
        valid.add(f"{totp.token():06d}")
    return code if code not in valid else "654321" if "654321" not in valid else "135790"


def code_field(html):
    return re.search(r"<input[^>]*name=\"otp_token\"[^>]*>", html).group(0)


@pytest.mark.parametrize(
    "password,code",
    [
        (PASSWORD, "123456"),  # the right password, a wrong app code
        ("wrong-horse-battery-9", "123456"),  # a wrong password too
        (PASSWORD, "0123456789"),  # a made-up recovery code
        (PASSWORD, " 123456 "),  # typed with spaces
    ],
)
@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_refused_sign_in_does_not_show_the_code_typed(device, password, code, lang):
    if code.strip().isdigit():
        code = code.replace(code.strip(), refused(device, code.strip()))
    client = Client(headers={"accept-language": lang})
    response = client.post("/admin/login/", {"username": "bob", "password": password,
                                             "otp_token": code, "next": "/admin/"})  # fmt: skip
    html = response.content.decode()
    assert response.status_code == 200 and "errornote" in html  # refused, the form shown again
    assert code.strip() not in html and PASSWORD not in html
    assert "value=" not in code_field(html)  # the field is there, and empty
    assert 'value="bob"' in html  # the name is kept, as Django keeps it


def test_a_refused_code_at_enrolment_is_not_shown_back(db):
    User.objects.create_superuser("bob", "bob@example.kz", PASSWORD)
    client = Client()
    client.post("/admin/enrol/", {"username": "bob", "password": PASSWORD})
    assert "data:image/svg+xml;base64," in client.get("/admin/enrol/").content.decode()
    pending = TOTPDevice.objects.get(user__username="bob", confirmed=False)
    code = refused(pending, "123456")
    html = client.post("/admin/enrol/", {"code": code}).content.decode()
    assert 'name="code"' in html and code not in html
    pending.refresh_from_db()
    assert not pending.confirmed
