from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count
from django.http import Http404, HttpResponse, HttpResponseNotAllowed, HttpResponseRedirect
from django.urls import path, reverse
from django.utils import formats, timezone
from django.utils.csp import CSP
from django.utils.decorators import method_decorator
from django.utils.html import format_html, format_html_join
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.csp import csp_override

from consent.common.text import EMPTY

from .campaigns import campaign_delivery, campaign_preview, campaign_start, campaign_test_send
from .campaigns import recipients as campaign_recipients
from .mailing import OTHER_PARTS, CampaignChanged, campaign_digest, reader_language
from .models import Campaign

# The mail's HTML shown as its reader's mail program shows it, inside the campaign's page: its
# inline styles apply, nothing runs, no form posts, no link leaves the frame (sandbox), and
# only the campaign's own page may frame it.
MAIL_CSP = {
    "sandbox": True,
    "default-src": [CSP.NONE],
    "style-src": [CSP.UNSAFE_INLINE],
    "img-src": [CSP.SELF, "data:"],
    "frame-ancestors": [CSP.SELF],
}
# The campaign's page: the site's policy, and frames of this site (the mail above).
PAGE_CSP = {**settings.SECURE_CSP, "frame-src": [CSP.SELF]}


@admin.register(Campaign)
class CampaignAdmin(admin.ModelAdmin):
    """Marketers write, preview, test and send; they see counts, never addresses."""

    list_display = ["title", "status", "created_at", "sent_at", "recipient_count"]
    stage_ordered = ("status",)  # draft, being queued, queued: as the work goes (label_order.py)
    readonly_fields = ["status", "sent_at", "recipient_count", "progress", "delivery", "audience",
                       "preview_kk", "preview_ru"]  # fmt: skip
    fields = ["title", "subject_line_kk", "body_kk", "subject_line_ru", "body_ru", *readonly_fields]
    actions = ["send_test"]  # «send» is on the campaign's page, beside what it sends

    def get_object(self, request, object_id, from_field=None):
        """On an edit or a delete (a POST, in the transaction the admin runs it in), the row is
        locked until the request ends: a send under way finishes first, and the edit then finds
        the campaign sent and is refused, instead of writing "draft", no count and a new text
        over the record of what went out (which a second send then failed on)."""
        obj = super().get_object(request, object_id, from_field)
        if obj is None or request.method != "POST" or transaction.get_autocommit():
            return obj
        return Campaign.objects.select_for_update().get(pk=obj.pk)

    def has_change_permission(self, request, obj=None):
        if obj is not None and obj.status != Campaign.Status.DRAFT:
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        # Narrows the model permission (a sent campaign is proof of who got it), never widens it.
        if obj is not None and obj.status != Campaign.Status.DRAFT:
            return False
        return super().has_delete_permission(request, obj)

    def history_view(self, request, object_id, extra_context=None):
        """Django's History (the edits made in the campaign's form), and the send: by whom,
        when, to how many. The send is no edit of the form, so the History read as if no one
        had ever sent the campaign; it is told from the campaign's own record of it."""
        campaign = self.get_object(request, unquote(object_id))
        sent = None
        if campaign is not None and campaign.sent_at is not None:
            told = (_("Campaign sent (recipients: %(count)d).")
                    if campaign.status == Campaign.Status.SENT
                    else _("Sending started (recipients so far: %(count)d)."))  # fmt: skip
            sent = {"at": campaign.sent_at, "by": campaign.sent_by,
                    "told": told % {"count": campaign.recipient_count}}  # fmt: skip
        return super().history_view(request, object_id, {**(extra_context or {}), "sent": sent})

    @admin.display(description=_("what became of the mails"))
    def delivery(self, obj):
        """The queued count broken down, so that what the marketer reads is what was sent."""
        if obj.pk is None or obj.status == Campaign.Status.DRAFT:
            return EMPTY
        counts = campaign_delivery(obj)
        labels = [
            ("delivered", _("delivered to the mail server")),
            ("waiting", _("waiting to be sent")),
            ("failed", _("not delivered (given up after the retries)")),
            ("withheld", _("not sent: no longer permitted")),
            ("gone", _("no longer on record: the person's data destroyed")),
            # What the mail servers refused for the address, at once or in a report later
            # (returns.py): of the mails above, not beside them.
            ("bounce", _("came back: the address does not exist or takes no mail")),
            ("complaint", _("came back: marked as spam by the recipient")),
        ]
        return format_html_join("", "<div>{}: {}</div>",
                                ((label, counts[key]) for key, label in labels))  # fmt: skip

    @admin.display(description=_("progress"))
    def progress(self, obj):
        """How far the sending job got: the mails are queued outside the web request."""
        if obj.pk is None or obj.status == Campaign.Status.DRAFT:
            return EMPTY
        if obj.status == Campaign.Status.SENT:
            return _("all queued: %(done)d") % {"done": obj.recipient_count}
        return _("being queued: %(done)d of %(total)d so far") % {
            "done": obj.recipient_count,
            "total": max(obj.audience_count, obj.recipient_count),
        }

    @admin.display(description=_("people it would reach now"))
    def audience(self, obj):
        # A draft's only: beside a sent campaign's own counts, today's subscribers read as
        # people it went to.
        if obj.pk is not None and obj.status != Campaign.Status.DRAFT:
            return EMPTY
        # By the language each is written in (mailing.reader_language): the count alone did not
        # tell the marketer how many read the Russian version, or get the Kazakh one for want of it.
        by_language = {"kk": 0, "ru": 0}
        rows = campaign_recipients().order_by().values_list("language").annotate(n=Count("pk"))
        for language, count in rows:
            by_language[reader_language(language)] += count
        russian = (
            _("in Russian: %(count)d")
            if obj.written_in("ru") == "ru"
            else _("in Russian: %(count)d (no Russian version: the mail goes in Kazakh)")
        )
        return format_html(
            "<div>{}</div><div>{}</div><div>{}</div>", sum(by_language.values()),
            _("in Kazakh: %(count)d") % {"count": by_language["kk"]},
            russian % {"count": by_language["ru"]},
        )  # fmt: skip

    def _preview(self, obj, language):
        """The mail as its reader gets it: the subject line, the mail as most mail programs
        show it (its HTML, framed: it showed the plain text alone, which few readers see), and
        the plain text below; when no Russian was written, that Russian readers get the Kazakh
        mail (it showed the Kazakh text under "Russian" and said nothing)."""
        if obj.pk is None:
            return EMPTY
        line, text, _html = campaign_preview(obj, language)
        note = ""
        if obj.written_in(language) != language:
            note = format_html("<p><em>{}</em></p>", _("No Russian version: Russian readers get "
                                                       "the Kazakh mail below."))  # fmt: skip
        url = reverse("admin:marketing_campaign_mail", args=[obj.pk, language])
        return format_html(
            '{}<p><strong>{}</strong></p><iframe class="mail-preview" src="{}" title="{}" '
            'sandbox></iframe><details><summary>{}</summary><pre class="mail-text">{}</pre>'
            "</details>",
            note, line, url, line, _("The plain-text version"), text,
        )  # fmt: skip

    def get_urls(self):
        mail = self.admin_site.admin_view(self.mail_view)
        send = self.admin_site.admin_view(self.send_view)
        return [path("<path:object_id>/mail/<str:language>/", mail,
                     name="marketing_campaign_mail"),
                path("<path:object_id>/send/", send, name="marketing_campaign_send"),
                *super().get_urls()]  # fmt: skip

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        # «Send» beside the preview, for a draft the staff member may change: it carries the
        # digest of what the page shows (the same object the preview is rendered from).
        if obj is not None and obj.pk is not None and self.has_change_permission(request, obj):
            context["send_url"] = reverse("admin:marketing_campaign_send", args=[obj.pk])
            context["send_digest"] = campaign_digest(obj)
        return super().render_change_form(request, context, add, change, form_url, obj)

    @method_decorator(csp_override(PAGE_CSP))
    def change_view(self, request, object_id, form_url="", extra_context=None):
        """A save of a campaign whose sending has started (its page read before «send», in
        another tab or by another staff member; or saved while the send held the row) changes
        nothing and says why on the campaign's page: it got the bare «403 Forbidden» page, the
        typing lost unexplained."""
        try:
            return super().change_view(request, object_id, form_url, extra_context)
        except PermissionDenied:
            campaign = self.get_object(request, unquote(object_id))
            if (request.method != "POST" or campaign is None
                    or campaign.status == Campaign.Status.DRAFT
                    or not super().has_change_permission(request)):  # fmt: skip
                raise
        when = formats.date_format(timezone.localtime(campaign.sent_at), "DATETIME_FORMAT")
        self.message_user(request, _(
            "%(title)s was not changed: its sending started on %(when)s, and a campaign is "
            "sent as it was then. To send other words, write a new campaign.") % {
            "title": campaign.title, "when": when}, messages.ERROR)  # fmt: skip
        url = reverse("admin:marketing_campaign_change", args=[campaign.pk])
        return HttpResponseRedirect(url, status=303)

    @method_decorator(xframe_options_sameorigin)
    @method_decorator(csp_override(MAIL_CSP))
    def mail_view(self, request, object_id, language):
        """The campaign's mail in `language` (kk, ru) as HTML, for the frame on its page."""
        campaign = self.get_object(request, unquote(object_id))
        if campaign is None or language not in ("kk", "ru"):
            raise Http404
        if not self.has_view_permission(request, campaign):
            raise PermissionDenied
        return HttpResponse(campaign_preview(campaign, language)[2])

    @admin.display(description=_("preview (Kazakh)"))
    def preview_kk(self, obj):
        return self._preview(obj, "kk")

    @admin.display(description=_("preview (Russian)"))
    def preview_ru(self, obj):
        return self._preview(obj, "ru")

    def _refused(self, request, campaign, error):
        """A campaign its own rules refuse (stored before a rule): which field, and why."""
        # A field's errors after its name; the campaign's own after its title alone (they read
        # «title: title: …» with the title given as the field's name too).
        fields = {f.name: f"{capfirst(f.verbose_name)}: " for f in Campaign._meta.fields}
        why = " ".join(f"{fields.get(name, '')}{' '.join(texts)}"
                       for name, texts in error.message_dict.items())  # fmt: skip
        self.message_user(request, f"{campaign.title}: {why}", messages.ERROR)

    @admin.action(description=_("Send a test to my own address"), permissions=["view"])
    def send_test(self, request, queryset):
        if not request.user.email:
            # A marketer cannot add it: the staff accounts are an administrator's.
            self.message_user(request, _(
                "Your account has no email address to send the test to. Ask an administrator "
                "to add one to your account (under Users), then send the test again."),
                messages.ERROR)  # fmt: skip
            return
        for campaign in queryset:
            try:
                for language in ("kk", "ru"):
                    campaign_test_send(campaign, request.user.email, language)
            except ValidationError as error:
                self._refused(request, campaign, error)
                continue
            self.message_user(request, _("%(title)s: test emails queued to %(email)s.") % {
                "title": campaign.title, "email": request.user.email})  # fmt: skip

    def send_view(self, request, object_id):
        """«Send» on the campaign's page, beside its preview: sends the campaign only as the
        page showed it (the digest it carries, mailing.py::campaign_digest). Changed since
        (another tab, another staff member), nothing is sent and the page shows the new
        preview with what changed. There is no «send» on the list: a campaign is never sent
        unseen. The campaign's page again, with what happened."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        campaign = self.get_object(request, unquote(object_id))
        if campaign is None:
            raise Http404
        # The model permission: a campaign sent already is said so, not refused as forbidden.
        if not self.has_change_permission(request):
            raise PermissionDenied
        page = HttpResponseRedirect(reverse("admin:marketing_campaign_change", args=[campaign.pk]))
        if campaign.status == Campaign.Status.DRAFT and not campaign_recipients().exists():
            # Sent to no one, it was spent for good («queued: 0»), never to go to the people
            # who subscribe next: it stays unsent, to be sent once someone would get it.
            self.message_user(request, _(
                "%(title)s was not sent: no one would receive it now (no subscriber we may "
                "write to). It stays unsent: send it once people have subscribed.")
                % {"title": campaign.title}, messages.ERROR)  # fmt: skip
            return page
        try:
            count = campaign_start(campaign, actor=request.user,
                                   seen=request.POST.get("digest", ""))  # fmt: skip
        except ValidationError as error:
            self._refused(request, campaign, error)
            return page
        except CampaignChanged as changed:
            names = {f.name: capfirst(f.verbose_name) for f in Campaign._meta.fields}
            names.update((name, capfirst(label)) for name, label in OTHER_PARTS.items())
            self.message_user(request, _(
                "%(title)s was not sent: it was changed after its page was opened (in another "
                "tab, or by another staff member). Changed: %(fields)s. Read the new preview "
                "below and send again if it is right.") % {
                "title": campaign.title,
                "fields": ", ".join(str(names[name]) for name in changed.fields)},
                messages.ERROR)  # fmt: skip
            return page
        if count is None:  # sent before, or by another click or host at the same moment
            campaign.refresh_from_db()
            when = formats.date_format(timezone.localtime(campaign.sent_at), "DATETIME_FORMAT")
            if campaign.status == Campaign.Status.SENDING:
                self.message_user(request, _(
                    "%(title)s is already being sent (since %(when)s); it is not sent again.")
                    % {"title": campaign.title, "when": when}, messages.WARNING)  # fmt: skip
                return page
            self.message_user(request, _(
                "%(title)s was already sent on %(when)s to %(count)d people; it is not sent "
                "again.") % {"title": campaign.title, "when": when,
                             "count": campaign.recipient_count}, messages.WARNING)  # fmt: skip
            return page
        self.message_user(request, _(
            "%(title)s: sending has started (recipients now: %(count)d). The mails are queued "
            "within minutes; the campaign's page shows how many so far.") % {
            "title": campaign.title, "count": count})  # fmt: skip
        return page
