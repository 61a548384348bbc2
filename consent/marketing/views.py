from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_safe

from consent.common.pagecache import shared_page
from consent.core.digests import TEXTS_SHOWN, shown_value, words_unconfirmed
from consent.core.models import Subject

from .campaigns import read_unsubscribe_token, subscribed, unsubscribe, unsubscribe_link_expired
from .mailing import SAMPLE
from .oneclick import one_click
from .optin import (
    address_blocked,
    confirm_shown,
    confirm_words,
    confirmed_by,
    guardian_missing,
    link_spent,
    marketing_confirm,
    read_token,
    text_replaced,
    withdrawn_since,
)

# The title and heading of each state of the double opt-in link's page, from one table (the link
# refused, the rest: "The link does not work"); what each state says is the template's.
CONFIRM_HEADINGS = {
    "ask": _("Confirm your subscription"),
    "done": _("Subscription confirmed"),
    "already": _("Subscription confirmed"),
    "blocked": _("Processing of your data is blocked"),
    "guardian": _("A parent's or guardian's consent is needed"),
}
LINK_REFUSED = _("The link does not work")
# A press that did not post the words its page showed, or posted others: asked again.
WORDS_NOT_SHOWN = _(
    "Your subscription is not confirmed yet: the page you pressed the button on did not show "
    "these words, or did not say which words it showed. Read them below and press the button "
    "if you agree."
)


def _confirm_page(request, state, status=200, payload=None, pressed=False):
    heading = CONFIRM_HEADINGS.get(state, LINK_REFUSED)
    context = {"state": state, "heading": heading}
    if state == "ask":  # the whole text the button agrees to, as the grant records it
        context["consent_text"] = confirm_words(payload, get_language())
        context["texts_shown"] = shown_value(confirm_shown(payload, get_language()))
        context["not_shown"] = WORDS_NOT_SHOWN if pressed else ""
    return render(request, "marketing/confirm_marketing.html", context, status=status)


def _refused(payload, token) -> str | None:
    """Why the link confirms nothing (the page's state), or None: the one rule the page reads
    before the press and after a press that recorded nothing, so that both say the same."""
    if address_blocked(payload["e"]):
        return "blocked"
    if confirmed_by(payload):  # opened again from the mail once used: it says so
        return "already"
    if withdrawn_since(payload):
        return "unsubscribed"
    if link_spent(token):
        return "spent"
    if text_replaced(payload):
        return "replaced"
    return "guardian" if guardian_missing(payload) else None


@never_cache
def confirm_marketing(request, token):
    """The double opt-in link: GET shows a button (link scanners follow GETs); POST confirms."""
    payload = read_token(token)
    if payload is None:
        # Used to confirm, or unsubscribed since, the link says so at any age, never "older
        # than seven days"; only a link this site made is told it is old, not damaged.
        if (sent := read_token(token, any_age=True)) is None:
            state, status = "invalid", 400
        elif confirmed_by(sent):
            state, status = "already", 200
        else:
            state, status = ("unsubscribed", 200) if withdrawn_since(sent) else ("expired", 400)
        return _confirm_page(request, state, status)
    # The press records the words its page showed (confirm_shown), posted back, or nothing.
    posted = request.POST.get(TEXTS_SHOWN)
    if request.method == "POST" and not words_unconfirmed(
        posted, confirm_shown(payload, get_language())
    ):
        _subject, created = marketing_confirm(payload, request, link=token,
                                              language=get_language())  # fmt: skip
        # Not recorded: the person's processing blocked, a word of theirs since the link
        # (confirmed already, or unsubscribed), or the link used before and nothing on record
        # says so any more (their data destroyed since).
        return _confirm_page(request, "done" if created else _refused(payload, token) or "spent")
    # Blocked, unsubscribed since the link, or a child without a guardian: said before the
    # press, as the held consent's link does (rights/views.py), not a button that then
    # confirms nothing; and after a press that did not post the words it was beside.
    state = _refused(payload, token) or "ask"
    # A press that did not post the words shown (or posted others) records nothing: the page
    # again, saying so, with the words and the button.
    pressed = request.method == "POST"
    return _confirm_page(request, state, payload=payload, pressed=pressed)


def on_record(subject_id: int) -> bool:
    """Whether the person an unsubscribe link names is still on record with an address: a link
    names a record, not an address, and one destroyed since the mail (at their request, or by
    retention) took their subscription with it; so did the erasure of its address once no
    purpose needed it (minimisation, compliance L14), the record kept without it. A
    subscription they confirmed later at that address is another record's, which it cannot
    stop: «you are unsubscribed» told them their news had stopped while it went on."""
    return Subject.objects.filter(pk=subject_id, email__isnull=False).exclude(email="").exists()


@csrf_exempt  # RFC 8058: mail clients POST without cookies; the signed token is the credential
@never_cache
def unsubscribe_view(request, token):
    """One-click unsubscribe: GET asks (link scanners follow GETs), POST unsubscribes."""
    if token == SAMPLE:
        # A preview's or a test copy's link, followed by the marketer to see that it works: it
        # said «the link is damaged», as if every reader's were. What it does in theirs.
        return render(request, "marketing/unsubscribe.html", {"state": "sample"})
    ids = read_unsubscribe_token(token)
    if ids is None:  # past its year, or not a link of ours: the other ways out, either way
        state = "expired" if unsubscribe_link_expired(token) else "invalid"
        return render(request, "marketing/unsubscribe.html", {"state": state}, status=400)
    if request.method == "POST":
        # Of a record destroyed since the mail (on_record): it stops nothing, and says so.
        gone = not unsubscribe(ids[0], request) and not on_record(ids[0])
        if one_click(request):
            # A mail client's one-click POST (RFC 8058), in whatever body it came: answered
            # here, never redirected (section 3.2), with a few words in the link's language
            # for a client that shows them (not the site's page: a click wave is all these).
            page = render_to_string("marketing/one_click_done.html",
                                    {"language": get_language(), "gone": gone})  # fmt: skip
            return HttpResponse(page)
        if gone:
            return render(request, "marketing/unsubscribe.html", {"state": "gone"})
        # The button on our page: post/redirect/get, so that a reload does not post again.
        return HttpResponseRedirect(reverse("unsubscribed"), status=303)
    if not subscribed(ids[0]):
        # Unsubscribed already (by this link, a complaint, their page): the page that says so,
        # not a button as if the news still came. No longer on record (their data destroyed
        # since the mail): «you are unsubscribed» was said of a record that is gone, to someone
        # who may have subscribed again since, whose news the link cannot stop.
        if not on_record(ids[0]):
            return render(request, "marketing/unsubscribe.html", {"state": "gone"})
        return HttpResponseRedirect(reverse("unsubscribed"))
    return render(request, "marketing/unsubscribe.html", {"state": "ask"})


@require_safe
def unsubscribed(request):
    """What every unsubscribe ends on: the same page for everyone, from the page cache."""
    return shared_page(
        request,
        lambda slots: render(request, "marketing/unsubscribe.html", {"state": "done", **slots}),
    )
