"""The mail a restored database must not send again (docs/deploy/backups.md).

A dump holds the outbox as it was: the mail queued in the minute before it (or waiting on a
relay that was down) is due in it, and the database that is lost went on to send it. Restored,
that mail went out a second time: a person got the same acknowledgement or answer twice.

`sent_mail export` writes the Message-ID of every mail the outbox records as sent, with the
relay's reply to it (its queue id), as CSV; the journal gives the same from each sender's
«mail sent» line (core.delivery), should the database be lost. `sent_mail reapply FILE`, in the
restored database, records each mail the list names that is due there, or failed, as sent, with
that reply: it is never sent again, and its links lose their secrets as a sent mail's do. Mail
the list does not name (the lost database never handed it to the relay) stays due and goes once.

A delivery the restored database already records (a sent log row with that reply) is no proof:
the journal reaches back past the backup, and a mail sent before it, then re-queued by an
officer, is due in the dump with its first delivery on record; that line marked it sent, and
the officer's resend never went. Only a reply the restored database lacks counts.
"""

import csv

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.db.models import OuterRef, Subquery
from post_office.models import STATUS, Email, Log

from consent.common.restore_lists import list_read, list_written
from consent.core.delivery import record_sent_before

COLUMNS = ["message_id", "reply"]
UNSENT = [STATUS.queued, STATUS.requeued, STATUS.failed]


def read_list(lines) -> dict[str, list[str]]:
    """The list's Message-IDs and the relay's replies to each, in the list's order (header lines
    optional: lists from several hosts' journals joined); a list with no line at all is
    refused, as is a line that is not one."""
    replies, written = {}, False
    for number, row in enumerate(csv.reader(lines), 1):
        written = written or bool(row)
        if not row or row == COLUMNS:
            continue
        if len(row) != 2 or not row[0].strip().startswith("<"):
            raise CommandError(
                f"line {number} is not message_id,reply (as `sent_mail export` writes it): "
                "nothing was recorded."
            )
        replies.setdefault(row[0].strip(), []).append(row[1])
    if not written:
        raise CommandError(
            "the list is empty: `sent_mail export` writes its header line even when nothing was "
            "sent, so the export or the journal's read did not finish. Nothing was recorded: make "
            "the list again (docs/deploy/backups.md, step 2)."
        )
    return replies


class Command(BaseCommand):
    help = (
        "export: the Message-ID of every mail sent, with the relay's reply, as CSV. reapply "
        "FILE ('-' for standard input): record as sent the mails such a list names, in a "
        "database restored from a backup, so that they are not sent again."
    )

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["export", "reapply"])
        parser.add_argument("file", nargs="?", help="the exported list (reapply)")

    def handle(self, *args, action, file, **options):
        if action == "export":
            reply = Log.objects.filter(email=OuterRef("pk"), status=STATUS.sent).order_by("-id")
            sent = Email.objects.filter(status=STATUS.sent, message_id__isnull=False)
            # The whole list is read before a line is written (tombstones export says why).
            rows = list(sent.annotate(reply=Subquery(reply.values("message")[:1]))
                        .order_by("id").values_list("message_id", "reply"))  # fmt: skip
            list_written(self.stdout, COLUMNS, ((mid, reply or "") for mid, reply in rows))
            return
        replies = list_read(file, read_list, "sent_mail")
        with transaction.atomic():
            due = Email.objects.filter(status__in=UNSENT).exclude(message_id=None)
            ids = [pk for pk, mid in due.values_list("id", "message_id") if mid in replies]
            found = list(due.select_for_update().filter(id__in=ids).order_by("id"))
            known = set(Log.objects.filter(email__in=found, status=STATUS.sent)
                        .values_list("email_id", "message"))  # fmt: skip
            found = [(email, new[-1]) for email in found
                     if (new := [r for r in replies[email.message_id]
                                 if (email.id, r) not in known])]  # fmt: skip
            record_sent_before(found)
        left = Email.objects.filter(status__in=[STATUS.queued, STATUS.requeued]).count()
        self.stdout.write(f"recorded as sent: {len(found)}, left to send: {left}")
