from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import connections
from django.forms.models import BaseInlineFormSet
from django.http import FileResponse, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import formats, timezone
from django.utils.functional import cached_property
from django.utils.html import format_html, format_html_join, linebreaks
from django.utils.translation import gettext_lazy as _
from post_office.models import Email

from . import gate
from .audit import audit
from .campaigns import campaign_preview, campaign_send, campaign_test_send
from .campaigns import recipients as campaign_recipients
from .desk import ActionForm, carry_out
from .evidence import evidence_csv, evidence_pdf
from .export import export_json, export_pdf
from .models import (
    AuditEvent,
    Breach,
    CalendarOverride,
    Campaign,
    ConsentText,
    LedgerEntry,
    PolicyVersion,
    Request,
    Subject,
    Submission,
    Tombstone,
)
from .statistics import statistics_csv
from .texts import breach_notice, policy_publish, render_consent, text_publish


class ReadOnlyAdmin(admin.ModelAdmin):
    """The ledger, the audit log, tombstones, submissions: nobody edits them here, superusers
    included."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class EstimatedCountPaginator(Paginator):
    """For the append-only tables, which grow by millions: unfiltered, the count is PostgreSQL's
    own row estimate (kept fresh by autovacuum) instead of a COUNT(*) over every row."""

    exact_below = 100_000

    @cached_property
    def count(self):
        queryset = self.object_list
        connection = connections[queryset.db]
        if connection.vendor == "postgresql" and not queryset.query.where:
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT reltuples FROM pg_class WHERE oid = %s::regclass",
                    [queryset.model._meta.db_table],
                )
                estimate = int(cursor.fetchone()[0])
            if estimate >= self.exact_below:
                return estimate
        return super().count


@admin.register(LedgerEntry)
class LedgerEntryAdmin(ReadOnlyAdmin):
    """A ledger row holds the person's IP and browser: opening one is audited."""

    list_display = ["id", "at", "subject_id", "purpose", "kind", "source", "text"]
    list_filter = ["kind", "purpose", "source"]
    list_select_related = ["text"]
    raw_id_fields = ["subject"]
    show_full_result_count = False
    paginator = EstimatedCountPaginator

    def get_urls(self):
        view = self.admin_site.admin_view(self.statistics_view)
        return [path("statistics.csv", view, name="consent_statistics"), *super().get_urls()]

    def statistics_view(self, request):
        """Depersonalised counts for statistics or research (legal item 23)."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        audit(AuditEvent.Action.STATISTICS_EXPORT, actor=request.user)
        response = HttpResponse(statistics_csv(), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="consent-statistics.csv"'
        return response

    def change_view(self, request, object_id, form_url="", extra_context=None):
        response = super().change_view(request, object_id, form_url, extra_context)
        entry = LedgerEntry.objects.filter(pk=object_id).only("subject_id").first()
        if request.method == "GET" and response.status_code == 200 and entry:
            audit(
                AuditEvent.Action.SUBJECT_VIEW, actor=request.user, subject=entry.subject, obj=entry
            )
        return response


@admin.register(AuditEvent)
class AuditEventAdmin(ReadOnlyAdmin):
    list_display = ["id", "at", "action", "actor_label", "subject_ref", "object_type", "object_id"]
    list_filter = ["action"]
    search_fields = ["=subject_ref", "=actor_label"]
    show_full_result_count = False
    paginator = EstimatedCountPaginator


@admin.register(Tombstone)
class TombstoneAdmin(ReadOnlyAdmin):
    list_display = ["id", "at", "subject_ref", "request_ref", "actor_label"]


class ReadOnlyInline(admin.TabularInline):
    extra = 0
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class LatestRowsFormSet(BaseInlineFormSet):
    """The latest rows only, so that a long history does not slow the subject's page; the
    whole history is on the ledger's own list (linked from the page) and in the evidence."""

    rows = 20

    def get_queryset(self):
        if not hasattr(self, "_latest_rows"):
            self._latest_rows = super().get_queryset()[: self.rows]
        return self._latest_rows


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


class RequestInline(ReadOnlyInline):
    model = Request
    fields = ["received_at", "type", "status", "due_date"]
    readonly_fields = fields


@admin.register(Subject)
class SubjectAdmin(admin.ModelAdmin):
    list_display = ["__str__", "language", "created_at", "updated_at"]
    list_filter = ["language"]
    search_fields = ["=email", "=phone"]
    fields = ["full_name", "email", "phone", "birth_date", "birth_place", "language", "evidence",
              "emails_sent"]  # fmt: skip
    readonly_fields = ["evidence", "emails_sent"]
    inlines = [LedgerInline, SubmissionInline, RequestInline]

    @admin.display(description=_("emails sent"))
    def emails_sent(self, obj):
        if not obj.email:
            return "-"
        rows = Email.objects.filter(to__iexact=obj.email).order_by("-id")
        rows = rows.only("created", "subject", "status")[:50]  # not the bodies
        lines = [(e.created.strftime("%Y-%m-%d %H:%M"), e.subject, e.get_status_display())
                 for e in rows]  # fmt: skip
        return format_html_join("\n", "{} · {} · {}<br>", lines) if lines else "-"

    show_full_result_count = False

    def has_delete_permission(self, request, obj=None):
        return False  # destruction is an audited operation on a request, never a delete button

    def has_add_permission(self, request):
        return False  # people are recorded by the forms they send, with their consent

    def has_change_permission(self, request, obj=None):
        # Legal item 11: a change answers a correction request and cites a document; the desk's
        # correction panel keeps old and new values (Correction). No free edit here, so a
        # blocked person (item 12) is not edited either.
        return False

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

    def export_view(self, request, pk, fmt):
        """Everything held about the person (legal item 10), for staff answering a request."""
        subject = get_object_or_404(Subject, pk=pk)
        if not self.has_view_permission(request, subject) or fmt not in ("json", "pdf"):
            raise PermissionDenied
        if (blocked := refuse_if_blocked(request, subject)) is not None:
            return blocked
        language = subject.language
        body = export_json(subject, language) if fmt == "json" else export_pdf(subject, language)
        audit(AuditEvent.Action.SUBJECT_EXPORT, actor=request.user, subject=subject, format=fmt)
        kind = "application/json" if fmt == "json" else "application/pdf"
        response = HttpResponse(body, content_type=kind)
        response["Content-Disposition"] = f'attachment; filename="subject-{pk}.{fmt}"'
        return response

    def evidence_view(self, request, pk, fmt):
        subject = get_object_or_404(Subject, pk=pk)
        if not self.has_view_permission(request, subject) or fmt not in ("csv", "pdf"):
            raise PermissionDenied
        if (blocked := refuse_if_blocked(request, subject)) is not None:
            return blocked
        body = evidence_csv(subject) if fmt == "csv" else evidence_pdf(subject)
        audit(AuditEvent.Action.EVIDENCE_EXPORT, actor=request.user, subject=subject, format=fmt)
        response = HttpResponse(
            body, content_type="text/csv; charset=utf-8" if fmt == "csv" else "application/pdf"
        )
        response["Content-Disposition"] = f'attachment; filename="consent-evidence-{pk}.{fmt}"'
        return response

    def change_view(self, request, object_id, form_url="", extra_context=None):
        response = super().change_view(request, object_id, form_url, extra_context)
        if request.method == "GET" and response.status_code == 200:
            audit(AuditEvent.Action.SUBJECT_VIEW, actor=request.user, subject=Subject(pk=object_id))
        return response


def refuse_if_blocked(request, subject):
    """Legal item 12: nothing about a blocked person leaves the system (unblock or destroy);
    staff go back to the person's page with the reason. None when not blocked."""
    if not gate.is_blocked(subject):
        return None
    messages.error(request, _("Processing is blocked: unblock or destroy first, or refuse."))
    return redirect("admin:consent_subject_change", subject.pk)


def photo_response(request, owner, file):
    """A stored photo for staff: always a download, never rendered by the browser (T10)."""
    if not file:
        raise PermissionDenied
    if (blocked := refuse_if_blocked(request, owner)) is not None:
        return blocked
    from io import BytesIO

    from cryptography.fernet import InvalidToken

    from .photos import photo_read  # stored encrypted (legal item 22)

    try:
        body = BytesIO(photo_read(file))
    except InvalidToken:  # stored before encryption, or under a key no longer configured
        message = _(
            "The photo cannot be decrypted: run manage.py encrypt_photos "
            "with every key it may be under in MEDIA_ENCRYPTION_KEY."
        )
        messages.error(request, message)
        return redirect("admin:consent_subject_change", owner.pk)
    audit(AuditEvent.Action.SUBJECT_EXPORT, actor=request.user, subject=owner, what="photo")
    response = FileResponse(body, as_attachment=True, filename=f"photo-{owner.pk}.jpg")
    response["Content-Type"] = "image/jpeg"
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "sandbox; default-src 'none'"
    response["Cache-Control"] = "no-store"
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


class PublishedAdmin(admin.ModelAdmin):
    """Drafts are edited freely; a published row is read-only here and in the database."""

    publish_function = None

    def has_change_permission(self, request, obj=None):
        if obj is not None and obj.is_published:
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and obj.is_published:
            return False
        return super().has_delete_permission(request, obj)

    @admin.action(description=_("Publish the selected drafts"), permissions=["change"])
    def publish(self, request, queryset):
        done = 0
        for obj in queryset.filter(published_at__isnull=True):
            try:
                type(self).publish_function(obj, actor=request.user)
                done += 1
            except ValidationError as e:
                self.message_user(request, f"{obj}: {' '.join(e.messages)}", messages.ERROR)
        if done:
            self.message_user(request, _("Published: %(n)d.") % {"n": done}, messages.SUCCESS)

    actions = ["publish"]


@admin.register(PolicyVersion)
class PolicyVersionAdmin(PublishedAdmin):
    list_display = ["number", "effective_date", "published_at"]
    publish_function = policy_publish


@admin.register(ConsentText)
class ConsentTextAdmin(PublishedAdmin):
    list_display = ["__str__", "purpose", "version", "policy", "requires_reconsent", "published_at"]
    list_filter = ["purpose"]
    list_select_related = ["policy"]
    readonly_fields = ["preview_kk", "preview_ru", "sha256_kk", "sha256_ru"]
    publish_function = text_publish

    @admin.display(description=_("text (Kazakh)"))
    def preview_kk(self, obj):
        return linebreaks(render_consent(obj, "kk")) if obj.pk else "-"

    @admin.display(description=_("text (Russian)"))
    def preview_ru(self, obj):
        return linebreaks(render_consent(obj, "ru")) if obj.pk else "-"


class DueFilter(admin.SimpleListFilter):
    title = _("deadline")
    parameter_name = "due"

    def lookups(self, request, model_admin):
        return [("overdue", _("overdue")), ("today", _("due today")), ("open", _("all open"))]

    def queryset(self, request, queryset):
        today = timezone.localdate()
        open_ = queryset.filter(status__in=OPEN_STATUSES)
        if self.value() == "overdue":
            return open_.filter(due_date__lt=today)
        if self.value() == "today":
            return open_.filter(due_date=today)
        if self.value() == "open":
            return open_
        return queryset


OPEN_STATUSES = [Request.Status.UNVERIFIED, Request.Status.OPEN]


@admin.register(Request)
class RequestAdmin(admin.ModelAdmin):
    """The desk: requests by due date, overdue ones marked; one panel carries a request out."""

    list_display = ["reference_link", "type", "status", "channel", "received_at", "due"]
    list_filter = [DueFilter, "type", "status", "channel"]
    search_fields = ["=id"]
    ordering = ["due_date", "id"]
    show_full_result_count = False
    list_per_page = 50
    fields = ["type", "status", "channel", "language", "purpose", "received_at", "due_date",
              "verified_at", "closed_at", "subject", "email", "message", "outcome"]  # fmt: skip
    readonly_fields = fields
    change_form_template = "admin/consent/request/change_form.html"

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=_("request"), ordering="id")
    def reference_link(self, obj):
        return obj.reference

    @admin.display(description=_("due"), ordering="due_date")
    def due(self, obj):
        today = timezone.localdate()
        label = formats.date_format(obj.due_date, "SHORT_DATE_FORMAT")
        if obj.is_open and obj.due_date < today:
            return format_html('<strong class="overdue">{} · {}</strong>', label, _("overdue"))
        if obj.is_open and obj.due_date == today:
            return format_html('<strong class="due-today">{} · {}</strong>', label, _("today"))
        return label

    def change_view(self, request, object_id, form_url="", extra_context=None):
        req = get_object_or_404(Request.objects.select_related("subject"), pk=object_id)
        if not self.has_view_permission(request, req):
            raise PermissionDenied
        form = ActionForm(request_obj=req)
        can_act = req.status == Request.Status.OPEN and self.has_change_permission(request, req)
        # Not "action": Django 6.1 puts its own actions <select name="action"> on change forms.
        if request.method == "POST" and "desk_action" in request.POST:
            if not can_act:
                raise PermissionDenied
            form = ActionForm(request.POST, request_obj=req)
            if form.is_valid():
                try:
                    carry_out(req, form, request.user)
                except ValidationError as e:
                    form.add_error(None, e)
                else:
                    self.message_user(request, _("Done: the person has been answered."))
                    return redirect(request.path)
        if req.subject_id:
            audit(AuditEvent.Action.SUBJECT_VIEW, actor=request.user, subject=req.subject, obj=req)
        # Not "action_form": Django 6.1 change forms render that name as their actions bar.
        extra = {"desk_form": form, "can_act": can_act, "req": req, **(extra_context or {})}
        if request.method == "POST":
            request.method = "GET"  # re-render the page with the form's errors
        return super().change_view(request, object_id, form_url, extra)


@admin.register(CalendarOverride)
class CalendarOverrideAdmin(admin.ModelAdmin):
    list_display = ["date", "is_working_day", "note"]
    list_filter = ["is_working_day"]


@admin.register(Campaign)
class CampaignAdmin(admin.ModelAdmin):
    """Marketers write, preview, test and send; they see counts, never addresses."""

    list_display = ["title", "status", "created_at", "sent_at", "recipient_count"]
    readonly_fields = ["status", "sent_at", "recipient_count", "audience", "preview_kk",
                       "preview_ru"]  # fmt: skip
    fields = ["title", "subject_kk", "body_kk", "subject_ru", "body_ru", *readonly_fields]
    actions = ["send_test", "send"]

    def has_change_permission(self, request, obj=None):
        if obj is not None and obj.status != Campaign.Status.DRAFT:
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return obj is None or obj.status == Campaign.Status.DRAFT

    @admin.display(description=_("people it would reach now"))
    def audience(self, obj):
        return campaign_recipients().count()

    def _preview(self, obj, language):
        if obj.pk is None:
            return "-"
        _subject, text, _html = campaign_preview(obj, language)
        return format_html("<pre style='white-space:pre-wrap'>{}</pre>", text)

    @admin.display(description=_("preview (Kazakh)"))
    def preview_kk(self, obj):
        return self._preview(obj, "kk")

    @admin.display(description=_("preview (Russian)"))
    def preview_ru(self, obj):
        return self._preview(obj, "ru")

    @admin.action(description=_("Send a test to my own address"), permissions=["view"])
    def send_test(self, request, queryset):
        if not request.user.email:
            self.message_user(request, _("Your account has no email address."), messages.ERROR)
            return
        for campaign in queryset:
            for language in ("kk", "ru"):
                campaign_test_send(campaign, request.user.email, language)
        self.message_user(request, _("Test emails queued to %(email)s.") % {
            "email": request.user.email})  # fmt: skip

    @admin.action(description=_("Send the selected drafts now"), permissions=["change"])
    def send(self, request, queryset):
        for campaign in queryset.filter(status=Campaign.Status.DRAFT):
            count = campaign_send(campaign, actor=request.user)
            self.message_user(request, _("%(title)s: queued to %(count)d people.") % {
                "title": campaign.title, "count": count})  # fmt: skip


@admin.register(Breach)
class BreachAdmin(admin.ModelAdmin):
    """The breach register: the regulator's deadline (one working day) shown and highlighted."""

    list_display = ["__str__", "detected_at", "deadline", "regulator_notified_at",
                    "subjects_notified"]  # fmt: skip
    readonly_fields = ["regulator_due", "draft_notice"]

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=_("regulator to be notified by"), ordering="regulator_due")
    def deadline(self, obj):
        label = formats.date_format(obj.regulator_due, "SHORT_DATE_FORMAT")
        if obj.regulator_notified_at is None and obj.regulator_due <= timezone.localdate():
            return format_html('<strong class="overdue">{} · {}</strong>', label, _("notify now"))
        return label

    @admin.display(description=_("draft notice to the authorised body"))
    def draft_notice(self, obj):
        if obj.pk is None:
            return "-"
        return format_html("<pre style='white-space:pre-wrap'>{}</pre>", breach_notice(obj))
