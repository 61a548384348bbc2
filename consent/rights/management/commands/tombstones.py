"""The destructions a restored database must not bring back (docs/deploy/backups.md).

`tombstones export` writes every destruction record as CSV (subject number, request, time; no
personal data). `tombstones reapply FILE` destroys again, in a database restored from a backup
made before them, each person such a list names: by the same destruction as a request
(erasure.subject_destroy), with the request it answered. A person who is gone already is
counted, and one whose number was given to someone created after the destruction (the restored
database has served new people since) is named and left alone.
"""

import csv
import sys
from datetime import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils.dateparse import parse_datetime

from consent.core.models import Subject, Tombstone
from consent.rights.erasure import subject_destroy

COLUMNS = ["subject_ref", "request_ref", "at"]


def read_list(lines) -> list[tuple[int, str, datetime]]:
    """The rows of an exported list (its header line optional), every one checked before any
    destruction: a line that cannot be read stops the command with its number."""
    rows = []
    for number, row in enumerate(csv.reader(lines), 1):
        if not row or (number == 1 and row == COLUMNS):
            continue
        try:
            subject_ref, request_ref, at = row
            at = parse_datetime(at)
            if not request_ref.strip() or at is None or at.tzinfo is None:
                raise ValueError
            rows.append((int(subject_ref), request_ref, at))
        except ValueError:
            raise CommandError(
                f"line {number} is not subject_ref,request_ref,at (as `tombstones export` "
                "writes it): nothing was destroyed."
            ) from None
    return rows


class Command(BaseCommand):
    help = (
        "export: every destruction record as CSV. reapply FILE ('-' for standard input): "
        "destroy again the people such a list names, in a database restored from a backup."
    )

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["export", "reapply"])
        parser.add_argument("file", nargs="?", help="the exported list (reapply)")

    def handle(self, *args, action, file, **options):
        if action == "export":
            # A list for `reapply` to read back, not a spreadsheet: numbers, request references
            # the site makes and ISO times, no text anyone typed; without the spreadsheet's BOM.
            # nosemgrep: emalu-csv-through-the-one-writer -- machine list, no typed text
            writer = csv.writer(self.stdout)
            writer.writerow(COLUMNS)
            for row in Tombstone.objects.order_by("id").values_list(*COLUMNS).iterator():
                writer.writerow([row[0], row[1], row[2].isoformat()])
            return
        if not file:
            raise CommandError("reapply needs the exported list: tombstones reapply FILE")
        try:
            if file == "-":
                rows = read_list(sys.stdin)
            else:
                with open(file, newline="", encoding="utf-8") as lines:
                    rows = read_list(lines)
        except OSError as e:
            raise CommandError(f"cannot read {file}: {e.strerror}") from None
        destroyed = gone = 0
        for subject_ref, request_ref, at in rows:
            subject = Subject.objects.filter(pk=subject_ref).first()
            if subject is None:
                gone += 1
            elif subject.created_at > at:
                self.stderr.write(
                    f"data subject {subject_ref} was created after destruction {request_ref}: "
                    "another person has that number here; left alone."
                )
            else:
                subject_destroy(subject, request_ref=request_ref)
                destroyed += 1
        self.stdout.write(f"destroyed again: {destroyed}, gone already: {gone}")
