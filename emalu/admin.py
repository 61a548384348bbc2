from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from post_office import admin as post_office_admin
from post_office.models import Email

from .models import Page


@admin.register(Page)
class PageAdmin(admin.ModelAdmin):
    list_display = ["slug", "title_kk", "title_ru", "is_demo", "updated_at"]
    fieldsets = [
        (None, {"fields": ["slug", "is_demo"]}),
        ("Қазақша", {"fields": ["title_kk", "body_kk"]}),
        ("Русский", {"fields": ["title_ru", "body_ru"]}),
    ]


# The site's mail is written in files (templates/email/, consent/core/mail.py); post_office's
# database templates are never used, and their admin page loads an editor from
# cdnjs.cloudflare.com with inline scripts and styles, which the CSP blocks (compliance T4).
admin.site.unregister(post_office_admin.EmailTemplate)  # imported above, so registered by now


class OutboxAdmin(post_office_admin.EmailAdmin):
    """post_office's outbox, but the HTML body is only shown in its sandboxed preview (own CSP):
    inlined here, the mail's style="" attributes broke the admin's CSP (compliance T4)."""

    @admin.display(description=post_office_admin._("HTML Body"))
    def render_html_body(self, instance):
        url = reverse("admin:post_office_email_preview", args=[instance.pk])
        label = post_office_admin._("Preview")
        return format_html('<a href="{}" target="_blank" rel="noopener">{}</a>', url, label)


admin.site.unregister(Email)
admin.site.register(Email, OutboxAdmin)
