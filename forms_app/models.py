from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class UsedFormToken(models.Model):
    """A form token once used: a refresh or a double click never stores twice (no personal data)."""

    token = models.UUIDField(unique=True)
    used_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("used form token")
        verbose_name_plural = _("used form tokens")

    def __str__(self):
        return str(self.token)


def prune_used_tokens(sender, *, before, **kwargs):
    """A token older than a day cannot be replayed (abuse.MAX_AGE), so its row can go."""
    UsedFormToken.objects.filter(used_at__lt=before).delete()
