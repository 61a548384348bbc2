"""Emails the intake set aside (compliance L7): a read-only list for the privacy officers, the
message as an .eml download (audited, never rendered), and a form to open the request it holds."""

from cryptography.fernet import InvalidToken
from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import BooleanField, ExpressionWrapper, Q, Value
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from consent.common.dates import reader_time
from consent.core.admin import ReadOnlyAdmin
from consent.core.models import Language
from consent.core.purposes import purpose_choices

from .. import disclosure
from ..models import QuarantinedMessage, Ticket
from ..set_aside import destroyed_on, held_for_block
from ..tickets import purpose_for, ticket_open_from_quarantine
from .due import due_told
from .opening import LANGUAGE_REQUIRED, TYPE_REQUIRED, chosen
from .ticket_shown import ticket_link

OPEN_PERMISSION = "rights.change_quarantinedmessage"


class OpenRequestForm(forms.Form):
    """What the officer read in the message: who asks, for what, in which language."""

    email = forms.EmailField(label=_("requester's email"), max_length=254)
    kind = chosen(_("type"), Ticket.Type.choices, TYPE_REQUIRED)
    # What the letter asks to stop: without it a withdrawal opened from an address on record
    # stopped every consent as it arrived, where the letter named one (tickets.ticket_open).
    purpose = forms.ChoiceField(
        label=_("purpose"), required=False, choices=[("", _("every purpose")), *purpose_choices()],
        help_text=_("Only for a withdrawal of consent. From an address on record a withdrawal "
                    "stops the processing for this purpose (for every purpose when none is "
                    "chosen) at once, as the intake does with such an email, and an "
                    "unsubscribe stops the news and offers at once."),
    )  # fmt: skip
    language = chosen(_("language"), Language.choices, LANGUAGE_REQUIRED)
    message = forms.CharField(
        label=Ticket.MESSAGE_LABEL, required=False, max_length=Ticket.MESSAGE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("What the person asks, in their words or briefly."),
    )  # fmt: skip

    def clean(self):
        data = super().clean()
        try:
            purpose_for(data.get("kind") or "", data.get("purpose") or "")
        except ValidationError as refused:
            self.add_error("purpose", refused)
        return data


@admin.register(QuarantinedMessage)
class QuarantinedMessageAdmin(ReadOnlyAdmin):
    """Nothing of the message is shown in a page: it is downloaded as a file and read in a mail
    program, so no markup or script in it ever runs in the admin."""

    list_display = ["__str__", "received_at", "reason", "size", "request_link", "destroyed_on"]
    list_filter = ["reason", ("ticket", admin.EmptyFieldListFilter)]
    fields = ["received_at", "reason", "size", "truncated", "destroyed_on", "download",
              "request_link"]  # fmt: skip
    readonly_fields = fields
    list_select_related = ["ticket"]
    change_form_template = "admin/rights/quarantinedmessage/change_form.html"
    open_template = "admin/rights/quarantinedmessage/open.html"

    def get_queryset(self, request):
        # The ciphertext (up to tens of megabytes each) is read only by the download. A blocked
        # person's are kept while the block lasts (set_aside.held_for_block): no day is said.
        held = held_for_block()
        kept = ExpressionWrapper(Q(pk__in=held), BooleanField()) if held else Value(False)
        return super().get_queryset(request).defer("content").annotate(kept_blocked=kept)

    @admin.display(description=_("destroyed on"))
    def destroyed_on(self, obj):
        # The local date (set_aside.destroyed_on): the UTC date is a day off near midnight.
        return destroyed_on(obj.received_at, obj.kept_blocked, reader_time)

    @admin.display(description=_("email"))
    def download(self, obj):
        url = reverse("admin:rights_quarantinedmessage_eml", args=[obj.pk])
        return format_html('<a href="{}">{}</a>', url, _("Download (.eml)"))

    @admin.display(description=_("request opened from it"), ordering="ticket")
    def request_link(self, obj):
        return ticket_link(obj)

    def get_urls(self):
        return [
            path("<int:pk>/message.eml", self.admin_site.admin_view(self.eml_view),
                 name="rights_quarantinedmessage_eml"),
            path("<int:pk>/open/", self.admin_site.admin_view(self.open_view),
                 name="rights_quarantinedmessage_open"),
            *super().get_urls(),
        ]  # fmt: skip

    def _entry(self, request, pk):
        entry = self.get_object(request, unquote(str(pk)))  # None for "abc", as Django's
        if entry is None:
            raise Http404
        if not self.has_view_permission(request, entry):
            raise PermissionDenied
        return entry

    def _can_open(self, request, entry):
        return entry.ticket_id is None and request.user.has_perm(OPEN_PERMISSION)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        entry = self._entry(request, object_id)
        form = OpenRequestForm() if self._can_open(request, entry) else None
        extra = {"open_form": form, "entry": entry, **(extra_context or {})}
        return super().change_view(request, object_id, form_url, extra)

    def eml_view(self, request, pk):
        """Always a download, never shown: a message may carry HTML and scripts (compliance T10
        treats photos alike)."""
        entry = self._entry(request, pk)
        try:
            body = disclosure.quarantined_eml(entry, actor=request.user)
        except InvalidToken:  # stored under a key no longer in MEDIA_ENCRYPTION_KEY
            messages.error(request, _("The email cannot be decrypted: its key is no longer set."))
            return redirect("admin:rights_quarantinedmessage_change", entry.pk)
        response = HttpResponse(body, content_type="application/octet-stream")
        response["Content-Disposition"] = f'attachment; filename="{entry.reference}.eml"'
        response["X-Content-Type-Options"] = "nosniff"
        response["Content-Security-Policy"] = "sandbox; default-src 'none'"
        response["Cache-Control"] = "no-store"
        return response

    def open_view(self, request, pk):
        """GET: the form on its own; POST: open the request and go to it, or show the errors."""
        entry = self._entry(request, pk)
        if entry.ticket_id is not None and request.user.has_perm(OPEN_PERMISSION):
            # Pressed again (a double click, a second tab): said, and shown the request, where
            # a "403 Forbidden" read as a missing permission.
            self.message_user(request, _("A request has already been opened from this email: "
                                         "%(ref)s.") % {"ref": entry.ticket.reference},
                              messages.WARNING)  # fmt: skip
            return redirect("admin:rights_ticket_change", entry.ticket_id)
        if not self._can_open(request, entry):
            raise PermissionDenied
        form = OpenRequestForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            try:
                ticket = ticket_open_from_quarantine(entry, actor=request.user, **form.cleaned_data)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                due, level = due_told(ticket)  # from the day the email came, days ago maybe
                opened = _("Request %(ref)s opened.") % {"ref": ticket.reference}
                self.message_user(request, f"{opened} {due}", level)
                return redirect("admin:rights_ticket_change", ticket.pk)
        context = {
            **self.admin_site.each_context(request),
            "title": _("Open a request from %(ref)s") % {"ref": entry.reference},
            "opts": self.opts,
            "original": entry,
            "entry": entry,
            "open_form": form,
        }
        return TemplateResponse(request, self.open_template, context)
