"""The third-party admins, wholly in the staff's language.

What the packages write in English and never look up in a catalogue (fieldset titles, column
and action names, messages) is replaced here, each by a translated
string; the rest of each admin is the package's own. emalu/admin.py registers them.
"""

from axes import admin as axes_admin
from axes.conf import settings as axes_settings
from axes.models import AccessLog
from django.contrib import admin, messages
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_static import admin as otp_static_admin
from django_otp.plugins.otp_totp import admin as otp_totp_admin
from post_office import admin as post_office_admin

from consent.common.link_secrets import REDACTED

# --- django-otp: fieldset titles and the device search, never marked for translation --------


class TranslatedFieldsets:
    """Fieldset titles looked up in the catalogues (the package's English is the msgid)."""

    def get_fieldsets(self, request, obj=None):
        return [(name and gettext(name), options)
                for name, options in super().get_fieldsets(request, obj)]  # fmt: skip


DEVICE_SEARCH = _("Search by the staff member's username or email address")


class StaticDeviceAdmin(TranslatedFieldsets, otp_static_admin.StaticDeviceAdmin):
    search_help_text = DEVICE_SEARCH


class TOTPDeviceAdmin(TranslatedFieldsets, otp_totp_admin.TOTPDeviceAdmin):
    search_help_text = DEVICE_SEARCH

    @admin.display(description=_("QR code"))
    def qrcode_link(self, device):
        url = reverse("admin:otp_totp_totpdevice_config", kwargs={"pk": device.pk})
        return format_html('<a href="{}">{}</a>', url, _("QR code"))


# --- django-axes: the columns and the message it writes in English ---------------------------


# What axes could not read from a sign-in (one sent with no User-Agent or Accept header) it
# stores as «<unknown>» (axes.helpers), which its admin showed as it is, in English: the admin's
# dash instead, as for any value not known.
UNKNOWN = "<unknown>"


def _known(field):
    @admin.display(description=AccessLog._meta.get_field(field).verbose_name, ordering=field)
    def shown(self, obj):
        value = getattr(obj, field)
        return self.get_empty_value_display() if value == UNKNOWN else value

    return shown


class KnownOrDashFilter(admin.AllValuesFieldListFilter):
    def choices(self, changelist):
        for choice in super().choices(changelist):
            shown = str(choice["display"]).replace(UNKNOWN, str(self.empty_value_display))
            yield {**choice, "display": shown}


class KnownOrDash:
    READ = ("user_agent", "http_accept", "path_info")
    shown_user_agent, shown_http_accept, shown_path_info = map(_known, READ)

    def get_list_filter(self, request):
        return [(name, KnownOrDashFilter) if name in self.READ else name
                for name in super().get_list_filter(request)]  # fmt: skip

    def _shown(self, names):
        return [f"shown_{name}" if name in self.READ else name for name in names]

    def get_list_display(self, request):
        return self._shown(super().get_list_display(request))

    def get_readonly_fields(self, request, obj=None):
        return self._shown(super().get_readonly_fields(request, obj))

    def get_fieldsets(self, request, obj=None):
        return [(name, {**options, "fields": self._shown(options["fields"])})
                for name, options in super().get_fieldsets(request, obj)]  # fmt: skip


class AccessLogAdmin(KnownOrDash, axes_admin.AccessLogAdmin):
    pass


class AccessFailureLogAdmin(KnownOrDash, axes_admin.AccessFailureLogAdmin):
    pass


class AccessAttemptAdmin(KnownOrDash, axes_admin.AccessAttemptAdmin):
    actions = ["cleanup_expired_attempts"]

    # Deletes rows: only for who may delete them (Django offers an action that names no
    # permission to anyone who may see the list).
    @admin.action(description=_("Clean up expired attempts"), permissions=["delete"])
    def cleanup_expired_attempts(self, request, queryset):
        count = self.handler.clean_expired_user_attempts(request=request)
        self.message_user(request, ngettext("Cleaned up %(count)d expired access attempt.",
                                            "Cleaned up %(count)d expired access attempts.",
                                            count) % {"count": count})  # fmt: skip

    @admin.display(description=_("Expires At"))
    def expiration(self, obj):
        return super().expiration(obj)

    @admin.display(description=_("Status"))
    def status(self, obj):
        left = axes_settings.AXES_FAILURE_LIMIT - obj.failures_since_start
        if left <= 0:
            return _("Locked Out")
        return ngettext("%(count)d attempt left", "%(count)d attempts left", left) % {"count": left}


# --- django-post-office: columns, the action and the message it writes in English -----------


@admin.display(description=_("Message"))
def message_preview(log):
    return post_office_admin.get_message_preview(log)


# Mail past its `expires_at` is never sent (consent/core/delivery.py): retention and erasure
# expire a letter when they delete the files it says are attached (rights/erasure.py).
EXPIRED = _(
    "The attachments of this email have been deleted, so it is not sent again: it would say "
    "that files are attached when none are. To send a person their data again, use “Send the "
    "answer again” on their access request: a new answer is made from the data held today."
)


UNLINKED = _(
    "This email is not sent again: once it was sent, the secret part of its links was removed, "
    "so they would no longer work."
)


def _expired(queryset):
    return queryset.filter(expires_at__lte=timezone.now())


def _unlinked(queryset):
    """Mails sent whose links were kept without their secrets: sent again, they would not work
    (a campaign's unsubscribe among them)."""
    return queryset.filter(message__iregex=REDACTED) | queryset.filter(
        html_message__iregex=REDACTED
    )


# Sends mail again, as «resend» on an email's page does: only for who may change emails (Django
# offers an action that names no permission to anyone who may see the list).
@admin.action(description=_("Requeue selected emails"), permissions=["change"])
def requeue(modeladmin, request, queryset):
    expired = _expired(queryset).count()
    if expired:
        messages.warning(request, ngettext(
            "%(count)d email was not queued: its attachments have been deleted, and it would "
            "say that files are attached when none are. To send a person their data again, use "
            "“Send the answer again” on their access request: a new answer is made from the "
            "data held today.",
            "%(count)d emails were not queued: their attachments have been deleted, and they "
            "would say that files are attached when none are. To send a person their data "
            "again, use “Send the answer again” on their access request: a new answer is made "
            "from the data held today.",
            expired,
        ) % {"count": expired})  # fmt: skip
    unlinked = _unlinked(queryset).exclude(pk__in=_expired(queryset)).count()
    if unlinked:
        messages.warning(request, ngettext(
            "%(count)d email was not queued: once it was sent, the secret part of its links "
            "was removed, so they would no longer work.",
            "%(count)d emails were not queued: once they were sent, the secret part of their "
            "links was removed, so they would no longer work.",
            unlinked,
        ) % {"count": unlinked})  # fmt: skip
    kept = queryset.exclude(pk__in=_expired(queryset)).exclude(pk__in=_unlinked(queryset))
    post_office_admin.requeue(modeladmin, request, kept)


class AttachmentInline(post_office_admin.AttachmentInline):
    verbose_name = _("Attachment")
    verbose_name_plural = _("Attachments")


class EmailAdmin(post_office_admin.EmailAdmin):
    actions = [requeue]
    inlines = [AttachmentInline, post_office_admin.LogInline]

    @admin.display(description=_("Message-ID"))
    def truncated_message_id(self, instance):
        return super().truncated_message_id(instance)

    def resend(self, request, pk):
        """Queue the email again, on a POST only (post_office sent it at once on a GET: a link
        planted in a page or a mail, followed by a superuser, sent mail). Queued, it goes out
        through the site's sender, which asks the gate again for campaign mail
        (consent/core/delivery.py), as for any mail."""
        instance = self._get_object_or_deny(request, pk, "change")
        if request.method == "POST":
            mail = self.get_queryset(request).filter(pk=instance.pk)
            if _expired(mail).exists():
                messages.error(request, EXPIRED)
            elif _unlinked(mail).exists():
                messages.error(request, UNLINKED)
            else:
                post_office_admin.requeue(self, request, mail)
                messages.info(request, gettext("The email is queued to be sent again."))
        return HttpResponseRedirect(reverse("admin:post_office_email_change", args=[instance.pk]))
