"""The corrections made in answer to requests: old and new values, personal data of the person."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from consent.common.text import numbered
from consent.core.models import Subject

from .tickets import Ticket


class Correction(models.Model):
    """Old and new values of a correction: personal data, so it lives and dies with the subject."""

    subject = models.ForeignKey(Subject, models.CASCADE, related_name="corrections")
    ticket = models.ForeignKey(
        Ticket, models.SET_NULL, null=True, blank=True, db_column="request_id"
    )
    field = models.CharField(_("field"), max_length=40)
    old_value = models.TextField(_("old value"), blank=True)
    new_value = models.TextField(_("new value"), blank=True)
    document = models.CharField(_("supporting document"), max_length=300)
    at = models.DateTimeField(_("time"), default=timezone.now)

    class Meta:
        db_table = "consent_correction"  # kept from before the app split
        verbose_name = _("correction")
        verbose_name_plural = _("corrections")

    def __str__(self):
        return numbered(self.pk)
