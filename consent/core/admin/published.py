"""The policy, consent texts and the operator's documents: drafts edited, published ones frozen."""

import difflib
from itertools import zip_longest

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.defaultfilters import linebreaks_filter as linebreaks
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from consent.common.dates import local_today
from consent.common.i18n import localised
from consent.common.text import EMPTY, whole_number

from ..declarations import agreement_key, offered_purposes
from ..documents import document_draft, document_pdf, document_publish
from ..models import (
    ConsentText,
    OperatorDocument,
    PolicyVersion,
)  # fmt: skip
from ..nameless import form_name
from ..numbering import next_number
from ..policy_checks import last_published
from ..policydoc import placeholder_help, unknown_placeholders
from ..texts import current_texts, policy_publish, policy_render, render_consent, text_publish
from .base import saved
from .drafts import DraftForm, Redrafted, deleted_published, published_kept, published_meanwhile


def diff_rows(old: str, new: str) -> list[tuple[str, str, str]]:
    """Two texts side by side, line by line: (change, old line, new line), the change being
    "same", "changed", "removed" or "added" (difflib's opcodes)."""
    a, b = old.splitlines(), new.splitlines()
    rows = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        kind = {"equal": "same", "replace": "changed", "delete": "removed", "insert": "added"}[tag]
        for left, right in zip_longest(a[i1:i2], b[j1:j2], fillvalue=""):
            rows.append((kind, left, right))
    return rows


class PublishPolicyForm(forms.Form):
    """Which purposes need consent again once the version is published: ticked where the
    current consent text says otherwise than the version will (texts.policy_publish)."""

    reconsent = forms.MultipleChoiceField(
        label=_("Purposes that need consent again"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Consents given to earlier texts of a ticked purpose stop counting: nothing is "
            "processed under them until the person consents again. Their data is kept until "
            "then, and destroyed when the term they agreed to ends."
        ),
    )

    def __init__(self, *args, policy, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reconsent"].choices = [(p.code, p.name) for p in offered_purposes()]
        current = current_texts()
        self.fields["reconsent"].initial = [
            p.code for p in offered_purposes() if p.code in current and
            current[p.code].facts and current[p.code].facts != agreement_key(p)
        ]  # fmt: skip


class PublishedAdmin(Redrafted, admin.ModelAdmin):
    """Drafts are edited freely; a published row is read-only here and in the database."""

    publish_function = None
    form = DraftForm  # refuses to save over another editor's changes (drafts.py)
    # A published row's page says why it is read-only and links a new draft to correct it.
    change_form_template = "admin/consent/published_change_form.html"

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        """A draft saved after another staff member published it: said in words, where it was
        a bare «access denied» and the editor's changes gone unexplained. A published row's
        page says it is kept as published and how to correct it (drafts.py::published_kept)."""
        if object_id is not None:
            row = self.get_object(request, unquote(object_id))
            if row is not None and row.is_published:
                if request.method == "POST" and self.has_change_permission(request):
                    self.message_user(request, published_meanwhile(row), messages.ERROR)
                    return redirect(request.path)
                opts, may_add = self.opts, self.has_add_permission(request)
                redraft = f"admin:{opts.app_label}_{opts.model_name}_redraft"
                extra_context = {**(extra_context or {}), "published_kept": published_kept(row),
                                 "redraft_url": reverse(redraft, args=[row.pk]) if may_add
                                 else None}  # fmt: skip
        return super().changeform_view(request, object_id, form_url, extra_context)

    def delete_view(self, request, object_id, extra_context=None):
        """A draft deleted after another staff member published it: said in words, on its
        page, where it was a bare «access denied»."""
        row = self.get_object(request, unquote(object_id))
        if row is not None and row.is_published and self.has_delete_permission(request):
            self.message_user(request, deleted_published(row), messages.ERROR)
            change = f"admin:{row._meta.app_label}_{row._meta.model_name}_change"
            return redirect(reverse(change, args=[row.pk], current_app=self.admin_site.name))
        return super().delete_view(request, object_id, extra_context)

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
    """A version written from the declarations is shown filled in, marked as the lawyer's
    draft until published; publishing it asks which purposes need consent again (issue 20)."""

    list_display = ["number", "state", "effective_date", "published_at", "compare"]
    fields = [
        "state", "number", "effective_date", "title_kk", "title_ru", "changes_kk", "changes_ru",
        "template_kk", "template_ru", "text_kk", "text_ru", "preview_kk", "preview_ru",
        "sha256_kk", "sha256_ru",
    ]  # fmt: skip
    readonly_fields = ["state", "number", "preview_kk", "preview_ru", "sha256_kk", "sha256_ru"]
    publish_function = policy_publish

    def redraft_values(self, row):
        """Its correction starts as it was written (what changed is the correction's own to
        say), taking effect on its date, or today when that has passed (publication refuses a
        date already past)."""
        written = ["title_kk", "title_ru", "template_kk", "template_ru", "text_kk", "text_ru"]
        return {**{name: getattr(row, name) for name in written},
                "effective_date": max(row.effective_date, local_today())}  # fmt: skip

    def save_model(self, request, obj, form, change):
        if not change:  # numbered by the system, never typed (numbering.py)
            obj.number = next_number(PolicyVersion.objects.all(), "number")
        super().save_model(request, obj, form, change)

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        """A template's field names each placeholder the editor may write with what fills it
        in: named bare, an editor could not tell what «{{ data_location }}» would become."""
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name in ("template_kk", "template_ru"):
            said = _(
                "The text of the policy. When the version is published, each name in double "
                "braces is replaced by what is said beside it; any other name is refused."
            )
            listed = format_html_join("", "<li><code>{}</code> — {}</li>",
                                      placeholder_help(db_field.name[-2:]))  # fmt: skip
            field.help_text = format_html("{}<ul>{}</ul>", said, listed)
        return field

    @admin.display(description=_("state"))
    def state(self, obj):
        if obj.is_published:
            return _("published")
        if obj.pk and (obj.template_kk.strip() or obj.template_ru.strip()):
            return _("draft for the operator's lawyer: not published")
        return _("draft: not published")

    @admin.display(description=_("filled in (Kazakh)"))
    def preview_kk(self, obj):
        return self._preview(obj, "kk")

    @admin.display(description=_("filled in (Russian)"))
    def preview_ru(self, obj):
        return self._preview(obj, "ru")

    def _preview(self, obj, language):
        """The draft filled in; a placeholder nothing fills in is named above it and left as
        typed in it (publishing refuses it)."""
        obj = saved(obj)
        if obj is None:
            return EMPTY
        text = linebreaks(policy_render(obj, language))
        unknown = [] if obj.is_published else unknown_placeholders(
            localised(obj, "template", language))  # fmt: skip
        if not unknown:
            return text
        names = _("unknown placeholders: %(names)s") % {"names": ", ".join(unknown)}
        return format_html("<p><strong>{}</strong></p>{}", names, text)

    @admin.display(description=_("differences"))
    def compare(self, obj):
        url = reverse("admin:consent_policyversion_diff", args=[obj.pk])
        return format_html('<a href="{}">{}</a>', url, _("compare"))

    def get_urls(self):
        return [
            path("<int:pk>/publish/", self.admin_site.admin_view(self.publish_view),
                 name="consent_policyversion_publish"),
            path("<int:pk>/diff/", self.admin_site.admin_view(self.diff_view),
                 name="consent_policyversion_diff"),
            *super().get_urls(),
        ]  # fmt: skip

    @admin.action(description=_("Publish the selected drafts"), permissions=["change"])
    def publish(self, request, queryset):
        drafts = list(queryset.filter(published_at__isnull=True))
        if len(drafts) == 1 and (drafts[0].template_kk.strip() or drafts[0].template_ru.strip()):
            # Written from the declarations: ask which purposes need consent again.
            return redirect("admin:consent_policyversion_publish", drafts[0].pk)
        return super().publish(request, queryset)

    def publish_view(self, request, pk):
        if not self.has_change_permission(request):  # first: no answer tells what exists
            raise PermissionDenied
        policy = get_object_or_404(PolicyVersion, pk=pk, published_at__isnull=True)
        posted = request.POST if request.method == "POST" else None  # ticking none is an answer
        form = PublishPolicyForm(posted, policy=policy)
        if request.method == "POST" and form.is_valid():
            try:
                policy_publish(policy, reconsent=form.cleaned_data["reconsent"],
                               actor=request.user)  # fmt: skip
            except ValidationError as e:
                for text in e.messages:
                    self.message_user(request, text, messages.ERROR)
            else:
                self.message_user(request, _("Published: %(n)d.") % {"n": 1}, messages.SUCCESS)
                return redirect("admin:consent_policyversion_changelist")
        context = {
            **self.admin_site.each_context(request), "opts": self.opts, "policy": policy,
            "form": form, "title": _("Publish privacy policy version %(number)s")
            % {"number": policy.number},
        }  # fmt: skip
        return TemplateResponse(request, "admin/consent/policyversion/publish.html", context)

    def diff_view(self, request, pk):
        """A readable difference between two versions, both languages (the template escapes)."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        new = get_object_or_404(PolicyVersion, pk=pk)
        versions = PolicyVersion.objects.order_by("number")
        older = versions.filter(number__lt=new.number).last()
        chosen = whole_number(request.GET.get("against"))
        if chosen is not None:
            older = versions.filter(number=chosen).first() or older
        tables = []
        if older is not None:
            for language, label in (("kk", _("Kazakh")), ("ru", _("Russian"))):
                rows = diff_rows(policy_render(older, language), policy_render(new, language))
                tables.append((label, rows))
        context = {
            **self.admin_site.each_context(request), "opts": self.opts, "new": new,
            "older": older, "tables": tables, "versions": versions,
            "title": _("Differences between privacy policy versions"),
        }  # fmt: skip
        return TemplateResponse(request, "admin/consent/policyversion/diff.html", context)


@admin.register(ConsentText)
class ConsentTextAdmin(PublishedAdmin):
    list_display = ["__str__", "purpose", "version", "policy", "requires_reconsent", "published_at"]
    list_filter = ["purpose"]
    list_select_related = ["policy"]
    readonly_fields = ["version", "preview_kk", "preview_ru", "sha256_kk", "sha256_ru",
                       "processors"]  # fmt: skip
    publish_function = text_publish

    def redraft_values(self, row):
        """Its correction starts as it was written, its purpose and other information, citing
        the latest published version (policy_checks.check_cited: the only one it may cite)."""
        return {"purpose": row.purpose, "policy": last_published() or row.policy,
                "other_kk": row.other_kk, "other_ru": row.other_ru}  # fmt: skip

    def save_model(self, request, obj, form, change):
        if not change or "purpose" in form.changed_data:  # the system's number (numbering.py)
            obj.version = next_number(ConsentText.objects.filter(purpose=obj.purpose), "version")
        super().save_model(request, obj, form, change)

    @admin.display(description=_("text (Kazakh)"))
    def preview_kk(self, obj):
        return self._preview(obj, "kk")

    @admin.display(description=_("text (Russian)"))
    def preview_ru(self, obj):
        return self._preview(obj, "ru")

    def _preview(self, obj, language):
        """The text as a form shows it, the name as the form's words for it: it showed the
        placeholder, «Мен, {full_name}, …», English amid the Kazakh, unlike the form."""
        stored = saved(obj)
        if stored is None:
            return EMPTY
        return linebreaks(render_consent(stored, language, form_name(language)))


@admin.register(OperatorDocument)
class OperatorDocumentAdmin(PublishedAdmin):
    """The list of data and the register of processing: a draft is made from the declarations
    by choosing its kind, published (frozen with its hash) and downloaded as PDF (issue 20)."""

    list_display = ["__str__", "version", "published_at", "sha256", "pdf"]
    list_filter = ["kind"]
    fields = ["kind"]
    publish_function = document_publish

    def get_readonly_fields(self, request, obj=None):
        return ["kind"] if obj is not None else []

    def save_model(self, request, obj, form, change):
        if not change:
            document_draft(obj)
        super().save_model(request, obj, form, change)

    @admin.display(description="PDF")
    def pdf(self, obj):
        return format_html_join(" · ", '<a href="{}">{}</a>', (
            (reverse("admin:consent_operatordocument_pdf", args=[obj.pk, lang]), label)
            for lang, label in (("kk", "PDF (kk)"), ("ru", "PDF (ru)"))
        ))  # fmt: skip

    def get_urls(self):
        return [
            path("<int:pk>/pdf/<str:language>/", self.admin_site.admin_view(self.pdf_view),
                 name="consent_operatordocument_pdf"),
            *super().get_urls(),
        ]  # fmt: skip

    def pdf_view(self, request, pk, language):
        if not self.has_view_permission(request) or language not in ("kk", "ru"):
            raise PermissionDenied
        document = get_object_or_404(OperatorDocument, pk=pk)
        response = HttpResponse(document_pdf(document, language), content_type="application/pdf")
        name = f"{document.kind}-v{document.version}-{language}.pdf"
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response
