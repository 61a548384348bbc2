"""The lists a restore carries from the database it lost to the one it restored
(docs/deploy/backups.md): `tombstones` and `sent_mail`, each `export` and `reapply FILE`.
How such a list is written and read has one home here; what it holds is each command's."""

import csv
import sys
from collections.abc import Callable, Iterable

from django.core.management.base import CommandError


def list_written(out, columns: Iterable[str], rows: Iterable[Iterable]) -> None:
    """`rows` as CSV to `out` (a command's stdout), under a header of `columns`. The caller
    reads every row before calling: a list cut short by a failing query would look whole."""
    # nosemgrep: emalu-csv-through-the-one-writer -- machine list, no typed text
    writer = csv.writer(out)
    writer.writerow(columns)
    writer.writerows(rows)


def list_read[Read](file: str | None, read: Callable[[Iterable[str]], Read], command: str) -> Read:
    """`read` of the list in `file` («-»: standard input), or the command stopped with one line
    saying why: no file named, or one that cannot be read."""
    if not file:
        raise CommandError(f"reapply needs the exported list: {command} reapply FILE")
    try:
        if file == "-":
            return read(sys.stdin)
        with open(file, newline="", encoding="utf-8") as lines:
            return read(lines)
    except OSError as e:
        raise CommandError(f"cannot read {file}: {e.strerror}") from None
