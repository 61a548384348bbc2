"""Who works a request, on the desk: its column and filter in the list, and the request page's
form to take it or hand it over (assignment.ticket_assign)."""

from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from consent.common.text import EMPTY, whole_number

from ..alerts import desk_staff
from ..assignment import ticket_assign
from ..models import Ticket


class AssigneeFilter(admin.SimpleListFilter):
    """The officer's own requests, or those no one who can work them has (unassigned)."""

    title = gettext_lazy("officer")
    parameter_name = "officer"

    def lookups(self, request, model_admin):
        return [("me", gettext_lazy("assigned to me")), ("none", gettext_lazy("unassigned"))]

    def queryset(self, request, queryset):
        if self.value() == "me":
            return queryset.held_by(request.user)
        if self.value() == "none":
            return queryset.unassigned()
        return queryset


class AssignedAdmin:
    """TicketAdmin's part of it."""

    @admin.display(description=gettext_lazy("officer"), ordering="assignee__username")
    def officer(self, obj):
        """The officer in charge; a holder who can no longer work requests is shown as no one,
        with their name beside it (the filter «unassigned» counts the request as no one's)."""
        if obj.assignee_id is None:
            return EMPTY
        who = obj.assignee.get_username()
        if getattr(obj, "holder_works", True):
            return who
        gone = _("No officer is in charge of this request: %(who)s can no longer work requests.")
        gone %= {"who": who}
        return format_html('<span title="{}">{} ({})</span>', gone, EMPTY, who)

    def assignment(self, request, ticket):
        """The request page's form: who has it, and, on an open request for staff who may
        change it, a button to take it and a list of officers to hand it to. The list offers
        only a change: not the one in charge (handing it to them did nothing, and the list
        started on them, or on «no one» for a request no one had), «no one» only when someone
        has it, and it starts on the officer reading, unless it is theirs already. A holder
        who can no longer work requests is named as such: the request counts as no one's."""
        can = ticket.is_open and self.has_change_permission(request, ticket)
        gone = ticket.assignee_id is not None and not Ticket.objects.held_by(
            ticket.assignee_id).filter(pk=ticket.pk).exists()  # fmt: skip
        others = [o for o in desk_staff().order_by("username") if o.pk != ticket.assignee_id]
        return {"can_assign": can, "officers": others if can else [], "holder_gone": gone,
                "mine": ticket.assignee_id == request.user.pk and not gone}  # fmt: skip

    def assign_view(self, request, pk):
        """POST: take the request ("take") or hand it to an officer (their number; empty:
        to no one), back to the request told what was done or why nothing was."""
        ticket = get_object_or_404(Ticket, pk=pk)
        if not self.has_change_permission(request, ticket):
            raise PermissionDenied
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        chosen = "me" if request.POST.get("take") else request.POST.get("to", "")
        to = request.user if chosen == "me" else None
        if chosen not in ("me", ""):
            number = whole_number(chosen)
            to = get_user_model().objects.filter(pk=number).first() if number else None
            if to is None:
                self.message_user(request, _("Choose an officer from the list."), messages.ERROR)
                return redirect("admin:rights_ticket_change", ticket.pk)
        try:
            done = ticket_assign(ticket, to=to, actor=request.user,
                                 shown=whole_number(request.POST.get("shown")))  # fmt: skip
        except ValidationError as error:
            for text in error.messages:
                self.message_user(request, text, messages.ERROR)
        else:
            self.message_user(request, assigned_told(done, request.user), messages.SUCCESS)
        return redirect("admin:rights_ticket_change", ticket.pk)


def assigned_told(ticket, user) -> str:
    if ticket.assignee_id is None:
        return _("No officer is in charge of this request now.")
    if ticket.assignee_id == user.pk:
        return _("You are in charge of this request now: it is listed as yours.")
    return _("Handed over: %(who)s is in charge of this request now, and it is listed as "
             "theirs.") % {"who": ticket.assignee.get_username()}  # fmt: skip
