"""The site's own running: staff preferences, stored files, periodic jobs' runs."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from consent.common.text import numbered

from .base import Language


class StaffProfile(models.Model):
    """What the site remembers of a staff member beyond Django's user: the language their
    notices and digest are written in (compliance L24), the one they chose on their password
    page, else the one they last used the admin in (consent/core/staff.py)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, models.CASCADE, primary_key=True, related_name="staff_profile"
    )
    language = models.CharField(
        _("language of notices"), max_length=2, choices=Language, default=Language.KK
    )
    chosen = models.BooleanField(_("chosen by the staff member"), default=False)

    class Meta:
        verbose_name = _("staff profile")
        verbose_name_plural = _("staff profiles")

    def __str__(self):
        return numbered(self.pk)


class StoredFile(models.Model):
    """A file of the "private" and "default" storages (consent/core/files.py): kept in the
    database, so that every app host reads, serves and destroys the same one. Its content is
    already Fernet ciphertext (photos, the access answers); it is deleted with its owner."""

    name = models.CharField(max_length=255, unique=True)
    content = models.BinaryField()
    size = models.PositiveIntegerField()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("stored file")
        verbose_name_plural = _("stored files")

    def __str__(self):
        return self.name


class JobRun(models.Model):
    """A periodic job (digest, retention, intake) that ran to the end for one period: the record
    that keeps a second host from running it again for that period (consent/core/jobs.py), and
    the time an operator's health check reads."""

    job = models.CharField(max_length=40)
    period = models.CharField(max_length=40)
    started_at = models.DateTimeField()
    finished_at = models.DateTimeField()

    class Meta:
        verbose_name = _("periodic job run")
        verbose_name_plural = _("periodic job runs")
        constraints = [models.UniqueConstraint(fields=["job", "period"], name="job_run_once")]
        indexes = [models.Index(fields=["job", "-finished_at"], name="job_run_latest")]

    def __str__(self):
        return f"{self.job} {self.period}"


class KeySeen(models.Model):
    """A keyed digest of a key an app host signed (SECRET_KEY) or encrypted
    (MEDIA_ENCRYPTION_KEY's first) with, and when it last said so (consent/core/keys.py). Kept in
    the database, which every host shares for certain and which keeps it on disk: noted only in
    Redis, a Redis restarted or flushed forgot every host's key, and a host started then with a
    key of its own was let in. Never the key, nor anything it can be found from."""

    name = models.CharField(max_length=40)
    digest = models.CharField(max_length=16)
    seen_at = models.DateTimeField()

    class Meta:
        verbose_name = _("key seen by a host")
        verbose_name_plural = _("keys seen by the hosts")
        constraints = [models.UniqueConstraint(fields=["name", "digest"], name="key_seen_once")]

    def __str__(self):
        return f"{self.name} {self.digest}"
