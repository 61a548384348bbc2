"""What the outbox's sender holds back at the moment of sending (delivery.send_batch): a mail
queued before something that now contradicts it (an unsubscribe, a withdrawal, a block, a hard
bounce, a parent no longer named, a child come of age) is asked again as it goes, by the same
rules that would not queue it now (compliance L6, L12, L15). A form's mail to a blocked person
is queued as anyone's and held back here alone (`not_while_blocked`): the form's answer takes
as long for their address as for anyone's."""

from django.dispatch import Signal
from django.utils import timezone
from django.utils.translation import gettext_lazy
from post_office.models import STATUS, Email

from . import gate
from .mail import CONFIRMS, NOT_WHILE_BLOCKED
from .models import Guardian, GuardianMail, Subject
from .subjects import address_lookup_key, people_at

# A mail still to go: queued, or queued again after a failed try (claims.claim() takes these).
WAITING = (STATUS.queued, STATUS.requeued)
# What the desk and the person's access answer call a mail never_sent() finds.
NEVER_SENT = gettext_lazy("expired, never sent")


def never_sent(mail: Email, now=None) -> bool:
    """Whether a mail still waiting in the outbox will never go: past its time (held back by
    the sender for a block or a word given since, an answer replaced by a fresh one, a link
    mailed too late), which claim() never takes, though its status still reads "queued". The
    one rule by which the desk's page of a person and the person's own access answer say what
    became of a mail."""
    waiting = mail.status in WAITING or mail.status is None
    return waiting and mail.expires_at is not None and mail.expires_at <= (now or timezone.now())


# Asked in the sending transaction about the campaign mails about to go (`emails`) at the moment
# (`at`): a receiver returns the ids of those that may still go, by the one rule of who may get a
# campaign (consent/marketing/campaigns.py::mails_permitted). Without a receiver, none may go.
campaign_mail_permitted = Signal()
# Asked in the sending transaction about the mails about to go (`emails`): a receiver returns
# {mail id: the address to send it to now, or None to hold it unsent} for those written to an
# address that a correction has since taken from its person (rights.readdressed.corrected_since).
address_corrected = Signal()


def is_campaign(email: Email) -> bool:
    """A campaign mail: it carries List-Unsubscribe (consent/marketing/campaigns.py)."""
    return "List-Unsubscribe" in (email.headers or {})


def withheld_campaign(batch: list[Email]) -> list[Email]:
    """The campaign mails of the batch (those with a List-Unsubscribe header) that may no longer
    go: their person is one no campaign may reach now (consent withdrawn by any channel, a
    complaint, expired, blocked, destroyed, or a hard bounce since they last confirmed an
    address); one whose person's address was corrected since goes to the new one (the receiver
    re-addresses it). A campaign is queued to everyone at once and delivered over minutes, or
    days while the mail server is down; who may get it is decided at the moment of sending, by
    the same rule that queued it (`campaign_mail_permitted`; compliance L12, L15), so whatever
    stops the next campaign stops the mail still queued."""
    campaign = [m for m in batch if is_campaign(m)]
    if not campaign:
        return []
    answers = campaign_mail_permitted.send(sender=Email, emails=campaign, at=timezone.now())
    # No receiver (no marketing app to say who may get a campaign): none of it may go.
    permitted = set.intersection(*(set(ids) for _receiver, ids in answers)) if answers else set()
    return [m for m in campaign if m.id not in permitted]


def readdressed(batch: list[Email]) -> dict[int, str | None]:
    """{mail id: its person's address now, or None} of the mails of the batch written to an
    address the desk has corrected since (`address_corrected`): the old mailbox is no longer
    theirs (Art. 7(1)), so nothing about them still waiting, failed and queued again, or sent
    and queued again by staff goes there; a letter for them follows them, and one whose link
    works only at the address it was written to is held (None)."""
    moved: dict[int, str | None] = {}
    for _receiver, answer in address_corrected.send(sender=Email, emails=batch):
        moved.update(answer)
    return moved


def blocked_files(batch: list[Email]) -> list[Email]:
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
    held = people_at(address for m in carrying for address in m.to)
    since = {address_lookup_key(s.email): gate.latest_event(s, None).at
             for s in gate.blocked_subjects(held)}  # fmt: skip
    links = GuardianMail.objects.filter(email_id__in=[m.id for m in carrying])
    children = dict(links.values_list("email_id", "guardian__subject_id"))
    blocked_children = set(
        gate.blocked_subjects(Subject.objects.filter(pk__in=children.values()))
        .values_list("pk", flat=True)
    )  # fmt: skip
    return [
        m for m in carrying
        if children.get(m.id) in blocked_children
        or any(m.created < since.get(address_lookup_key(a), m.created) for a in m.to)
    ]  # fmt: skip


def not_while_blocked(batch: list[Email]) -> list[Email]:
    """The mails of the batch that a form sent to the address typed into it
    (`mail.NOT_WHILE_BLOCKED`: its acknowledgement), or a link to confirm a consent
    (`mail.CONFIRMS`: the newsletter's, from any form), whose person is blocked now (Art. 23;
    compliance L12): a block stops them, whether it began before the form was sent or since.
    The form queues them for every address alike, so that its answer takes as long for a
    blocked person's address as for anyone's; they expire here."""
    marked = [m for m in batch if {NOT_WHILE_BLOCKED, CONFIRMS} & set(m.headers or {})]
    if not marked:
        return []
    on_record = people_at(a for m in marked for a in m.to)
    blocked = {address_lookup_key(s.email) for s in gate.blocked_subjects(on_record)}
    return [m for m in marked if any(address_lookup_key(a) in blocked for a in m.to)]


def unconfirmable(batch: list[Email]) -> list[Email]:
    """The mails of the batch that ask their reader to confirm a consent by a link
    (`mail.CONFIRMS`: the newsletter's double opt-in) which can confirm nothing any more: the
    person at the address gave their word on the purpose since the mail was written (an
    unsubscribe, a withdrawal: the link is older than it,
    consent.marketing.optin._word_since). Queued before that word (the mail server down, the
    queue long), it asked a person who had just said no to say yes, with a button that then
    refused them. A blocked person's is `not_while_blocked`'s."""
    asking = [m for m in batch if (m.headers or {}).get(CONFIRMS)]
    if not asking:
        return []
    held = {address_lookup_key(s.email): s for s in people_at(a for m in asking for a in m.to)}

    def contradicted(mail: Email, address: str) -> bool:
        person = held.get(address_lookup_key(address))
        if person is None:
            return False
        latest = gate.latest_event(person, mail.headers[CONFIRMS])
        return latest is not None and latest.at >= mail.created

    return [m for m in asking if any(contradicted(m, a) for a in m.to)]


def no_longer_named(batch: list[Email]) -> set[int]:
    """The mails of the batch written to a parent or guardian for a child (`GuardianMail`)
    whose row on the child's record no longer holds the address: erased or corrected since it
    was queued (rights.erasure.guardians_minimise keeps the parent's mail while another child's
    record still holds the address). The record no longer names them as the one acting for the
    child, so what the mail tells of the child is not theirs to receive (Art. 7(1), 24)."""
    mails = {m.id: m for m in batch}
    links = GuardianMail.objects.filter(email_id__in=mails).select_related("guardian")
    return {
        link.email_id for link in links
        if address_lookup_key(link.guardian.contact) not in {address_lookup_key(a)
                                                      for a in mails[link.email_id].to}
    }  # fmt: skip


def come_of_age(batch: list[Email]) -> dict[int, Guardian]:
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
