from django import forms
from django.contrib import admin, messages
from django.utils import formats
from django.utils.translation import gettext_lazy as _

from consent.common.dates import local_today

from .calendar import check_calendar_day, days_counted, estimated_days
from .models import CalendarOverride

ESTIMATED = _(
    "Kurban ait %(year)s is counted on %(date)s, a date the calendar only estimates. Once its "
    "date is announced, enter that day here as a day off (and, if the estimate was another "
    "weekday, the estimate as a working day)."
)


class CalendarOverrideForm(forms.ModelForm):
    class Meta:
        model = CalendarOverride
        fields = ["date", "is_working_day", "note"]
        # Django's own message names the model and the field; this says where the day is.
        error_messages = {"date": {"unique": _(
            "This day is already in the calendar (a colleague may have just entered it): find "
            "it in the list and change it there."
        )}}  # fmt: skip

    def clean_date(self):
        """A day with its year mistyped («07.12.0226», «07.12.2226») was saved as a day of year
        226 or 2226: the message said the exception was added, and the day the decree meant
        still counted as before in every deadline."""
        day = self.cleaned_data["date"]
        check_calendar_day(day)
        return day


@admin.register(CalendarOverride)
class CalendarOverrideAdmin(admin.ModelAdmin):
    form = CalendarOverrideForm
    list_display = ["date", "is_working_day", "note"]
    list_filter = ["is_working_day"]

    # The staff member goes with the row to its save and delete signals, which move and audit
    # the deadlines still running (consent/rights/apps.py): the audit rows name who moved them,
    # and the staff member is told what moved (`told`).
    def save_model(self, request, obj, form, change):
        obj.changed_by = request.user
        super().save_model(request, obj, form, change)
        self._tell(request, obj)

    def delete_model(self, request, obj):
        obj.changed_by = request.user
        super().delete_model(request, obj)
        self._tell(request, obj)

    def _tell(self, request, obj):
        for level, text in obj.told:
            self.message_user(request, text, level)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            self.delete_model(request, obj)

    def changelist_view(self, request, extra_context=None):
        """Staff are reminded of a holiday the calendar only estimates, this year and next,
        until they enter its announced date: a due date around it may be a day off."""
        if request.method == "GET":
            today = local_today()
            for day in estimated_days(today.year) + estimated_days(today.year + 1):
                if day < today:
                    continue
                when = {"year": day.year, "date": formats.date_format(day, "DATE_FORMAT")}
                messages.warning(request, ESTIMATED % when)
            # What the calendar counts this year and next, beside the exceptions entered: the
            # list showed only those, so an officer with next year's decree in hand could not
            # tell which of its days the calendar already knew and which to enter.
            extra_context = {**(extra_context or {}),
                             "counted": [(year, days_counted(year))
                                         for year in (today.year, today.year + 1)]}  # fmt: skip
        return super().changelist_view(request, extra_context)
