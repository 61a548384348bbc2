from django.shortcuts import render
from django.views.decorators.cache import never_cache

from .links import ticket_for_link
from .tickets import ticket_verify


@never_cache
def verify_request(request, token):
    """The requester's confirmation link: GET shows a button, POST confirms (compliance L9)."""
    ticket = ticket_for_link(token)
    if ticket is None or (ticket.verified_at is None and not ticket.is_waiting):
        # Damaged or expired, or closed unconfirmed by an officer: a link never reopens one.
        return render(request, "rights/verify_request.html", {"state": "invalid"}, status=400)
    if request.method == "POST":
        ticket_verify(ticket)
        return render(request, "rights/verify_request.html", {"state": "done", "ticket": ticket})
    return render(request, "rights/verify_request.html", {"state": "ask", "ticket": ticket})
