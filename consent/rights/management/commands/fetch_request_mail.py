"""Read new messages from the requests mailbox (IMAP_URL) and open a request for each.

Each message is ingested in its own transaction and flagged \\Seen only after it commits: a crash
leaves the rest unseen for the next run, and the Message-ID keeps a re-read from doubling.
"""

import imaplib
import ssl
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from consent.rights.intake import ingest


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


class Command(BaseCommand):
    help = "Fetch unseen messages from IMAP_URL and open a request for each."

    def handle(self, *args, **options):
        if not settings.IMAP_URL:
            raise CommandError("IMAP_URL is not set.")
        client = connect(settings.IMAP_URL)
        opened = skipped = 0
        try:
            _, data = client.uid("SEARCH", None, "UNSEEN")
            for uid in data[0].split():
                _, parts = client.uid("FETCH", uid, "(BODY.PEEK[])")
                raw = next((p[1] for p in parts if isinstance(p, tuple)), b"")
                if ingest(raw) is None:
                    skipped += 1
                else:
                    opened += 1
                client.uid("STORE", uid, "+FLAGS", "(\\Seen)")
        finally:
            client.logout()
        self.stdout.write(f"opened {opened}, skipped {skipped}")
