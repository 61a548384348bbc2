"""The officer's confirmation of a parent or guardian the form that made a child's record named
under another address (core.guardians.guardian_confirm; compliance L6, L9): the parent showed a
document at the desk (a birth certificate, a guardianship decision). Until the child's address
or an officer confirms them, the parent acts for the child in nothing."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext_lazy as _

from consent.core.guardians import guardian_confirm, parents_waiting
from consent.core.models import Subject

from .gone import person_gone_or_404
from .opening import OPEN_PERMISSION


class DocumentSeenForm(forms.Form):
    seen = forms.BooleanField(
        label=_("document seen"),
        help_text=_("I saw a document showing that this person is the child's parent or "
                    "guardian: a birth certificate, or a decision of the guardianship authority."),
        error_messages={"required": _("Tick the box once you have seen the document.")},
    )  # fmt: skip


class DeskParents:
    """For the people's admin (people.SubjectAdmin): the parents waiting for confirmation, on
    the person's page, each with the page that confirms them."""

    parent_template = "admin/consent/subject/confirm_parent.html"

    def get_urls(self):
        view = self.admin_site.admin_view(self.confirm_parent_view)
        return [
            path("<int:pk>/parent/<int:row>/", view, name="consent_subject_confirm_parent"),
            *super().get_urls(),
        ]

    def render_change_form(self, request, context, *args, **kwargs):
        original = context.get("original")
        if original is not None and original.pk and self.may_confirm(request, original):
            context["parents_waiting"] = parents_waiting(original)
        return super().render_change_form(request, context, *args, **kwargs)

    def may_confirm(self, request, subject):
        """The officer who opens a request at the desk (OPEN_PERMISSION) confirms a parent."""
        return self.has_view_permission(request, subject) and request.user.has_perm(OPEN_PERMISSION)

    def confirm_parent_view(self, request, pk, row):
        """GET: who is to be confirmed, and the box; POST: confirm them, back to the person."""
        subject = Subject.objects.filter(pk=pk).first()
        if subject is None:
            return person_gone_or_404(request, pk)
        if not self.may_confirm(request, subject):
            raise PermissionDenied
        guardian = next((g for g in parents_waiting(subject) if g.pk == row), None)
        if guardian is None:  # confirmed meanwhile, erased, come of age, or not this child's
            self.message_user(request, NOT_WAITING, "warning")
            return redirect("admin:consent_subject_change", subject.pk)
        form = DocumentSeenForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            if guardian_confirm(guardian, "guardian_by_document", actor=request.user):
                self.message_user(request, CONFIRMED)
            else:
                self.message_user(request, NOT_WAITING, "warning")
            return redirect("admin:consent_subject_change", subject.pk)
        if request.method == "GET":
            self.audit_shown(request, [subject])  # the parent's name and contact, the child's
        context = {
            **self.admin_site.each_context(request),
            "title": _("Confirm a parent or guardian"),
            "opts": self.opts,
            "original": subject,
            "subject": subject,
            "guardian": guardian,
            "form": form,
        }
        return TemplateResponse(request, self.parent_template, context)


CONFIRMED = _("The parent or guardian is confirmed: they can now act for the child.")
NOT_WAITING = _("This parent or guardian is not waiting for confirmation. Nothing has changed.")
