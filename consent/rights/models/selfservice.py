"""What the person's own page keeps: the single-use links spent and a request written there and
not sent."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from consent.common.text import numbered
from consent.core.models import Subject

from .tickets import Ticket


class UsedLink(models.Model):
    """A single-use link already opened (self-service); holds no personal data."""

    nonce = models.UUIDField(unique=True)
    used_at = models.DateTimeField(default=timezone.now)
    # A keyed digest of the CSRF cookie of the browser that spent it (links_spent.py): that
    # browser's second press opens the page too. "" for a link spent before it was kept.
    browser = models.CharField(max_length=64, blank=True, default="", db_default="", editable=False)

    class Meta:
        db_table = "consent_usedlink"  # kept from before the app split
        verbose_name = _("used single-use link")
        verbose_name_plural = _("used single-use links")

    def __str__(self):
        return str(self.nonce)


class KeptRequest(models.Model):
    """A request the person was writing on their own page and did not send: kept for the page a
    button of it leads back to, or, written after the page closed, for a day for their next page
    in the same browser (the session holds only this row's number: `selfservice.draft_keep`). A
    row of theirs, so a destruction takes it with them."""

    subject = models.ForeignKey(
        Subject, on_delete=models.CASCADE, related_name="kept_requests",
        verbose_name=_("data subject"),
    )  # fmt: skip
    type = models.CharField(_("type"), max_length=32, choices=Ticket.Type.choices, blank=True)
    message = models.TextField(Ticket.MESSAGE_LABEL)
    kept_until = models.DateTimeField(_("kept until"))

    class Meta:
        verbose_name = _("request written on your page and not sent")
        verbose_name_plural = _("requests written on your page and not sent")

    def __str__(self):
        return numbered(self.pk)
