"""Staff sign-in with a second factor (compliance L22, T7).

The admin is django-otp's OTPAdminSite: a session counts as staff only once a TOTP code (or a
single-use recovery code) has verified it. A staff member without a device enrols on first sign-in:
password, then the authenticator app's code; ten recovery codes are shown once.
"""

import logging
from datetime import UTC, datetime, timedelta
from functools import wraps

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.admin import ModelAdmin
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.admin.views.autocomplete import AutocompleteJsonView
from django.contrib.auth.signals import user_login_failed
from django.contrib.contenttypes.models import ContentType
from django.contrib.contenttypes.views import shortcut
from django.contrib.sessions.backends.base import SessionBase
from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.core.validators import MaxLengthValidator
from django.http import Http404, HttpResponseRedirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from django_otp.admin import OTPAdminAuthenticationForm, OTPAdminSite
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from consent.common.i18n import language_name
from consent.common.label_order import LabelOrderedAdmin
from consent.common.ratelimit import hit, parse_rate
from consent.common.seen import SeenAdmin
from consent.common.text import EMPTY, whole_number
from consent.core.audit import audit
from consent.core.models import AuditEvent, Language
from consent.core.staff import staff_language, staff_language_choose, staff_language_record
from consent.rights.alerts import maybe_alert

from .code_input import CodeInput
from .list_query import list_query_readable
from .saved_at_once import SAVING_VIEWS, saved_at_once
from .search_nul import nul_in, search_without_nul
from .signin_pause import SIGN_IN_REFUSED
from .staff_sessions import end_my_other_sessions, sessions_of

security_log = logging.getLogger("emalu.security")


def count_failed_login(request, username: str) -> None:
    """A refusal after the password was right (wrong code, no enrolment to do) counts as a
    failed sign-in like a wrong password: for django-axes' lockout and for the audit and alert
    (record_failed_login), which both listen to this signal."""
    user_login_failed.send(sender=__name__, credentials={"username": username}, request=request)


class StaffLoginForm(OTPAdminAuthenticationForm):
    """Password and code on one page; the code's shape picks the device (six digits: the
    authenticator app, ten characters: a recovery code).

    A right password with a wrong or missing code gets exactly the answer of a wrong password,
    and counts as a failure (compliance T6, T7): django-otp's own answer asked for the code, kept
    the password in the form and listed the account's devices, which told a guesser that the
    password was right, and axes never counted it, so codes could be guessed without a lockout.
    So does a code typed while the device is paused; the answer says codes pause (signin_pause)."""

    error_messages = {**OTPAdminAuthenticationForm.error_messages, "invalid_login": SIGN_IN_REFUSED}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Django's form sets the name's max_length once the field is made, so no validator
        # checked it: a longer name reached authenticate() and django-axes' row, whose
        # username holds 255 characters (a 500). Refused at the field, as the enrolment does.
        username = self.fields["username"]
        username.validators.append(MaxLengthValidator(username.max_length))
        code = self.fields["otp_token"]
        code.widget = CodeInput(attrs=code.widget.attrs)  # a refused code is not shown back

    def clean(self):
        try:
            return super().clean()
        except forms.ValidationError:
            if self.user_cache is None:
                raise  # a wrong password: Django's answer, already counted by authenticate()
            self.user_cache = None
            self.fields["password"].widget.render_value = False
            self.fields["otp_device"].widget.choices = []
            count_failed_login(self.request, self.cleaned_data.get("username", ""))
            raise self.get_invalid_login_error() from None

    def _chosen_device(self, user):
        """The device the code is checked against, locked till the sign-in's transaction ends
        (django-otp's clean_otp holds one), as django-otp locks a device chosen by its id: two
        sign-ins posting one code at once (a code seen over a shoulder, a replayed request)
        both read the device before either saved its last used step, and both got in; a
        recovery code, read by both before either deleted it, opened two sessions too."""
        device = super()._chosen_device(user)
        if device is not None:
            return device
        token = (self.cleaned_data.get("otp_token") or "").strip()
        model = TOTPDevice if token.isdigit() and len(token) == 6 else StaticDevice
        return model.objects.select_for_update().filter(user=user, confirmed=True).first()


class NoticeLanguageForm(forms.Form):
    language = forms.ChoiceField(label=_("Language of my notices"), choices=Language.choices)


class StaffAdminSite(OTPAdminSite):
    """The admin, open only to staff whose session a second factor has verified
    (compliance T7). It is the default site (emalu.apps.StaffAdminConfig), so every app's
    registrations land here."""

    login_form = StaffLoginForm
    empty_value_display = EMPTY
    site_header = _("«EM ALU plus»: administration")
    site_title = _("«EM ALU plus»")

    def admin_view(self, view, cacheable=False):
        """Every admin page refuses (400) a NUL character in the query string or a posted field:
        a list filter, an action's selected ids or a search hands these values to PostgreSQL,
        whose text cannot hold NUL, and the page answered 500 (compliance T18, T20). So does
        an action's selected id that is no row's number (every model here has a whole-number
        key): Django handed «²» or «abc» to the query, whose ValueError was a 500; and a list's
        lookup in a list's query string that its query cannot be made of (`list_query`).

        Every page of a model admin, Django's and our own, refuses (403) a staff member whose
        role holds no permission on the model before it looks up the row in the address:
        Django's history page and our downloads looked first, so a content editor told from a
        404 or a redirect which people, photos and set-aside emails exist (compliance L22)."""
        model_admin = getattr(view, "__self__", None)
        view_name = getattr(view, "__name__", "")
        if isinstance(model_admin, ModelAdmin):
            view = _permission_first(model_admin, view)
        if isinstance(model_admin, ModelAdmin) and view_name in SAVING_VIEWS:
            view = saved_at_once(view)  # two staff members saving one unique value at once
        inner = super().admin_view(view, cacheable)

        @wraps(inner)
        def checked(request, *args, **kwargs):
            allowed = self.has_permission(request)  # a NUL in the search box alone is told
            searched = search_without_nul(request, model_admin, view_name, allowed)
            if searched is not None:
                return searched
            if nul_in(request.GET) or nul_in(request.POST):
                raise SuspiciousOperation("NUL character in an admin request")
            if any(whole_number(pk) is None for pk in request.POST.getlist(ACTION_CHECKBOX_NAME)):
                raise SuspiciousOperation("an action's selected id is no row's number")
            listed = allowed and isinstance(model_admin, ModelAdmin)  # signed in: no schema told
            if listed and not list_query_readable(model_admin, request.GET):
                raise SuspiciousOperation("a list's query string holds a lookup it cannot run")
            return inner(request, *args, **kwargs)

        return checked

    def register(self, model_or_iterable, admin_class=None, **options):
        """Every admin's form refuses to save over a colleague's changes made since it was
        opened (common/seen.py); its list sorts choices as they read (common/label_order.py)."""
        admin_class = admin_class or ModelAdmin
        given = [c for c in (SeenAdmin, LabelOrderedAdmin) if not issubclass(admin_class, c)]
        if given:
            admin_class = type(admin_class.__name__, (*given, admin_class),
                               {"__module__": admin_class.__module__})  # fmt: skip
        super().register(model_or_iterable, admin_class, **options)

    def autocomplete_view(self, request):
        return DeclaredAutocomplete.as_view(admin_site=self)(request)

    # A template's name (the password page, with the language of notices below it).
    password_change_template = "admin/password_change.html"  # noqa: S105

    def get_urls(self):
        urls = super().get_urls()
        view_on_site = path("r/<path:content_type_id>/<path:object_id>/",
                            self.admin_view(self.view_on_site), name="view_on_site")  # fmt: skip
        language = path("notice-language/", self.admin_view(self.notice_language),
                        name="notice_language")  # fmt: skip
        sessions = path("sessions/end-others/", self.admin_view(end_my_other_sessions),
                        name="staff_sessions_end")  # fmt: skip
        urls = [view_on_site if getattr(u, "name", "") == "view_on_site" else u for u in urls]
        return [language, sessions, *urls]

    def password_change(self, request, extra_context=None):
        """Django's page, with the staff member's other sessions (staff_sessions.py) and the
        language of their notices (L24): which, and whether chosen or the admin's last used."""
        language, chosen = staff_language(request.user)
        context = {
            "other_sessions": len(set(sessions_of(request.user)) - {request.session.session_key}),
            "notice_language_form": NoticeLanguageForm(initial={"language": language}),
            "notice_language": language_name(language).lower(),  # inside a sentence
            "notice_language_chosen": chosen,
        }
        return super().password_change(request, {**context, **(extra_context or {})})

    @method_decorator(require_POST)
    def notice_language(self, request):
        """The staff member chooses the language of their notices; back to the password page."""
        form = NoticeLanguageForm(request.POST)
        if form.is_valid():
            language = form.cleaned_data["language"]
            staff_language_choose(user=request.user, language=language)
            said = _("The language of your notices: %(language)s.")
            messages.success(request, said % {"language": language_name(language).lower()})
        else:  # nothing changes
            messages.error(request, _("Choose Kazakh or Russian."))
        return HttpResponseRedirect(reverse("admin:password_change", current_app=self.name))

    def view_on_site(self, request, content_type_id, object_id):
        """Django's "view on site" shortcut (`/admin/r/<type>/<id>/`) redirects to an object's
        public page for any staff member: a marketer told from its redirect or 404 which rows
        of a model they may not view exist. It answers only a role that may view the model
        (403 otherwise, whether or not the row exists), as every other admin page does."""
        try:
            model = ContentType.objects.get(pk=content_type_id).model_class()
        except (ContentType.DoesNotExist, ValueError):
            raise Http404 from None
        model_admin = self.get_model_admin(model) if self.is_registered(model) else None
        if model_admin is None or not model_admin.has_view_or_change_permission(request):
            raise PermissionDenied  # the admin shows no link to a model it does not hold
        return shortcut(request, content_type_id, object_id)


class DeclaredAutocomplete(AutocompleteJsonView):
    """Django's `/admin/autocomplete/` runs the search of whatever admin a relation points to,
    for any model and field the query string names, whether or not a page offers that field
    as an autocomplete: a privacy officer found a person's number by their address through it,
    with no audit row (compliance L16), where the person list's search writes one. It answers
    only a field its model's admin declares in `autocomplete_fields` (403 otherwise), and never
    searches an audited admin's rows, which only its audited list shows."""

    def process_request(self, request):
        from consent.core.admin import AuditedAdmin  # registers admins: not while this loads

        term, model_admin, source_field, to_field_name = super().process_request(request)
        site, model = self.admin_site, source_field.model
        declared = site.is_registered(model) and (
            source_field.name in site.get_model_admin(model).get_autocomplete_fields(request)
        )
        if not declared or isinstance(model_admin, AuditedAdmin):
            raise PermissionDenied
        return term, model_admin, source_field, to_field_name


def _permission_first(model_admin, view):
    @wraps(view)
    def guarded(request, *args, **kwargs):
        if not (model_admin.has_view_or_change_permission(request)
                or model_admin.has_add_permission(request)):  # fmt: skip
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return guarded


def record_failed_login(sender, credentials=None, request=None, **kwargs):
    """One audit row per failed sign-in (no username, no IP: only that it happened), and the
    responsible person's alert on a burst. Connected before django-axes' own handler, so a
    request refused because the account is already locked out (axes marks it before checking
    the password) is not counted again.

    Axes locks a username at one address, so invented usernames are never locked out: one
    address writes at most FAILED_LOGIN_AUDIT_LIMIT rows per window (never fewer than the
    alert threshold, so a burst from one address still alerts), then one more row saying that
    further failures in the window are not written one by one (compliance T6, L22)."""
    if request is not None and getattr(request, "axes_locked_out", False):
        return
    detail = {}
    if request is not None:
        rate = settings.FAILED_LOGIN_AUDIT_LIMIT
        limit = max(parse_rate(rate)[0], settings.ALERT_FAILED_LOGINS)
        count = hit("login-failed", request, rate)
        if count > limit + 1:
            return
        if count == limit + 1:
            security_log.warning("failed sign-ins over the bound from one address")
            detail = {"more_not_recorded": True, "window_seconds": parse_rate(rate)[1]}
    audit(AuditEvent.Action.LOGIN_FAILED, **detail)
    maybe_alert(AuditEvent.Action.LOGIN_FAILED)


RENEW_AFTER_SECONDS = 60
SIGNED_IN_AT = "staff_signed_in_at"  # session key: when its sign-in was, a POSIX timestamp


def staff_session_renew(session: SessionBase) -> None:
    """End a staff session STAFF_IDLE_SECONDS from now, but never later than
    STAFF_SESSION_MAX_SECONDS after its sign-in, in the database and on the cookie (compliance
    L22, T7): renewed by every request, a session copied from an officer's browser and kept
    busy never ended. At most once a minute, so that a burst of admin requests costs one
    session write, not one each. A session signed in before its sign-in was noted counts from
    now."""
    now = timezone.now()
    signed_in = session.setdefault(SIGNED_IN_AT, now.timestamp())
    end = min(
        now + timedelta(seconds=settings.STAFF_IDLE_SECONDS),
        datetime.fromtimestamp(signed_in, UTC)
        + timedelta(seconds=settings.STAFF_SESSION_MAX_SECONDS),
    )
    if not end - timedelta(seconds=RENEW_AFTER_SECONDS) <= session.get_expiry_date() <= end:
        session.set_expiry(end)


def staff_session_start(sender, request=None, **kwargs):
    """At sign-in (user_logged_in): the idle limit and the day's end hold from the first
    response on."""
    if request is not None and hasattr(request, "session"):
        request.session[SIGNED_IN_AT] = timezone.now().timestamp()
        staff_session_renew(request.session)


LANGUAGE_NOTED = "staff_language"  # session key: the admin language last recorded for it


def staff_language_start(sender, request=None, user=None, **kwargs):
    """At sign-in (user_logged_in): remember the language the staff member works in, which
    LocaleMiddleware took from their browser, for their notices and digest (compliance L24)."""
    if request is not None and user is not None:
        staff_language_follow(request, user)


def staff_language_follow(request, user) -> None:
    """The admin used in a language other than the one the session last noted: that is the
    language of `user`'s notices now, unless they chose one (consent/core/staff.py). A query
    when the language changes, none on the other pages."""
    language = getattr(request, "LANGUAGE_CODE", None)
    session = getattr(request, "session", None)
    if user.is_staff and language and session is not None:
        if session.get(LANGUAGE_NOTED) == language:
            return
        staff_language_record(user=user, language=language)
        session[LANGUAGE_NOTED] = language
