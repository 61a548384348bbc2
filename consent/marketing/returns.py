"""Campaign mail that came back to the intake mailbox: a hard bounce (RFC 3464, RFC 6533: the
address does not exist or takes no mail) or a complaint (RFC 5965: the recipient marked it as
spam). Either is recorded on the campaign's recipient row, and no campaign goes to that person
again until they confirm an address anew (campaigns.py::recipients): a sender that keeps writing
to addresses that do not exist, or to people who called it spam, is taken for a spammer by the
mail servers, and its mail to everyone else stops arriving.

A complaint is also the person's word that they want no more of it: their marketing consent is
withdrawn on the ledger (source «spam complaint»), as an unsubscribe would, so that the record
of consent, the person's page and the officer's desk say what the sending does. A bounce says
nothing of what the person wants and withdraws nothing.

A report counts only when it names a campaign mail of ours by its Message-ID (random, known
only to those the mail passed through): a forged or mistaken report naming none stops nothing.
The report itself is still set aside by the intake (consent/rights/machines.py), as before."""

import re
from email.message import EmailMessage

from django.db.models import Q
from django.utils import timezone

from consent.core.delivery import refuses_the_address
from consent.core.ledger import consent_withdraw_if_given
from consent.core.models import Source, Subject
from consent.core.purposes import MARKETING

from .models import CampaignRecipient, Returned

STATUS_REPORTS = {"message/delivery-status", "message/global-delivery-status"}
COMPLAINTS = {"message/feedback-report"}
# The attached original, whole or its headers alone (RFC 3462, RFC 6533), or quoted in a text.
ORIGINALS = {"message/rfc822", "message/global", "text/rfc822-headers", "message/global-headers"}
MESSAGE_ID = re.compile(r"^\s*message-id\s*:\s*(<[^<>\s]+>)", re.IGNORECASE | re.MULTILINE)
FIELD = re.compile(r"^([a-z-]+)\s*:\s*(.*?)\s*$", re.IGNORECASE | re.MULTILINE)


def returned_mail(message: EmailMessage) -> int:
    """Record what a machine-written message says came back of our campaign mails: how many
    recipient rows it marked (0 for anything else, a soft bounce, an unknown Message-ID)."""
    kind = _kind(message)
    if kind is None:
        return 0
    ids = _original_ids(message) - {str(message.get("Message-ID") or "").strip()}
    if not ids:
        return 0
    # A later report of the same mail keeps the first; a bounce after a complaint changes
    # nothing of what stops.
    rows = CampaignRecipient.objects.filter(Q(returned_at=None), outbox_message_id__in=ids)
    marked = dict(rows.values_list("pk", "subject_id"))
    count = rows.filter(pk__in=marked).update(returned_at=timezone.now(), returned_as=kind)
    if kind == Returned.COMPLAINT:
        for subject_id in sorted(set(marked.values())):
            # Once: only a consent still given is withdrawn (a second report, or one after an
            # unsubscribe, adds nothing). Taken as of its arrival, as recipients() takes it: a
            # feedback loop reports the press of «spam» within minutes, so it is the person's
            # latest word even about a mail sent before they subscribed again.
            consent_withdraw_if_given(Subject(pk=subject_id), MARKETING, source=Source.COMPLAINT)
    return count


def failed_originals(message: EmailMessage) -> set[str]:
    """The Message-IDs of the mails a delivery report says were not delivered (Action: failed,
    for good or after the server gave up retrying; not delayed): the intake links each to the
    request it was about (consent/rights/threads.py). An empty set for any other message."""
    failed = any(
        block.get("action", "").casefold() == "failed"
        for part in _report_parts(message)
        if part.get_content_type() in STATUS_REPORTS
        for block in _blocks(part)
    )
    if not failed:
        return set()
    return _original_ids(message) - {str(message.get("Message-ID") or "").strip()}


def recipients_refused(sender, *, message_ids, at, **kwargs):
    """The campaign mails the mail server refused for good while taking them
    (consent/core/delivery.py::campaign_mail_refused): a hard bounce given at once."""
    CampaignRecipient.objects.filter(outbox_message_id__in=message_ids, returned_at=None).update(
        returned_at=at, returned_as=Returned.BOUNCE
    )


def _kind(message):
    """Returned.COMPLAINT, Returned.BOUNCE, or None: what the report's own parts say."""
    for part in _report_parts(message):
        content_type = part.get_content_type()
        if content_type in COMPLAINTS and any(_abuse(block) for block in _blocks(part)):
            return Returned.COMPLAINT
        if content_type in STATUS_REPORTS and any(_failed_for_good(b) for b in _blocks(part)):
            return Returned.BOUNCE
    return None


def _abuse(block):
    """Whether a feedback report's block says the recipient called the mail spam."""
    return block.get("feedback-type", "").casefold() == "abuse"


def _failed_for_good(block):
    """Whether a recipient's block says Action: failed, with a permanent status against the
    address."""
    status = (block.get("status", "").split() or [""])[0]
    return block.get("action", "").casefold() == "failed" and refuses_the_address(status)


def _report_parts(part):
    """The report's own parts, not those of a message attached to it."""
    yield part
    if part.is_multipart() and part.get_content_maintype() != "message":
        for inner in part.iter_parts():
            yield from _report_parts(inner)


def _blocks(part):
    """The blocks of a report part (a message's, then each recipient's), each {name: value}
    with names in lower case."""
    blocks = re.split(r"\n\s*\n", _text(part).replace("\r\n", "\n"))
    return [{name.casefold(): value for name, value in FIELD.findall(block)} for block in blocks]


def _text(part):
    """A part's text as sent: the email package reads some message/* parts into messages of
    their own (the blocks of a delivery-status), which are written back out here."""
    payload = part.get_payload()
    if isinstance(payload, list):  # as bytes: raw 8-bit text in them stays readable
        content = b"\n\n".join(inner.as_bytes() for inner in payload)
    else:
        content = part.get_payload(decode=True) or b""
    return content.decode("utf-8", "replace")


def _original_ids(message):
    """The Message-IDs of the originals the report carries."""
    found = set()
    for part in _report_parts(message):
        if part.get_content_type() in ORIGINALS:
            found.update(MESSAGE_ID.findall(_text(part)))
    return found
