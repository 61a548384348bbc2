"""What a request of its type does by itself, with no officer: an unsubscribe mailed from an
address on record as it arrives, an unsubscribe or a withdrawal once the person confirms it
(compliance L14, L15). Read when a request is opened, confirmed, or given another type."""

from django.utils import translation

from consent.core.guardians import child_named, wards_at
from consent.core.mail import NOTES
from consent.core.purposes import MARKETING

from .closing import ticket_close
from .given_again import asked_purposes, given_again, stands_told
from .models import Ticket
from .stops import request_stop

Type = Ticket.Type


def acts_on_arrival(ticket):
    """Compliance L15: an unsubscribe takes effect before the next send, so a mail from an
    address on record (the campaign's List-Unsubscribe mailto, or the policy's phrase)
    withdraws marketing as it arrives, without the confirmation link. No identity check is
    needed: withdrawing marketing discloses nothing and errs on the person's side (compliance
    L9 is about data leaving the system), and the answer goes to the address on record, so its
    owner learns of it even if someone forged the sender. A web-form unsubscribe still waits
    for the link: anyone can type any address into a web form. The same holds for an emailed
    request an officer re-classifies as an unsubscribe (retyping.ticket_reclassify)."""
    return (
        ticket.holds_data
        and ticket.type == Type.UNSUBSCRIBE
        and ticket.channel == Ticket.Channel.EMAIL
    )


def act_on_arrival(ticket, actor=None, files=0):
    # Anyone can write in the person's name, as often as they like: the answer to the address
    # on record counts against its limit, as the confirmation link does.
    _, children = request_stop(ticket, [MARKETING], actor)
    context = {"files": files, "children": [c for c, codes in children if codes],
               **stands(ticket)}  # fmt: skip
    ticket_close(ticket, outcome="", template="request_unsubscribed", actor=actor,
                 to=ticket.address_on_record, unproven_address=NOTES, context=context)  # fmt: skip


def on_confirmed(ticket, actor=None):
    """What a confirmed request of its type does by itself: unsubscribe is carried out and
    answered; a withdrawal closes the gate at once, and staff then destroy or refuse with
    reasons by the due date (compliance L14, L15). A parent or guardian stops the consents of
    each child they act for (stops.request_stop), as one request."""
    if not ticket.holds_data:
        return
    if ticket.type == Type.UNSUBSCRIBE:
        unsubscribe_carry_out(ticket, actor=actor)
    elif ticket.type == Type.WITHDRAW:
        withdrawal_stop(ticket, actor=actor)


def unsubscribe_carry_out(ticket, actor=None, words=""):
    """An unsubscribe carried out, confirmed by the person or by the desk's «carry out» of one
    reopened: the news the person had subscribed to by their last word on it stopped (for each
    child a parent acts for too) and the person told so, with the officer's `words` (compliance
    L15). The desk closed a reopened one with the bare «has been carried out» of any request,
    the news left as it stood. A subscription given again since is the person's newer choice:
    it stands, and the letter says so and how to stop it (given_again.py); the desk stopped it
    too, recording an unsubscribe nobody asked for."""
    _, children = request_stop(ticket, [MARKETING], actor)
    context = {"children": [c for c, codes in children if codes], **stands(ticket)}
    return ticket_close(ticket, outcome="", template="request_unsubscribed", actor=actor,
                        words=words, context=context)  # fmt: skip


def stands(ticket):
    """What the unsubscribe's letter says of news subscribed to again since the person's last
    word on it, in their language: {"stands": of their own, "children_stand": of each child a
    parent acts for}, "" when none stands."""
    rows = wards_at(ticket.email) if ticket.as_guardian else []
    with translation.override(ticket.language):
        own = stands_told(given_again(ticket, ticket.subject))
        kept = [
            line
            for row in rows
            if row.subject_id != ticket.subject_id
            for line in stands_told(given_again(ticket, row.subject), child_named(row))
        ]
    return {"stands": "\n\n".join(own), "children_stand": "\n\n".join(kept)}


def withdrawal_stop(ticket, actor=None):
    """What a withdrawal stops, at confirmation and again when the desk carries it out: its
    purpose, or every one, of what the person had consented to by their last word on it. A
    consent given again since stands (given_again.py): the desk withdrew it too, a withdrawal
    nobody asked for."""
    return request_stop(ticket, asked_purposes(ticket), actor)
