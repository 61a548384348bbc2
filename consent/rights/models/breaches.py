"""The breach register."""

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from consent.common.dates import local_date
from consent.common.directions import validate_lines_direction_closed
from consent.common.text import NOTE_MAX_CHARS, numbered
from consent.workdays.calendar import check_countable


class BreachQuerySet(models.QuerySet):
    def unreported(self):
        """Breaches the regulator has not been told of, the earliest deadline first."""
        return self.filter(regulator_notified_at=None).order_by("regulator_due", "id")

    def report_now(self, today):
        """Those due or overdue on `today` (a local date, as `regulator_due` is): the digest
        lists them, the dashboard and the register say «notify now»."""
        return self.unreported().filter(regulator_due__lte=today)

    def notified_late(self):
        """Those the regulator was told of after the day it was due: by the local date of the
        notice (`__date` reads it in TIME_ZONE, Asia/Almaty), as `Breach.notified_late`."""
        return self.filter(regulator_notified_at__date__gt=F("regulator_due"))


class Breach(models.Model):
    """A personal-data security incident (compliance L21): the regulator is told within one
    working day of detection, and the people affected as the rules require."""

    detected_at = models.DateTimeField(_("detected"))
    # What the officer types goes to the regulator in the draft notice and to the next officer's
    # screen: a direction mark left open turned the rest of its line around (directions.py).
    description = models.TextField(
        _("what happened"), max_length=NOTE_MAX_CHARS, help_text=_("No personal data here."),
        validators=[validate_lines_direction_closed],
    )  # fmt: skip
    data_affected = models.TextField(_("data affected"), blank=True, max_length=NOTE_MAX_CHARS,
                                     validators=[validate_lines_direction_closed])  # fmt: skip
    people_affected = models.PositiveIntegerField(_("people affected (estimate)"), default=0)
    measures = models.TextField(_("measures taken"), blank=True, max_length=NOTE_MAX_CHARS,
                                validators=[validate_lines_direction_closed])  # fmt: skip
    # Set by breach_record() (rights/breaches.py): one working day from detection.
    regulator_due = models.DateField(_("regulator to be notified by"), editable=False)
    regulator_notified_at = models.DateTimeField(_("regulator notified"), null=True, blank=True)
    subjects_notified = models.BooleanField(_("people affected were told"), default=False)
    subjects_notified_at = models.DateTimeField(_("people told on"), null=True, blank=True)
    created_at = models.DateTimeField(_("recorded"), default=timezone.now, editable=False)

    objects = BreachQuerySet.as_manager()

    class Meta:
        db_table = "consent_breach"  # kept from before the app split
        ordering = ["-detected_at"]
        verbose_name = _("breach incident")
        verbose_name_plural = _("breach register")

    def __str__(self):
        return numbered(self.pk)

    def report_now(self, today):
        """The queryset's rule for one breach already loaded."""
        return self.regulator_notified_at is None and self.regulator_due <= today

    def notified_late(self):
        """Whether the regulator was told after the day it was due (Art. 25(2)(8)): the register
        is the operator's proof of a notice in time, and said nothing of one that was not. By
        the local date of the notice: at 00:30 in Almaty it is the next day, not yet in UTC."""
        return (self.regulator_notified_at is not None
                and local_date(self.regulator_notified_at) > self.regulator_due)  # fmt: skip

    def clean(self):
        """Times the register could not hold: a detection yet to come moved the regulator's
        deadline away and with it the "notify now" alarm (a year mistyped on the form), and a
        notice before the detection or after now is no record of one. (Minutes of slack for the
        admin's "now" button on a computer whose clock runs ahead.)"""
        now, errors = timezone.now() + timedelta(minutes=5), {}
        if self.detected_at and self.detected_at > now:
            errors["detected_at"] = _("A breach cannot be detected in the future.")
        elif self.detected_at:
            try:  # the regulator's deadline is counted from it
                check_countable(self.detected_at)
            except ValidationError as error:
                errors["detected_at"] = error
        for field in ("regulator_notified_at", "subjects_notified_at"):
            when = getattr(self, field)
            if when and when > now:
                errors[field] = _("This time is in the future.")
            elif when and self.detected_at and when < self.detected_at:
                errors[field] = _("This is before the breach was detected.")
        if self.subjects_notified and not self.subjects_notified_at:
            errors["subjects_notified_at"] = _("Enter when the people affected were told.")
        elif self.subjects_notified_at and not self.subjects_notified:
            errors["subjects_notified"] = _("Tick this if the people affected were told.")
        if errors:
            raise ValidationError(errors)
