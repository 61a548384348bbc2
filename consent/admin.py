from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.html import format_html, linebreaks
from django.utils.translation import gettext_lazy as _

from .audit import audit
from .evidence import evidence_csv, evidence_pdf
from .models import (
    AuditEvent,
    ConsentText,
    LedgerEntry,
    PolicyVersion,
    Subject,
    Submission,
    Tombstone,
)
from .texts import policy_publish, render_consent, text_publish


class ReadOnlyAdmin(admin.ModelAdmin):
    """The ledger, the audit log and tombstones: nobody edits them here, superusers included."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(LedgerEntry)
class LedgerEntryAdmin(ReadOnlyAdmin):
    """A ledger row holds the person's IP and browser: opening one is audited."""

    list_display = ["id", "at", "subject_id", "purpose", "kind", "source", "text"]
    list_filter = ["kind", "purpose", "source"]
    list_select_related = ["text"]
    raw_id_fields = ["subject"]
    show_full_result_count = False

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


@admin.register(Tombstone)
class TombstoneAdmin(ReadOnlyAdmin):
    list_display = ["id", "at", "subject_ref", "request_ref", "actor_label"]


class LedgerInline(admin.TabularInline):
    model = LedgerEntry
    fields = ["at", "purpose", "kind", "text", "language", "source", "expires_at", "guardian"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True
    ordering = ["-id"]

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Subject)
class SubjectAdmin(admin.ModelAdmin):
    list_display = ["__str__", "language", "created_at", "updated_at"]
    list_filter = ["language"]
    search_fields = ["=email", "=phone"]
    fields = ["full_name", "email", "phone", "birth_date", "birth_place", "language", "evidence"]
    readonly_fields = ["evidence"]
    inlines = [LedgerInline]
    show_full_result_count = False

    def has_delete_permission(self, request, obj=None):
        return False  # destruction is an audited operation on a request, never a delete button

    @admin.display(description=_("consent evidence"))
    def evidence(self, obj):
        if obj.pk is None:
            return "-"
        return format_html(
            '<a href="{}">CSV</a> · <a href="{}">PDF</a>',
            reverse("admin:consent_subject_evidence", args=[obj.pk, "csv"]),
            reverse("admin:consent_subject_evidence", args=[obj.pk, "pdf"]),
        )

    def get_urls(self):
        return [
            path(
                "<int:pk>/evidence.<str:fmt>",
                self.admin_site.admin_view(self.evidence_view),
                name="consent_subject_evidence",
            ),
            *super().get_urls(),
        ]

    def evidence_view(self, request, pk, fmt):
        subject = get_object_or_404(Subject, pk=pk)
        if not self.has_view_permission(request, subject) or fmt not in ("csv", "pdf"):
            raise PermissionDenied
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

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        action = AuditEvent.Action.SUBJECT_EDIT if change else AuditEvent.Action.SUBJECT_CREATE
        audit(action, actor=request.user, subject=obj, fields=sorted(form.changed_data))


def photo_response(request, owner, file):
    """A stored photo for staff: always a download, never rendered by the browser (T10)."""
    if not file:
        raise PermissionDenied
    audit(AuditEvent.Action.SUBJECT_EXPORT, actor=request.user, subject=owner, what="photo")
    response = FileResponse(file.open("rb"), as_attachment=True, filename=f"photo-{owner.pk}.jpg")
    response["Content-Type"] = "image/jpeg"
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "sandbox; default-src 'none'"
    response["Cache-Control"] = "no-store"
    return response


@admin.register(Submission)
class SubmissionAdmin(admin.ModelAdmin):
    list_display = ["__str__", "source", "language", "created_at", "subject_id"]
    list_filter = ["source", "language"]
    fields = ["subject", "source", "language", "created_at", "data", "photo_link"]
    readonly_fields = fields
    show_full_result_count = False

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

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
