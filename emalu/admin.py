from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django import forms
from django.contrib import admin
from django.db.models.fields import BLANK_CHOICE_LABEL
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice
from post_office import admin as post_office_admin
from post_office.models import Attachment, Email, Log

from consent.common.i18n import LANGUAGE_NAMES
from consent.core.admin import AuditedAdmin, ReadOnlyAdmin
from consent.core.declarations import operator
from consent.rights.mailed import mail_owners

from .models import Company, Page, Service
from .users_admin import register as register_users
from .vendor_admin import (
    AccessAttemptAdmin,
    AccessFailureLogAdmin,
    AccessLogAdmin,
    EmailAdmin,
    StaticDeviceAdmin,
    TOTPDeviceAdmin,
    message_preview,
)


class PageForm(forms.ModelForm):
    class Meta:
        model = Page
        fields = ["slug", "is_demo", "title_kk", "body_kk", "title_ru", "body_ru"]
        # Django's own message, «Осындай мән бұрыннан бар (Бет, «Бет» өрісі)», said nothing of
        # where the page is; the page may have been added since the form was opened.
        error_messages = {"slug": {"unique": _(
            "This page is written already (a colleague may have just added it): find it in "
            "the list of pages and change it there."
        )}}  # fmt: skip


@admin.register(Page)
class PageAdmin(admin.ModelAdmin):
    """The site's fixed pages: one of each, added once, then changed."""

    form = PageForm
    list_display = ["slug", "title_kk", "title_ru", "is_demo", "updated_at"]
    fieldsets = [
        (None, {"fields": ["slug", "is_demo"]}),
        (LANGUAGE_NAMES["kk"], {"fields": ["title_kk", "body_kk"]}),
        (LANGUAGE_NAMES["ru"], {"fields": ["title_ru", "body_ru"]}),
    ]

    def formfield_for_choice_field(self, db_field, request, **kwargs):
        """A new page's choice offers only the pages not written yet: it offered all four, and
        one written already was refused only once the editor had typed it in both languages.
        A post keeps them all: one added since the form was shown is told so (PageForm)."""
        match = getattr(request, "resolver_match", None)  # none for a form built outside a view
        add = match is not None and match.url_name == "emalu_page_add" and request.method == "GET"
        if db_field.name == "slug" and add:
            written = set(Page.objects.values_list("slug", flat=True))
            kwargs["choices"] = [("", BLANK_CHOICE_LABEL)] + [
                (value, label) for value, label in Page.Slug.choices if value not in written
            ]
        return super().formfield_for_choice_field(db_field, request, **kwargs)

    def add_view(self, request, form_url="", extra_context=None):
        """With every page written, there is none to add: said, on the list to change one from,
        where the form offered no page and refused it as required."""
        if request.method == "GET" and Page.objects.count() >= len(Page.Slug):
            self.message_user(request, _(
                "Every page of the site is written already: choose one in the list to change it."
            ))  # fmt: skip
            return redirect("admin:emalu_page_changelist")
        return super().add_view(request, form_url, extra_context)


@admin.register(Service)
class ServiceAdmin(admin.ModelAdmin):
    list_display = ["title_kk", "title_ru", "order", "is_published", "is_demo", "updated_at"]
    list_filter = ["is_published"]
    fieldsets = [
        (None, {"fields": ["slug", "order", "is_published", "is_demo"]}),
        (LANGUAGE_NAMES["kk"], {"fields": ["title_kk", "summary_kk", "body_kk"]}),
        (LANGUAGE_NAMES["ru"], {"fields": ["title_ru", "summary_ru", "body_ru"]}),
    ]


@admin.register(Company)
class CompanyAdmin(admin.ModelAdmin):
    """The one row of company details (a second cannot be added, nor the row deleted)."""

    fieldsets = [
        (None, {"fields": ["phones", "is_demo"]}),
        (LANGUAGE_NAMES["kk"], {"fields": ["summary_kk", "address_kk", "hours_kk"]}),
        (LANGUAGE_NAMES["ru"], {"fields": ["summary_ru", "address_ru", "hours_ru"]}),
        (_("Legal details"), {"fields": ["legal"]}),
    ]
    readonly_fields = ["legal"]

    @admin.display(description=_("from the operator settings"))
    def legal(self, obj):
        details = operator(get_language())
        rows = [
            (_("Company name"), details["operator_name"]),
            (_("BIN"), details["bin"]),
            (_("Legal address"), details["address"]),
            (_("Email"), details["email"]),
            (_("Person responsible for organising the processing of personal data"),
             f"{details['responsible_person']} {details['responsible_contact']}"),
        ]  # fmt: skip
        note = _(
            "They are part of every consent text, so they are set in the server's environment "
            "(OPERATOR_BIN, OPERATOR_ADDRESS_KK, RESPONSIBLE_PERSON …), not here."
        )
        return format_html("{}<p>{}</p>", format_html_join("", "<p><b>{}:</b> {}</p>", rows), note)

    def has_add_permission(self, request):
        # Asked on every admin page, for the menu's "Add" links: only the company's own pages
        # look at the table, so the desk's pages cost no query for it.
        own_page = getattr(request.resolver_match, "url_name", "") or ""
        if not own_page.startswith("emalu_company_"):
            return False
        return super().has_add_permission(request) and not Company.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False


# The site's mail is written in files (templates/email/, consent/core/mail.py); post_office's
# database templates are never used, and their admin page loads an editor from
# cdnjs.cloudflare.com with inline scripts and styles, which the CSP blocks (compliance T4).
admin.site.unregister(post_office_admin.EmailTemplate)  # imported above, so registered by now


def _addressed(emails):
    """{mail pk: numbers of the people whose mail it is}, by the rule the person's page, their
    export and destruction read (rights.mailed): the holder of the address now missed the mail
    to an address a correction replaced, and a parent's."""
    return mail_owners(emails)


class OutboxAdmin(AuditedAdmin, EmailAdmin):
    """post_office's outbox, but the HTML body is only shown in its sandboxed preview (own CSP):
    inlined here, the mail's style="" attributes broke the admin's CSP (compliance T4).

    A mail shows its address and body, and the list shows the addresses: each look is audited,
    under the person the address belongs to (compliance L16)."""

    personal_list = True

    def subject_numbers(self, objs):
        return _addressed(objs)

    def _audited(self, request, pk, response):
        if response.status_code == 200:
            self.audit_shown(request, list(Email.objects.filter(pk=pk)))
        return response

    def preview_html(self, request, pk):
        return self._audited(request, pk, super().preview_html(request, pk))

    def fetch_email_image(self, request, pk, content_id):
        return self._audited(request, pk, super().fetch_email_image(request, pk, content_id))

    @admin.display(description=post_office_admin._("HTML Body"))
    def render_html_body(self, instance):
        url = reverse("admin:post_office_email_preview", args=[instance.pk])
        label = post_office_admin._("Preview")
        return format_html('<a href="{}" target="_blank" rel="noopener">{}</a>', url, label)


admin.site.unregister(Email)
admin.site.register(Email, OutboxAdmin)


class DeliveryLogAdmin(AuditedAdmin, ReadOnlyAdmin):
    """post_office's delivery log, read-only: its own admin offered every outbox address in a
    drop-down on each entry's page. An entry shows its mail's address: audited."""

    list_display = ["date", "email", "status", message_preview]
    list_select_related = ["email"]
    fields = ["date", "email", "status", "exception_type", "message"]
    personal_list = True

    def subject_numbers(self, objs):
        owners = _addressed({log.email for log in objs})
        return {log.pk: owners[log.email_id] for log in objs}


class AttachmentAdmin(AuditedAdmin, ReadOnlyAdmin):
    """post_office's attachments (the access answers), read-only: its own admin searched the
    outbox's addresses as you typed. An attachment's page names the mails it went with, by
    address: audited."""

    list_display = ["name", "stored_as"]
    fields = ["name", "emails"]
    search_fields = ["name"]

    @admin.display(description=post_office_admin._("File"))
    def stored_as(self, obj):
        return obj.file.name  # not a link: stored files have no URL (consent/core/files.py)

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("emails")

    def subject_numbers(self, objs):
        owners = _addressed({e for attachment in objs for e in attachment.emails.all()})
        return {a.pk: sorted({n for e in a.emails.all() for n in owners[e.pk]}) for a in objs}


for model, model_admin in [(Log, DeliveryLogAdmin), (Attachment, AttachmentAdmin),
                           (StaticDevice, StaticDeviceAdmin), (TOTPDevice, TOTPDeviceAdmin),
                           (AccessAttempt, AccessAttemptAdmin), (AccessLog, AccessLogAdmin),
                           (AccessFailureLog, AccessFailureLogAdmin)]:  # fmt: skip
    admin.site.unregister(model)
    admin.site.register(model, model_admin)

register_users()
