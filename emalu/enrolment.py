"""A staff member's first sign-in (compliance L22, T7): one who has no authenticator yet gives
their password, then the code of the authenticator app they set up from the page's QR code;
ten single-use recovery codes are shown once."""

import base64
import io
import secrets

from django import forms
from django.contrib.auth import authenticate, login
from django.contrib.sessions.backends.base import SessionBase
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils.crypto import constant_time_compare
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django_otp import devices_for_user
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from .code_input import CodeInput
from .signin_pause import pause_told
from .staff import count_failed_login
from .staff_sessions import ENROLLING

# The session of a staff member between their password and their first code.
SESSION_KEY = ENROLLING


class PasswordForm(forms.Form):
    username = forms.CharField(label=_("Username"), max_length=150)
    password = forms.CharField(label=_("Password"), widget=forms.PasswordInput)


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code from the authenticator app"), max_length=6, min_length=6,
        widget=CodeInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )  # fmt: skip


def qr_data_uri(config_url: str) -> str:
    """The device's otpauth:// URI as a QR code, an SVG image in a data: URI for an <img>.

    Not inline markup: django_otp's qrcode image names its elements `svg:rect`, which an HTML
    parser does not read as SVG, so the browser drew nothing where the code should be. An <img>
    is parsed as XML, the CSP allows data: images, and the page holds no unescaped markup."""
    import qrcode  # here, not at start-up: only enrolment draws one (~0.06 s of CPU a process)
    from qrcode.image.svg import SvgPathImage

    out = io.BytesIO()
    qrcode.make(config_url, image_factory=SvgPathImage).save(out)
    return "data:image/svg+xml;base64," + base64.b64encode(out.getvalue()).decode()


def _enrol_page(request, context):
    """The enrolment page in the admin's look (its header and title), as the login page: the
    site's names only, not each_context(), which asks for a verified session this page has not."""
    from django.contrib import admin

    site = {"site_header": admin.site.site_header, "site_title": admin.site.site_title,
            "site_url": admin.site.site_url}  # fmt: skip
    return render(request, "staff/enrol.html", {**site, **context})


def _enrolling(session: SessionBase):
    """The staff member whose password this session gave on the enrolment page, while that
    still holds as Django holds a signed-in session to it: the same password (its session
    hash), the account active and staff, and no authenticator confirmed since. Otherwise the
    step is forgotten: a leaked password typed there kept the code step open (every request
    renewed it) through a change of password, the account's closing or its owner's own
    enrolment, and signed in with the intruder's authenticator."""
    from django.contrib.auth import get_user_model

    held = session.get(SESSION_KEY)
    if held is None:
        return None
    user = None
    if isinstance(held, dict):
        user = get_user_model().objects.filter(pk=held.get("user")).first()
    if (user is None or not (user.is_active and user.is_staff)
            or not constant_time_compare(str(held.get("hash")), user.get_session_auth_hash())
            or any(devices_for_user(user, confirmed=True))):  # fmt: skip
        del session[SESSION_KEY]
        return None
    return user


def _unconfirmed_device(user):
    """The one authenticator `user` is setting up, made on their first visit of the code step.

    Made with their user row locked: TOTPDevice has no unique (user, unconfirmed) key for
    get_or_create to lean on, so two first visits at once (two tabs, a double click, a reload
    of a slow page) both found none and both made one; every later visit then met two, a 500,
    and one of the two pages showed a QR code that could never be confirmed. Now the second
    visit waits for the first and shows the same code; of any two made before, the first."""
    with transaction.atomic():
        type(user).objects.select_for_update().filter(pk=user.pk).values_list("pk").get()
        device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
        return device or TOTPDevice.objects.create(user=user, confirmed=False, name="authenticator")


@never_cache
@sensitive_post_parameters("password", "code")
def enrol(request):
    """First sign-in of a staff member who has no authenticator yet."""
    user = _enrolling(request.session)
    if user is None:
        form = PasswordForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            user = authenticate(request, username=form.cleaned_data["username"],
                                password=form.cleaned_data["password"])  # fmt: skip
            enrolled = user is not None and any(devices_for_user(user, confirmed=True))
            if user is not None and user.is_staff and not enrolled:
                request.session.cycle_key()
                request.session[SESSION_KEY] = {"user": user.pk,
                                                "hash": user.get_session_auth_hash()}  # fmt: skip
                return redirect("staff_enrol")
            # One answer whether the password was wrong or the account has nothing to enrol, and
            # one count, so that this page tells no one that a password was right (T6, T7).
            if user is not None:
                count_failed_login(request, form.cleaned_data["username"])
            form.add_error(None, _("The username or password is wrong, or the account already "
                                   "has an authenticator: then use the sign-in page."))  # fmt: skip
        return _enrol_page(request, {"form": form, "step": "password"})

    device = _unconfirmed_device(user)
    form = CodeForm(request.POST or None)
    paused = pause_told(device) if request.method == "POST" else None
    if paused is not None:
        form.add_error("code", paused)  # not checked, so that a right code is not called wrong
    elif request.method == "POST" and form.is_valid():
        with transaction.atomic():
            # Locked while the code is checked and the recovery codes made: two posts of one
            # code at once both passed, and the second replaced the codes the first page showed.
            device = TOTPDevice.objects.select_for_update().filter(pk=device.pk).first()
            if device is None or device.confirmed:
                # Removed meanwhile (the step starts again with a new one), or confirmed by the
                # same code's other post, whose page showed the recovery codes: this one sends
                # the person to sign in, never the secret of an authenticator now in use.
                return redirect("staff_enrol" if device is None else "admin:login")
            verified = device.verify_token(form.cleaned_data["code"])
            if verified:
                device.confirmed = True
                device.save()
                static, _created = StaticDevice.objects.get_or_create(user=user, name="recovery")
                static.token_set.all().delete()
                codes = [secrets.token_hex(5) for _ in range(10)]
                StaticToken.objects.bulk_create(StaticToken(device=static, token=c) for c in codes)
        if verified:
            del request.session[SESSION_KEY]
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            otp_login(request, device)
            return _enrol_page(request, {"step": "done", "codes": codes})
        form.add_error("code", _("The code is wrong or has expired. Try the next one."))
    return _enrol_page(request, {
        "form": form, "step": "code", "qr": qr_data_uri(device.config_url),
        "secret": base64.b32encode(device.bin_key).decode(),
    })  # fmt: skip
