"""The working-day calendar's one table: dates a decree treats differently from `holidays`."""

from django.db import models
from django.utils import formats
from django.utils.translation import gettext_lazy as _


class CalendarOverride(models.Model):
    """A date the government decree treats differently from the holidays package (compliance L8)."""

    date = models.DateField(_("date"), unique=True)
    is_working_day = models.BooleanField(
        _("working day"), help_text=_("Ticked: a working day (e.g. a Saturday moved by decree).")
    )
    note = models.CharField(_("note"), max_length=200, blank=True)
    # Who saves or deletes it in the admin, not stored: the deadlines the change moves are
    # audited in their name (rights/recount.py, on this model's signals).
    changed_by = None
    # What the change did to deadlines still running, as (message level, text) for the staff
    # member: set by the same signals, shown by the admin.
    told: list[tuple[int, str]] = []

    class Meta:
        db_table = "consent_calendaroverride"  # kept from before the app split
        ordering = ["-date"]
        verbose_name = _("calendar exception")
        verbose_name_plural = _("working-day calendar")

    def __str__(self):
        # The admin's messages, title and delete confirmation name it: a date as staff read
        # dates, not the ISO form ("2026-12-07").
        return formats.date_format(self.date, "DATE_FORMAT")
