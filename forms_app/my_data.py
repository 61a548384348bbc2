"""The self-service pages: a person's own consents and data, behind a single-use emailed link
(compliance L8, L10, L14). The public forms and what they share with these pages are views.py's."""

from functools import wraps

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from consent.common import ratelimit
from consent.common.net import download
from consent.common.pagecache import shared_page
from consent.cookies.banner import answer_on_page
from consent.core import gate
from consent.core.digests import shown_read
from consent.core.texts import current_text
from consent.rights import selfservice, wards
from consent.rights.link_refused import refused_as_opened, why_refused
from consent.rights.links_spent import browser_of
from consent.rights.models import Ticket
from consent.rights.overview import overview, words_shown

from .abuse import TOKEN_SLOT, new_token, read_token, security_log
from .guarded import NOT_OFFERED
from .my_data_forms import (
    ANY_REQUEST,
    ConsentSwitchForm,
    ExportForm,
    LanguageForm,
    SelfServiceForm,
    SelfServiceRequestForm,
)
from .resent import content_digest
from .shown_back import one_box, posted_back, written, written_kept
from .views import FORM_ID, guard, posted_again, render_form, store_once

SELF_SERVICE_ADDRESS_RATE = "3/3600"
THANKS = "my-data"  # the thank-you page (thanks.thanks) of asking for a link


def _over_address_limit(email):
    """At most 3 links an hour for one address, whoever asks. `email` is the form's normalised
    address (consent.core.subjects.clean_email: no quoted or commented spellings, one form of
    an IDN domain); nor do letter case, a «+tag» or dots (ratelimit.mailbox_limit_key)."""
    who = ratelimit.mailbox_limit_key(email)
    return ratelimit.over_limit_for("self-service-address", who, SELF_SERVICE_ADDRESS_RATE)


@never_cache
def my_data(request):
    subject = selfservice.session_subject(request.session)
    if subject is not None and request.method == "POST" and posted_again(request):
        return _typed_page(request, subject)
    if subject is not None:
        kept = selfservice.draft_read(request.session, subject)
        form = SelfServiceRequestForm(initial=kept, blocked=gate.is_blocked(subject))
        return _my_data_page(request, subject, form)
    if request.method != "POST" and wards.acting_address(request.session):
        return redirect("my_data_children")  # a parent's page, opened by their link
    if request.method == "POST" and "message" in request.POST:
        # The request form posted here by the language switch or the banner after the page
        # closed: its text is not to be lost on the page that asks for an email address.
        return answer_on_page(request, lambda: _page_closed(request))
    if request.method == "POST" and posted_again(request) and (boxes := posted_back(request.POST)):
        # The requests shown back there, posted along by the switch or the banner: shown again.
        session = request.session
        kept = bool(session.get(selfservice.DRAFT_KEY) or session.get(wards.WARD_DRAFTS_KEY))
        return answer_on_page(request, lambda: written_kept(request, boxes, kept))
    if request.method != "POST":
        form = SelfServiceForm(initial={"token": TOKEN_SLOT})
        return shared_page(
            request, lambda slots: render_form(request, "my_data_ask", form, {}, slots)
        )
    form = SelfServiceForm(request.POST)
    refusal, token_id = guard(request, "my_data_ask", form, {}, "self-service", thanks=THANKS)
    if refusal is not None:
        return refusal
    email = form.cleaned_data["email"]
    if not _over_address_limit(email):
        sent = content_digest("my_data_ask", form, {})
        store_once(token_id, sent, lambda: selfservice.link_send(email, get_language()))
    return redirect("form_thanks", kind=THANKS)


@never_cache
def my_data_open(request, token):
    """GET shows a button (mail scanners follow links); POST spends the single-use link."""
    if request.method == "POST" and wards.is_ward_link(token):  # a parent's, for a child
        if wards.ward_link_open(token, request.session, browser_of(request)):
            return redirect("my_data_children")
        if wards.ward_link_opened_here(token, request.session):  # pressed again where spent
            return redirect("my_data_children")
        return _link_refused(request, token)
    if request.method == "POST":
        if selfservice.link_open(token, request.session, browser_of(request)) is None:
            if selfservice.link_opened_here(token, request.session):
                return redirect("my_data")  # pressed again where it was spent: the page is open
            return _link_refused(request, token)
        return redirect("my_data")
    if refused_as_opened(token, request.session):  # told at once, not after a press
        return _link_refused(request, token)
    return render(request, "forms_app/my_data_link.html", {"state": "open"})


def _link_refused(request, token):
    """Used already (and when), past its hour, or damaged: each said as it is."""
    state, used_at = why_refused(token)
    context = {"state": state, "used_at": used_at}
    return render(request, "forms_app/my_data_link.html", context, status=400)


# Noted where a post of a person's page is answered by a redirect to the page: the page then
# tells its script (static/js/typed-kept.js, data-answered) to forget what it kept of the send.
ANSWERED = "self_service_answered"


def page_answers(request):
    """The page shown next answers this post (a redirect to it follows)."""
    request.session[ANSWERED] = True


def answers_a_post(request) -> bool:
    """Whether the page being shown answers a post of the page: shown for it, or the page a
    post was sent on to (page_answers). Read once."""
    noted = request.session.pop(ANSWERED, False)
    return request.method == "POST" or noted


def _my_data_page(request, subject, request_form, status=200):
    # The request form's one-time token: a double tap, or the form sent again from a page left
    # open, opens one request, not two (store_once). It is the page's form: the language switch
    # and the banner's buttons post it (base.html), so that what the person wrote comes along.
    context = {**overview(subject, blocked=request_form.blocked), "request_form": request_form,
               "request_token": new_token(), "language_switch_form": FORM_ID,
               "request_types": dict(Ticket.Type.choices),
               "answered": answers_a_post(request)}  # fmt: skip
    return render(request, "forms_app/my_data.html", context, status=status)


def _typed_page(request, subject):
    """The page again, after the language switch (in the language it posted to) or the banner's
    answer, with the request as it was written and no error: nothing is sent."""
    typed = {name: request.POST[name] for name in ("type", "message") if name in request.POST}
    form = SelfServiceRequestForm(initial=typed, blocked=gate.is_blocked(subject))
    return answer_on_page(request, lambda: _my_data_page(request, subject, form))


def _refuse_action(request, form):
    for errors in form.errors.values():
        for error in errors:
            messages.error(request, error)
    return _back_to_page(request)


def _typed(request):
    """The request being written, as the page's request form posted it along with a button of
    the page; None when its box is empty. Only a type the page offers."""
    message = written(request.POST.get("message"))
    kind = request.POST.get("type", "")
    if kind not in ANY_REQUEST:
        kind = ""
    return {"type": kind, "message": message} if message else None


def _back_to_page(request):
    """The page again after one of its buttons: they post the page's request form, and what it
    held is kept for the page (selfservice.draft_keep), not lost on the way back."""
    typed = _typed(request)
    if typed:
        selfservice.draft_keep(request.session, typed)
    elif "message" in request.POST:
        selfservice.draft_drop(request.session)  # the box emptied: nothing to bring back
    page_answers(request)
    return redirect("my_data")


# What a press on a page left open meets (lazy: said in the language of the request).
GONE = gettext_lazy("We no longer hold any personal data about you.")
CLOSED = gettext_lazy(
    "Your page has closed, and nothing was changed: it stays open for one hour. Ask for a new "
    "link to continue."
)
LEFT = gettext_lazy("Your page is closed. To open it again, ask for a new link.")
# Actions one person may take on their page in an hour: every one writes what is never deleted
# (a ledger or audit row) or lands on the desk (a request, an export logged as one).
SELF_SERVICE_ACTION_RATE = "20/3600"


def actions_over_limit(request, key: str) -> bool:
    """Whether `key` (a person's record, or the address a parent acts for children from) has
    made more changes on their page than SELF_SERVICE_ACTION_RATE; the visitor is told that
    nothing was done (compliance T8)."""
    if not ratelimit.over_limit_for("self-service-action", key, SELF_SERVICE_ACTION_RATE):
        return False
    security_log.warning("rate limit: self-service actions")
    messages.error(request, _("Too many changes in a short time: nothing was done this "
                              "time. Please try again in an hour."))  # fmt: skip
    return True


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
            return answer_on_page(request, lambda: _page_closed(request))
        if posted_again(request):  # the switch or the banner on the page shown at this address
            return _typed_page(request, subject)
        if actions_over_limit(request, str(subject.pk)):
            return _back_to_page(request)
        try:
            return view(request, subject)
        except selfservice.Gone:  # destroyed meanwhile, by the desk or retention
            request.session.pop(selfservice.SESSION_KEY, None)
            messages.info(request, GONE)
            return redirect("my_data")

    return wrapper


def _page_closed(request):
    """What a press on a page left open gets: the page that asks for a link, saying why. A
    request the person wrote is shown back and kept for their next page in this browser."""
    gone = selfservice.session_held(request.session)
    messages.info(request, GONE if gone else CLOSED)
    typed = None if gone else _typed(request)
    kept = bool(typed) and selfservice.draft_keep(request.session, typed)
    request.session.pop(selfservice.SESSION_KEY, None)
    if typed:
        return written_kept(request, [one_box(typed["message"], kind=typed["type"])], kept)
    return redirect("my_data")


@_self_service_action
def my_data_consent(request, subject):
    form = ConsentSwitchForm(request.POST)
    if not form.is_valid():
        return _refuse_action(request, form)
    purpose, give = form.cleaned_data["purpose"], form.cleaned_data["give"]
    # «Give» agrees to the words shown beside it (Law 94-V art. 8): not to a text published
    # since, nor to the words of another language or another name (overview.words_shown).
    # A press that does not say which words it was beside (no page of this site's) proves none.
    shown, text = request.POST.get(f"shown_{purpose}"), current_text(purpose)
    now = words_shown(subject, text, get_language()) if text is not None else None
    # Said after a block or a guardian needed, which refuse any give and say more.
    unconfirmed = give and now is not None and shown != now
    if unconfirmed and not gate.is_blocked(subject) and not gate.needs_guardian(subject):
        messages.error(request, _(
            "The consent text is not worded as on the page you pressed the button on: it was "
            "updated after the page was opened, or the page was in another language. Nothing has "
            "changed: read the text below and give your consent again if you agree."
        ) if shown_read(f"{purpose}:{shown}") else _(
            "Your page did not say which consent text you read, so nothing has changed. Read the "
            "text below and give your consent if you agree."
        ))  # fmt: skip
        return _back_to_page(request)
    outcome = selfservice.set_consent(subject, purpose, give, request, text=text)
    if outcome == selfservice.Switched.NOT_OFFERED:
        messages.error(request, NOT_OFFERED["invalid_choice"])
    elif outcome == selfservice.Switched.BLOCKED:
        messages.error(request, _(
            "Processing of your data is blocked: no consent can be given until the block is "
            "lifted. Nothing has changed."
        ))  # fmt: skip
    elif outcome == selfservice.Switched.GUARDIAN_NEEDED:
        messages.warning(request, _(
            "You are under 18: this consent counts only when a parent or guardian gives it "
            "with you. Nothing has changed. A parent or guardian can give it on the application "
            "form."
        ))  # fmt: skip
    else:
        messages.success(request, _("Your choice is saved and in force now."))
    return _back_to_page(request)


@_self_service_action
def my_data_language(request, subject):
    form = LanguageForm(request.POST)
    if not form.is_valid():
        return _refuse_action(request, form)
    try:
        if selfservice.set_language(subject, form.cleaned_data["language"]):
            # Our letters from now on; a request already made keeps its own (the officer
            # writes its answer in it), which the page no longer leaves to be found out.
            messages.success(request, _(
                "Saved: our letters will come in the language you chose; a request you have "
                "already made will be answered in the language it was made in."
            ))  # fmt: skip
    except ValidationError as refusal:  # compliance L12: nothing changes while blocked
        messages.error(request, refusal.messages[0])
    return _back_to_page(request)


@_self_service_action
def my_data_export(request, subject):
    form = ExportForm(request.POST)
    if not form.is_valid():
        return _refuse_action(request, form)
    fmt = "pdf" if form.cleaned_data["format"] == "pdf" else "json"  # a literal, not posted text
    # Given while processing is blocked too (compliance L12, access.stands_while_blocked).
    ticket, body = selfservice.access_download(subject, get_language(), fmt)
    return download(body, f"{ticket.reference}.{fmt}", f"application/{fmt}")


@_self_service_action
def my_data_request(request, subject):
    form = SelfServiceRequestForm(request.POST, blocked=gate.is_blocked(subject))
    token = read_token(request.POST.get("token"))
    if form.is_valid() and token is None:
        form.add_error(None, _("The form has expired. Please send it again."))
    if form.errors:  # the page again, with what the person wrote and why it was refused
        return _my_data_page(request, subject, form)
    data, opened = form.cleaned_data, []
    sent = content_digest("my_data_request", form, {})
    store_once(token[0], sent, lambda: opened.append(selfservice.ticket_open_verified(
        subject, data["type"], data["message"], get_language()
    )))  # fmt: skip
    selfservice.draft_drop(request.session)  # sent: a request kept from a closed page is done
    if opened and opened[-1].regarding_id:  # the same request as one still open: joined
        messages.success(request, _("Request %(ref)s of this type is still open: what you wrote "
                                    "was added to it; we answer by email.") % {
            "ref": opened[-1].regarding.reference})  # fmt: skip
    elif opened:  # not the second of a double tap: the first one's message says it
        messages.success(request, _("Request %(ref)s is open; we answer by email.") % {
            "ref": opened[-1].reference})  # fmt: skip
    page_answers(request)
    return redirect("my_data")


def my_data_leave(request):
    if request.method != "POST":  # as for the page's other actions: the page, not an empty 405
        return redirect("my_data")
    wards.session_close(request.session)  # a shared computer: nothing of theirs is left
    # Said, on the page that opens it again: the home page said nothing of it, and a person
    # handing a phone back could not tell the press had worked.
    messages.success(request, LEFT)
    return redirect("my_data")
