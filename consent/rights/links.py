"""The link that confirms a request: mailed to the address on record, and good only while the
person still holds that address (compliance L9)."""

from django.core import signing
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from consent.common.net import absolute_url
from consent.core.guardians import guardians_at
from consent.core.subjects import address_tag, address_tag_matches

from .models import Ticket

SALT = "consent.request-verify"
VERIFY_MAX_AGE = int(Ticket.CONFIRM_WITHIN.total_seconds())


def confirmation_url(ticket, *, language=None, recorded=False):
    """A new confirmation link for the request, valid for Ticket.CONFIRM_WITHIN from now
    (compliance L9), to its page in `language` (the mail's; the request's own by default). Its
    time is kept first, so the link never outlives what the desk counts (Ticket.closable_as);
    `recorded`: by the caller, in the row it made (tickets.ticket_open: a statement more for a
    customer's address than for a stranger's told who is one)."""
    if not recorded:
        ticket.link_sent_at = timezone.now()
        ticket.save(update_fields=["link_sent_at"])
    token = signing.dumps({"r": ticket.pk, "a": address_tag(ticket.address_on_record)}, salt=SALT)
    with translation.override(language or ticket.language):
        return absolute_url(reverse("request_verify", args=[token]))


def link_unsent(ticket: Ticket) -> Promise:
    """Why no confirmation link was ever sent for `ticket` (its `link_sent_at` is empty), as
    its page says in place of the time: the page showed the field's empty mark, as if a link
    were on its way, for a letter forwarded about someone else above all."""
    if ticket.limits.get("forwarded"):
        return _("None: a letter forwarded about someone else. Its sender was sent only a "
                 "receipt, without a link, and is sent nothing about the person.")  # fmt: skip
    if ticket.limits.get("analytics"):
        return _("None: a letter about the visit statistics, which no request can withdraw. Its "
                 "sender was answered at once with where each browser turns them off.")  # fmt: skip
    if ticket.channel == Ticket.Channel.SELF_SERVICE:
        return _("None needed: asked on the person's own page (or their parent's), which a "
                 "link to the address on record opened.")  # fmt: skip
    if ticket.is_filed:
        return _("None: filed with the request it answers or repeats.")
    if not ticket.holds_data:
        return _("None: no personal data is held for the address it came from, so a link "
                 "would confirm nothing.")  # fmt: skip
    if ticket.verified_at is None and ticket.closed_at is not None:
        return _("None: carried out as it arrived, from an address on record.")
    return _("Not sent.")


def read_verify_token(token: str, any_age: bool = False) -> tuple[int, str] | None:
    """(the request's id, the tag of the address the link was mailed to), or None when the
    link is forged, expired (unless `any_age`) or holds anything else."""
    try:
        data = signing.loads(token, salt=SALT, max_age=None if any_age else VERIFY_MAX_AGE)
        pk, tag = data["r"], data["a"]
    except (signing.BadSignature, KeyError, TypeError):
        return None
    return (pk, tag) if type(pk) is int and type(tag) is str else None


def ticket_for_link(token: str) -> Ticket | None:
    """The request a confirmation link is for, or None: forged or expired, or mailed to an
    address its person no longer holds (a correction moved them to another, and the old
    mailbox may be someone else's: it must not confirm a destruction or a withdrawal). A link
    of a request already confirmed stays the person's way to see where it stands: pressed
    again after its seven days, it finds the request, never "older than seven days". So does
    the link of a request closed, confirmed or not (an officer closed it unconfirmed once the
    link had expired; the person's data destroyed as they asked): its page says when, never
    that the link is damaged. Only a link this site signed gets that far."""
    read = read_verify_token(token)
    expired = read is None
    if expired and (read := read_verify_token(token, any_age=True)) is None:
        return None
    ticket = Ticket.objects.filter(pk=read[0]).select_related("subject").first()
    if ticket is None:
        return None
    if not ticket.is_open and ticket.address_on_record is None:
        return ticket  # closed, and nothing held since to check the address against
    if not ticket.holds_data or (expired and ticket.is_waiting):
        return None
    if ticket.subject_id is None and not guardians_at(ticket.email).exists():
        return None  # a parent's or guardian's data erased since: nothing is held to act on
    return ticket if address_tag_matches(read[1], ticket.address_on_record) else None


def link_expired(token: str) -> bool:
    """Whether a link this site signed is past its seven days (not forged or damaged)."""
    return read_verify_token(token) is None and read_verify_token(token, any_age=True) is not None
