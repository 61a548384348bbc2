"""The breach register (Art. 25(2)(8); compliance L21)."""

from django.contrib import admin
from django.utils.html import format_html
from django.utils.text import Truncator, capfirst
from django.utils.translation import gettext_lazy as _

from consent.common.dates import local_today, reader_time
from consent.common.text import EMPTY
from consent.core.admin import saved

from ..breaches import breach_notice, breach_record
from ..models import Breach

# As much of what happened as a list column shows beside the dates at 1280 px.
SUMMARY_CHARS = 60


def labelled(label, value):
    """A list cell that says what it is on a phone, where the list has no headers (admin.css:
    `.phone-label`): three dates in a row read alike."""
    return format_html('<span class="phone-label">{}: </span>{}', capfirst(label), value)


class RegulatorFilter(admin.SimpleListFilter):
    """Breaches the regulator is still to be told of (BreachQuerySet.unreported), or told of: a
    register of years listed them all together, by their detection."""

    title = _("notice to the authorised body")
    parameter_name = "regulator"

    def lookups(self, request, model_admin):
        return [("to_notify", _("not sent yet")), ("notified", _("sent")),
                ("late", _("sent late"))]  # fmt: skip

    def queryset(self, request, queryset):
        if self.value() == "to_notify":
            return queryset.unreported()
        if self.value() == "notified":
            return queryset.exclude(regulator_notified_at=None)
        if self.value() == "late":
            return queryset.notified_late()
        return queryset


@admin.register(Breach)
class BreachAdmin(admin.ModelAdmin):
    """The breach register: the regulator's deadline (one working day) shown and highlighted."""

    # What happened, cut short: a register of numbers alone («#7, #8») sent the officer into
    # each entry to find the one she was looking for. Then who was told and when: the
    # authorised body (its date and, once sent, when: one column, as in Russian the two
    # headers' «уполномоченный» pushed the last column off a 1280 px screen beside the menu),
    # and the people affected, how many (a lone tick said nothing of them).
    list_display = ["number", "summary", "detected", "deadline", "affected", "people_told"]
    list_filter = [RegulatorFilter, "subjects_notified"]
    readonly_fields = ["saved_deadline", "draft_notice"]
    # The deadline first: «notify now» stood below every field, a phone's length away.
    fields = ["saved_deadline", "detected_at", "description", "data_affected", "people_affected",
              "measures", "regulator_notified_at", "subjects_notified", "subjects_notified_at",
              "draft_notice"]  # fmt: skip

    def has_delete_permission(self, request, obj=None):
        return False

    def get_fields(self, request, obj=None):
        """A breach being recorded has no deadline nor notice yet: its form opens with the
        detection."""
        fields = super().get_fields(request, obj)
        return fields if obj is not None else [f for f in fields if f not in self.readonly_fields]

    @admin.display(description=_("number"), ordering="id")
    def number(self, obj):
        return str(obj)  # «№ 7»: the register's header, «breach incident», took a column's width

    @admin.display(description=_("detected"), ordering="detected_at")
    def detected(self, obj):
        return labelled(_("detected"), reader_time(obj.detected_at))

    @admin.display(description=_("people affected (estimate)"), ordering="people_affected")
    def affected(self, obj):
        return labelled(_("people affected (estimate)"), obj.people_affected)

    @admin.display(description=_("people told on"), ordering="subjects_notified_at")
    def people_told(self, obj):
        told = obj.subjects_notified and reader_time(obj.subjects_notified_at)
        return labelled(_("people told on"), told or _("not told"))

    def save_model(self, request, obj, form, change):
        breach_record(obj, actor=request.user)

    @admin.display(description=_("what happened"))
    def summary(self, obj):
        """The description's first words on one line (the admin escapes them, as any text), all
        of it in the cell's title for a pointer that rests on it."""
        text = " ".join(obj.description.split())
        return format_html('<span title="{}">{}</span>', text,
                           Truncator(text).chars(SUMMARY_CHARS))  # fmt: skip

    @admin.display(description=_("regulator to be notified by"), ordering="regulator_due")
    def deadline(self, obj):
        """The regulator's date, and beside it what the officer must know of it: to notify now,
        or that the notice went after it (the list and the breach's page say the same); under
        it, once sent, when."""
        label, named = reader_time(obj.regulator_due), _("regulator to be notified by")
        if obj.report_now(local_today()):
            return labelled(named, format_html('<strong class="overdue">{} · {}</strong>', label,
                                               _("notify now")))  # fmt: skip
        if obj.notified_late():
            label = format_html('<strong class="overdue">{} · {}</strong>', label, _("sent late"))
        if obj.regulator_notified_at is None:
            return labelled(named, label)
        # Said on every screen: a bare second date under the first read as a second deadline.
        sent = format_html("{}: {}", capfirst(_("regulator notified")),
                           reader_time(obj.regulator_notified_at))  # fmt: skip
        return format_html("{}<br>{}", labelled(named, label), sent)

    @admin.display(description=_("regulator to be notified by"))
    def saved_deadline(self, obj):
        """The list's column on the breach's page, of the breach as saved (as its notice)."""
        stored = saved(obj)
        return EMPTY if stored is None else self.deadline(stored)

    @admin.display(description=_("draft notice to the authorised body"))
    def draft_notice(self, obj):
        """Drafted from the breach as saved: on a form shown again with an error, `obj` holds
        what was typed, the refused values too (a detection yet to come), while the deadline
        beside it is the saved one."""
        stored = saved(obj)
        if stored is None:
            return EMPTY
        # Wrapped by admin.css (.mail-text): a style attribute is refused by the CSP, and the
        # notice ran off the page in one line a paragraph long.
        return format_html('<pre class="mail-text">{}</pre>', breach_notice(stored))
