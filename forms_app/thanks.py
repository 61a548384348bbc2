"""The thank-you pages, and the dates the one after a request or a subscription gives.

A form that mails a link to confirm says by when to open it, as a date in the visitor's language,
and a request also by when we answer it (its due date counted from today, deadlines.due_for, as
the receipt mail says once it is confirmed): «within seven days» left the visitor to count, from
a day the page did not name. The dates are the visitor's own (the type of request they chose, the
moment they sent it), so they reach the page as a message (django.contrib.messages, in the
language of the form that was sent): a page carrying one is never kept by the page cache or a
proxy (pagecache.shared_page), and the next day's visitor never reads another's dates. A reload
shows the page without them, as every visitor's page reads then.
"""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from consent.common.dates import document_time
from consent.common.pagecache import shared_page
from consent.core.mail import CONFIRM_LINK_WORKS
from consent.rights.deadlines import due_for
from consent.rights.models import Ticket

# What each thank-you page says happened, its heading and title: five pages titled «Рақмет»
# alike left a screen reader, a tab and the history unable to tell which form had been sent.
THANKS_HEADINGS = {
    "contact": gettext_lazy("Message received"),
    "apply": gettext_lazy("Application received"),
    "newsletter": gettext_lazy("Subscription: check your email"),
    "request": gettext_lazy("Request: check your email"),
    "my-data": gettext_lazy("Link to your data: check your email"),
}
DATES = "dates"  # the tag of the message that carries them


def thanked(request, kind, request_type=None, now=None):
    """The way to the thank-you page of `kind`, with the dates it gives of a form sent `now`
    (the moment its request was received; now when None): a request of `request_type` (one the
    form does not offer, as a bot's filled honeypot may send, is read as «other»), or a
    subscription."""
    now = now or timezone.now()
    if kind == "request":
        request_type = request_type if request_type in Ticket.Type.values else Ticket.Type.OTHER
        expires = document_time(now + Ticket.CONFIRM_WITHIN)
        due = document_time(due_for(request_type, now))
        note = _(
            "If we hold personal data linked to this address, we have sent a confirmation link "
            "to it. The link works until %(expires)s. Your request is counted from today, and we "
            "act once you confirm it: we will answer by %(due)s."
        ) % {"expires": expires, "due": due}
        messages.info(request, note, extra_tags=DATES)
    elif kind == "newsletter":
        expires = document_time(now + CONFIRM_LINK_WORKS)
        note = _(
            "We send an email with a link to the address you gave: open it to confirm your "
            "subscription. The link works until %(expires)s."
        ) % {"expires": expires}
        messages.info(request, note, extra_tags=DATES)
    return redirect("form_thanks", kind=kind)


def thanks(request, kind):
    if kind not in THANKS_HEADINGS:
        raise Http404
    context = {"kind": kind, "heading": THANKS_HEADINGS[kind]}

    def render_page(slots):
        # Read here, where the page is made: shared_page keeps no page that carries a message.
        told = list(messages.get_messages(request))
        dates = [m for m in told if m.extra_tags == DATES]
        notes = [m for m in told if m.extra_tags != DATES]
        page = {**context, **slots, "dates": dates[-1] if dates else "", "messages": notes}
        return render(request, "forms_app/thanks.html", page)

    return shared_page(request, render_page)
