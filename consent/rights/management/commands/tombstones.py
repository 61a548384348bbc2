"""The destructions a restored database must not bring back (docs/deploy/backups.md).

`tombstones export` writes every destruction record as CSV (subject number, request, time, what
was destroyed and its items; no personal data). `tombstones reapply FILE` destroys again, in a
database restored from a backup made before them, what such a list names, by the operation that
destroyed it first, with the request it answered: a whole person (erasure.subject_destroy), items
of a person who stays (erasure.subject_minimise), what a parent or guardian gave on children's
records (erasure.guardian_erase), form submissions retention erased (erasure.submission_erase).
What is gone already is counted, and a person whose number was
given to someone created after the destruction (the restored database has served new people
since) is named and left alone. A list of three columns (from before the kinds, or a journal's)
names whole people.
"""

import csv
from datetime import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils.dateparse import parse_datetime

from consent.common.restore_lists import list_read, list_written
from consent.core.models import Guardian, Subject, Submission, Tombstone
from consent.core.purposes import DATA_FIELDS
from consent.core.subjects import normalise_email
from consent.rights.erasure import (
    guardian_erase,
    subject_destroy,
    subject_minimise,
    submission_erase,
)
from consent.rights.models import Ticket

COLUMNS = ["subject_ref", "request_ref", "at", "kind", "erased"]
Kind = Tombstone.Kind


def read_row(row: list[str]) -> tuple[int | None, str, datetime, str, list]:
    """One line of the list, checked; ValueError when it is not one."""
    if len(row) == 3:
        row = [*row, Kind.SUBJECT, ""]
    subject_ref, request_ref, at, kind, erased = row
    at = parse_datetime(at)
    if not request_ref.strip() or at is None or at.tzinfo is None or kind not in Kind.values:
        raise ValueError
    items = erased.split()
    if kind == Kind.GUARDIAN:
        return (None, request_ref, at, kind, [int(item) for item in items])
    if kind == Kind.SUBMISSION:
        return (int(subject_ref), request_ref, at, kind, [int(item) for item in items])
    if kind == Kind.MINIMISED and (not items or not set(items) <= set(DATA_FIELDS)):
        raise ValueError
    return (int(subject_ref), request_ref, at, kind, items)


def read_list(lines) -> list[tuple[int | None, str, datetime, str, list]]:
    """The rows of an exported list (its header lines optional: lists from several hosts'
    journals joined), every one checked before any destruction: a line that cannot be read stops
    the command with its number, and so does a list with no line at all."""
    rows, written = [], False
    for number, row in enumerate(csv.reader(lines), 1):
        written = written or bool(row)
        if not row or row in (COLUMNS, COLUMNS[:3]):  # a header: each host's list has its own
            continue
        try:
            rows.append(read_row(row))
        except ValueError:
            raise CommandError(
                f"line {number} is not subject_ref,request_ref,at,kind,erased (as `tombstones "
                "export` writes it): nothing was destroyed."
            ) from None
    if not written:  # an export that failed before its header (run as root, the database down)
        raise CommandError(
            "the list is empty: `tombstones export` writes its header line even when nothing "
            "was destroyed, so the export or the journal's read did not finish. Nothing was "
            "destroyed: make the list again (docs/deploy/backups.md, step 2)."
        )
    return rows


def guardian_addresses(request_ref: str, guardians: list[int], at: datetime) -> set[str]:
    """The addresses a parent's or guardian's erasure was of, as the restored database holds
    them: on the guardian rows it emptied, and on the request it answered."""
    contacts = Guardian.objects.filter(pk__in=guardians, created_at__lte=at)
    found = {normalise_email(c) for c in contacts.values_list("contact", flat=True) if "@" in c}
    number = request_ref.removeprefix(Ticket.REFERENCE_PREFIX)
    if number.isdigit():
        requests = Ticket.objects.filter(pk=int(number), as_guardian=True).exclude(email="")
        found |= {normalise_email(e) for e in requests.values_list("email", flat=True)}
    return {address for address in found if address}


class Command(BaseCommand):
    help = (
        "export: every destruction record as CSV. reapply FILE ('-' for standard input): "
        "destroy again what such a list names, in a database restored from a backup."
    )

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["export", "reapply"])
        parser.add_argument("file", nargs="?", help="the exported list (reapply)")

    def handle(self, *args, action, file, **options):
        if action == "export":
            # A list for `reapply` to read back, not a spreadsheet: numbers, request references
            # the site makes, ISO times and codes, no text anyone typed; without the
            # spreadsheet's BOM.
            # The whole list is read before a line is written: a database failing at the start
            # or midway had left the header, or part of the list, in `> tombstones.csv`, which
            # `reapply` read as complete and the destructions not in it came back.
            rows = list(Tombstone.objects.order_by("id").values_list(*COLUMNS))
            list_written(self.stdout, COLUMNS, (
                [ref, request_ref, at.isoformat(), kind, " ".join(str(item) for item in erased)]
                for ref, request_ref, at, kind, erased in rows
            ))  # fmt: skip
            return
        rows = list_read(file, read_list, "tombstones")
        counts = {"destroyed": 0, "erased": 0, "gone": 0, "left": 0}
        for row in rows:
            counts[self.reapply(*row)] += 1
        self.stdout.write(
            "destroyed again: {destroyed}, gone already: {gone}, erased again: {erased}, "
            "left alone: {left}".format(**counts)
        )

    def reapply(self, subject_ref, request_ref, at, kind, erased) -> str:
        """Do one destruction again; what it did: "destroyed", "erased", "gone" (nothing left to
        destroy) or "left" (another person's now)."""
        if kind == Kind.GUARDIAN:
            done = [guardian_erase(address, request_ref=request_ref, until=at)
                    for address in sorted(guardian_addresses(request_ref, erased, at))]  # fmt: skip
            return "erased" if any(done) else "gone"
        subject = Subject.objects.filter(pk=subject_ref).first()
        if subject is None:
            return "gone"
        if subject.created_at > at:
            self.stderr.write(
                f"data subject {subject_ref} was created after destruction {request_ref}: "
                "another person has that number here; left alone."
            )
            return "left"
        if kind == Kind.SUBJECT:
            subject_destroy(subject, request_ref=request_ref)
            return "destroyed"
        if kind == Kind.SUBMISSION:
            found = list(Submission.objects.filter(pk__in=erased, subject=subject,
                                                   created_at__lte=at).order_by("pk"))  # fmt: skip
            for submission in found:
                submission_erase(submission, reason="reapplied", request_ref=request_ref)
            return "erased" if found else "gone"
        keep = set(DATA_FIELDS) - set(erased)
        return "erased" if subject_minimise(subject, keep, request_ref=request_ref) else "gone"
