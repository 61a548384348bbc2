"""Move the photos and outbox attachments still in this host's MEDIA_ROOT into the database
(migration consent.0022 does it on the host that runs `migrate`; run this on any other host
that stored files before)."""

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from post_office.models import Attachment

from consent.core.files import move_into_database
from consent.core.models import StoredFile, Subject, Submission


class Command(BaseCommand):
    help = "Move photos and outbox attachments from MEDIA_ROOT into the database; safe to rerun."

    def handle(self, *args, **options):
        names = [*Subject.objects.values_list("photo", flat=True),
                 *Submission.objects.values_list("photo", flat=True),
                 *Attachment.objects.values_list("file", flat=True)]  # fmt: skip
        with transaction.atomic():
            copied = move_into_database(StoredFile, settings.MEDIA_ROOT, names)
        self.stdout.write(f"moved into the database: {copied}")
