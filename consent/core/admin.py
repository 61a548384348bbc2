"""The core's admin: the ledger, the audit log and destruction records (read-only for
everyone), and the policy and consent texts (drafts edited, published ones frozen)."""

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import connections
from django.forms.models import BaseInlineFormSet
from django.utils.functional import cached_property
from django.utils.html import linebreaks
from django.utils.translation import gettext_lazy as _

from .audit import audit
from .models import AuditEvent, ConsentText, LedgerEntry, PolicyVersion, Tombstone
from .texts import policy_publish, render_consent, text_publish


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
    readonly_fields = ["preview_kk", "preview_ru", "sha256_kk", "sha256_ru", "processors"]
    publish_function = text_publish

    @admin.display(description=_("text (Kazakh)"))
    def preview_kk(self, obj):
        return linebreaks(render_consent(obj, "kk")) if obj.pk else "-"

    @admin.display(description=_("text (Russian)"))
    def preview_ru(self, obj):
        return linebreaks(render_consent(obj, "ru")) if obj.pk else "-"
