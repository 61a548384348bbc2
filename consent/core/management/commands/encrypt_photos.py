import os
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.db.models import Q

from consent.core.models import Subject, Submission
from consent.core.photos import fernet

JPEG = b"\xff\xd8\xff"


class Command(BaseCommand):
    help = (
        "Encrypt photos stored before encryption was added and re-encrypt the others under the "
        "first MEDIA_ENCRYPTION_KEY (after a key rotation). Safe to run again."
    )

    def handle(self, *args, **options):
        storage = Subject._meta.get_field("photo").storage
        current, keys = Fernet(settings.MEDIA_ENCRYPTION_KEY[0]), fernet()
        names = set(Subject.objects.exclude(photo="").values_list("photo", flat=True))
        names |= set(Submission.objects.exclude(photo="").values_list("photo", flat=True))
        counts = {"encrypted": 0, "re-encrypted": 0, "already current": 0, "unreadable": 0}
        for name in sorted(names):
            with transaction.atomic():
                # Hold the owners' rows: a destruction running now waits, so its deletion of the
                # file cannot be undone by the rewrite below; a finished one leaves no owner.
                owners = Subject.objects.select_for_update().filter(
                    Q(photo=name)
                    | Q(pk__in=Submission.objects.filter(photo=name).values("subject"))
                )
                if not list(owners):
                    continue
                try:
                    with storage.open(name, "rb") as f:
                        data = f.read()
                except FileNotFoundError:
                    data = b""
                try:
                    current.decrypt(data)
                    counts["already current"] += 1
                    continue
                except InvalidToken:
                    pass
                try:
                    token, outcome = keys.rotate(data), "re-encrypted"
                except InvalidToken:
                    if not data.startswith(JPEG):
                        self.stderr.write(f"cannot read {name} with any key")
                        counts["unreadable"] += 1
                        continue
                    token, outcome = keys.encrypt(data), "encrypted"
                path = Path(storage.path(name))
                tmp = path.with_name(path.name + ".tmp")
                tmp.write_bytes(token)
                os.replace(tmp, path)  # atomic: the photo is never half-written or lost
                counts[outcome] += 1
        self.stdout.write(", ".join(f"{outcome}: {n}" for outcome, n in counts.items()))
        if counts["unreadable"]:
            raise CommandError("Some photos could not be read; is an old key missing?")
