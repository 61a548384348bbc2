"""The rights desk: requests by due date with one panel to carry each out, the people they
are about, what their forms sent, and the breach register.

Everything that releases personal data (exports, evidence, photos) calls one operation in
disclosure.py; the views here only turn its bytes or its refusal into a response.
"""

from cryptography.fernet import InvalidToken
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import formats
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from post_office.models import Email

from consent.common.dates import local_today
from consent.core.admin import LatestRowsFormSet, ReadOnlyAdmin, ReadOnlyInline
from consent.core.audit import audit
from consent.core.models import AuditEvent, LedgerEntry, Subject, Submission

from . import disclosure
from .breaches import breach_notice, breach_record
from .desk import ActionForm, carry_out
from .models import Breach, Ticket
from .statistics import statistics_csv


class LedgerInline(ReadOnlyInline):
    model = LedgerEntry
    formset = LatestRowsFormSet
    fields = ["at", "purpose", "kind", "text", "language", "source", "expires_at", "guardian"]
    readonly_fields = fields
    ordering = ["-id"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("text", "guardian")


class SubmissionInline(ReadOnlyInline):
    model = Submission
    fields = ["created_at", "source", "language"]
    readonly_fields = fields


class TicketInline(ReadOnlyInline):
    model = Ticket
    fields = ["received_at", "type", "status", "due_date"]
    readonly_fields = fields


def released(request, subject, release, *, filename, content_type):
    """The response for personal data leaving the system through `release()` (an operation of
    disclosure.py), or the person's page with the reason it was refused."""
    try:
        body = release()
    except disclosure.ProcessingBlocked as refusal:
        messages.error(request, refusal.message)
        return redirect("admin:consent_subject_change", subject.pk)
    except InvalidToken:  # a photo stored before encryption, or under a key no longer set
        messages.error(request, _(
            "The photo cannot be decrypted: run manage.py encrypt_photos "
            "with every key it may be under in MEDIA_ENCRYPTION_KEY."
        ))  # fmt: skip
        return redirect("admin:consent_subject_change", subject.pk)
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def photo_response(request, owner, file):
    """A stored photo for staff: always a download, never rendered by the browser (T10)."""
    if not file:
        raise PermissionDenied
    response = released(
        request, owner, lambda: disclosure.subject_photo(owner, file, actor=request.user),
        filename=f"photo-{owner.pk}.jpg", content_type="image/jpeg",
    )  # fmt: skip
    if response.status_code == 200:
        response["X-Content-Type-Options"] = "nosniff"
        response["Content-Security-Policy"] = "sandbox; default-src 'none'"
        response["Cache-Control"] = "no-store"
    return response


@admin.register(Subject)
class SubjectAdmin(admin.ModelAdmin):
    list_display = ["__str__", "language", "created_at", "updated_at"]
    list_filter = ["language"]
    search_fields = ["=email", "=phone"]
    fields = ["full_name", "email", "phone", "birth_date", "birth_place", "language", "evidence",
              "emails_sent"]  # fmt: skip
    readonly_fields = ["evidence", "emails_sent"]
    inlines = [LedgerInline, SubmissionInline, TicketInline]
    show_full_result_count = False

    def has_delete_permission(self, request, obj=None):
        return False  # destruction is an audited operation on a request, never a delete button

    def has_add_permission(self, request):
        return False  # people are recorded by the forms they send, with their consent

    def has_change_permission(self, request, obj=None):
        # Art. 14, 25(2)(8) (compliance L11): a change answers a correction request and cites a
        # document; the desk's correction panel keeps old and new values (Correction). No free
        # edit here, so a blocked person (L12) is not edited either.
        return False

    @admin.display(description=_("emails sent"))
    def emails_sent(self, obj):
        if not obj.email:
            return "-"
        rows = Email.objects.filter(to__iexact=obj.email).order_by("-id")
        rows = rows.only("created", "subject", "status")[:50]  # not the bodies
        lines = [(e.created.strftime("%Y-%m-%d %H:%M"), e.subject, e.get_status_display())
                 for e in rows]  # fmt: skip
        return format_html_join("\n", "{} · {} · {}<br>", lines) if lines else "-"

    @admin.display(description=_("consent evidence"))
    def evidence(self, obj):
        if obj.pk is None:
            return "-"
        return format_html(
            '<a href="{}">CSV</a> · <a href="{}">PDF</a> · '
            '<a href="{}?subject__id__exact={}">{}</a>',
            reverse("admin:consent_subject_evidence", args=[obj.pk, "csv"]),
            reverse("admin:consent_subject_evidence", args=[obj.pk, "pdf"]),
            reverse("admin:consent_ledgerentry_changelist"),
            obj.pk,
            LedgerEntry._meta.verbose_name_plural,  # the whole history; the page shows the latest
        )

    def get_urls(self):
        return [
            path(
                "<int:pk>/evidence.<str:fmt>",
                self.admin_site.admin_view(self.evidence_view),
                name="consent_subject_evidence",
            ),
            path(
                "<int:pk>/export.<str:fmt>",
                self.admin_site.admin_view(self.export_view),
                name="consent_subject_export",
            ),
            *super().get_urls(),
        ]

    def _subject_for(self, request, pk, fmt, formats):
        subject = get_object_or_404(Subject, pk=pk)
        if not self.has_view_permission(request, subject) or fmt not in formats:
            raise PermissionDenied
        return subject

    def export_view(self, request, pk, fmt):
        """Everything held about the person (compliance L10), for staff answering a request."""
        subject = self._subject_for(request, pk, fmt, disclosure.EXPORT_FORMATS)
        return released(
            request, subject,
            lambda: disclosure.subject_export(subject, fmt=fmt, actor=request.user),
            filename=f"subject-{pk}.{fmt}",
            content_type="application/json" if fmt == "json" else "application/pdf",
        )  # fmt: skip

    def evidence_view(self, request, pk, fmt):
        subject = self._subject_for(request, pk, fmt, disclosure.EVIDENCE_FORMATS)
        return released(
            request, subject,
            lambda: disclosure.subject_evidence(subject, fmt=fmt, actor=request.user),
            filename=f"consent-evidence-{pk}.{fmt}",
            content_type="text/csv; charset=utf-8" if fmt == "csv" else "application/pdf",
        )  # fmt: skip

    def change_view(self, request, object_id, form_url="", extra_context=None):
        response = super().change_view(request, object_id, form_url, extra_context)
        if request.method == "GET" and response.status_code == 200:
            audit(AuditEvent.Action.SUBJECT_VIEW, actor=request.user, subject=Subject(pk=object_id))
        return response


@admin.register(Submission)
class SubmissionAdmin(ReadOnlyAdmin):
    """What a form sent, as sent: read-only; opening one is audited."""

    list_display = ["__str__", "source", "language", "created_at", "subject_id"]
    list_filter = ["source", "language"]
    fields = ["subject", "source", "language", "created_at", "data", "photo_link"]
    readonly_fields = fields
    show_full_result_count = False

    @admin.display(description=_("photo"))
    def photo_link(self, obj):
        if not obj.photo:
            return "-"
        url = reverse("admin:consent_submission_photo", args=[obj.pk])
        return format_html('<a href="{}">{}</a>', url, _("download"))

    def get_urls(self):
        view = self.admin_site.admin_view(self.photo_view)
        return [
            path("<int:pk>/photo/", view, name="consent_submission_photo"),
            *super().get_urls(),
        ]

    def photo_view(self, request, pk):
        submission = get_object_or_404(Submission.objects.select_related("subject"), pk=pk)
        if not self.has_view_permission(request, submission):
            raise PermissionDenied
        return photo_response(request, submission.subject, submission.photo)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        response = super().change_view(request, object_id, form_url, extra_context)
        submission = Submission.objects.filter(pk=object_id).only("subject_id").first()
        if request.method == "GET" and response.status_code == 200 and submission:
            audit(
                AuditEvent.Action.SUBJECT_VIEW,
                actor=request.user,
                subject=submission.subject,
                obj=submission,
            )
        return response


class DueFilter(admin.SimpleListFilter):
    title = _("deadline")
    parameter_name = "due"

    def lookups(self, request, model_admin):
        return [("overdue", _("overdue")), ("today", _("due today")), ("open", _("all open"))]

    def queryset(self, request, queryset):
        today = local_today()
        if self.value() == "overdue":
            return queryset.open().filter(due_date__lt=today)
        if self.value() == "today":
            return queryset.open().filter(due_date=today)
        if self.value() == "open":
            return queryset.open()
        return queryset


@admin.register(Ticket)
class TicketAdmin(admin.ModelAdmin):
    """The desk: requests by due date, overdue ones marked. Each request's page is read-only;
    its panel posts to a page of its own (`act_view`), as Django's user admin does for
    passwords, which carries the request out or shows the panel again with its errors."""

    list_display = ["reference_link", "type", "status", "channel", "received_at", "due"]
    list_filter = [DueFilter, "type", "status", "channel"]
    search_fields = ["=id"]
    ordering = ["due_date", "id"]
    show_full_result_count = False
    list_per_page = 50
    fields = ["type", "status", "channel", "language", "purpose", "received_at", "due_date",
              "verified_at", "closed_at", "subject", "email", "message", "outcome"]  # fmt: skip
    readonly_fields = fields
    change_form_template = "admin/rights/ticket/change_form.html"
    act_template = "admin/rights/ticket/act.html"

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=_("request"), ordering="id")
    def reference_link(self, obj):
        return obj.reference

    @admin.display(description=_("due"), ordering="due_date")
    def due(self, obj):
        today = local_today()
        label = formats.date_format(obj.due_date, "SHORT_DATE_FORMAT")
        if obj.is_open and obj.due_date < today:
            return format_html('<strong class="overdue">{} · {}</strong>', label, _("overdue"))
        if obj.is_open and obj.due_date == today:
            return format_html('<strong class="due-today">{} · {}</strong>', label, _("today"))
        return label

    def get_urls(self):
        return [
            path(
                "<int:pk>/act/", self.admin_site.admin_view(self.act_view), name="rights_ticket_act"
            ),
            path(
                "statistics.csv",
                self.admin_site.admin_view(self.statistics_view),
                name="rights_statistics",
            ),
            *super().get_urls(),
        ]

    def _can_act(self, request, ticket):
        return ticket.status == Ticket.Status.OPEN and self.has_change_permission(request, ticket)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        if request.method != "GET":  # a ticket changes only through its panel (act_view)
            return HttpResponseNotAllowed(["GET"])
        ticket = get_object_or_404(Ticket.objects.select_related("subject"), pk=object_id)
        if not self.has_view_permission(request, ticket):
            raise PermissionDenied
        self._audit_view(request, ticket)
        extra = {"desk_form": ActionForm(ticket=ticket), "can_act": self._can_act(request, ticket),
                 "ticket": ticket, **(extra_context or {})}  # fmt: skip
        return super().change_view(request, object_id, form_url, extra)

    def act_view(self, request, pk):
        """GET: the panel on its own; POST: carry out or refuse, then back to the request."""
        ticket = get_object_or_404(Ticket.objects.select_related("subject"), pk=pk)
        if not self._can_act(request, ticket):
            raise PermissionDenied
        form = ActionForm(request.POST or None, ticket=ticket)
        if request.method == "POST" and form.is_valid():
            try:
                carry_out(ticket, form, request.user)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                self.message_user(request, _("Done: the person has been answered."))
                return redirect("admin:rights_ticket_change", ticket.pk)
        self._audit_view(request, ticket)
        context = {
            **self.admin_site.each_context(request),
            "title": _("Carry out request %(ref)s") % {"ref": ticket.reference},
            "opts": self.opts,
            "original": ticket,
            "ticket": ticket,
            "desk_form": form,
        }
        return TemplateResponse(request, self.act_template, context)

    @staticmethod
    def _audit_view(request, ticket):
        if ticket.subject_id:
            audit(AuditEvent.Action.SUBJECT_VIEW, actor=request.user, subject=ticket.subject,
                  obj=ticket)  # fmt: skip

    def statistics_view(self, request):
        """Depersonalised counts for statistics or research (Art. 9; compliance L23)."""
        if not request.user.has_perm("consent.view_ledgerentry"):
            raise PermissionDenied
        audit(AuditEvent.Action.STATISTICS_EXPORT, actor=request.user)
        response = HttpResponse(statistics_csv(), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="consent-statistics.csv"'
        return response


@admin.register(Breach)
class BreachAdmin(admin.ModelAdmin):
    """The breach register: the regulator's deadline (one working day) shown and highlighted."""

    list_display = ["__str__", "detected_at", "deadline", "regulator_notified_at",
                    "subjects_notified"]  # fmt: skip
    readonly_fields = ["regulator_due", "draft_notice"]

    def has_delete_permission(self, request, obj=None):
        return False

    def save_model(self, request, obj, form, change):
        breach_record(obj)

    @admin.display(description=_("regulator to be notified by"), ordering="regulator_due")
    def deadline(self, obj):
        label = formats.date_format(obj.regulator_due, "SHORT_DATE_FORMAT")
        if obj.regulator_notified_at is None and obj.regulator_due <= local_today():
            return format_html('<strong class="overdue">{} · {}</strong>', label, _("notify now"))
        return label

    @admin.display(description=_("draft notice to the authorised body"))
    def draft_notice(self, obj):
        if obj.pk is None:
            return "-"
        return format_html("<pre style='white-space:pre-wrap'>{}</pre>", breach_notice(obj))
