"""A request's own forms on its page: reopen a closed one, make and send an access answer
again, or send the confirmation link the mail limit held back. Each carries what the page
showed (shown.py), so a repeat does nothing and says so."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _

from consent.common.dates import reader_time
from consent.common.text import whole_number

from ..access import ticket_resend_access
from ..closing import ticket_reopen
from ..links import link_send_by_officer
from ..models import Ticket
from .due import due_told
from .shown import changed_since


class AnsweredAdmin:
    """TicketAdmin's part of it."""

    def resend_view(self, request, pk):
        """POST: make an answered access request's answer again from the data held today and
        mail it (access.ticket_resend_access)."""
        after = whole_number(request.POST.get("after"))
        return self._posted(
            request, pk,
            lambda ticket: ticket_resend_access(ticket, actor=request.user, after=after),
            _("Done: a new answer, made from the data held today, is on its way to the person."),
        )  # fmt: skip

    def send_link_view(self, request, pk):
        """POST: send the confirmation link the per-address limit held back
        (links.link_send_by_officer)."""
        return self._posted(
            request, pk, lambda ticket: link_send_by_officer(ticket, actor=request.user),
            _("Done: the confirmation link is on its way to the address on record."),
        )  # fmt: skip

    def reopen_view(self, request, pk):
        """POST: put a closed request back among the open ones, with the officer's reason
        (closing.ticket_reopen), and say by when it is to be answered: the date stands, often
        passed already."""

        def reopened(ticket):
            again = _("The request is open again: reopening does not change its due date.")
            # Set by ticket_reopen when the calendar changed since the request was answered.
            if (moved := getattr(ticket, "due_moved_from", None)) is not None:
                again = _("The request is open again. Its due date has been counted again by "
                          "the working-day calendar, changed since it was answered: it was "
                          "%(due)s.") % {"due": reader_time(moved)}  # fmt: skip
            due, level = due_told(ticket)
            return f"{again} {due}", level

        return self._posted(
            request, pk,
            lambda ticket: ticket_reopen(ticket, reason=request.POST.get("reason", ""),
                                         actor=request.user,
                                         closed_at=request.POST.get("closed_at")),
            reopened,
        )  # fmt: skip

    @method_decorator(transaction.atomic)  # the request held from its check (changed_since)
    def _posted(self, request, pk, operation, done):
        """One of the request page's own forms, posted: `operation(ticket)` for staff who may
        change requests (403 otherwise, 405 for anything but POST); back to the request, told
        `done` (a text, or of the request as the operation left it, `done(ticket)`: a text and
        its level) or, in the officer's language, why nothing was done."""
        ticket = get_object_or_404(Ticket, pk=pk)
        if not self.has_change_permission(request, ticket):
            raise PermissionDenied
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        if stale := changed_since(ticket, request.POST, request.user):  # a double click, a tab
            self.message_user(request, stale, messages.WARNING)
            return redirect("admin:rights_ticket_change", ticket.pk)
        try:
            result = operation(ticket)
        except ValidationError as error:
            for text in error.messages:
                self.message_user(request, text, messages.ERROR)
        else:
            text, level = done(result) if callable(done) else (done, messages.SUCCESS)
            self.message_user(request, text, level)
        return redirect("admin:rights_ticket_change", ticket.pk)
