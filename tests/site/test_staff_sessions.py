"""A staff member's sessions (emalu/staff_sessions.py): Dana, a privacy officer signed in at
the desk, on her laptop and on a phone she has lost, ends the others from her account page; and
an administrator who closes an account or removes a second factor ends its sessions."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from consent.core.models import AuditEvent
from tests.staff import form_as_shown, verified_login

OTHERS = {"kk": "тағы 2 браузерде", "ru": "где выполнен вход: 2"}
ENDED = {"kk": "2 сеансыңыз аяқталды", "ru": "Других ваших сеансов завершено: 2"}


def signed_in_here(client) -> bool:
    return client.get("/admin/").status_code == 200


def text(response) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", response.content.decode()).split())


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_staff_member_ends_her_other_sessions_from_her_account_page(
    privacy_officer, content_editor, lang
):
    desk, laptop, phone = (verified_login(Client(), privacy_officer) for _ in range(3))
    carol = verified_login(Client(), content_editor)
    desk.cookies["django_language"] = lang

    page = desk.get("/admin/password_change/")
    assert OTHERS[lang] in text(page)
    ended = desk.post("/admin/sessions/end-others/", follow=True)

    assert ENDED[lang] in text(ended)
    assert signed_in_here(desk) and signed_in_here(carol)
    assert not signed_in_here(laptop) and not signed_in_here(phone)
    row = AuditEvent.objects.get(action="sessions_end")
    assert (row.actor_label, row.object_id, row.detail) == (
        "dana", str(privacy_officer.pk), {"ended": 2, "reason": "own"})  # fmt: skip
    again = desk.get("/admin/password_change/")
    assert OTHERS[lang] not in text(again) and "/admin/sessions/end-others/" not in text(again)


def test_ending_other_sessions_asks_a_post_and_a_verified_session(privacy_officer):
    desk, phone = (verified_login(Client(), privacy_officer) for _ in range(2))
    assert desk.get("/admin/sessions/end-others/").status_code == 405
    password_only = Client()
    password_only.force_login(privacy_officer)  # no second factor: not the admin's
    assert password_only.post("/admin/sessions/end-others/").status_code == 302
    assert signed_in_here(phone)


def session_by(user, device):
    client = Client()
    client.force_login(user)
    session = client.session
    session["otp_device_id"] = device.persistent_id
    session.save()
    return client


def _deactivate(admin, dana):
    url = f"/admin/auth/user/{dana.pk}/change/"
    shown = {k: v for k, v in form_as_shown(admin.get(url)).items() if k != "is_active"}
    assert admin.post(url, {**shown, "_save": 1}).status_code == 302
    get_user_model().objects.filter(pk=dana.pk).update(is_active=True)  # reopened later


def _new_password(admin, dana):
    url = f"/admin/auth/user/{dana.pk}/password/"
    new = "a-new-password-after-the-loss"
    data = {"password1": new, "password2": new, "usable_password": "true"}
    assert admin.post(url, data).status_code == 302


def _authenticator_removed(admin, dana):
    device = TOTPDevice.objects.get(user=dana)
    url = f"/admin/otp_totp/totpdevice/{device.pk}/delete/"
    assert admin.post(url, {"post": "yes"}).status_code == 302


def _recovery_codes_removed(admin, dana):
    device = StaticDevice.objects.get(user=dana)
    url = f"/admin/otp_static/staticdevice/{device.pk}/delete/"
    assert admin.post(url, {"post": "yes"}).status_code == 302


@pytest.mark.parametrize(
    "change", [_deactivate, _new_password, _authenticator_removed, _recovery_codes_removed]
)
def test_an_administrators_change_to_an_account_ends_its_sessions(
    officer_client, privacy_officer, change
):
    totp = TOTPDevice.objects.create(user=privacy_officer, name="phone", confirmed=True)
    static = StaticDevice.objects.create(user=privacy_officer, name="recovery", confirmed=True)
    by_app, by_recovery_code = (session_by(privacy_officer, d) for d in (totp, static))
    assert signed_in_here(by_app) and signed_in_here(by_recovery_code)

    change(officer_client, get_user_model().objects.get(pk=privacy_officer.pk))

    assert not signed_in_here(by_app) and not signed_in_here(by_recovery_code)
    assert signed_in_here(officer_client)
