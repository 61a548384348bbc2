"""The cookie banner's answers: anonymous and append-only."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from consent.common.text import numbered
from consent.core.models import AppendOnly, Language


class BannerWording(AppendOnly):
    """What the banner said, word for word, in one language, kept once: each answer names the
    wording it was given to, so the log proves what the visitor consented to and not only under
    which policy version (Law 94-V art. 8; compliance L19). A release or a setting that changes
    the banner (another analytics service, its recipient) makes a new one."""

    language = models.CharField(_("language"), max_length=2, choices=Language)
    text = models.TextField(_("text"))
    digest = models.CharField(_("SHA-256 of the text shown"), max_length=64, unique=True)
    first_answered = models.DateTimeField(_("first answered"), default=timezone.now)

    class Meta:
        ordering = ["-id"]
        verbose_name = _("cookie banner wording")
        verbose_name_plural = _("cookie banner wordings")

    def __str__(self):
        return numbered(self.pk)


class CookieChoice(AppendOnly):
    """A visitor's answer on the cookie banner: anonymous (a random id), no IP, no user agent."""

    class Choice(models.TextChoices):
        ACCEPT = "accept", _("accepted")
        REJECT = "reject", _("rejected")

    visitor = models.UUIDField(_("random visitor id"), db_index=True)
    choice = models.CharField(_("choice"), max_length=10, choices=Choice)
    policy_version = models.PositiveIntegerField(_("privacy policy version"))
    at = models.DateTimeField(_("time"), default=timezone.now)
    # Empty on the answers logged before the wording was (migration cookies 0002).
    wording = models.ForeignKey(
        BannerWording, models.PROTECT, null=True, blank=True, related_name="choices",
        verbose_name=_("cookie banner wording"),
    )  # fmt: skip

    class Meta:
        db_table = "consent_cookiechoice"  # kept from before the app split
        ordering = ["-id"]
        verbose_name = _("cookie choice")
        verbose_name_plural = _("cookie choices")

    def __str__(self):
        return numbered(self.pk)
