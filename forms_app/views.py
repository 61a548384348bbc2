from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from consent.common import ratelimit
from consent.common.pagecache import shared_page
from consent.core.audit import audit
from consent.core.models import AuditEvent, Source
from consent.core.subjects import inbox
from consent.core.submissions import marketing_confirmation_due, submission_record
from consent.core.texts import current_policy, current_texts, render_consent
from consent.marketing.optin import optin_start
from consent.rights import selfservice
from consent.rights.models import Ticket
from consent.rights.tickets import ticket_open

from .abuse import TOKEN_SLOT, new_token, rate_wait, read_token, security_log, try_again_message
from .forms import (
    NOT_OFFERED,
    ApplicationForm,
    ConsentSwitchForm,
    ContactForm,
    ExportForm,
    LanguageForm,
    NewsletterForm,
    RequestForm,
    SelfServiceForm,
    SelfServiceRequestForm,
)
from .models import UsedFormToken

FORMS = {
    "contact": (ContactForm, Source.CONTACT_FORM),
    "apply": (ApplicationForm, Source.APPLICATION_FORM),
    "newsletter": (NewsletterForm, Source.NEWSLETTER_FORM),
}


@never_cache
def public_form(request, kind):
    form_class, source = FORMS[kind]
    if request.method != "POST":
        return shared_page(request, lambda slots: _blank_form(request, kind, form_class, slots))
    texts = current_texts()
    if form_class.required_purpose not in texts:
        return _unavailable(request)
    form = form_class(request.POST, request.FILES)
    refusal, token_id = _guard(request, kind, form, texts, "forms")
    if refusal is not None:
        return refusal
    _store_once(token_id, lambda: _store(request, kind, form, source, get_language()))
    return redirect("form_thanks", kind=kind)


def _unavailable(request):
    # No published consent text yet: collecting anything would be collecting without consent.
    return render(request, "forms_app/unavailable.html", status=503)


def _blank_form(request, kind, form_class, slots):
    texts = current_texts()
    if form_class.required_purpose not in texts:
        return _unavailable(request)
    # A service's page links here with ?service=<slug>, chosen already (not a shared page then).
    initial = {"token": TOKEN_SLOT, "service": request.GET.get("service", "")}
    return _render(request, kind, form_class(initial=initial), texts, slots)


def _guard(request, kind, form, texts, scope):
    """(a response refusing the post, None) or (None, the token id of a valid form)."""
    if wait := rate_wait(scope, request):  # the form again, as typed, with when to send it
        response = _refuse(request, kind, form, texts, try_again_message(wait), status=429)
        response["Retry-After"] = str(wait)
        return response, None
    token = read_token(request.POST.get("token"))
    if request.POST.get("website"):
        security_log.warning("honeypot filled on %s form", kind)
        return redirect("form_thanks", kind=kind), None
    if token is None:
        message = _("The form has expired. Please send it again.")
        return _refuse(request, kind, form, texts, message), None
    token_id, elapsed = token
    if not form.is_valid():  # its own errors first: an empty form is not "too quick"
        return _render(request, kind, form, texts), None
    if elapsed < settings.FORM_MIN_FILL_SECONDS:
        security_log.warning("form %s sent %.1f s after it was shown", kind, elapsed)
        message = _("The form was sent too quickly. Please send it again.")
        return _refuse(request, kind, form, texts, message), None
    return None, token_id


def _store_once(token_id, store):
    """Run `store` in one transaction with the token's first use; a reused token stores nothing."""
    for attempt in range(2):  # a second try only for a race on a new person's unique email
        try:
            with transaction.atomic():
                UsedFormToken.objects.create(token=token_id)
                store()
            return
        except IntegrityError:
            if attempt or UsedFormToken.objects.filter(token=token_id).exists():
                return  # the same form again (refresh, double click): it is stored already


@never_cache
def request_new(request):
    """A request about one's own data, from the web form (compliance L7). Everyone gets the same
    neutral answer."""
    if request.method != "POST":
        form = RequestForm(initial={"token": TOKEN_SLOT})
        return shared_page(request, lambda slots: _render(request, "request", form, {}, slots))
    form = RequestForm(request.POST)
    refusal, token_id = _guard(request, "request", form, {}, "forms")
    if refusal is not None:
        return refusal
    data = form.cleaned_data
    _store_once(token_id, lambda: ticket_open(
        kind=data["type"], email=data["email"], language=get_language(),
        channel=Ticket.Channel.WEB, message=data["message"],
        purpose=data["purpose"] if data["type"] == Ticket.Type.WITHDRAW else "",
    ))  # fmt: skip
    return redirect("form_thanks", kind="request")


def _store(request, kind, form, source, language):
    if kind == "newsletter":
        optin_start(form.cleaned_data["email"], form.cleaned_data["full_name"], language)
        audit(AuditEvent.Action.SUBMISSION, source=source)
        return
    data = form.personal_data()

    def ask_marketing(submission, guardian):  # the box starts the double opt-in, no more
        if marketing_confirmation_due(submission):
            optin_start(data["email"], data.get("full_name", ""), language, guardian=guardian)

    submission_record(
        source=source,
        language=language,
        data=data,
        consents=form.consents(),
        request=request,
        photo=form.cleaned_data.get("photo"),
        guardian=form.guardian() if hasattr(form, "guardian") else None,
        on_recorded=ask_marketing,
    )


def _refuse(request, kind, form, texts, message, status=200):
    """Show the form again with a fresh token and a message; nothing was stored."""
    data = request.POST.copy()
    data["token"] = new_token()
    form = type(form)(data)  # no files: a refused post costs no photo decoding
    form.is_valid()
    form.add_error(None, message)
    return _render(request, kind, form, texts, status=status)


def _render(request, kind, form, texts, slots=None, status=200):
    language = get_language()
    if form.is_bound and form.errors and request.FILES:
        form.note_dropped_upload(request.FILES)
    consents = []
    for field in form.consent_fields():
        text = texts.get(field.field.purpose)
        body = render_consent(text, language, _("[your name from this form]")) if text else ""
        consents.append({"field": field, "text": body})
    return render(
        request,
        f"forms_app/{kind}.html",
        {
            "form": form,
            "kind": kind,
            "consents": consents,
            "policy": current_policy(),
            **(slots or {}),
        },
        status=status,
    )


def thanks(request, kind):
    if kind not in FORMS and kind not in ("request", "my-data"):
        raise Http404
    return shared_page(
        request, lambda slots: render(request, "forms_app/thanks.html", {"kind": kind, **slots})
    )


# --- self-service: a person's own consents and data, behind a single-use emailed link -------


SELF_SERVICE_ADDRESS_RATE = "3/3600"


def _over_address_limit(email):
    """At most 3 links an hour for one address, whoever asks, counted on the inbox it reaches
    (consent.core.subjects.inbox: letter case, a subaddress or Gmail's dots make no other)."""
    who = ratelimit.address_key(inbox(email))
    return ratelimit.over_limit_for("self-service-address", who, SELF_SERVICE_ADDRESS_RATE)


@never_cache
def my_data(request):
    subject = selfservice.session_subject(request.session)
    if subject is not None:
        return _my_data_page(request, subject, SelfServiceRequestForm())
    if request.method != "POST":
        form = SelfServiceForm(initial={"token": TOKEN_SLOT})
        return shared_page(request, lambda slots: _render(request, "my_data_ask", form, {}, slots))
    form = SelfServiceForm(request.POST)
    refusal, token_id = _guard(request, "my_data_ask", form, {}, "self-service")
    if refusal is not None:
        return refusal
    email = form.cleaned_data["email"]
    if not _over_address_limit(email):
        _store_once(token_id, lambda: selfservice.link_send(email, get_language()))
    return redirect("form_thanks", kind="my-data")


@never_cache
def my_data_open(request, token):
    """GET shows a button (mail scanners follow links); POST spends the single-use link."""
    if request.method == "POST":
        if selfservice.link_open(token, request.session) is None:
            return render(request, "forms_app/my_data_link.html", {"state": "invalid"}, status=400)
        return redirect("my_data")
    return render(request, "forms_app/my_data_link.html", {"state": "ask"})


def _my_data_page(request, subject, request_form, status=200):
    context = {**selfservice.overview(subject), "request_form": request_form}
    return render(request, "forms_app/my_data.html", context, status=status)


def _refuse_action(request, form):
    for errors in form.errors.values():
        for error in errors:
            messages.error(request, error)
    return redirect("my_data")


# What a press on a page left open meets (lazy: said in the language of the request).
GONE = gettext_lazy("We no longer hold any personal data about you.")
CLOSED = gettext_lazy(
    "Your page has closed, and nothing was changed: it stays open for one hour. Ask for a new "
    "link to continue."
)
# Actions one person may take on their page in an hour: every one writes what is never deleted
# (a ledger or audit row) or lands on the desk (a request, an export logged as one).
SELF_SERVICE_ACTION_RATE = "20/3600"


def _self_service_action(view):
    """An action of the self-service page, posted by its buttons. Its address is also where a
    refused request is shown again, so a GET of it (the language switch there, a reload from the
    address bar) gets the page itself, not an empty 405.

    At most SELF_SERVICE_ACTION_RATE for one person, whoever holds their link: the one limit
    was on asking for a link, so one opened link could post requests to the desk, exports and
    consent switches without end (compliance T8)."""

    @wraps(view)
    def wrapper(request):
        subject = selfservice.session_subject(request.session)
        if request.method != "POST":
            return redirect("my_data")
        if subject is None:  # pressed on a page left open: past its hour, or the data is gone
            gone = selfservice.session_held(request.session)
            messages.info(request, GONE if gone else CLOSED)
            request.session.pop(selfservice.SESSION_KEY, None)
            return redirect("my_data")
        if ratelimit.over_limit_for(
            "self-service-action", str(subject.pk), SELF_SERVICE_ACTION_RATE
        ):
            security_log.warning("rate limit: self-service actions")
            messages.error(request, _("Too many changes in a short time: nothing was done this "
                                      "time. Please try again in an hour."))  # fmt: skip
            return redirect("my_data")
        try:
            return view(request, subject)
        except selfservice.Gone:  # destroyed meanwhile, by the desk or retention
            request.session.pop(selfservice.SESSION_KEY, None)
            messages.info(request, GONE)
            return redirect("my_data")

    return wrapper


@_self_service_action
def my_data_consent(request, subject):
    form = ConsentSwitchForm(request.POST)
    if not form.is_valid():
        return _refuse_action(request, form)
    outcome = selfservice.set_consent(
        subject, form.cleaned_data["purpose"], form.cleaned_data["give"], request
    )
    if outcome == selfservice.Switched.NOT_OFFERED:
        messages.error(request, NOT_OFFERED["invalid_choice"])
    elif outcome == selfservice.Switched.GUARDIAN_NEEDED:
        messages.warning(request, _(
            "You are under 18: this consent counts only when a parent or guardian gives it "
            "with you. Nothing has changed. A parent or guardian can give it on the application "
            "form."
        ))  # fmt: skip
    else:
        messages.success(request, _("Your choice is saved and in force now."))
    return redirect("my_data")


@_self_service_action
def my_data_language(request, subject):
    form = LanguageForm(request.POST)
    if not form.is_valid():
        return _refuse_action(request, form)
    try:
        if selfservice.set_language(subject, form.cleaned_data["language"]):
            messages.success(request, _("Saved: we will write to you in the language you chose."))
    except ValidationError as refusal:  # compliance L12: nothing changes while blocked
        messages.error(request, refusal.messages[0])
    return redirect("my_data")


@_self_service_action
def my_data_export(request, subject):
    form = ExportForm(request.POST)
    if not form.is_valid():
        return _refuse_action(request, form)
    fmt = "pdf" if form.cleaned_data["format"] == "pdf" else "json"  # a literal, not posted text
    try:
        ticket, body = selfservice.access_download(subject, get_language(), fmt)
    except ValidationError as refusal:  # compliance L12: no export while processing is blocked
        messages.error(request, refusal.messages[0])
        return redirect("my_data")
    response = HttpResponse(body, content_type=f"application/{fmt}")
    response["Content-Disposition"] = f'attachment; filename="{ticket.reference}.{fmt}"'
    response["Cache-Control"] = "no-store"
    return response


@_self_service_action
def my_data_request(request, subject):
    form = SelfServiceRequestForm(request.POST)
    if not form.is_valid():  # the page again, with what the person wrote and why it was refused
        return _my_data_page(request, subject, form)
    data = form.cleaned_data
    ticket = selfservice.ticket_open_verified(
        subject, data["type"], data["message"], get_language()
    )
    messages.success(request, _("Request %(ref)s is open; we answer by email.") % {
        "ref": ticket.reference})  # fmt: skip
    return redirect("my_data")


def my_data_leave(request):
    if request.method != "POST":  # as for the page's other actions: the page, not an empty 405
        return redirect("my_data")
    request.session.pop(selfservice.SESSION_KEY, None)
    return redirect("home")
