"""Deliver the outbox (post_office's Email rows) with any number of senders on any number of
hosts, each message once.

A sender claims a batch of due messages with `SELECT … FOR UPDATE SKIP LOCKED` in a transaction
of its own, sends them over one SMTP connection, records each outcome (sent; requeued for
`RETRY_INTERVAL`; failed after `MAX_RETRIES`) and commits. Until that commit the row locks keep
every other sender off the batch, and when it commits the rows are no longer due: a message the
server accepted is never claimed again. Senders started together (a timer and a worker, two
hosts, a hand run) share the queue batch by batch instead of waiting for one another. The lock is
the database's, so it holds across hosts and systemd's `PrivateTmp=true` (post_office's own lock
is a file in /tmp and its queue query locks nothing: two senders sent the same mail twice).

What "once" means (compliance T15): a message the mail server acknowledged (its 250 reply to
DATA) is recorded as sent in the same transaction that claimed it and never sent again; a message
it did not acknowledge is retried. Two cases can still deliver a message twice, and both are
documented rather than "fixed" by giving up retries, which would lose mail:
- the server drops the connection after it has taken the whole message but before its reply:
  the sender cannot tell this from a drop before, so it retries;
- the sender is killed between the server's reply and the commit: the batch is claimed again.
Every copy carries the message's own Message-ID (post_office's MESSAGE_ID_ENABLED), by which
mail clients recognise a repeat.
"""

import logging
import re
import smtplib

from django.db import transaction
from django.db.models import Q
from django.db.models.functions import Lower
from django.dispatch import Signal
from django.utils import timezone
from post_office import settings as po
from post_office.connections import connections
from post_office.models import STATUS, Email, Log

from . import gate
from .audit import audit
from .mail import CONFIRMS
from .models import AuditEvent, Guardian, GuardianMail, Subject
from .purposes import MARKETING
from .subjects import normalise_email

logger = logging.getLogger(__name__)
# A mail still to go: queued, or queued again after a failed try (claim() takes these).
WAITING = (STATUS.queued, STATUS.requeued)
# Sent in the sending transaction with the Message-IDs of the campaign mails just deleted unsent
# (`message_ids`) and the time (`at`): the campaign's record of who it was queued to says so.
campaign_mail_withheld = Signal()
# Sent in the sending transaction with the Message-IDs of the campaign mails the mail server
# refused for good (`message_ids`, `_refused_for_good`) and the time (`at`): no campaign goes to
# that person again until they confirm an address anew (consent/marketing/returns.py).
campaign_mail_refused = Signal()
# Asked in the sending transaction about the campaign mails about to go (`emails`) at the moment
# (`at`): a receiver returns the ids of those that may still go, by the one rule of who may get a
# campaign (consent/marketing/campaigns.py::mails_permitted). Without a receiver, the gate alone.
campaign_mail_permitted = Signal()
# An enhanced status code (RFC 3463) at the head of a mail server's reply.
ENHANCED = re.compile(r"^\s*([245]\.\d{1,3}\.\d{1,3})(?!\S)")
# Permanent, but nothing against the address itself: a full mailbox (5.2.2), a message too
# large (5.2.3, 5.3.4), a refusal for the content's or the sender's sake (5.7.x).
NOT_THE_ADDRESS = re.compile(r"^5\.(2\.[23]|3\.4|7\.\d{1,3})$")
# Sent in the sending transaction with the names of the files (`names`) the mails just held back
# for a blocked person carried (`_blocked`): whoever made them learns that they never went out.
files_mail_held_back = Signal()


def claim(batch_size: int, skip: frozenset[int] = frozenset()) -> list[Email]:
    """Lock and return up to `batch_size` due messages no other sender holds (in a transaction),
    except those in `skip`."""
    now = timezone.now()
    due = (Q(scheduled_time__lte=now) | Q(scheduled_time=None)) & (
        Q(expires_at__gt=now) | Q(expires_at=None)
    )
    return list(
        Email.objects.select_for_update(skip_locked=True)
        .filter(due, status__in=WAITING)
        .exclude(id__in=skip)
        .order_by(*po.get_sending_order(), "id")
        .prefetch_related("attachments")[:batch_size]
    )


def refuses_the_address(status: str) -> bool:
    """Whether an enhanced status code (RFC 3463, RFC 3464's Status) says the address itself
    takes no mail: permanent (5.x.x), and not NOT_THE_ADDRESS. One rule for the mail server's
    reply while it takes the mail and for its delivery report later."""
    return re.fullmatch(r"5\.\d{1,3}\.\d{1,3}", status) is not None and not NOT_THE_ADDRESS.match(
        status
    )


def _refused_for_good(email: Email, error: Exception) -> bool:
    """Whether the mail server refused a campaign mail's address for good while taking it (its
    reply to RCPT TO: «550 5.1.1 User unknown»): no retry can deliver it."""
    if not _is_campaign(email) or not isinstance(error, smtplib.SMTPRecipientsRefused):
        return False
    replies = [reply for _code, reply in error.recipients.values()]
    statuses = [ENHANCED.match(r.decode(errors="replace") if isinstance(r, bytes) else str(r))
                for r in replies]  # fmt: skip
    return bool(statuses) and all(m and refuses_the_address(m[1]) for m in statuses)


def _is_campaign(email: Email) -> bool:
    """A campaign mail: it carries List-Unsubscribe (consent/marketing/campaigns.py)."""
    return "List-Unsubscribe" in (email.headers or {})


def _withheld(batch: list[Email]) -> list[Email]:
    """The campaign mails of the batch (those with a List-Unsubscribe header) that may no longer
    go: their person is one no campaign may reach now (consent withdrawn by any channel, a
    complaint, expired, blocked, destroyed, or a hard bounce since they last confirmed an
    address), or no longer holds the address the mail is to. A campaign is queued to everyone
    at once and delivered over minutes, or days while the mail server is down; who may get it is
    decided at the moment of sending, by the same rule that queued it (`campaign_mail_permitted`;
    compliance L12, L15), so whatever stops the next campaign stops the mail still queued."""
    campaign = [m for m in batch if _is_campaign(m)]
    if not campaign:
        return []
    answers = campaign_mail_permitted.send(sender=Email, emails=campaign, at=timezone.now())
    if answers:
        permitted = set.intersection(*(set(ids) for _receiver, ids in answers))
        return [m for m in campaign if m.id not in permitted]
    addresses = {address for m in campaign for address in m.to}
    held = Subject.objects.filter(email__in=addresses)
    allowed = set(gate.permitted_subjects(MARKETING, held).values_list("email", flat=True))
    return [m for m in campaign if not set(m.to) <= allowed]


def _blocked(batch: list[Email]) -> list[Email]:
    """The mails of the batch that carry files (an access answer: everything held about a
    person) about a person whose processing is now blocked (Art. 1(3), 25(2)(8); compliance
    L12): to their own address, made before the block, or to their parent or guardian for them
    (`GuardianMail`), whenever made. They wait while the mail server is down or the queue is
    long, made without the block in view. They expire unsent, and `files_mail_held_back` tells
    the requests' app: the desk makes a new answer. One made since the block began to the
    person's own address is the desk's answer to their own access request, given to them while
    blocked (rights.access.answered_while_blocked; nothing else mails files while blocked): it
    goes. A parent's answer for a blocked child is never given while the block stands
    (rights.access.stands_while_blocked), so one queued before it does not go either. A letter
    without files (the block's own confirmation) still goes."""
    carrying = [m for m in batch if m.attachments.all()]  # prefetched by claim()
    if not carrying:
        return []
    addresses = {address.lower() for m in carrying for address in m.to}
    held = Subject.objects.alias(address=Lower("email")).filter(address__in=addresses)
    since = {s.email.lower(): gate.latest_event(s, None).at for s in gate.blocked_subjects(held)}
    links = GuardianMail.objects.filter(email_id__in=[m.id for m in carrying])
    children = dict(links.values_list("email_id", "guardian__subject_id"))
    blocked_children = set(
        gate.blocked_subjects(Subject.objects.filter(pk__in=children.values()))
        .values_list("pk", flat=True)
    )  # fmt: skip
    return [
        m for m in carrying
        if children.get(m.id) in blocked_children
        or any(m.created < since[a.lower()] for a in m.to if a.lower() in since)
    ]  # fmt: skip


def _unconfirmable(batch: list[Email]) -> list[Email]:
    """The mails of the batch that ask their reader to confirm a consent by a link
    (`mail.CONFIRMS`: the newsletter's double opt-in) which can confirm nothing any more: the
    person at the address is blocked now (the link's page refuses them, Art. 23; compliance
    L12), or gave their word on the purpose since the mail was written (an unsubscribe, a
    withdrawal: the link is older than it, consent.marketing.optin._word_since). Queued before
    that word (the mail server down, the queue long), it asked a person who had just said no to
    say yes, with a button that then refused them."""
    asking = [m for m in batch if (m.headers or {}).get(CONFIRMS)]
    if not asking:
        return []
    addresses = {address.lower() for m in asking for address in m.to}
    on_record = Subject.objects.alias(address=Lower("email")).filter(address__in=addresses)
    held = {s.email.lower(): s for s in on_record}
    blocked = {s.email.lower() for s in gate.blocked_subjects(on_record)}

    def contradicted(mail: Email, address: str) -> bool:
        person = held.get(address.lower())
        if person is None:
            return False
        latest = gate.latest_event(person, mail.headers[CONFIRMS])
        return address.lower() in blocked or (latest is not None and latest.at >= mail.created)

    return [m for m in asking if any(contradicted(m, a) for a in m.to)]


def _no_longer_named(batch: list[Email]) -> set[int]:
    """The mails of the batch written to a parent or guardian for a child (`GuardianMail`)
    whose row on the child's record no longer holds the address: erased or corrected since it
    was queued (rights.erasure.guardians_minimise keeps the parent's mail while another child's
    record still holds the address). The record no longer names them as the one acting for the
    child, so what the mail tells of the child is not theirs to receive (Art. 7(1), 24)."""
    mails = {m.id: m for m in batch}
    links = GuardianMail.objects.filter(email_id__in=mails).select_related("guardian")
    return {
        link.email_id for link in links
        if normalise_email(link.guardian.contact) not in {normalise_email(a) for a in
                                                          mails[link.email_id].to}
    }  # fmt: skip


def _come_of_age(batch: list[Email]) -> dict[int, Guardian]:
    """{mail id: guardian row} of the mails of the batch written to a parent or guardian as a
    child's representative (`GuardianMail`) whose child is 18 now, at the moment of sending, by
    the local date (Asia/Almaty; gate.needs_guardian). Queued before midnight on the birthday,
    they waited in the queue (a mail server down, a long queue): from that midnight the person
    speaks for themself and the parent no longer acts for them (Art. 7(1), 24), so what the
    mail tells of them is no longer the parent's to receive."""
    links = GuardianMail.objects.filter(email_id__in=[m.id for m in batch])
    return {
        link.email_id: link.guardian
        for link in links.select_related("guardian__subject")
        if not gate.needs_guardian(link.guardian.subject)
    }


def _send(message: Email, log_level: int) -> Exception | str:
    """Send one message on this process's connection: the relay's reply to it («250 2.0.0 Ok:
    queued as 4Xyz», core.smtp; "" from a backend that gives none), or the exception if it was
    not accepted."""
    try:
        message.prepare_email_message()
        connection = connections[message.backend_alias or po.get_default_mailer()]
        if hasattr(connection, "relay_reply"):
            connection.relay_reply = ""  # not the previous message's
        message.dispatch(log_level=log_level, commit=False, disconnect_after_delivery=False,
                       connection=connection)  # fmt: skip
        return getattr(connection, "relay_reply", "")
    except Exception as error:
        logger.warning("mail #%s not delivered: %s", message.id, type(error).__name__)
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
    Email.objects.filter(id__in=[e.id for e in sent]).update(status=STATUS.sent, last_updated=now)
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


def _expire_unsent(ids) -> set[int]:
    """Hold the mails `ids` unsent for good: the outbox shows them expired. Their ids."""
    Email.objects.filter(id__in=ids).update(expires_at=timezone.now())
    return set(ids)


def send_batch(
    batch_size: int | None = None, log_level: int | None = None, skip: frozenset[int] = frozenset()
) -> tuple[list[int], list[int], list[int]]:
    """Claim, send and record one batch: (ids sent, ids not sent, ids withheld); all empty when
    nothing is due. Each mail about a person is asked again, at the moment of sending, whether
    what happened since it was queued contradicts it: a withheld campaign mail (`_withheld`) is
    deleted unsent; a mail with files about a blocked person, to them or to their parent
    (`_blocked`), a link to confirm a consent the person refused or cannot give since
    (`_unconfirmable`), or a mail to a parent whom the child's record no longer names
    (`_no_longer_named`) or for a child who is 18 now (`_come_of_age`),
    expires unsent, with an audit row for the latter."""
    batch_size = batch_size or po.get_batch_size()
    log_level = po.get_log_level() if log_level is None else log_level
    with transaction.atomic():
        sent, failed = [], []
        batch = claim(batch_size, skip)
        withheld = set()
        blocked = {m.id for m in _blocked(batch)}
        if blocked:
            withheld |= _expire_unsent(blocked)
            names = {a.name for m in batch if m.id in blocked for a in m.attachments.all()}
            files_mail_held_back.send(sender=Email, names=names)
            logger.info("%d mails with files held back: the person's processing is blocked",
                        len(blocked))  # fmt: skip
        unconfirmable = {m.id for m in _unconfirmable([m for m in batch if m.id not in withheld])}
        if unconfirmable:
            withheld |= _expire_unsent(unconfirmable)
            logger.info("%d confirmation links held back: the person said no since, or is "
                        "blocked", len(unconfirmable))  # fmt: skip
        unnamed = _no_longer_named([m for m in batch if m.id not in withheld])
        if unnamed:
            withheld |= _expire_unsent(unnamed)
            logger.info("%d mails to parents held back: the child's record no longer names them",
                        len(unnamed))  # fmt: skip
        of_age = _come_of_age([m for m in batch if m.id not in withheld])
        if of_age:  # held unsent, as a blocked person's
            withheld |= _expire_unsent(of_age)
            for mail_id, guardian in of_age.items():
                audit(AuditEvent.Action.MAIL_HELD_OF_AGE, subject=guardian.subject, obj=guardian,
                      mail=mail_id)  # fmt: skip
            logger.info("%d mails to parents held back: the child is 18 now", len(of_age))
        held_back = []
        for email in batch:
            if email.id in withheld:
                continue
            # The gate for each campaign mail as it goes, not once for the batch: a batch takes
            # as long as the mail server does (a minute of a slow one), and an unsubscribe
            # answered «done» meanwhile let the batch's later mails to that person go out.
            if _withheld([email]):
                held_back.append(email)
                continue
            outcome = _send(email, log_level)
            if isinstance(outcome, Exception):
                failed.append((email, outcome))
                if _refused_for_good(email, outcome):
                    # Said at once, not with the batch's outcome: the batch's later mails to
                    # the address (another campaign's) are asked after it, and stay unsent.
                    campaign_mail_refused.send(
                        sender=Email, message_ids=[email.message_id], at=timezone.now()
                    )
            else:
                sent.append((email, outcome))
        _record(sent, failed, log_level)
        if held_back:
            Email.objects.filter(id__in=[m.id for m in held_back]).delete()
            campaign_mail_withheld.send(
                sender=Email, message_ids=[m.message_id for m in held_back], at=timezone.now()
            )
            logger.info("%d campaign mails withheld: marketing no longer permitted",
                        len(held_back))  # fmt: skip
            withheld |= {m.id for m in held_back}
    return [e.id for e, _ in sent], [e.id for e, _ in failed], sorted(withheld)


def send_queued(batch_size: int | None = None, log_level: int | None = None) -> tuple[int, int]:
    """Send batches until none is due or free (the rest held by other senders): (sent, not
    sent). A message that failed is not tried again in the same run; its retry comes due later."""
    sent_count, failed_ids = 0, set()
    try:
        while True:
            sent, failed, withheld = send_batch(batch_size, log_level, frozenset(failed_ids))
            if not sent and not failed and not withheld:
                return sent_count, len(failed_ids)
            sent_count += len(sent)
            failed_ids.update(failed)
    finally:
        connections.close()
