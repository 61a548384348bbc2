from django.contrib import admin, messages
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from .campaigns import campaign_preview, campaign_send, campaign_test_send
from .campaigns import recipients as campaign_recipients
from .models import Campaign


@admin.register(Campaign)
class CampaignAdmin(admin.ModelAdmin):
    """Marketers write, preview, test and send; they see counts, never addresses."""

    list_display = ["title", "status", "created_at", "sent_at", "recipient_count"]
    readonly_fields = ["status", "sent_at", "recipient_count", "audience", "preview_kk",
                       "preview_ru"]  # fmt: skip
    fields = ["title", "subject_line_kk", "body_kk", "subject_line_ru", "body_ru", *readonly_fields]
    actions = ["send_test", "send"]

    def has_change_permission(self, request, obj=None):
        if obj is not None and obj.status != Campaign.Status.DRAFT:
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        # Narrows the model permission (a sent campaign is proof of who got it), never widens it.
        if obj is not None and obj.status != Campaign.Status.DRAFT:
            return False
        return super().has_delete_permission(request, obj)

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
