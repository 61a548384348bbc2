"""What a mail server's refusal of a mail means, for the outbox's sender (core.delivery) and the
returned-mail reader (marketing.returns): the address's fault (no retry can deliver it), the
relay's (every mail after it would meet the same), or neither (a connection dropped once), and
how the journal names it without an address or a password."""

import re
import smtplib

from django.conf import settings

# An enhanced status code (RFC 3463) at the head of a mail server's reply.
ENHANCED = re.compile(r"^\s*([245]\.\d{1,3}\.\d{1,3})(?!\S)")
# Permanent, but nothing against the address itself: a full mailbox (5.2.2), a message too
# large (5.2.3, 5.3.4), a refusal for the content's or the sender's sake (5.7.x).
NOT_THE_ADDRESS = re.compile(r"^5\.(2\.[23]|3\.4|7\.\d{1,3})$")


def refuses_the_address(status: str) -> bool:
    """Whether an enhanced status code (RFC 3463, RFC 3464's Status) says the address itself
    takes no mail: permanent (5.x.x), and not NOT_THE_ADDRESS. One rule for the mail server's
    reply while it takes the mail and for its delivery report later."""
    return re.fullmatch(r"5\.\d{1,3}\.\d{1,3}", status) is not None and not NOT_THE_ADDRESS.match(
        status
    )


def address_refused(error: Exception) -> bool:
    """Whether the mail server refused the mail's address itself for good while taking it (its
    reply to RCPT TO: «550 5.1.1 User unknown»)."""
    if not isinstance(error, smtplib.SMTPRecipientsRefused):
        return False
    replies = [reply for _code, reply in error.recipients.values()]
    statuses = [ENHANCED.match(r.decode(errors="replace") if isinstance(r, bytes) else str(r))
                for r in replies]  # fmt: skip
    return bool(statuses) and all(m and refuses_the_address(m[1]) for m in statuses)


def not_delivered_because(error: Exception, alias: str) -> str:
    """Why a message was not delivered, for the journal: the relay (host and port) and what it or
    the network said, but no reply text that may hold an address (a refused recipient's) or the
    password. «ConnectionRefusedError» alone left the operator to guess which relay and why."""
    options = settings.MAILERS.get(alias, {}).get("OPTIONS", {})
    where = f"{options.get('host', '?')}:{options.get('port', '?')}"
    kind = type(error).__name__
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        codes = sorted({str(code) for code, _reply in error.recipients.values()})
        return f"{kind}: the relay at {where} refused the recipient ({', '.join(codes)})"
    if isinstance(error, smtplib.SMTPResponseException):  # its text may echo an address
        return f"{kind}: the relay at {where} answered {error.smtp_code}"
    if dropped(error):
        return f"{kind}: the relay at {where} closed the connection unanswered ({error})"
    if isinstance(error, OSError):  # refused, timed out, no such host, TLS, dropped
        return f"{kind}: the relay at {where}: {error.strerror or error}"
    return kind


# The relay answered, but refuses the site itself (its greeting, TLS, log-in, the site's own
# sender address: «553 5.7.1 Sender address rejected»): every mail the same.
REFUSES_THE_SITE = (smtplib.SMTPConnectError, smtplib.SMTPHeloError,
                    smtplib.SMTPAuthenticationError, smtplib.SMTPNotSupportedError,
                    smtplib.SMTPSenderRefused)  # fmt: skip


def relay_unreachable(error: Exception) -> bool:
    """Whether `error` says that every mail after it in the run would meet the same: the relay
    not reached (refused, timed out, no such host or route, TLS failed), not answering within
    the timeout once reached, or refusing the site itself. A relay that drops packets held a run
    of 100 due mails 100 × 20 s, the batch's rows locked all the while. A connection dropped at
    once, or a reply about the message (its recipient, sender or content), is not: the next mail
    is tried on a new connection at no cost (a relay that drops one connection now and then;
    two in a row end the run all the same, `dropped`)."""
    if isinstance(error, REFUSES_THE_SITE):
        return True
    if isinstance(error, OSError) and not isinstance(error, smtplib.SMTPException):
        return True  # from the connection's opening: smtplib wraps any later one
    cause, seen = error, 0
    while cause is not None and seen < 5:  # smtplib wraps a timeout mid-way as a disconnection
        if isinstance(cause, TimeoutError):
            return True
        cause, seen = cause.__cause__ or cause.__context__, seen + 1
    return False


def dropped(error: Exception) -> bool:
    """Whether the relay took the connection and closed it before it answered (at its greeting,
    mid-session or after the message): once now and then is a relay's hiccup, and the next mail
    goes on a new connection; twice in a row, with nothing taken between, it is the relay (its
    filters restarting, a proxy in front of one that is down), and the run ends there as for
    `relay_unreachable`: each further mail would only spend a retry, and a day of it gave every
    mail up, the run exiting 0 all along."""
    return isinstance(error, smtplib.SMTPServerDisconnected) and not relay_unreachable(error)


def recipient_refused_by_the_relay(error: Exception) -> bool:
    """Whether the relay refused the recipient for a reason of its own, not the address's
    («554 5.7.1 Relay access denied»: a relay that takes mail only from its own network or a
    signed-in sender). Once may be that recipient's; twice in a row, with nothing taken between,
    it is the relay refusing the site, and the run ends there as for `dropped`: each mail of the
    run had been tried and spent a retry, and a day of it gave every mail up."""
    return isinstance(error, smtplib.SMTPRecipientsRefused) and not address_refused(error)


def refused_by_the_relay(error: Exception) -> bool:
    """Whether the relay would not take a mail for a reason of its own, not its address's: it
    could not be reached, refused the site (`relay_unreachable`) or dropped the connection
    (`dropped`), or it answered with a refusal («451 4.3.0», «554 5.7.1 Relay access denied»),
    not «no such address»."""
    if relay_unreachable(error) or dropped(error):
        return True
    if isinstance(error, smtplib.SMTPResponseException):
        return True
    return isinstance(error, smtplib.SMTPRecipientsRefused) and not address_refused(error)
