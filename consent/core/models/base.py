"""What the core's models share: the append-only lock, the languages, publication."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class AppendOnlyError(Exception):
    pass


class AppendOnlyQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AppendOnlyError(f"{self.model.__name__} rows cannot be changed")

    def delete(self):
        raise AppendOnlyError(f"{self.model.__name__} rows cannot be deleted")


class AppendOnly(models.Model):
    """Rows are inserted, never changed or deleted (the database enforces it too: sql.py)."""

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AppendOnlyError(f"{type(self).__name__} rows cannot be changed")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError(f"{type(self).__name__} rows cannot be deleted")


class Language(models.TextChoices):
    KK = "kk", "Қазақша"
    RU = "ru", "Русский"


class Published(models.Model):
    """A document that is a draft until published and frozen after (checked again in sql.py)."""

    published_at = models.DateTimeField(_("published"), null=True, blank=True, editable=False)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if (
            not self._state.adding
            and type(self).objects.filter(pk=self.pk, published_at__isnull=False).exists()
        ):
            raise AppendOnlyError(f"a published {type(self).__name__} cannot be changed")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        if self.is_published:
            raise AppendOnlyError(f"a published {type(self).__name__} cannot be deleted")
        return super().delete(*args, **kwargs)

    @property
    def is_published(self):
        return self.published_at is not None
