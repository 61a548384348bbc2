"""The cookie banner's log, for the privacy officer who must show what a visitor consented to:
each answer with the wording it was given to. Nothing here is personal (a random id, no IP), and
nothing is edited: the rows are append-only."""

from django.contrib import admin
from django.template.defaultfilters import linebreaksbr
from django.urls import reverse
from django.utils.html import format_html
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from consent.common.text import EMPTY
from consent.core.admin.base import EstimatedCountPaginator, ReadOnlyAdmin

from .models import BannerWording, CookieChoice


@admin.register(CookieChoice)
class CookieChoiceAdmin(ReadOnlyAdmin):
    list_display = ["__str__", "at", "choice", "policy_version", "wording_link"]
    list_filter = ["choice", "policy_version", "wording__language"]
    fields = ["at", "choice", "policy_version", "wording_link", "visitor"]
    readonly_fields = fields
    date_hierarchy = "at"
    show_full_result_count = False
    paginator = EstimatedCountPaginator

    @admin.display(description=CookieChoice._meta.get_field("wording").verbose_name,
                   ordering="wording")  # fmt: skip
    def wording_link(self, obj):
        """The wording the answer was given to, a link to its words; none on an answer logged
        before wordings were kept."""
        if obj.wording_id is None:
            return EMPTY
        url = reverse("admin:cookies_bannerwording_change", args=[obj.wording_id])
        return format_html('<a href="{}">{}</a>', url, obj.wording)


@admin.register(BannerWording)
class BannerWordingAdmin(ReadOnlyAdmin):
    list_display = ["__str__", "language", "first_answered", "answers"]
    list_filter = ["language"]
    fields = ["language", "first_answered", "words", "digest", "answers"]
    readonly_fields = fields

    @admin.display(description=BannerWording._meta.get_field("text").verbose_name)
    def words(self, obj):
        return linebreaksbr(obj.text)

    @admin.display(description=_("answers"))
    def answers(self, obj):
        """The answers given to this wording, a link to their list."""
        url = reverse("admin:cookies_cookiechoice_changelist")
        query = urlencode({"wording__id__exact": obj.pk})
        return format_html('<a href="{}?{}">{}</a>', url, query, _("answers given to it"))
