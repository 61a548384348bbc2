"""The desk: requests (tickets) by due date, overdue ones marked, and the panel that carries
one out."""

from copy import copy
from functools import cache

from django.contrib import admin, messages
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from consent.common.dates import document_time, reader_time
from consent.common.text import REASON_MAX_CHARS, numbered, written_number
from consent.core.admin import AuditedAdmin, may_see_people
from consent.core.audit import audited
from consent.core.models import AuditEvent, LedgerEntry
from consent.core.purposes import MARKETING, purposes_named

from .. import disclosure
from ..access import access_answers, answer_held_back, resendable
from ..closing import reopen_refusal, reopenings
from ..corrected_age import officer_told
from ..desk import ActionForm, carry_out
from ..destroyed_told import UNTOLD_NOW, untold, untold_record
from ..items import items_shown
from ..links import link_held_back
from ..models import Ticket
from ..register import register_export
from ..statistics import STATISTICS_TABLES, statistics_export, timed
from .answered import AnsweredAdmin
from .assigned import AssignedAdmin, AssigneeFilter
from .due import DueFilter, StatusFilter, due_shown, due_told, status_shown
from .shown import changed_since, page_state
from .ticket_shown import TicketShown

MAX_ID = 2**63 - 1  # a bigint
# Limits of a letter opened as "other" that still stops the news as it arrives (limits.narrowed).
ASIDES_STOPPING = frozenset({Ticket.Limit.UNREAD, Ticket.Limit.UNSAID})


@admin.register(Ticket)
class TicketAdmin(TicketShown, AssignedAdmin, AnsweredAdmin, AuditedAdmin):
    """The desk: requests by due date, overdue ones marked. Each request's page is read-only;
    its panel posts to a page of its own (`act_view`), as Django's user admin does for
    passwords, which carries the request out or shows the panel again with its errors."""

    # What fits at 1280 px beside the filters, the due date (the sort) last and never cut off;
    # who the person is only for staff allowed to see it (get_list_display).
    list_display = ["reference_link", "type", "person", "status_shown", "officer", "due"]
    list_filter = [DueFilter, AssigneeFilter, "type", ("status", StatusFilter), "channel"]
    list_select_related = ["subject", "assignee", "regarding"]  # a filed one names it (due)
    search_fields = ["=id"]
    # A name or a number typed here found nothing, and nothing said why: people are found on
    # their own page, their requests listed there.
    search_help_text = _("A request by its number, as letters write it: R-12. A person by name, "
                         "phone or email: on the data subjects' page, which lists their "
                         "requests.")  # fmt: skip
    ordering = ["due_date", "id"]
    # Sorted by status, a request is where the work has it (label_order.py): waiting for the
    # person, confirmed, then answered, as Ticket.Status declares them; types by their names.
    stage_ordered = ("status",)
    show_full_result_count = False
    list_per_page = 50
    fields = ["type", "status", "assignee", "channel", "language", "purpose_shown", "received_at",
              "due_written", "link_sent", "verified_at", "closed_at", "person", "asked_by",
              "email", "reply_to", "related", "returned", "letter", "outcome"]  # fmt: skip
    readonly_fields = fields
    change_form_template = "admin/rights/ticket/change_form.html"
    audit_history = "object"  # changed by the panel's operations only, each audited

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_queryset(self, request):
        # Whether each was answered on time (statistics.timed): the list marks those late.
        # Whether the officer in charge can still work requests: the officer column.
        # Whether each waits for the person (with_waiting): the due column's badge.
        return timed(super().get_queryset(request)).with_holder_working().with_waiting()

    def get_object(self, request, object_id, from_field=None):
        """A request's page reads the request once: change_view reads it to check and fill the
        page, and Django's change form read it again, the list's annotations and all. On a GET
        only: a post changes the request between the two."""
        if request.method != "GET":
            return super().get_object(request, object_id, from_field)
        read = request.__dict__.setdefault("_tickets_read", {})
        if (object_id, from_field) not in read:
            read[object_id, from_field] = super().get_object(request, object_id, from_field)
        return read[object_id, from_field]

    def get_list_display(self, request):
        shown = super().get_list_display(request)
        return shown if may_see_people(request) else [f for f in shown if f != "person"]

    def lists_personal(self, request):
        return may_see_people(request)

    def get_search_results(self, request, queryset, search_term):
        """A request by its number as staff read and paste it from a notice or a letter
        («R-12», «№ R-12», «r12») or typed bare («12»): Django's search took only the bare
        number, so the reference every mail names found nothing."""
        if not search_term.strip():
            return queryset, False
        written = written_number(search_term)  # common/text.py: as letters and pages write it
        if written is None or written[0] not in ("", "R") or written[1] > MAX_ID:
            return queryset.none(), False
        return queryset.filter(pk=written[1]), False

    @admin.display(description=_("request"), ordering="id")
    def reference_link(self, obj):
        return numbered(obj.reference)  # «№ R-12», as letters and the request's page write it

    @admin.display(description=_("status"), ordering="status")
    def status_shown(self, obj):
        return status_shown(obj)

    @admin.display(description=_("due"), ordering="due_date")
    def due(self, obj):
        # Named in the cell too, for a phone, where the list has no headers (admin.css).
        return format_html('<span class="phone-label">{}: </span>{}', _("due"), due_shown(obj))

    @admin.display(description=_("due"))
    def due_written(self, obj):
        return due_shown(obj, written=document_time)

    def get_urls(self):
        return [
            path(
                "<int:pk>/act/", self.admin_site.admin_view(self.act_view), name="rights_ticket_act"
            ),
            path(
                "<int:pk>/assign/",
                self.admin_site.admin_view(self.assign_view),
                name="rights_ticket_assign",
            ),
            path(
                "<int:pk>/resend/",
                self.admin_site.admin_view(self.resend_view),
                name="rights_ticket_resend",
            ),
            path(
                "<int:pk>/send-link/",
                self.admin_site.admin_view(self.send_link_view),
                name="rights_ticket_send_link",
            ),
            path(
                "<int:pk>/reopen/",
                self.admin_site.admin_view(self.reopen_view),
                name="rights_ticket_reopen",
            ),
            path(
                "register.csv",
                self.admin_site.admin_view(self.register_view),
                name="rights_ticket_register",
            ),
            *(
                path(
                    f"statistics-{table}.csv",
                    self.admin_site.admin_view(self.statistics_view),
                    {"table": table},
                    name=f"rights_statistics_{table}",
                )
                for table in STATISTICS_TABLES
            ),
            *super().get_urls(),
        ]

    def _can_act(self, request, ticket):
        """The panel is there while the request is open, confirmed or waiting for the person,
        and on a reply filed with another request, to open it as one (what it offers for each:
        desk.ActionForm)."""
        return (ticket.is_open or ticket.is_filed) and self.has_change_permission(request, ticket)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        # Who may not see requests is refused first, whatever the method: a 405 would answer
        # them about the page before their permission was asked.
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        if request.method != "GET":  # a ticket changes only through its panel (act_view)
            return HttpResponseNotAllowed(["GET"])
        ticket = self.get_object(request, unquote(object_id))  # None for "abc", as Django's
        if ticket is None:
            raise Http404
        if not self.has_view_permission(request, ticket):
            raise PermissionDenied
        extra_context = extra_context or {}
        # The panel act_view was posted (shown with its errors), or an empty one: made once.
        panel = extra_context.get("desk_form") or ActionForm(ticket=ticket)
        extra = {"desk_form": panel, "can_act": self._can_act(request, ticket),
                 "ticket": ticket, "state": page_state(ticket, panel),
                 **extra_context}  # fmt: skip
        extra["reopenings"] = [
            {**r, "at": reader_time(r["at"]), "by": r["by"] or _("the system")}
            for r in reopenings(ticket)
        ]
        extra["can_reopen"] = reopen_refusal(ticket) is None and self.has_change_permission(
            request, ticket
        )
        extra["reopen_max_chars"] = REASON_MAX_CHARS
        extra["can_send_link"] = link_held_back(ticket) and self.has_change_permission(
            request, ticket
        )
        extra.update(self.assignment(request, ticket))
        asides = ticket.limits.get("analytics") or ticket.limits.get("limit") in ASIDES_STOPPING
        if (ticket.about_someone_else or asides) and ticket.subject_id:
            # The one thing such a letter does on arrival (intake.recognise): the sender's own
            # unsubscribe, an analytics letter's, one beside a withdrawal of no purpose of ours
            # or one's whose object is unsaid (limits.narrowed), withdrawn under its reference.
            extra["unsubscribed_on_arrival"] = LedgerEntry.objects.filter(
                subject=ticket.subject_id,
                purpose=MARKETING,
                kind=LedgerEntry.Kind.WITHDRAW,
                reason=ticket.reference,
            ).exists()
        # The files its letter carried, none kept (tickets.ticket_open): the sender was told.
        opened = audited(AuditEvent.Action.REQUEST_OPEN, ticket).first()
        extra["files_not_kept"] = opened.detail.get("files", 0) if opened else 0
        if ticket.type == Ticket.Type.CORRECT and ticket.channel == Ticket.Channel.EMAIL:
            extra["asked_items"] = items_shown(ticket.message)  # what the letter asks of each
        stops = ticket.limits.get("stops", [])
        extra["limits_stops"] = purposes_named(stops)
        if ticket.type == Ticket.Type.ACCESS and ticket.subject_id is not None:
            # The export links, or what a press would be refused with (a blocked person).
            refused = disclosure.download_refusal(ticket.subject, blocked=panel.blocked)
            extra["download_refused"] = refused
        untold_at = untold_record(ticket) if ticket.status == Ticket.Status.DONE else None
        extra["untold_at"] = untold_at and reader_time(untold_at.at)
        held_back = ticket.type == Ticket.Type.ACCESS and answer_held_back(ticket)
        extra["answer_held_back_at"] = held_back and reader_time(held_back.at)
        if resendable(ticket) and self.has_change_permission(request, ticket):
            last = access_answers(ticket).last()
            extra["last_answer"] = last
            extra["last_answer_at"] = last and reader_time(last.at)
            extra["can_resend"] = True
        return super().change_view(request, object_id, form_url, extra)

    def act_view(self, request, pk):
        """POST: carry out or refuse, then back to the request (from a page out of date:
        nothing done, shown.changed_since); or the request's page again with the panel's errors
        (GET: with an empty panel), whole, not a page of the panel's own. The action and the
        request's lock are one transaction; what the officer is told of a done action is chosen
        once it has committed, when a destruction's letter has been tried (destroyed_told)."""
        with transaction.atomic():  # the request held from its check (changed_since)
            response, done = self._act(request, pk)
        if done is not None:
            ticket, text, level = done
            if untold(ticket):
                text, level = UNTOLD_NOW % {"ref": ticket.reference}, messages.WARNING
            self.message_user(request, text, level)
        return response

    def _act(self, request, pk):
        """act_view's response, and (the request done, what to tell, its level) or None."""
        ticket = get_object_or_404(Ticket.objects.select_related("subject"), pk=pk)
        if not self.has_change_permission(request, ticket):
            raise PermissionDenied
        # The panel is made once, for the check that the page is not out of date (once the
        # request is held) and to be carried out or shown again with its errors.
        panel = cache(lambda: ActionForm(request.POST or None, ticket=ticket))
        posted = request.method == "POST"
        if posted and (stale := changed_since(ticket, request.POST, request.user, panel)):
            self.message_user(request, stale, messages.WARNING)
            return redirect("admin:rights_ticket_change", ticket.pk), None
        form = panel()
        if (ticket.is_open or ticket.is_filed) and request.method == "POST" and form.is_valid():
            try:
                done = carry_out(ticket, form, request.user)
            except ValidationError as error:
                form.add_refusal(error)
                ticket.refresh_from_db(fields=["status"])
            else:
                text, level = form.done_message(), messages.SUCCESS
                if stopped := officer_told(done):  # a correction that made a minor of them
                    text, level = f"{text} {stopped}", messages.WARNING
                if done.is_open:  # a type changed: still to be answered, by a date counted again
                    due, level = due_told(done)
                    text = f"{text} {due}"
                return redirect("admin:rights_ticket_change", ticket.pk), (done, text, level)
        if not ticket.is_open and not ticket.is_filed:
            # Closed while this one acted: back to the request, which has no panel now, told
            # nothing was done, rather than a "403 Forbidden" that reads as a missing permission.
            if request.method == "POST":
                self.message_user(request, _("This request is already closed, so nothing was "
                                             "done."), messages.WARNING)  # fmt: skip
            return redirect("admin:rights_ticket_change", ticket.pk), None
        shown = copy(request)  # the request page's view reads it as shown, not as posted
        shown.method = "GET"
        return self.change_view(shown, str(ticket.pk), extra_context={"desk_form": form}), None

    def register_view(self, request):
        """The requests the list shows, under its filters (Django's own changelist reads them),
        as a CSV (register.register_csv): no personal data, but which requests there are,
        audited with how many. A query the list refuses sends the officer back to it."""
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        try:
            requests = self.get_changelist_instance(request).get_queryset(request)
        except IncorrectLookupParameters:
            return redirect(reverse("admin:rights_ticket_changelist") + "?e=1")
        body = register_export(requests, actor=request.user, filters=sorted(request.GET))
        # The filters' names go only to the audit row, the body is the rows' CSV.
        # nosemgrep: emalu-httpresponse-from-request -- no request data in the body
        response = HttpResponse(body, content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="requests-register.csv"'
        return response

    def statistics_view(self, request, table):
        """Depersonalised counts for statistics or research (Art. 17(1); compliance L23), one
        table (statistics.STATISTICS_TABLES) a file."""
        if not request.user.has_perm("consent.view_ledgerentry"):
            raise PermissionDenied
        body = statistics_export(table, actor=request.user)
        response = HttpResponse(body, content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{table}-statistics.csv"'
        return response
