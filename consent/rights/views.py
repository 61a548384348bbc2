from django.shortcuts import render
from django.views.decorators.cache import never_cache

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
