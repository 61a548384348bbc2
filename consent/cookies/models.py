"""The cookie banner's answers: anonymous and append-only."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from consent.common.text import numbered
from consent.core.models import AppendOnly


class CookieChoice(AppendOnly):
    """A visitor's answer on the cookie banner: anonymous (a random id), no IP, no user agent."""

    class Choice(models.TextChoices):
        ACCEPT = "accept", _("accepted")
        REJECT = "reject", _("rejected")

    visitor = models.UUIDField(_("random visitor id"), db_index=True)
    choice = models.CharField(_("choice"), max_length=10, choices=Choice)
    policy_version = models.PositiveIntegerField(_("privacy policy version"))
    at = models.DateTimeField(_("time"), default=timezone.now)

    class Meta:
        db_table = "consent_cookiechoice"  # kept from before the app split
        ordering = ["-id"]
        verbose_name = _("cookie choice")
        verbose_name_plural = _("cookie choices")

    def __str__(self):
        return numbered(self.pk)
