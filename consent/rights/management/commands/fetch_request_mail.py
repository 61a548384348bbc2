"""Read the requests mailbox (IMAP_URL) and open a request for each message in it.

Each message is taken in on its own (intake.ingest: its own transactions) and removed from the
mailbox only after that commits (flagged \\Deleted, then UID EXPUNGE of that message alone): the
letter then lives only in the database, where destroying the person's data reaches it, and where
retention destroys a set-aside copy after its term (compliance L13, L7). A crash before the
removal leaves the message in the mailbox; the next run reads it again, its key finds it stored
and it is removed then, so a crash neither loses a letter nor takes one twice. A message that
cannot become a request is set aside in the quarantine (compliance L7) and removed alike, and the
run goes on; only a database that cannot record even that stops the run, with the message left
where it was. A message larger than the quarantine keeps (quarantine.MAX_BYTES) is the one
exception: only its beginning is stored, so it stays in the mailbox, flagged \\Seen and
$Quarantined, for the officers to read whole, until its entry goes (`remove_gone`): destroyed by
retention after QUARANTINE_KEPT, with its sender's data, or by an officer. It stayed until an
officer deleted it by hand: for ever if none did, and after its sender's destruction.

Every message not deleted is read, not only the unseen ones: a letter an officer opened in their
own mail program first is still a request, and a mailbox kept whole by an earlier version is
emptied of what is stored.

A letter is received when it reached the mailbox (its INTERNALDATE, which the server writes on
delivery, not the sender), not when a run reads it: the deadline of a letter that arrived at
23:58 and was read at 00:03, or on Monday after a weekend the mailbox could not be read, runs
from the day it arrived (compliance L8).
"""

import imaplib
import logging
import re
import ssl
from contextlib import suppress
from datetime import datetime, timedelta
from datetime import timezone as dt_timezone
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.core.management.base import CommandError

from consent.common.dates import received_time
from consent.core.jobs import JobCommand, Skipped, run_once
from consent.rights.alerts import tell_set_aside
from consent.rights.intake import ingest
from consent.rights.models import QuarantinedMessage, Ticket
from consent.rights.quarantine import MAX_BYTES

logger = logging.getLogger(__name__)
QUARANTINED = "$Quarantined"  # an IMAP keyword, for whoever looks at the mailbox itself
# What is still to read: every message not deleted, but of those larger than the quarantine
# keeps, only the new ones (the ones read before stay in the mailbox, see the module).
TO_READ = ("UNDELETED", "OR", "UNSEEN", "SMALLER", str(MAX_BYTES + 1))


def server_port(parts) -> int | None:
    """The port of IMAP_URL (split), its scheme's if it names none; None if it is no number."""
    try:
        return parts.port or (993 if parts.scheme == "imaps" else 143)
    except ValueError:
        return None


def connect(url):
    """A client logged in to the mailbox IMAP_URL names. Whatever stops that (an address, port or
    mailbox that is wrong, a refused password or certificate) ends the run with one line that
    says which, without the password, instead of a traceback in the journal every 5 minutes."""
    parts = urlsplit(url)
    port = server_port(parts)
    if parts.scheme not in ("imaps", "imap") or not parts.hostname or port is None:
        raise CommandError("IMAP_URL must be imaps://user:password@host:993/INBOX")
    where, mailbox = f"{parts.hostname}:{port}", parts.path.strip("/") or "INBOX"
    context = ssl.create_default_context()
    try:
        if parts.scheme == "imaps":
            client = imaplib.IMAP4_SSL(parts.hostname, port, ssl_context=context, timeout=60)
        else:  # imap:// upgrades with STARTTLS; plain text only on loopback (tests)
            client = imaplib.IMAP4(parts.hostname, port, timeout=60)
            if parts.hostname not in ("127.0.0.1", "localhost", "::1"):
                client.starttls(ssl_context=context)
        client.login(unquote(parts.username or ""), unquote(parts.password or ""))
        # Servers (Dovecot among them) name their extensions, UIDPLUS too, only once logged in;
        # imaplib keeps the list from before.
        _, data = client.capability()
        client.capabilities = tuple(data[-1].decode("ascii", "replace").upper().split())
        status, detail = client.select(mailbox)
    except (OSError, imaplib.IMAP4.error) as error:  # ssl's errors are OSErrors
        raise CommandError(
            f"IMAP_URL: the mailbox at {where} cannot be read: {said(error)}"
        ) from None
    if status != "OK":
        client.logout()
        raise CommandError(f"IMAP_URL: {where} has no mailbox {mailbox!r}: {said(detail)}")
    return client


def said(what):
    """What a server or a socket said, as text (imaplib gives bytes, or a list of them)."""
    if isinstance(what, BaseException):
        what = what.args[0] if isinstance(what, imaplib.IMAP4.error) and what.args else what
    if isinstance(what, list):
        what = b" ".join(w for w in what if isinstance(w, bytes))
    return what.decode(errors="replace") if isinstance(what, bytes) else str(what)


INTERNALDATE = re.compile(
    rb'INTERNALDATE " ?(\d{1,2})-([A-Za-z]{3})-(\d{4}) (\d\d):(\d\d):(\d\d) ([+-])(\d\d)(\d\d)"'
)
# RFC 3501's month names, whatever the process's locale (strptime's %b follows it).
MONTHS = {
    name: n
    for n, name in enumerate(
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1
    )
}


def fetch(client, uid):
    """(The message's bytes, when it reached the mailbox), or (None, None) when the server gave
    no message (it went in the meantime)."""
    status, parts = client.uid("FETCH", uid, "(INTERNALDATE BODY.PEEK[])")
    if status != "OK":
        return None, None
    part = next((p for p in parts if isinstance(p, tuple)), None)
    if part is None:
        return None, None
    return part[1], arrival(b" ".join(p if isinstance(p, bytes) else p[0] for p in parts))


def arrival(response: bytes) -> datetime:
    """When the message reached the mailbox, from the FETCH response's INTERNALDATE
    («19-Mar-2026 23:58:00 +0500»); now when the server gave none, or a time after now (its
    clock ahead of ours): a letter is never received after it was read."""
    found = INTERNALDATE.search(response)
    if found is None or found.group(2).decode().lower() not in MONTHS:
        return received_time(None)
    day, month, year, hour, minute, second, sign, zh, zm = found.groups()
    offset = timedelta(hours=int(zh), minutes=int(zm)) * (-1 if sign == b"-" else 1)
    try:
        moment = datetime(int(year), MONTHS[month.decode().lower()], int(day), int(hour),
                          int(minute), int(second), tzinfo=dt_timezone(offset))  # fmt: skip
    except ValueError:  # a day or an hour that does not exist
        return received_time(None)
    return received_time(moment)


def remove(client, uid):
    """Delete one message from the mailbox for good. UID EXPUNGE (RFC 4315, which Dovecot and
    the common servers offer) removes that message alone; a plain EXPUNGE, on a server without
    it, also removes what someone else flagged \\Deleted, as that flag asks. Not a move to a
    Trash folder: that would be one more copy to expunge."""
    client.uid("STORE", uid, "+FLAGS.SILENT", "(\\Deleted)")
    if "UIDPLUS" in client.capabilities:
        client.uid("EXPUNGE", uid)
    else:
        client.expunge()


def remove_gone(client):
    """Remove each message kept in the mailbox ($Quarantined, larger than the quarantine keeps)
    whose set-aside entry is gone: its copy lives no longer than the entry (compliance L13). An
    entry keeps the message's size, which tells a message over 25 MiB from the others (one of
    the same size as an entry still kept stays while that one does). How many went."""
    status, data = client.uid("SEARCH", None, "UNDELETED", "KEYWORD", QUARANTINED,
                              "LARGER", str(MAX_BYTES))  # fmt: skip
    uids = data[0].split() if status == "OK" and data and data[0] else []
    if not uids:
        return 0
    kept = set(QuarantinedMessage.objects.filter(truncated=True).values_list("size", flat=True))
    gone = 0
    for uid in uids:
        status, parts = client.uid("FETCH", uid, "(RFC822.SIZE)")
        found = re.search(rb"RFC822\.SIZE (\d+)", b" ".join(
            p if isinstance(p, bytes) else p[0] for p in parts or [] if p))  # fmt: skip
        if status == "OK" and found and int(found[1]) not in kept:
            remove(client, uid)
            gone += 1
    return gone


def keep(client, uid):
    """\\Seen and $Quarantined, so the message is not read again (a server that refuses
    keywords still gets \\Seen)."""
    try:
        status, _ = client.uid("STORE", uid, "+FLAGS", f"(\\Seen {QUARANTINED})")
        if status == "OK":
            return
    except imaplib.IMAP4.error:
        pass
    client.uid("STORE", uid, "+FLAGS", "(\\Seen)")


class Command(JobCommand):
    help = (
        "Read the messages of IMAP_URL, open a request for each and remove it from the mailbox "
        "once stored; one run at a time, however many hosts start it."
    )

    def handle(self, *args, **options):
        if not settings.IMAP_URL:
            raise CommandError("IMAP_URL is not set.")
        counts = run_once("intake", None, self.fetch_all)
        tell_set_aside()  # the summary of a burst whose window is over, however the run went
        if isinstance(counts, Skipped):
            self.stdout.write(f"intake not run: {counts}")
            return
        self.stdout.write(", ".join(f"{name} {count}" for name, count in counts.items()))

    def fetch_all(self):
        client = connect(settings.IMAP_URL)
        counts = {"opened": 0, "skipped": 0, "quarantined": 0}
        try:
            self.read(client, counts)
        except (OSError, imaplib.IMAP4.error) as error:  # the server dropped the session
            parts = urlsplit(settings.IMAP_URL)
            raise CommandError(
                f"IMAP_URL: the mailbox at {parts.hostname}:{server_port(parts)} broke off the "
                f"session: {said(error)}; {sum(counts.values())} message(s) taken in before it, "
                "the rest stay in the mailbox for the next run (check the mail server's log)"
            ) from None
        finally:
            with suppress(OSError, imaplib.IMAP4.error):  # a dropped line has no LOGOUT left
                client.logout()
        return counts

    def read(self, client, counts):
        """Take in every message still to read, each removed once stored; `counts` as it goes.
        A server that dropped the session mid-way raised from imaplib (its LOGOUT too, which
        hid the first error): a traceback of four in the journal every 5 minutes."""
        _, data = client.uid("SEARCH", None, *TO_READ)
        for uid in data[0].split():
            raw, arrived = fetch(client, uid)
            if raw is None:
                logger.warning("message uid %s could not be fetched", uid.decode())
                continue
            result = ingest(raw, received_at=arrived)  # committed when it returns
            if isinstance(result, Ticket):
                counts["opened"] += 1
            elif isinstance(result, QuarantinedMessage):
                counts["quarantined"] += 1
            else:
                counts["skipped"] += 1
            if len(raw) > MAX_BYTES:
                keep(client, uid)  # only its beginning is stored
            else:
                remove(client, uid)
        if gone := remove_gone(client):
            logger.info("%d message(s) over 25 MiB removed from the mailbox: their set-aside "
                        "entries are gone", gone)  # fmt: skip
