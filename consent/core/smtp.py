"""Django's SMTP backend, keeping the relay's reply to each message it takes.

The reply to DATA («250 2.0.0 Ok: queued as 4Xyz») is the relay's receipt: the moment a
statutory answer left the operator's hands, and the queue id by which the relay's own log
traces it on. smtplib's `sendmail` reads that reply and drops it; this backend keeps the last
one, which the outbox's sender records with the mail (core.delivery; compliance T15).
"""

import contextlib
import re
from email.utils import parseaddr

from django.core.mail.backends import smtp
from django.utils.encoding import punycode


class EmailBackend(smtp.EmailBackend):
    """EMAIL_URL's smtp:// backend (emalu/mailers.py). `relay_reply`: the relay's reply to the
    last message taken on this connection, as it wrote it but for the recipients' addresses
    (_unaddressed); "" before any."""

    relay_reply = ""
    _recipients: list[str] = []  # the message being sent's, as written and as sent (IDNA)

    def open(self):
        opened = super().open()
        if opened and self.connection is not None:
            self._keep_replies(self.connection)
        return opened

    def _keep_replies(self, connection) -> None:
        data = connection.data

        def data_keeping_reply(msg):
            code, reply = data(msg)
            text = reply.decode("utf-8", "replace") if isinstance(reply, bytes) else str(reply)
            self.relay_reply = self._unaddressed(f"{code} {' '.join(text.split())}".strip())[:500]
            return code, reply

        connection.data = data_keeping_reply

    def _send(self, email_message):
        self._recipients = []
        for recipient in email_message.recipients():
            local, _at, domain = parseaddr(recipient)[1].rpartition("@")
            if not local:
                continue
            self._recipients.append(f"{local}@{domain}")
            with contextlib.suppress(UnicodeError):  # not a domain the DNS can write
                self._recipients.append(f"{local}@{punycode(domain)}")
        return super()._send(email_message)

    def _unaddressed(self, reply: str) -> str:
        """The reply without the recipients' addresses, however it writes them (case, its IDN
        domain as the DNS writes it): some relays name them in their receipt («… queued as 4Xyz
        for <asel@example.kz>»), which the outbox keeps with the mail and the journal writes,
        where a destruction does not reach. The queue id is what traces the mail."""
        for address in sorted(set(self._recipients), key=len, reverse=True):
            reply = re.sub(re.escape(address), "<recipient>", reply, flags=re.IGNORECASE)
        return reply.replace("<<recipient>>", "<recipient>")
