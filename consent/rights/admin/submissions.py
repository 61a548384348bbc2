"""What the forms sent: read-only, every opening audited; staff mark an inquiry or application
answered here (compliance L5)."""

from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from consent.common.text import EMPTY
from consent.core.admin import (
    AuditedAdmin,
    ReadOnlyAdmin,
    may_see_people,
    person_named,
    submission_data,
    with_names,
)
from consent.core.held import answer_refusal
from consent.core.models import Submission
from consent.core.submissions import submission_answer

from .downloads import links_or_reason, photo_response
from .people import form_consent


class AnsweredFilter(admin.SimpleListFilter):
    title = _("answered")
    parameter_name = "answered"

    def lookups(self, request, model_admin):
        return [("no", _("not yet")), ("yes", _("answered"))]

    def queryset(self, request, queryset):
        if self.value() in ("no", "yes"):
            return queryset.filter(answered_at__isnull=self.value() == "no")
        return queryset


@admin.register(Submission)
class SubmissionAdmin(AuditedAdmin, ReadOnlyAdmin):
    """What a form sent, as sent: read-only; opening one is audited. Staff mark an inquiry or
    application answered here (the list's action, or the button on its page)."""

    list_display = ["__str__", "source", "language", "created_at", "answered_at", "person"]
    list_filter = ["source", "language", AnsweredFilter, "consent_held"]
    fields = ["person", "source", "language", "created_at", "answered_at", form_consent,
              "data_sent", "photo_link"]  # fmt: skip
    readonly_fields = fields
    show_full_result_count = False
    actions = ["mark_answered"]  # also a button on the page (admin/consent/submission/)
    audit_history = "object"  # marked answered by an audited operation, never edited

    def get_queryset(self, request):
        return with_names(super().get_queryset(request), request, subject="subject_id")

    def lists_personal(self, request):
        return may_see_people(request)  # the list names each person (names.py)

    @admin.display(description=Submission._meta.get_field("subject").verbose_name,
                   ordering="subject_id")  # fmt: skip
    def person(self, obj):
        return person_named(obj, obj.subject_id)

    @admin.display(description=Submission._meta.get_field("data").verbose_name)
    def data_sent(self, obj):
        """A labelled list in the staff member's language, not the stored JSON."""
        return submission_data(obj.data)

    def has_answer_permission(self, request):
        return request.user.has_perm("consent.answer_submission")

    @admin.action(description=_("Mark answered"), permissions=["answer"])
    def mark_answered(self, request, queryset):
        """The service purpose is achieved for each (compliance L5): retention erases them
        after SERVICE_ACHIEVED_GRACE_DAYS, and the person when no other consent stands."""
        done, refused = [], []
        for submission in queryset.select_related("subject").order_by("pk"):
            try:
                done.append(submission_answer(submission, actor=request.user))
            except ValidationError as error:
                refused.append(error.messages[0])
        if refused:  # the consent they need does not stand (held.answer_refusal): said why
            message = _("Not marked answered: %(n)d. %(why)s")
            why = refused[0]
            self.message_user(request, message % {"n": len(refused), "why": why}, messages.ERROR)
        if any(done):
            message = _("Marked answered: %(n)d. Waiting period before erasure (days): %(days)d.")
            days = settings.SERVICE_ACHIEVED_GRACE_DAYS
            self.message_user(request, message % {"n": sum(done), "days": days}, messages.SUCCESS)
        if done and not all(
            done
        ):  # pressed again (two tabs, a double click): said, nothing recorded
            message = _("Already answered before, nothing changed: %(n)d.")
            self.message_user(request, message % {"n": done.count(False)}, messages.WARNING)

    def render_change_form(self, request, context, *args, **kwargs):
        context["can_answer"] = self.has_answer_permission(request)
        original = context.get("original")
        context["answer_refusal"] = original and answer_refusal(original)
        context["grace_days"] = settings.SERVICE_ACHIEVED_GRACE_DAYS
        return super().render_change_form(request, context, *args, **kwargs)

    @admin.display(description=_("photo"))
    def photo_link(self, obj):
        if not obj.photo:
            return EMPTY
        url = reverse("admin:consent_submission_photo", args=[obj.pk])
        return links_or_reason(obj.subject, format_html('<a href="{}">{}</a>', url, _("download")))

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
