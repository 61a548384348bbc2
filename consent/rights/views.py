from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache

from consent.core import gate
from consent.core.digests import TEXTS_SHOWN, shown_value, words_unconfirmed
from consent.core.held import (
    consent_confirm,
    guardian_needed,
    held_link_expired,
    held_names,
    held_shown,
    held_texts,
    holds_service,
    submission_for_link,
    texts_replaced,
)
from consent.core.models import Held, Source
from consent.core.purposes import SERVICE

from .links import link_expired, ticket_for_link
from .tickets import ticket_verify


@never_cache
def verify_request(request, token):
    """The requester's confirmation link: GET shows a button, POST confirms (compliance L9); once
    confirmed, or closed, the link says where the request stands, and when."""
    ticket = ticket_for_link(token)
    if ticket is None:  # past its seven days unconfirmed, or anything a link cannot act on
        state = "expired" if link_expired(token) else "invalid"
        return render(request, "rights/verify_request.html", {"state": state}, status=400)
    if ticket.verified_at is None and not ticket.is_waiting:
        # Closed unconfirmed (by an officer, once the link had expired): a link never reopens
        # one, and says so, with the day it was closed.
        return render(request, "rights/verify_request.html", {"state": "closed", "ticket": ticket})
    if request.method == "POST":
        ticket = ticket_verify(ticket)
    elif ticket.verified_at is None:
        return render(request, "rights/verify_request.html", {"state": "ask", "ticket": ticket})
    # Confirmed (now, or before: the link tapped again says so, not "confirm" once more).
    return render(request, "rights/verify_request.html", {"state": "done", "ticket": ticket})


# What the confirm page says follows, a whole sentence per form (glossary: a form's name glued
# into a shared sentence cannot take its endings). Only a held service consent keeps the answer
# waiting; a form that holds none has nothing to answer (the newsletter's is its own opt-in).
ANSWER_ONCE_CONFIRMED = {
    Source.CONTACT_FORM: _("Once you confirm, we will answer your message by email."),
    Source.APPLICATION_FORM: _("Once you confirm, we will answer your application by email."),
}
ANSWER_NOW = {
    Source.CONTACT_FORM: _("We will answer your message by email."),
    Source.APPLICATION_FORM: _("We will answer your application by email."),
}


# A press that did not post the words its page showed, or posted others: asked again.
WORDS_NOT_SHOWN = _(
    "Nothing has been recorded yet: the page you pressed the button on did not show these "
    "words, or did not say which words it showed. Read them below and press the button if you "
    "agree."
)


def _confirm_page(request, submission, state, pressed=False):
    """The page for `state`, saying which consents the link gives again and, when the form's
    answer waited on one of them, that it comes once confirmed (never when it did not wait).
    `pressed`: the button was pressed without the words it was beside (WORDS_NOT_SHOWN)."""
    count, names = held_names(submission)
    answer = ""
    if holds_service(submission):
        if state == "ask":
            answer = ANSWER_ONCE_CONFIRMED.get(submission.source, "")
        elif gate.may_process(submission.subject, SERVICE):
            answer = ANSWER_NOW.get(submission.source, "")
    context = {"state": state, "held_count": count, "held_names": names, "answer": answer}
    if state == "ask":  # the whole text the button agrees to, as the grant records it
        context["texts"] = [wording for _text, wording in held_texts(submission, get_language())]
        context["texts_shown"] = shown_value(held_shown(submission, get_language()))
        context["not_shown"] = WORDS_NOT_SHOWN if pressed else ""
    return render(request, "rights/confirm_consent.html", context)


@never_cache
def confirm_consent(request, token):
    """The link offered to the owner of an address whose withdrawn consent a form ticked again
    (consent.core.held): GET shows a button (link scanners follow GETs), POST records it."""
    submission = submission_for_link(token)
    if submission is None or submission.consent_held not in (Held.WITHDRAWN, Held.CONFIRMED):
        state = "expired" if submission is None and held_link_expired(token) else "invalid"
        return render(request, "rights/confirm_consent.html", {"state": state}, status=400)
    if submission.consent_held == Held.CONFIRMED:
        return _confirm_page(request, submission, "done")
    # Blocked (before the press, or while it was recorded): said so, not "the link does not
    # work"; the block stops processing, so no consent is recorded until it is lifted.
    if gate.is_blocked(submission.subject):
        return render(request, "rights/confirm_consent.html", {"state": "blocked"})
    # Under 18 by the record now, and no guardian's consent came with the form: said before
    # the press, and nothing is recorded (held.guardian_needed; compliance L6).
    if guardian_needed(submission):
        return render(request, "rights/confirm_consent.html", {"state": "guardian"})
    # A text it was given to asked for consent again since: the form is sent again, to it.
    if texts_replaced(submission):
        return render(request, "rights/confirm_consent.html", {"state": "replaced"})
    # The press records the words its page showed (held_shown), posted back, or nothing.
    shown = held_shown(submission, get_language()) if request.method == "POST" else {}
    if request.method == "POST" and words_unconfirmed(request.POST.get(TEXTS_SHOWN), shown):
        return _confirm_page(request, submission, "ask", pressed=True)
    if request.method == "POST":
        if not consent_confirm(submission, request, get_language()):
            submission.subject.refresh_from_db()  # a date of birth recorded meanwhile
            state = ("blocked" if gate.is_blocked(submission.subject)
                     else "guardian" if guardian_needed(submission)
                     else "replaced" if texts_replaced(submission) else "invalid")  # fmt: skip
            status = 400 if state == "invalid" else 200
            return render(request, "rights/confirm_consent.html", {"state": state}, status=status)
        return _confirm_page(request, submission, "done")
    return _confirm_page(request, submission, "ask")
