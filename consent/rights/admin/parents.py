"""The officer's confirmation of a parent or guardian the form that made a child's record named
under another address (core.guardians.guardian_confirm; compliance L6, L9): the parent showed a
document at the desk (a birth certificate, a guardianship decision). Until the child's address
or an officer confirms them, the parent acts for the child in nothing. Or the officer records,
with the reason, that they are not the child's parent or guardian (guardian_decline): then they
never act, and the consents given with them alone stop."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext_lazy as _

from consent.core.guardians import (
    guardian_confirm,
    guardian_decline,
    needs_address,
    parents_waiting,
)
from consent.core.models import Declined, Subject
from consent.core.subjects import EMAIL_MAX_LENGTH, clean_email

from .gone import person_gone_or_404
from .opening import OPEN_PERMISSION


class DocumentSeenForm(forms.Form):
    """The box, and for a parent who gave only a phone (`needs_address`) their own address."""

    seen = forms.BooleanField(
        label=_("document seen"),
        help_text=_("I saw a document showing that this person is the child's parent or "
                    "guardian: a birth certificate, or a decision of the guardianship authority."),
        error_messages={"required": _("Tick the box once you have seen the document.")},
    )  # fmt: skip
    email = forms.CharField(
        label=_("the parent's own email address"),
        help_text=_("They gave us only a phone number. A parent's requests for the child are "
                    "confirmed by a link mailed to an address and answered by mail, so ask for "
                    "an email address of their own: from it they act for the child."),
        error_messages={"required": _("Type the parent's own email address: with a phone "
                                      "number alone they can act for the child in nothing.")},
        max_length=EMAIL_MAX_LENGTH,
    )  # fmt: skip

    def __init__(self, *args, phone_only: bool, **kwargs):
        super().__init__(*args, **kwargs)
        if not phone_only:
            del self.fields["email"]

    def clean_email(self):
        return clean_email(self.cleaned_data["email"])


class NotParentForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("reason"),
        choices=[(c.value, c.label) for c in Declined if c != Declined.BY_CHILD],
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose why they are not the child's parent or guardian."),
                        "invalid_choice": _("Choose one of the reasons listed.")},
    )  # fmt: skip


class DeskParents:
    """For the people's admin (people.SubjectAdmin): the parents waiting for confirmation, on
    the person's page, each with the page that confirms them."""

    parent_template = "admin/consent/subject/confirm_parent.html"
    not_parent_template = "admin/consent/subject/decline_parent.html"

    def get_urls(self):
        view = self.admin_site.admin_view(self.confirm_parent_view)
        declined = self.admin_site.admin_view(self.decline_parent_view)
        return [
            path("<int:pk>/parent/<int:row>/", view, name="consent_subject_confirm_parent"),
            path("<int:pk>/parent/<int:row>/not/", declined, name="consent_subject_decline_parent"),
            *super().get_urls(),
        ]

    def render_change_form(self, request, context, *args, **kwargs):
        original = context.get("original")
        if original is not None and original.pk and self.may_confirm(request, original):
            context["parents_waiting"] = parents_waiting(original)
            context["parents_declined"] = original.guardians.exclude(declined="").order_by("id")
        return super().render_change_form(request, context, *args, **kwargs)

    def may_confirm(self, request, subject):
        """The officer who opens a request at the desk (OPEN_PERMISSION) confirms a parent."""
        return self.has_view_permission(request, subject) and request.user.has_perm(OPEN_PERMISSION)

    def _waiting(self, request, pk, row):
        """(the person, their parent `row` waiting for an answer, None) or (None, None, the
        response: the person gone, or the parent answered meanwhile, erased, the child 18)."""
        subject = Subject.objects.filter(pk=pk).first()
        if subject is None:
            return None, None, person_gone_or_404(request, pk)
        if not self.may_confirm(request, subject):
            raise PermissionDenied
        guardian = next((g for g in parents_waiting(subject) if g.pk == row), None)
        if guardian is None:
            self.message_user(request, NOT_WAITING, "warning")
            return None, None, redirect("admin:consent_subject_change", subject.pk)
        return subject, guardian, None

    def _parent_page(self, request, template, subject, guardian, form, title):
        if request.method == "GET":
            self.audit_shown(request, [subject])  # the parent's name and contact, the child's
        context = {
            **self.admin_site.each_context(request),
            "title": title,
            "opts": self.opts,
            "original": subject,
            "subject": subject,
            "guardian": guardian,
            "form": form,
        }
        return TemplateResponse(request, template, context)

    def decline_parent_view(self, request, pk, row):
        """GET: who is named, and the reasons; POST: record that they are not the child's
        parent or guardian, back to the person, saying which consents stopped."""
        subject, guardian, gone = self._waiting(request, pk, row)
        if gone is not None:
            return gone
        form = NotParentForm(request.POST if request.method == "POST" else None)
        if request.method == "POST" and form.is_valid():
            ended = guardian_decline(guardian, form.cleaned_data["reason"], actor=request.user)
            if ended is None:  # confirmed or declined in another tab meanwhile
                self.message_user(request, NOT_WAITING, "warning")
            else:
                self.message_user(request, DECLINED_ENDED if ended else DECLINED)
            return redirect("admin:consent_subject_change", subject.pk)
        title = _("Not the child's parent or guardian")
        return self._parent_page(request, self.not_parent_template, subject, guardian, form, title)

    def confirm_parent_view(self, request, pk, row):
        """GET: who is to be confirmed, and the box; POST: confirm them, back to the person."""
        subject, guardian, gone = self._waiting(request, pk, row)
        if gone is not None:
            return gone
        form = DocumentSeenForm(request.POST if request.method == "POST" else None,
                                phone_only=needs_address(guardian))  # fmt: skip
        if request.method == "POST" and form.is_valid():
            address = form.cleaned_data.get("email", "")
            if guardian_confirm(guardian, "guardian_by_document", request.user, address):
                self.message_user(request, CONFIRMED)
            else:
                self.message_user(request, NOT_WAITING, "warning")
            return redirect("admin:consent_subject_change", subject.pk)
        title = _("Confirm a parent or guardian")
        return self._parent_page(request, self.parent_template, subject, guardian, form, title)


CONFIRMED = _("The parent or guardian is confirmed: they can now act for the child.")
NOT_WAITING = _("This parent or guardian is not waiting for confirmation. Nothing has changed.")
DECLINED = _("Recorded: they are not the child's parent or guardian and will never act for the "
             "child. Nothing was sent to them.")  # fmt: skip
DECLINED_ENDED = _(
    "Recorded: they are not the child's parent or guardian and will never act for the child. "
    "Nothing was sent to them. The consents given with them no longer stand: unless another "
    "consent stands or a parent or guardian gives it again, the nightly retention destroys the "
    "person's data."
)
