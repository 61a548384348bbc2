"""Open a request from one message an MTA pipes in (docs/deploy/mta-pipe.md).

The letter is received when our MTA took it (compliance L8): the date of the Received field it
writes on top of the message, not the moment it is piped. An MTA that could not deliver (the
database down, EX_TEMPFAIL) keeps the letter and pipes it again later, hours or days on: its
deadline runs from its arrival all the same. A stamp after now, or older than an MTA keeps a
letter, or none at all, is no arrival of ours: then it is received now."""

import os
import re
import sys
from datetime import datetime, timedelta
from email.utils import parsedate_to_datetime

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError
from django.utils import timezone

from consent.common.clock import clock_wrong
from consent.common.refusals import cache_refusal, refusal
from consent.common.schema import code_ahead, migrations_lacking
from consent.rights.alerts import tell_set_aside
from consent.rights.intake import ingest
from consent.rights.models import QuarantinedMessage

# sysexits.h EX_TEMPFAIL: the MTA keeps the message and delivers it again later.
TEMPFAIL = os.EX_TEMPFAIL
# The longest an MTA keeps a letter it cannot deliver (Postfix's maximal_queue_lifetime, 5 days;
# Exim gives up sooner).
MTA_KEEPS = timedelta(days=5)
# The first Received field, unfolded lines and all, among the head's first bytes: the one our
# MTA writes on top (the sender's own come below it).
HEAD_READ = 64 * 1024
FIRST_RECEIVED = re.compile(rb"^Received:([^\r\n]*(?:\r?\n[ \t][^\r\n]*)*)", re.I | re.M)


def arrival(raw: bytes) -> datetime:
    """When our MTA took the message: the date after the last «;» of its Received field."""
    now = timezone.now()
    head = raw[:HEAD_READ].split(b"\r\n\r\n", 1)[0].split(b"\n\n", 1)[0]
    found = FIRST_RECEIVED.search(head)
    if found is None or b";" not in found.group(1):
        return now
    stamp = found.group(1).rsplit(b";", 1)[1].decode("ascii", "replace")
    try:
        moment = parsedate_to_datetime(" ".join(stamp.split()))
    except (TypeError, ValueError, IndexError, OverflowError):  # a zone of twenty digits
        return now
    if moment.tzinfo is None or not now - MTA_KEEPS <= moment <= now:
        return now
    return moment


class Command(BaseCommand):
    help = "Open a request from one RFC 5322 message on standard input (for an MTA pipe)."

    def handle(self, *args, **options):
        raw = sys.stdin.buffer.read()
        try:
            if lacking := migrations_lacking():
                # The code put on this host before `release` ran: typed by rules whose rows
                # (the intake's phrases) the release adds, a letter would be misread.
                raise CommandError(f"not taken: {code_ahead(lacking)}", returncode=TEMPFAIL)
            if wrong := clock_wrong():
                # Received on the wrong day, it would be due on the wrong one: the MTA keeps the
                # letter and pipes it again once the clock is set (the arrival it stamped then is
                # after now, so it is received when it is taken).
                raise CommandError(f"not taken: {wrong}", returncode=TEMPFAIL)
            result = ingest(raw, received_at=arrival(raw))
        except DatabaseError as error:
            # Not even the quarantine could be written (the database is down): neither bounce
            # the message with the person's data nor drop it; the MTA retries. Said as every
            # command says it (where, and the server's reason: a password refused is no server
            # down); «database unavailable (OperationalError)» alone, in the MTA's log for as long
            # as it kept retrying, sent the operator looking for a PostgreSQL that was running.
            said = refusal(error, "ingest_request_mail") or (
                f"the database refused to store it ({type(error).__name__})"
            )
            raise CommandError(f"not taken: {said}", returncode=TEMPFAIL) from None
        except Exception as error:
            # The shared cache down (Redis restarting): the same, and opened once it answers.
            if not (down := cache_refusal(error, "ingest_request_mail")):
                raise
            raise CommandError(f"not taken: {down}", returncode=TEMPFAIL) from None
        tell_set_aside()  # the summary of a burst whose window is over, whatever this letter was
        if result is None:
            self.stdout.write("skipped (seen before)")
        elif isinstance(result, QuarantinedMessage):
            self.stdout.write(f"set aside as {result.reference} ({result.reason})")
        else:
            self.stdout.write(result.reference)
