from django.shortcuts import render
from django.views.decorators.cache import never_cache

from consent.core.held import consent_confirm, submission_for_link
from consent.core.models import Held

from .links import ticket_for_link
from .tickets import ticket_verify


@never_cache
def verify_request(request, token):
    """The requester's confirmation link: GET shows a button, POST confirms (compliance L9); once
    confirmed, the link says where the request stands."""
    ticket = ticket_for_link(token)
    if ticket is None or (ticket.verified_at is None and not ticket.is_waiting):
        # Damaged or expired, or closed unconfirmed by an officer: a link never reopens one.
        return render(request, "rights/verify_request.html", {"state": "invalid"}, status=400)
    if request.method == "POST":
        ticket = ticket_verify(ticket)
    elif ticket.verified_at is None:
        return render(request, "rights/verify_request.html", {"state": "ask", "ticket": ticket})
    # Confirmed (now, or before: the link tapped again says so, not "confirm" once more).
    return render(request, "rights/verify_request.html", {"state": "done", "ticket": ticket})


@never_cache
def confirm_consent(request, token):
    """The link offered to the owner of an address whose withdrawn consent a form ticked again
    (consent.core.held): GET shows a button (link scanners follow GETs), POST records it."""
    submission = submission_for_link(token)
    if submission is None or submission.consent_held not in (Held.WITHDRAWN, Held.CONFIRMED):
        return render(request, "rights/confirm_consent.html", {"state": "invalid"}, status=400)
    if submission.consent_held == Held.CONFIRMED:
        return render(request, "rights/confirm_consent.html", {"state": "done"})
    if request.method == "POST":
        if not consent_confirm(submission, request):
            return render(request, "rights/confirm_consent.html", {"state": "invalid"}, status=400)
        return render(request, "rights/confirm_consent.html", {"state": "done"})
    return render(request, "rights/confirm_consent.html", {"state": "ask"})
