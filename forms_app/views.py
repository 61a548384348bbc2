import logging
import time
import uuid
from functools import partial

from django.conf import settings
from django.contrib import messages
from django.db import IntegrityError, transaction
from django.forms import FileField
from django.shortcuts import redirect, render
from django.utils import timezone, translation
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from consent.common.errors import taken_first
from consent.common.pagecache import shared_page
from consent.cookies.banner import PAGE_FIELD, answer_on_page, policy_number
from consent.core.audit import audit
from consent.core.form_texts import forms_waiting, waiting_for
from consent.core.models import AuditEvent, Source
from consent.core.nameless import form_name
from consent.core.purposes import MARKETING
from consent.core.submissions import (
    mail_language,
    submission_record,
)
from consent.core.texts import current_texts, render_consent
from consent.marketing.optin import optin_start
from consent.rights.analytics_letters import about_analytics
from consent.rights.models import Ticket
from consent.rights.tickets import ticket_open

from .abuse import (
    TOKEN_SLOT,
    new_token,
    rate_wait,
    read_token,
    security_log,
    token_again,
    try_again_message,
)
from .address_typos import TOLD
from .forms import (
    ApplicationForm,
    ContactForm,
    NewsletterForm,
    PublicForm,
    RequestForm,
)
from .models import UsedFormToken
from .resent import content_digest, remember_sent, sent_before
from .thanks import thanked

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
        return _unavailable(request, texts)
    form = form_class(request.POST, request.FILES, texts=texts)
    refusal, token_id = guard(request, kind, form, texts, "forms")
    if refusal is not None:
        return refusal
    digest = content_digest(kind, form, request.FILES)
    store = partial(_store, request, kind, form, source, get_language())
    return _taken(request, kind, digest, lambda: store_once(token_id, digest, store))


def _taken(request, kind, digest, store):
    """The answer to a public form taken once `store` ran, and to a bot's filled honeypot (none):
    remembered alike (resent.py); the bot's lacked the session cookie and «sent already»."""
    if sent_before(request, digest):  # Back, then Send: the same form under a fresh token
        messages.info(request, SENT_ALREADY)
        return redirect("form_thanks", kind=kind)
    now = timezone.now()  # before its link is made: the page never says it works longer
    store()
    remember_sent(request, digest)
    return thanked(request, kind, now=now)


SENT_ALREADY = gettext_lazy(
    "You sent this form with the same content before, and we received it. It was not sent a "
    "second time, and you need not send it again."
)


# The header's language switch on a form page: a button that posts the form, as typed, to the
# same page in the other language (base.html), where a link would lose what was typed. The cookie
# banner's buttons post it to the page itself (banner.PAGE_FIELD), for the same reason.
SWITCH = "switch_language"
FORM_ID = "public-form"
# Posted by a page that shows a form's errors (_form.html): the switch shows them again.
ERRORS_SHOWN = "errors_shown"


def posted_again(request):
    """Whether the post is the language switch or the banner's answer: the form to show again."""
    return SWITCH in request.POST or PAGE_FIELD in request.POST


def typed_back(request, kind, form_class, texts):
    """The form again, as typed: nothing is stored or counted. With no error, unless the page
    showed the form's errors (ERRORS_SHOWN): they are checked again and shown, in the language
    of the page now (they went, and the visitor was left to guess what to put right). After the
    language switch the consent boxes start empty, as consent is given to the texts as read in
    that language; after the banner's answer they stay as ticked. A browser cannot be handed
    back a file."""
    switching = SWITCH in request.POST
    token = request.POST.get("token", "")
    initial = {"token": token if read_token(token) else new_token()}
    form = form_class(initial=initial, **texts_given(form_class, texts))
    if request.POST.get(ERRORS_SHOWN):
        data = request.POST.copy()
        data["token"] = initial["token"]
        for name in [n for n in data if switching and n.startswith("consent_")]:
            del data[name]
        # A host's slip asked about (address_typos.TOLD) is asked again, not dropped unread.
        for name in {TOLD % n for n in data} & set(data):
            del data[name]
        form = form_class(data, **texts_given(form_class, texts))
        form.is_valid()
    typed = [f for f in form.data_bound_fields() if not isinstance(f.field, FileField)]
    if not switching:  # a box beside a text replaced since stays empty (PublicForm.clean)
        replaced = form.texts_changed(request.POST) if isinstance(form, PublicForm) else []
        changed = {f"consent_{p}" for p in replaced}
        typed += [form[name] for name in form.fields
                  if name.startswith("consent_") and name not in changed]  # fmt: skip
    form.initial.update({f.name: request.POST[f.name] for f in typed if f.name in request.POST})
    notes = []
    if switching and any(v for name, v in request.POST.items() if name.startswith("consent_")):
        notes.append(_("Read the consent texts in this language and tick the boxes again."))
    if any(request.FILES.values()) and switching:
        notes.append(_("The file you attached was not kept when the language changed. Please "
                       "attach it again."))  # fmt: skip
    elif any(request.FILES.values()):
        notes.append(_("The file you attached was not kept when you answered the question "
                       "about cookies. Please attach it again."))  # fmt: skip
    return answer_on_page(
        request, lambda: render_form(request, kind, form, texts, {"switch_notes": notes})
    )


def texts_given(form_class, texts):
    """The keyword that hands a public form the texts its request read already: read again,
    they cost a query, and a text published in between would not be the one shown beside it."""
    return {"texts": texts} if issubclass(form_class, PublicForm) else {}


log = logging.getLogger("emalu.forms")
# How often each process says that forms wait for their consent texts (WAITING_SAID_EVERY).
WAITING_SAID_EVERY = 600
_waiting_said: dict[str, float] = {}


def _unavailable(request, texts):
    """No consent text of the form's purpose in force (a fresh install, before an officer
    publishes one): collecting anything would be collecting without consent. The visitor reads
    «not available yet» in their language; the operator reads what to publish, once per process
    every WAITING_SAID_EVERY seconds at WARNING. Each visit was Django's «Service Unavailable»
    at ERROR, naming nothing to do. A database that cannot answer is not this: it raises, and
    is a 503 logged as the outage it is (emalu.middleware.DatabaseUnavailableMiddleware)."""
    now = time.monotonic()
    for purpose, forms in forms_waiting(texts).items():
        if now - _waiting_said.get(purpose, -WAITING_SAID_EVERY) >= WAITING_SAID_EVERY:
            _waiting_said[purpose] = now
            with translation.override(None):  # English, as every log line is
                log.warning("%s", waiting_for(purpose, forms))
    response = render(request, "forms_app/unavailable.html", status=503)
    response._has_been_logged = True  # not Django's «Service Unavailable» at ERROR too
    return response


def _blank_form(request, kind, form_class, slots):
    texts = current_texts()
    if form_class.required_purpose not in texts:
        return _unavailable(request, texts)
    # A service's page links here with ?service=<slug>, chosen already (not a shared page then).
    initial = {"token": TOKEN_SLOT, "service": request.GET.get("service", "")}
    return render_form(request, kind, form_class(initial=initial, texts=texts), texts, slots)


def guard(request, kind, form, texts, scope, thanks=None):
    """(a response refusing the post, None) or (None, the token id of a valid form). A press
    of the language switch or of the banner's buttons is answered first: it sends nothing, so
    nothing counts it. `thanks`: the kind of the thank-you page the form leads to when sent
    (`kind`, the page's own, unless named), which a filled honeypot gets too: a bot must not
    tell it from a form taken, and the self-service page's («my_data_ask») has no such page
    (a 404)."""
    if posted_again(request):
        return typed_back(request, kind, type(form), texts), None
    if wait := rate_wait(scope, request):  # the form again, as typed, with when to send it
        response = _refuse(request, kind, form, texts, try_again_message(wait), status=429)
        response["Retry-After"] = str(wait)
        return response, None
    token = read_token(request.POST.get("token"))
    if request.POST.get("website"):
        security_log.warning("honeypot filled on %s form", kind)
        if kind in FORMS and form.is_valid():  # answered as a public form taken is, remembered
            # apart: sent again without the field (a person's autofill filled it) it is stored
            digest = content_digest(f"honeypot:{kind}", form, request.FILES)
            return _taken(request, kind, digest, str), None
        return thanked(request, thanks or kind, request.POST.get("type")), None
    if token is None:
        message = _("The form has expired. Please send it again.")
        return _refuse(request, kind, form, texts, message), None
    token_id, elapsed = token
    if not form.is_valid():  # its own errors first: an empty form is not "too quick"
        return render_form(request, kind, form, texts), None
    if elapsed < settings.FORM_MIN_FILL_SECONDS:
        security_log.warning("form %s sent %.1f s after it was shown", kind, elapsed)
        message = _("The form was sent too quickly. Please send it again.")
        return _refuse(request, kind, form, texts, message), None
    return None, token_id


def store_once(token_id, content, store):
    """Run `store` in one transaction with the first use of the token for this content (the
    `content_digest` of what the post says); the same post again stores nothing.

    The token is spent for what was sent with it, not for every post it comes with: a refresh,
    a double click or fifty concurrent posts of one form store once, but a form corrected and
    sent again under the token of the same showing of its page (on a phone whose network lost
    the answer to the first «Send», so the page stayed as it was; Back to a page the browser
    kept; a tab left open) is a new form (forms_app/resent.py), as it is under a fresh one.
    Spent whatever the post said, the token stored nothing of the corrected form and the
    visitor was thanked for it: a mistyped address put right never reached the desk.

    Only those two races are the visitor's success: the same post stored already, or a unique
    key a concurrent post took first (tried once more). Any other refusal is raised: a second
    refusal of any kind was taken for «stored already», and the visitor was thanked for a
    form nothing kept (a NOT NULL column a release added before this host's reload, README
    step 9; a constraint or trigger the code does not know)."""
    used = uuid.uuid5(token_id, content)
    for attempt in range(2):  # a second try only for a race on a new person's unique email
        try:
            with transaction.atomic():
                UsedFormToken.objects.create(token=used)
                store()
            return
        except IntegrityError as error:
            if UsedFormToken.objects.filter(token=used).exists():
                return  # the same post again (refresh, double click): it is stored already
            if attempt or not taken_first(error):
                raise


@never_cache
def request_new(request):
    """A request about one's own data, from the web form (compliance L7). Everyone gets the same
    neutral answer."""
    if request.method != "POST":
        form = RequestForm(initial={"token": TOKEN_SLOT})
        return shared_page(request, lambda slots: render_form(request, "request", form, {}, slots))
    form = RequestForm(request.POST)
    refusal, token_id = guard(request, "request", form, {}, "forms")
    if refusal is not None:
        return refusal
    data = form.cleaned_data
    kind = data["type"]
    purpose = data["purpose"] if kind == Ticket.Type.WITHDRAW else ""
    # A withdrawal of "all of them" whose details name the analytics, which no request can
    # withdraw (analytics_letters.py): answered with where each browser turns them off.
    analytics = kind == Ticket.Type.WITHDRAW and not purpose and about_analytics([data["message"]])
    kind = Ticket.Type.OTHER if analytics else kind
    # One moment for the request and its thank-you page: read twice, a request sent at the last
    # instant of a day was received that day and its page, made after midnight, counted its due
    # date and its link's end from the next one.
    now = timezone.now()
    store_once(token_id, content_digest("request", form, {}), lambda: ticket_open(
        kind=kind, email=data["email"], received_at=now,
        language=get_language(), channel=Ticket.Channel.WEB, message=data["message"],
        purpose=purpose, limits={"analytics": True} if analytics else None,
    ))  # fmt: skip
    return thanked(request, "request", kind, now)


def _store(request, kind, form, source, language):
    if kind == "newsletter":
        optin_start(form.cleaned_data["email"], form.cleaned_data["full_name"], language,
                    text=form.texts[MARKETING])  # fmt: skip
        audit(AuditEvent.Action.SUBMISSION, source=source)
        return
    data = form.personal_data()

    def ask_marketing(submission, guardian, goes):  # the box starts the double opt-in, no more
        if goes:  # ticked, and counted in the address's mail budget (submission_record)
            # In the acknowledgement's language: it says this mail was sent, to the same reader.
            optin_start(data["email"], data.get("full_name", ""), mail_language(submission),
                        guardian=guardian, text=form.texts[MARKETING], counted=True)  # fmt: skip

    submission_record(
        source=source,
        language=language,
        data=data,
        consents=form.consents(),
        collected=form.collected(),
        request=request,
        photo=form.cleaned_data.get("photo"),
        guardian=form.guardian() if hasattr(form, "guardian") else None,
        on_recorded=ask_marketing,
        texts=form.texts,
    )


def _refuse(request, kind, form, texts, message, status=200):
    """Show the form again with a fresh token and a message; nothing was stored. The token
    counts the fill time from when the form was first shown (abuse.token_again)."""
    data = request.POST.copy()
    data["token"] = token_again(request.POST.get("token"))
    form = type(form)(data, **texts_given(type(form), texts))  # no files: no photo decoding
    form.is_valid()
    form.add_error(None, message)
    return render_form(request, kind, form, texts, status=status)


def render_form(request, kind, form, texts, slots=None, status=200):
    language = get_language()
    if form.is_bound and form.errors and request.FILES:
        form.note_dropped_upload(request.FILES)
    consents = []
    for field in form.consent_fields():
        text = texts.get(field.field.purpose)
        body = render_consent(text, language, form_name(language), form.collected()) if text else ""
        consents.append({"field": field, "text": body})
    return render(
        request,
        f"forms_app/{kind}.html",
        {
            "form": form,
            "kind": kind,
            "consents": consents,
            # The version the banner reads for this request (cached): only its number is shown.
            "policy_number": policy_number(request),
            "language_switch_form": FORM_ID,
            **(slots or {}),
        },
        status=status,
    )
