"""Compliance T7: a code typed while django-otp pauses a second factor after wrong codes in a
row is not called wrong. Dana, a privacy officer, whose right code was refused as wrong, typed
more codes (each one a failure towards the lockout) and took her authenticator for broken. The
login page's one answer says that codes pause, and answers a paused code as it answers a wrong
password: told apart, it would confirm the password typed with it to whoever guessed it."""

import re
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone, translation
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from consent.common.dates import reader_time
from consent.core.models import AuditEvent

PAUSED = {"kk": "кіру уақытша тоқтатылды", "ru": "Вход приостановлен"}
# The login page's answer to every refused sign-in: codes pause after a wrong one.
CODES_PAUSE = {"kk": "бір минут күтіп", "ru": "подождите минуту"}
WRONG_ENROLMENT_CODE = {"kk": "Код қате", "ru": "Код неверен"}


def code_for(device, steps=0):
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = totp.time + steps * device.step
    return f"{totp.token():06d}"


def wrong_totp(device):
    valid = {code_for(device, steps) for steps in (-1, 0, 1)}
    return next(c for c in (f"{n:06d}" for n in range(0, 10**6, 7919)) if c not in valid)


def totp_codes(user):
    device = TOTPDevice.objects.create(user=user, name="phone", confirmed=True)
    return lambda: code_for(device), lambda: wrong_totp(device)


def recovery_codes(user):
    device = StaticDevice.objects.create(user=user, name="recovery", confirmed=True)
    StaticToken.objects.create(device=device, token="a1b2c3d4e5")
    return lambda: "a1b2c3d4e5", lambda: "0f0f0f0f0f"


def text(response) -> str:
    return re.sub(r"\s+", " ", response.content.decode()).replace("&#x27;", "'")


def note(response) -> str:
    """The login page's error, as read."""
    found = re.findall(r'class="errornote"[^>]*>(.*?)</p>', response.content.decode(), re.S)
    return " ".join(" ".join(found).split())


def wrong_password_note(lang) -> str:
    """The wrong password's answer (which a wrong code gets too), for an account nobody has."""
    client = Client(headers={"accept-language": lang})
    return note(client.post("/admin/login/", {"username": "nobody", "password": "x"}))


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("codes", [totp_codes, recovery_codes], ids=["authenticator", "recovery"])
def test_a_code_typed_while_paused_is_answered_as_a_wrong_password_which_tells_the_pause(
    privacy_officer, time_machine, lang, codes
):
    time_machine.move_to(timezone.now(), tick=False)
    right, wrong = codes(privacy_officer)
    client = Client(headers={"accept-language": lang})

    def sign_in(code):
        return client.post("/admin/login/", {"username": "dana", "password": "pw-dana-123456",
                                             "otp_token": code, "next": "/admin/"})  # fmt: skip

    wrong_answer = wrong_password_note(lang)
    for pause in (1, 2, 4):  # each wrong code, typed after the pause before, doubles it
        assert note(sign_in(wrong())) == wrong_answer
        time_machine.shift(timedelta(seconds=pause))
    time_machine.shift(timedelta(seconds=-4))  # at once after the third
    until = timezone.now() + timedelta(seconds=4)

    page = sign_in(right())

    assert page.status_code == 200 and client.get("/admin/").status_code == 302
    with translation.override(lang):
        shown = reader_time(until, seconds=True)
    assert note(page) == wrong_answer and CODES_PAUSE[lang] in wrong_answer.replace("\xa0", " ")
    assert PAUSED[lang] not in note(page) and shown not in note(page)
    assert "pw-dana-123456" not in text(page) and "otp_device" not in text(page)
    # nobody's wrong password, three wrong codes and the paused one: each a refused sign-in
    assert AuditEvent.objects.filter(action="login_failed").count() == 5

    time_machine.shift(timedelta(seconds=5))
    assert sign_in(right()).status_code == 302
    assert client.get("/admin/").status_code == 200


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_enrolment_code_typed_while_paused_is_told_the_pause(privacy_officer, time_machine,
                                                                 lang):  # fmt: skip
    time_machine.move_to(timezone.now(), tick=False)
    client = Client(headers={"accept-language": lang})
    client.post("/admin/enrol/", {"username": "dana", "password": "pw-dana-123456"})
    client.get("/admin/enrol/")
    device = TOTPDevice.objects.get(user=privacy_officer, confirmed=False)
    for pause in (1, 2):
        page = client.post("/admin/enrol/", {"code": wrong_totp(device)})
        assert WRONG_ENROLMENT_CODE[lang] in text(page)
        time_machine.shift(timedelta(seconds=pause))
    time_machine.shift(timedelta(seconds=-2))
    until = timezone.now() + timedelta(seconds=2)

    page = client.post("/admin/enrol/", {"code": code_for(device)})

    with translation.override(lang):
        shown = reader_time(until, seconds=True)
    assert PAUSED[lang] in text(page) and shown in text(page)
    assert WRONG_ENROLMENT_CODE[lang] not in text(page)
    assert not TOTPDevice.objects.get(pk=device.pk).confirmed
    time_machine.shift(timedelta(seconds=3))
    client.post("/admin/enrol/", {"code": code_for(device)})
    assert TOTPDevice.objects.get(pk=device.pk).confirmed
    assert client.get("/admin/").status_code == 200
