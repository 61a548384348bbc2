"""Staff in the tests: one per role, signed in as the OTP admin requires."""

from django.contrib.auth import get_user_model


# The named actors: staff in one role each (the groups of emalu/roles.py, made after every
# migrate), not superusers, and a visitor. Each `*_client` is a client of its own, signed in with
# a confirmed authenticator, so that a test may hold several at once.
def staff_member(username, role):
    from django.contrib.auth.models import Group

    user = get_user_model().objects.create_user(
        username, f"{username}@example.kz", f"pw-{username}-123456", is_staff=True
    )
    user.groups.add(Group.objects.get(name=role))
    return user


def verified_login(client, user):
    """Sign in as staff with a confirmed authenticator, as the OTP admin requires.

    Django's sign-in itself (`login`: a new session key, user_logged_in and its handlers, the
    lockout's log and the session's limits and language among them), as `Client.force_login`
    does, but with the authenticator's mark written in the same save: force_login first saved
    an empty session to cycle away from, then the test loaded and saved the session again for
    the mark, 26 queries where 13 do (a fixture of some 900 tests). A client already signed in
    is signed in again on its own session, as force_login does."""
    from importlib import import_module

    from django.conf import settings
    from django.contrib.auth import login
    from django.http import HttpRequest
    from django_otp.plugins.otp_totp.models import TOTPDevice

    # One query where the device exists, two where it does not (get_or_create's savepoint, kept
    # for a race no test runs, took two more).
    device = TOTPDevice.objects.filter(user=user, name="test", confirmed=True).first()
    device = device or TOTPDevice.objects.create(user=user, name="test", confirmed=True)
    if settings.SESSION_COOKIE_NAME in client.cookies:
        client.force_login(user)
        session = client.session
        session["otp_device_id"] = device.persistent_id
        session.save()
        return client
    request = HttpRequest()
    # A session that login makes in the database, as it makes a new visitor's.
    request.session = import_module(settings.SESSION_ENGINE).SessionStore()
    user.backend = client._get_backend()  # force_login's
    login(request, user, user.backend)
    request.session["otp_device_id"] = device.persistent_id
    request.session.save()
    client._set_login_cookies(request)
    return client


def signed_in(client, user, password, step=0):
    """Sign in through the login page with the password and a code from the authenticator, as
    a person does (`step`: a later 30-second code, for a second sign-in within one test)."""
    from django_otp.oath import TOTP
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device, _ = TOTPDevice.objects.get_or_create(user=user, name="test", confirmed=True)
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = totp.time + step * device.step
    response = client.post("/admin/login/", {"username": user.get_username(), "password": password,
                                             "otp_token": f"{totp.token():06d}",
                                             "next": "/admin/"})  # fmt: skip
    assert response.status_code == 302, response.content.decode()[-2000:]
    return client


def form_as_shown(response) -> dict:
    """What an admin change page's form posts back unchanged: each field's value as shown,
    hidden ones too (a ticked box as "on", a date in ISO form, an empty one left out)."""
    return _as_shown(response.context["adminform"].form)


def inlines_as_shown(response) -> dict:
    """What an admin change page's inlines post back unchanged: each formset's management form
    and each of its rows' fields as shown (form_as_shown's way)."""
    data = {}
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        data.update(_as_shown(formset.management_form))
        for form in formset.forms:
            data.update(_as_shown(form))
    return data


def _as_shown(form) -> dict:
    data = {}
    for name in form.fields:
        value = form[name].value()
        if value is True:
            data[form.add_prefix(name)] = "on"
        elif value is not None and value is not False:
            shown = value.isoformat() if hasattr(value, "isoformat") else value
            data[form.add_prefix(name)] = shown
    return data


def registered_admins() -> dict:
    """Every model's admin on the site, in the apps' order, by Django's public `is_registered`
    and `get_model_admin`: its registry (`_registry`) is private, and no page or test reads it
    (tests/site/test_admin_registry.py)."""
    from django.apps import apps
    from django.contrib import admin

    return {
        m: admin.site.get_model_admin(m) for m in apps.get_models() if admin.site.is_registered(m)
    }
