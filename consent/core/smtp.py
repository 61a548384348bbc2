"""Django's SMTP backend, keeping the relay's reply to each message it takes.

The reply to DATA («250 2.0.0 Ok: queued as 4Xyz») is the relay's receipt: the moment a
statutory answer left the operator's hands, and the queue id by which the relay's own log
traces it on. smtplib's `sendmail` reads that reply and drops it; this backend keeps the last
one, which the outbox's sender records with the mail (core.delivery; compliance T15).
"""

from django.core.mail.backends import smtp


class EmailBackend(smtp.EmailBackend):
    """EMAIL_URL's smtp:// backend (emalu/mailers.py). `relay_reply`: the relay's reply to the
    last message taken on this connection, as it wrote it; "" before any."""

    relay_reply = ""

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
            self.relay_reply = f"{code} {' '.join(text.split())}".strip()[:500]
            return code, reply

        connection.data = data_keeping_reply
