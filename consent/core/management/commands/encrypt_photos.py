from cryptography.fernet import Fernet, InvalidToken
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.db.models import Q
from post_office.models import Attachment

from consent.core.keys import KEYS_WINDOW, media_keys_not_shared
from consent.core.models import StoredFile, Subject, Submission
from consent.core.photos import FERNET_PREFIX, encrypted_columns, fernet

JPEG = b"\xff\xd8\xff"


class Command(BaseCommand):
    help = (
        "Encrypt photos and the outbox's attachments stored before encryption was added, and "
        "re-encrypt them and every other column kept under MEDIA_ENCRYPTION_KEY (the emails "
        "set aside) under its first key (after a key rotation). Safe to run again."
    )

    def handle(self, *args, **options):
        if why := media_keys_not_shared(first_only=True):
            # Re-encrypted under a key another host lacks, what it stored became unreadable
            # there (an officer's photo, the access answers it mails); dropped from this host's
            # list next, what that host went on storing under the old key was lost.
            raise CommandError(
                f"Nothing re-encrypted: {why}. Put the same MEDIA_ENCRYPTION_KEY (all its keys, "
                "in the same order) in /etc/emalu/env on every host, `systemctl restart emalu` "
                f"on each, and run this again {KEYS_WINDOW // 60} minutes after the last restart."
            )
        self.current, self.keys = Fernet(settings.MEDIA_ENCRYPTION_KEY[0]), fernet()
        self.counts = {"encrypted": 0, "re-encrypted": 0, "already current": 0, "unreadable": 0,
                       "not in the database": 0}  # fmt: skip
        names = set(Subject.objects.exclude(photo="").values_list("photo", flat=True))
        names |= set(Submission.objects.exclude(photo="").values_list("photo", flat=True))
        for name in sorted(names):
            with transaction.atomic():
                # Hold the owners' rows: a destruction running now waits, so its deletion of the
                # file cannot be undone by the rewrite below; a finished one leaves no owner.
                owners = Subject.objects.select_for_update().filter(
                    Q(photo=name)
                    | Q(pk__in=Submission.objects.filter(photo=name).values("subject"))
                )
                if list(owners):
                    self._rewrite(name, plain=lambda d: d.startswith(JPEG))
        # The outbox's attachments (the access answers), before their storage encrypted them.
        for name in Attachment.objects.exclude(file="").values_list("file", flat=True):
            with transaction.atomic():
                self._rewrite(name, plain=lambda d: not d.startswith(FERNET_PREFIX))
        # Columns encrypted by their own code (photos.encrypted_columns), never stored in plain.
        for model, field in encrypted_columns():
            for pk in model.objects.values_list("pk", flat=True).order_by("pk"):
                with transaction.atomic():
                    row = model.objects.select_for_update().filter(pk=pk).first()
                    if row is None:  # destroyed meanwhile
                        continue
                    label = f"{model._meta.label_lower} {pk}"
                    token = self._token(bytes(getattr(row, field)), label, plain=lambda d: False)
                    if token is not None:
                        model.objects.filter(pk=pk).update(**{field: token})
        self.stdout.write(", ".join(f"{outcome}: {n}" for outcome, n in self.counts.items()))
        # A file stored before files were rows (release 19) by a host other than the one that
        # migrated is still on that host's disk: it was counted «unreadable» and the release
        # stopped at «is an old key missing?», sending the operator to look for a key.
        if self.counts["not in the database"]:
            raise CommandError(
                "Some files named by the records are not in the database: on each host that "
                "stored photos before they were kept in the database, run `manage.py "
                "move_files_to_database`, then this again."
            )
        if self.counts["unreadable"]:
            raise CommandError("Some files could not be read; is an old key missing?")

    def _rewrite(self, name, *, plain):
        """Leave a file under the first key as it is; re-encrypt one under an older key; encrypt
        one stored in plain (`plain(data)` says whether it looks so). Files are rows
        (consent/core/files.py), rewritten in the caller's transaction."""
        row = StoredFile.objects.select_for_update().filter(name=name).first()
        if row is None:  # no key is missing: the file is on a host's disk, not yet moved in
            self.stderr.write(f"{name} is not in the database")
            self.counts["not in the database"] += 1
            return
        token = self._token(bytes(row.content), name, plain=plain)
        if token is not None:
            StoredFile.objects.filter(pk=row.pk).update(content=token, size=len(token))

    def _token(self, data, label, *, plain):
        """`data` under the first key, counted by outcome; None when it is so already, or when
        no key reads it and it is not plain (`plain(data)`): then it is named as unreadable."""
        try:
            self.current.decrypt(data)
            self.counts["already current"] += 1
            return None
        except InvalidToken:
            pass
        try:
            token, outcome = self.keys.rotate(data), "re-encrypted"
        except InvalidToken:
            if not data or not plain(data):
                self.stderr.write(f"cannot read {label} with any key")
                self.counts["unreadable"] += 1
                return None
            token, outcome = self.keys.encrypt(data), "encrypted"
        self.counts[outcome] += 1
        return token
