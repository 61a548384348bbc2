"""Deliver the outbox (post_office's Email rows) with any number of senders on any number of
hosts, each message once.

A sender claims a batch of due messages, leased to it in a short transaction (claims.py), sends
them over one SMTP connection, holding no lock, and records each outcome (sent; requeued for
`RETRY_INTERVAL`; failed after `MAX_RETRIES`) in a short transaction of its own, while the mail
is still its own. Senders started together (a timer and a worker, two hosts, a hand run) share
the queue batch by batch instead of waiting for one another. The claim is the database's, so it
holds across hosts and systemd's `PrivateTmp=true` (post_office's own lock is a file in /tmp
and its queue query locks nothing: two senders sent the same mail twice).

What "once" means (compliance T15): a message the mail server acknowledged (its 250 reply to
DATA) is recorded as sent and never sent again; a message it did not acknowledge is retried.
Two cases can still deliver a message twice, and both are documented rather than "fixed" by
giving up retries, which would lose mail:
- the server drops the connection after it has taken the whole message but before its reply:
  the sender cannot tell this from a drop before, so it retries;
- the sender is killed between the server's reply and the record: the mail is claimed again
  once its lease lapses.
Every copy carries its own Message-ID (MESSAGE_ID_ENABLED), by which mail clients see a repeat.
"""

import logging
from functools import partial
from typing import NamedTuple

from django.conf import settings
from django.core.signals import request_finished
from django.db import transaction
from django.dispatch import receiver
from django.utils import timezone
from post_office import settings as po
from post_office.connections import connections
from post_office.models import STATUS, Email, Log

from consent.common.link_secrets import redact

from .audit import audit
from .claims import claim, lease, renew, settle
from .mail import mail_readdress
from .models import AuditEvent
from .outbox_signals import campaign_mail_refused, campaign_mail_withheld, files_mail_held_back
from .relay import (
    address_refused,
    dropped,
    not_delivered_because,
    recipient_refused_by_the_relay,
    refused_by_the_relay,
    relay_unreachable,
)
from .withheld import (
    blocked_files,
    come_of_age,
    is_campaign,
    no_longer_named,
    not_while_blocked,
    readdressed,
    unconfirmable,
    withheld_campaign,
)

logger = logging.getLogger(__name__)
# «mail sent», which a restore reads (sent_mail.py), whatever LOG_LEVEL says (logs.RESTORE_READS)
sent_line = logging.getLogger(f"{__name__}.sent")


def _refused_for_good(email: Email, error: Exception) -> bool:
    """Whether a campaign mail's address was refused for good: no retry can deliver it."""
    return is_campaign(email) and address_refused(error)


def _send(message: Email, log_level: int) -> Exception | str:
    """Send one message on this process's connection: the relay's reply to it («250 2.0.0 Ok:
    queued as 4Xyz», core.smtp; "" from a backend that gives none), or the exception if it was
    not accepted."""
    alias = message.backend_alias or po.get_default_mailer()
    try:
        message.prepare_email_message()
        connection = connections[alias]
        if hasattr(connection, "relay_reply"):
            connection.relay_reply = ""  # not the previous message's
        message.dispatch(log_level=log_level, commit=False, disconnect_after_delivery=False,
                       connection=connection)  # fmt: skip
        return getattr(connection, "relay_reply", "")
    except Exception as error:
        why = not_delivered_because(error, alias)
        logger.warning("mail #%s not delivered: %s", message.id, why)
        connections.close()  # a dropped connection would fail every message after it
        return error


def _record(
    sent: list[tuple[Email, str]], failed: list[tuple[Email, Exception]], log_level: int
) -> None:
    """Record a batch's outcomes. Each mail sent gets a delivery log row with the relay's reply
    (its queue id) whatever the log level: the relay's receipt is what proves to the person, or
    to the regulator, that a statutory answer was handed over, and traces it in the relay's log
    (compliance T15); the staff see it on the mail's page and the person's."""
    replies = {email.id: reply for email, reply in sent}
    sent = [email for email, _ in sent]
    now = timezone.now()
    # In the same commit as «sent»: one claimed again still has its links. Words are written
    # only where a link lost its secret (a CASE a row a field was a third of a sender's CPU).
    redacted = [email for email in sent if _link_secrets_dropped(email)]
    for email in sent:
        email.status, email.last_updated = STATUS.sent, now
    Email.objects.filter(id__in=[e.id for e in sent]).update(status=STATUS.sent, last_updated=now)
    Email.objects.bulk_update(redacted, ["message", "html_message", "headers"])
    retry_at, max_retries = now + po.get_retry_timedelta(), po.get_max_retries()
    refused = [email for email, error in failed if _refused_for_good(email, error)]
    for email, _ in failed:
        retries = email.number_of_retries or 0
        if retries < max_retries and email not in refused:
            email.number_of_retries, email.status = retries + 1, STATUS.requeued
            email.scheduled_time = retry_at
        else:
            email.status = STATUS.failed
        email.last_updated = now
    Email.objects.bulk_update(
        [e for e, _ in failed], ["status", "scheduled_time", "number_of_retries", "last_updated"]
    )
    logs = []
    if log_level >= 1:
        logs += [Log(email=e, status=STATUS.failed, message=str(error),
                     exception_type=type(error).__name__) for e, error in failed]  # fmt: skip
    logs += [Log(email=e, status=STATUS.sent, message=replies[e.id])
             for e in sent if replies[e.id] or log_level >= 2]  # fmt: skip
    Log.objects.bulk_create(logs)
    for email in sent:  # the journal keeps what went apart from the database (sent_mail.py)
        transaction.on_commit(partial(sent_line.info, "mail sent", extra={
            "message_id": email.message_id or "", "reply": replies[email.id]}))  # fmt: skip


def record_sent_before(sent: list[tuple[Email, str]]) -> None:
    """Record as sent, with the relay's reply then, mails a database restored from a backup
    holds as due that the lost database had sent (`sent_mail reapply`): never sent again."""
    _record(sent, [], 1)


def _link_secrets_dropped(email: Email) -> bool:
    """The mail as the outbox keeps it once sent: each emailed link without its secret
    (link_secrets.redact), in its text, its HTML and its headers (List-Unsubscribe). The person
    has the link in their mailbox; the outbox kept it whole for as long as the row, where any
    staff member who read the mail (or a backup) held the person's page for its hour, their
    request's confirmation for a week, their news for a year. Whether that changed the mail."""
    kept = (email.message, email.html_message, email.headers)
    email.message, email.html_message = (
        redact(email.message or ""),
        redact(email.html_message or ""),
    )
    email.headers = {k: redact(str(v)) for k, v in (email.headers or {}).items()} or email.headers
    return (email.message, email.html_message, email.headers) != kept


def _expire_unsent(batch: list[Email], ids) -> set[int]:
    """Hold the mails `ids` of the batch unsent for good: the outbox shows them expired, each
    emailed link without its secret (_link_secrets_dropped), as a mail sent keeps it. Their ids.
    Kept whole, a link no one received stayed in the outbox for anyone reading it (or a backup):
    a newsletter confirmation held back for a block, pressed once the block was lifted within
    its seven days, subscribed a person who had never seen it."""
    now, held = timezone.now(), [m for m in batch if m.id in ids]
    for email in held:
        _link_secrets_dropped(email)
        email.expires_at = now
    Email.objects.bulk_update(held, ["expires_at", "message", "html_message", "headers"])
    return set(ids)


def _readdress(batch: list[Email]) -> set[int]:
    """Send the mails of the batch written to an address corrected since to their person's
    address now (`readdressed`), as written then, or hold them unsent (their ids). Re-addressed
    mail counts as written now, to the address it goes to: it stays the person's (on their page,
    in their export, destroyed with them: rights.mailed), as a campaign's does."""
    moved, now = readdressed(batch), timezone.now()
    for email in batch:
        if moved.get(email.id):
            mail_readdress(email, moved[email.id], now)
    held = {mail_id for mail_id, address in moved.items() if address is None}
    if held:
        logger.info("%d mails to an address corrected since held back: their link works only "
                    "there", len(held))  # fmt: skip
    return _expire_unsent(batch, held) if held else set()


class Batch(NamedTuple):
    sent: list[int]
    failed: list[int]
    withheld: list[int]
    left: list[int]  # not tried: the relay could not be reached
    relay_down: bool  # the relay not reached, or dropped or refused two mails in a row (relay.py)
    refused: str  # why the relay last refused a mail of the batch (refused_by_the_relay), or ""
    gone: list[int]  # deleted or expired meanwhile (claims.renew), or lapsed and claimed again


def send_batch(
    batch_size: int | None = None, log_level: int | None = None, skip: frozenset[int] = frozenset()
) -> Batch:
    """Claim, send and record one batch: the ids sent, not sent, withheld, and left untried once
    the relay could not be reached (they stay due, as they were); all empty when nothing is due.
    Each mail about a person is asked again, at the moment of sending, whether what happened
    since it was queued contradicts it (withheld.py): one to an address the desk corrected
    since goes to the person's address now, or is held (`readdressed`); a withheld campaign mail
    (`withheld_campaign`) is deleted unsent; a mail with files about a blocked person, to them or
    to their parent (`blocked_files`), a form's mail to a person blocked now
    (`not_while_blocked`), a link to confirm a consent the person refused since
    (`unconfirmable`), or a mail to a parent whom the child's record no longer names
    (`no_longer_named`) or for a child who is 18 now (`come_of_age`), expires unsent, with an
    audit row for the latter."""
    batch_size = batch_size or po.get_batch_size()
    log_level = po.get_log_level() if log_level is None else log_level
    with transaction.atomic():  # the claim: short, the mail server not yet asked anything
        batch = claim(batch_size, skip)
        withheld = _held(batch)
        lease([m for m in batch if m.id not in withheld])
    sent, failed, left, gone, down, refused, drops = [], [], [], [], False, "", 0
    for email in batch:
        if email.id in withheld:
            continue
        if down:  # each would wait out the timeout the relay just let pass
            left.append(email)
            continue
        with transaction.atomic():
            if not renew(email):  # its person destroyed, it withdrawn, or lease lapsed
                gone.append(email.id)
                continue
            # The gate for each campaign mail as it goes, not once for the batch: a batch takes
            # as long as the mail server does (a minute of a slow one), and an unsubscribe
            # answered «done» meanwhile let the batch's later mails to that person go out.
            if withheld_campaign([email]):
                _withhold_campaign(email)
                withheld.add(email.id)
                continue
        outcome = _send(email, log_level)  # no lock held: only the lease
        if isinstance(outcome, Exception):
            # The relay's own fault twice in a row (relay.py): it is the relay, not the mails.
            turned_away = dropped(outcome) or recipient_refused_by_the_relay(outcome)
            drops = drops + 1 if turned_away else 0
            down = relay_unreachable(outcome) or drops >= 2
            if refused_by_the_relay(outcome):
                refused = not_delivered_because(outcome, email.backend_alias
                                                or po.get_default_mailer())  # fmt: skip
        else:
            drops = 0
        with transaction.atomic():  # recorded only while the mail is still this sender's
            if not settle(email):
                gone.append(email.id)
            elif isinstance(outcome, Exception):
                failed.append(email)
                _record([], [(email, outcome)], log_level)
                if _refused_for_good(email, outcome):  # before the batch's later mails go
                    campaign_mail_refused.send(sender=Email, message_ids=[email.message_id],
                                               at=timezone.now())  # fmt: skip
            else:
                sent.append(email)
                _record([(email, outcome)], [], log_level)
    for email in left:  # due again, as they were
        settle(email)
    return Batch([e.id for e in sent], [e.id for e in failed], sorted(withheld),
                 [e.id for e in left], down, refused, gone)  # fmt: skip


def _held(batch: list[Email]) -> set[int]:
    """The mails of the batch held back for what happened since they were queued (send_batch):
    re-addressed or held, and expired unsent; their ids."""
    withheld = _readdress(batch)
    blocked = {m.id for m in blocked_files(batch)}
    if blocked:
        withheld |= _expire_unsent(batch, blocked)
        names = {a.name for m in batch if m.id in blocked for a in m.attachments.all()}
        files_mail_held_back.send(sender=Email, names=names)
        logger.info("%d mails with files held back: the person's processing is blocked",
                    len(blocked))  # fmt: skip
    stopped = {m.id for m in not_while_blocked([m for m in batch if m.id not in withheld])}
    if stopped:
        withheld |= _expire_unsent(batch, stopped)
        logger.info("%d mails to a form's address held back: the person is blocked",
                    len(stopped))  # fmt: skip
    unasked = {m.id for m in unconfirmable([m for m in batch if m.id not in withheld])}
    if unasked:
        withheld |= _expire_unsent(batch, unasked)
        logger.info("%d confirmation links held back: the person said no since",
                    len(unasked))  # fmt: skip
    unnamed = no_longer_named([m for m in batch if m.id not in withheld])
    if unnamed:
        withheld |= _expire_unsent(batch, unnamed)
        logger.info("%d mails to parents held back: the child's record no longer names them",
                    len(unnamed))  # fmt: skip
    of_age = come_of_age([m for m in batch if m.id not in withheld])
    if of_age:  # held unsent, as a blocked person's
        withheld |= _expire_unsent(batch, of_age)
        for mail_id, guardian in of_age.items():
            audit(AuditEvent.Action.MAIL_HELD_OF_AGE, subject=guardian.subject, obj=guardian,
                  mail=mail_id)  # fmt: skip
        logger.info("%d mails to parents held back: the child is 18 now", len(of_age))
    return withheld


def _withhold_campaign(email: Email) -> None:
    """Delete a campaign mail the gate withholds now, unsent; its campaign's record says so."""
    Email.objects.filter(id=email.id).delete()
    campaign_mail_withheld.send(sender=Email, message_ids=[email.message_id], at=timezone.now())
    logger.info("a campaign mail withheld: marketing no longer permitted")


class Run(tuple[int, int]):
    """(sent, not sent), and `refused`: why the relay refused (the last), if the run sent none."""

    refused = ""


def send_queued(batch_size: int | None = None, log_level: int | None = None) -> Run:
    """Send batches until none is due or free (the rest held by other senders). A message that
    failed is not tried again in the same run; its retry comes due later. A relay that could not
    be reached, or dropped two connections or refused two recipients in a row (relay.py), ends
    the run: the mails after it are not sent (they stay due, no retry spent), and the next run
    tries the relay again. `refused`
    says why when the relay took none of the mails tried (`refused_by_the_relay`); a mail held
    back (withheld.py) or refused for its address is not the relay's fault."""
    sent_count, failed_ids, refused = 0, set(), ""
    try:
        while True:
            batch = send_batch(batch_size, log_level, frozenset(failed_ids))
            sent_count += len(batch.sent)
            failed_ids.update(batch.failed)
            refused = batch.refused or refused
            if batch.relay_down:
                if batch.left:
                    logger.warning("the relay did not answer, refused the site or dropped two "
                                   "connections in a row (above): this run stops, the other "
                                   "mails of its batch untried (%d); every mail due stays due, "
                                   "and the next run tries the relay again",
                                   len(batch.left))  # fmt: skip
                failed_ids.update(batch.left)
                break
            if not (batch.sent or batch.failed or batch.withheld or batch.gone):
                break
    finally:
        connections.close()
    run = Run((sent_count, len(failed_ids)))
    run.refused = "" if sent_count else refused
    return run


@receiver(request_finished)
def sent_after_the_page(sender, **kwargs) -> None:
    """With MAIL_SENT_AFTER_EACH_PAGE (`make run`, which runs no timer), what is due is sent once
    a page is answered, as the timer would send it: by send_queued, whose holds (withheld.py)
    post_office's priority "now" passed by, and after the page's transaction, as in production."""
    if settings.MAIL_SENT_AFTER_EACH_PAGE:
        send_queued()
