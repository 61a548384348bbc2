"""Campaign mail that came back to the intake mailbox: a hard bounce (RFC 3464, RFC 6533: the
address does not exist or takes no mail) or a complaint (RFC 5965: the recipient marked it as
spam). Either is recorded on the campaign's recipient row, and no campaign goes to that person
again until they confirm an address anew (a bounce by campaigns.py::recipients, a complaint by
the gate, its consent withdrawn as below): a sender that keeps writing
to addresses that do not exist, or to people who called it spam, is taken for a spammer by the
mail servers, and its mail to everyone else stops arriving.

A complaint is also the person's word that they want no more of it: their marketing consent is
withdrawn on the ledger (source «spam complaint»), as an unsubscribe would, so that the record
of consent, the person's page and the officer's desk say what the sending does. A bounce says
nothing of what the person wants and withdraws nothing.

A report is found wherever a provider puts it (RFC 5965, RFC 6650, RFC 6449): as the message
itself (a multipart/report), its report part nested in another multipart, or the whole report
forwarded as an attachment (message/rfc822), by a mailbox's forwarding or an abuse desk, at any
depth. Each report is read with the original attached beside it, not with another message's.

A report counts only when the original it carries is a campaign mail of ours, by the original's
own header fields (never a line of a body that looks like one): its Message-ID names a campaign
mail in the outbox (random, known only to those the mail passed through), and its From is the
address that mail was sent from. A forged or mistaken report, or one about a mail that only
quotes ours, stops nothing. The report itself is still set aside by the intake
(consent/rights/machines.py), as before."""

import re
from email import message_from_bytes, policy
from email.message import EmailMessage, Message
from email.parser import HeaderParser
from email.utils import parseaddr

from django.db.models import Q
from django.utils import timezone
from post_office.models import Email

from consent.core.ledger import consent_withdraw_if_given
from consent.core.models import Source, Subject
from consent.core.purposes import MARKETING
from consent.core.relay import refuses_the_address

from .models import CampaignRecipient, Returned

STATUS_REPORTS = {"message/delivery-status", "message/global-delivery-status"}
COMPLAINTS = {"message/feedback-report"}
# The attached original, whole or its header alone (RFC 3462, RFC 5965, RFC 6533).
ORIGINALS = {"message/rfc822", "message/global", "text/rfc822-headers", "message/global-headers"}
# A message attached whole: a report forwarded as an attachment, or the original beside one.
ATTACHED = {"message/rfc822", "message/global"}
MESSAGE_ID = re.compile(r"<[^<>\s]+>")  # a field's id, without the folding or comments around it
FIELD = re.compile(r"^([a-z-]+)\s*:\s*(.*?)\s*$", re.IGNORECASE | re.MULTILINE)


def returned_mail(message: EmailMessage) -> int:
    """Record what a machine-written message says came back of our campaign mails: how many
    recipient rows it marked (0 for anything else, a soft bounce, an unknown Message-ID)."""
    count = 0
    for kind, ids in _reports(message):
        count += _mark(kind, ids)
    return count


def _mark(kind, ids):
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
    own = _message_id(message)
    return {head["message-id"] for head in _originals(message)} - {own}


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


def _reports(message):
    """(kind, Message-IDs of campaign mails of ours) for each report in the message: the
    message itself and every message attached to it, at any depth, read with the originals
    attached beside its report part."""
    for level in _messages(message):
        kind = _kind(level)
        if kind is None:
            continue
        own = _message_id(level)
        heads = [head for head in _originals(level) if head["message-id"] != own]
        ids = _sent_by_us(heads)
        if ids:
            yield kind, ids


def _messages(message):
    """The message, then each message attached to it (message/rfc822, message/global), at any
    depth: a report forwarded as an attachment is one of them."""
    yield message
    for part in _report_parts(message):
        if part.get_content_type() in ATTACHED:
            for inner in _attached(part):
                yield from _messages(inner)


def _attached(part):
    payload = part.get_payload()
    if isinstance(payload, list):
        return [inner for inner in payload if isinstance(inner, Message)]
    # message/global is left as text by the email package (RFC 6532 headers in raw UTF-8).
    return [message_from_bytes(_text(part).encode(), policy=policy.default)]


def _message_id(message):
    found = MESSAGE_ID.search(_header(message, "Message-ID"))
    return found[0] if found else ""


def _originals(message):
    """The header fields of each original the report carries ({"message-id", "from"}), read
    from the original's header, never from its body."""
    found = []
    for part in _report_parts(message):
        if part.get_content_type() not in ORIGINALS:
            continue
        if part.get_content_maintype() == "message" and isinstance(part.get_payload(), list):
            heads = [inner for inner in part.get_payload() if isinstance(inner, Message)]
        else:  # the headers alone, as text (text/rfc822-headers, message/global-headers)
            text = _text(part).replace("\r\n", "\n").split("\n\n", 1)[0]
            heads = [HeaderParser(policy=policy.default).parsestr(text)]
        for head in heads:
            found.append({"message-id": _message_id(head),
                          "from": parseaddr(_header(head, "From"))[1].casefold()})  # fmt: skip
    return found


def _sent_by_us(heads):
    """The Message-IDs, among the originals' `heads`, of mails the site sent as they were
    sent: the outbox holds a mail by that Message-ID, from the address the original says."""
    by_id = {head["message-id"]: head["from"] for head in heads if head["message-id"]}
    sent = Email.objects.filter(message_id__in=by_id).values_list("message_id", "from_email")
    return {mid for mid, sender in sent if parseaddr(sender)[1].casefold() == by_id[mid] != ""}


def _header(message, name):
    """A header field's value as written (stripped), '' when absent or unreadable."""
    try:
        value = message.get(name)
    except Exception:  # a malformed field the email package cannot parse
        value = None
    if value is None:
        raw = [v for k, v in message.raw_items() if k.casefold() == name.casefold()]
        value = raw[0] if raw else ""
    return str(value).strip()
