"""The link that confirms a request: mailed to the address on record, and good only while the
person still holds that address (compliance L9)."""

from django.contrib.auth.base_user import AbstractBaseUser
from django.core import signing
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from consent.common.dates import signed_until
from consent.common.net import absolute_url
from consent.core.audit import audit
from consent.core.guardians import guardians_at
from consent.core.mail import interpolate
from consent.core.models import AuditEvent
from consent.core.subjects import address_tag, address_tag_matches

from .closing import ticket_mail
from .models import Ticket

SALT = "consent.request-verify"
VERIFY_MAX_AGE = int(Ticket.CONFIRM_WITHIN.total_seconds())


def confirmation_url(ticket, *, language=None):
    """A new confirmation link for the request, valid for Ticket.CONFIRM_WITHIN from now
    (compliance L9), to its page in `language` (the mail's; the request's own by default).
    Made before the time the mail is recorded by (link_sent_at, `link_mail`), so the link never
    outlives what the desk counts (Ticket.closable_as)."""
    return confirmation_link(ticket, language=language)["verify_url"]


def confirmation_link(ticket, *, language=None) -> dict:
    """What a mail carrying a new confirmation link gives its template: the link (`verify_url`,
    as confirmation_url) and the moment it stops working (`verify_until`), counted from its own
    signing time, as `request_verify` checks it (VERIFY_MAX_AGE), for the mail to name as the
    thank-you page does: «within 7 days» left the reader to count from a day it did not name."""
    token = signing.dumps({"r": ticket.pk, "a": address_tag(ticket.address_on_record)}, salt=SALT)
    until = signed_until(token, Ticket.CONFIRM_WITHIN)
    with translation.override(language or ticket.language):
        url = absolute_url(reverse("request_verify", args=[token]))
    return {"verify_url": url, "verify_until": until}


def link_mail(ticket, template, context, *, budget=None, **options) -> bool:
    """Mail `template` with a new confirmation link and its end (`confirmation_link`) to the
    request's address on record, and say whether it went. Recorded as sent (`link_sent_at`)
    only once queued: the per-address limit may hold it back (`budget`: core.mail.queue_mail's
    `unproven_address`),
    and the desk read a link held back as sent, waiting for a press that could not come, and
    the person's next try (joining.file_repeat) or an officer (`link_held_back`) never sent it.
    `options`: closing.ticket_mail's."""
    language = options.get("language") or ticket.language
    link = confirmation_link(ticket, language=language)
    queued = ticket_mail(ticket, ticket.address_on_record, template,
                         {**context, **link}, unproven_address=budget,
                         **options)  # fmt: skip
    if queued is not None:
        ticket.link_sent_at = timezone.now()
        ticket.save(update_fields=["link_sent_at"])
    return queued is not None


def verify_subject_line(ticket):
    """The subject line of the mail that asks to confirm a request, in the mail's language."""
    return interpolate(_("Please confirm your request %(ref)s"), {"ref": ticket.reference})


def link_send_by_officer(ticket: Ticket, *, actor: AbstractBaseUser | None = None) -> Ticket:
    """An officer sends the link the per-address limit held back (`link_held_back`): the mail
    that asks to confirm the request, with no limit (staff, not a public form, send it), and
    its audit row, who sent it (the request's history said nothing of it, only its
    `link_sent_at`); ValidationError, nothing sent, for a request that waits for no such link
    (sent meanwhile, confirmed, closed)."""
    ticket = Ticket.objects.select_for_update().get(pk=ticket.pk)
    if not link_held_back(ticket):
        raise ValidationError(_("This request waits for no confirmation link, so none was sent."))
    if link_mail(ticket, "request_verify", {"ticket": ticket, "files": 0},
                 subject_line=verify_subject_line(ticket)):  # fmt: skip
        audit(AuditEvent.Action.LINK_SEND, actor=actor, subject=ticket.subject, obj=ticket,
              logged=True)  # fmt: skip
    return ticket


def link_held_back(ticket: Ticket) -> bool:
    """Whether the request waits for a link that the per-address mail limit held back
    (`link_mail`): one it needs (links.link_unsent names every other reason for none), never
    sent since. The person's next try sends it (joining.file_repeat), or an officer
    (`link_send_by_officer`)."""
    return (
        ticket.is_waiting and ticket.link_sent_at is None and ticket.holds_data
        and not ticket.is_filed and ticket.channel != Ticket.Channel.SELF_SERVICE
        and not any(map(ticket.limits.get, Ticket.ANSWERED_AT_ONCE))
    )  # fmt: skip


def link_unsent(ticket: Ticket) -> Promise:
    """Why no confirmation link was ever sent for `ticket` (its `link_sent_at` is empty), as
    its page says in place of the time: the page showed the field's empty mark, as if a link
    were on its way, for a letter forwarded about someone else above all."""
    untold = ticket.limits.get("untold")  # its answer at once not sent (tickets.ticket_open)
    if ticket.limits.get("forwarded") and untold:
        return _("None: a letter forwarded about someone else. Its sender was not sent even the "
                 "receipt, which the hourly mail limit of their address held back (or no mail "
                 "can go to it), and is sent nothing about the person.")  # fmt: skip
    if ticket.limits.get("forwarded"):
        return _("None: a letter forwarded about someone else. Its sender was sent only a "
                 "receipt, without a link, and is sent nothing about the person.")  # fmt: skip
    if ticket.limits.get("analytics") and untold:
        return _("None: a letter about the visit statistics, which no request can withdraw. Its "
                 "sender was not answered: the hourly mail limit of their address held the "
                 "answer back, or no mail can go to it.")  # fmt: skip
    if ticket.limits.get("analytics"):
        return _("None: a letter about the visit statistics, which no request can withdraw. Its "
                 "sender was answered at once with where each browser turns them off.")  # fmt: skip
    if ticket.limits.get("misdirected"):
        return _("None: a letter saying someone else's data was sent to its writer, which asks "
                 "nothing of the writer's own data. Its sender was sent a receipt without a link, "
                 "unless the hourly mail limit of their address held it back.")  # fmt: skip
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
    if link_held_back(ticket):
        return _("Not sent yet: the hourly mail limit of its address held it back. The person's "
                 "next try sends it, or send it from the request's page.")  # fmt: skip
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
