"""Read new messages from the requests mailbox (IMAP_URL) and open a request for each.

Each message is taken in on its own (intake.ingest: its own transactions) and flagged \\Seen only
after that commits: a crash leaves the rest unseen for the next run, and the message's key keeps
a re-read from doubling. A message that cannot become a request is set aside in the quarantine,
flagged \\Seen and $Quarantined in the mailbox, and the run goes on (compliance L7); only a
database that cannot record even that stops the run, with the message left unseen.
"""

import imaplib
import logging
import ssl
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from consent.core.jobs import job_run
from consent.rights.intake import ingest
from consent.rights.models import QuarantinedMessage, Ticket

logger = logging.getLogger(__name__)
QUARANTINED = "$Quarantined"  # an IMAP keyword, for whoever looks at the mailbox itself


def connect(url):
    parts = urlsplit(url)
    if parts.scheme not in ("imaps", "imap"):
        raise CommandError("IMAP_URL must be imaps://user:password@host:993/INBOX")
    context = ssl.create_default_context()
    if parts.scheme == "imaps":
        client = imaplib.IMAP4_SSL(parts.hostname, parts.port or 993, ssl_context=context)
    else:  # imap:// upgrades with STARTTLS; plain text only on loopback (tests)
        client = imaplib.IMAP4(parts.hostname, parts.port or 143)
        if parts.hostname not in ("127.0.0.1", "localhost", "::1"):
            client.starttls(ssl_context=context)
    client.login(unquote(parts.username or ""), unquote(parts.password or ""))
    client.select(parts.path.strip("/") or "INBOX")
    return client


def fetch(client, uid):
    """The message's bytes, or None when the server gave none (it went in the meantime)."""
    status, parts = client.uid("FETCH", uid, "(BODY.PEEK[])")
    if status != "OK":
        return None
    return next((p[1] for p in parts if isinstance(p, tuple)), None)


def mark(client, uid, quarantined):
    """\\Seen, so the message is not read again; a keyword as well when it was set aside (a
    server that refuses keywords still gets \\Seen)."""
    if quarantined:
        try:
            status, _ = client.uid("STORE", uid, "+FLAGS", f"(\\Seen {QUARANTINED})")
            if status == "OK":
                return
        except imaplib.IMAP4.error:
            pass
    client.uid("STORE", uid, "+FLAGS", "(\\Seen)")


class Command(BaseCommand):
    help = "Fetch unseen messages from IMAP_URL and open a request for each."

    def handle(self, *args, **options):
        if not settings.IMAP_URL:
            raise CommandError("IMAP_URL is not set.")
        with job_run("intake"):  # /healthz reports the last successful run
            self.fetch()

    def fetch(self):
        client = connect(settings.IMAP_URL)
        counts = {"opened": 0, "skipped": 0, "quarantined": 0}
        try:
            _, data = client.uid("SEARCH", None, "UNSEEN")
            for uid in data[0].split():
                raw = fetch(client, uid)
                if raw is None:
                    logger.warning("message uid %s could not be fetched", uid.decode())
                    continue
                result = ingest(raw)
                if isinstance(result, Ticket):
                    counts["opened"] += 1
                elif isinstance(result, QuarantinedMessage):
                    counts["quarantined"] += 1
                else:
                    counts["skipped"] += 1
                mark(client, uid, isinstance(result, QuarantinedMessage))
        finally:
            client.logout()
        self.stdout.write(", ".join(f"{name} {count}" for name, count in counts.items()))
