"""What the desk's panel tells the officer before they act, by the request's type: what the
written answer usually says, and what «carry out» does for a parent or guardian."""

from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from consent.common.dates import local_date, reader_time
from consent.core.guardians import awaits_confirmation, wards_at
from consent.core.purposes import PURPOSES

from .expiring import closes_on
from .given_again import given_again
from .models import Ticket

Type, Status = Ticket.Type, Ticket.Status

# What the written answer usually says: the operator publishes no personal data and makes no
# decision by automated means only. Staff check and write it; nothing is answered automatically.
ANSWER_HELP = {
    Type.PUBLICATION_REMOVAL: _(
        "We publish no personal data, so the answer usually explains that. If the person's data "
        "did appear somewhere we publish, remove it first and say what was removed."
    ),
    Type.TRANSFER_NOTICE: _(
        "Write which third parties received the person's data, when and why (the consent texts "
        "name the recipients and cross-border processors), or that none did."
    ),
    Type.AUTOMATED_OBJECTION: _(
        "We make no decisions about people by automated means only, so the answer usually "
        "explains that a staff member decides. If such processing did occur, decide on the "
        "objection and tell the person the decision."
    ),
}

# How a letter forwarded about someone else is closed (desk.ActionForm.close_note), by whether its
# sender's receipt was held back (the request's `limits`, "untold": tickets.ticket_open).
FORWARDED_CLOSE = {
    False: _(
        "This letter was forwarded to us about someone else, so no confirmation link was sent "
        "and none will come. Open that person's own request from their page, then close this "
        "one as “closed without action”: its sender was told it was received, and is sent "
        "nothing more."
    ),
    True: _(
        "This letter was forwarded to us about someone else, so no confirmation link was sent "
        "and none will come. Open that person's own request from their page, then close this "
        "one as “closed without action”: its sender is sent nothing, not even the receipt, "
        "which the hourly mail limit of their address held back (or no mail can go to it)."
    ),
}

# How a letter about the visit statistics is closed (`close_note`), by whether its sender's answer
# was held back (the request's `limits`, "untold": tickets.ticket_open). It read FORWARDED_CLOSE:
# «forwarded about someone else: open that person's own request».
# A letter saying someone else's data was sent to its writer (misdirected.py): a possible breach.
MISDIRECTED_CLOSE = _(
    "This letter says someone else's data, or a letter meant for someone else, was sent to its "
    "writer, so no confirmation link was sent and none will come. Close it as “closed without "
    "action” once the possible breach is looked into (and, if it is one, recorded in the breach "
    "register): its sender was sent a receipt, and is sent nothing more. It never closes by itself."
)
ANALYTICS_CLOSE = {
    False: _(
        "This letter is about the visit statistics, which no request can withdraw, so no "
        "confirmation link was sent and none will come. Close it as “closed without action”: "
        "its sender was answered at once with where each browser turns the statistics off, and "
        "is sent nothing more."
    ),
    True: _(
        "This letter is about the visit statistics, which no request can withdraw, so no "
        "confirmation link was sent and none will come. Close it as “closed without action”: "
        "its sender is sent nothing, not even the answer, which the hourly mail limit of their "
        "address held back (or no mail can go to it)."
    ),
}

# What "carry out" does for a parent or guardian with no record of their own (carry_out): the
# name and contact they gave with their consent for a child is all that is held about them.
GUARDIAN_NOTES = {
    Type.ACCESS: _(
        "This request comes from a parent or guardian with no record of their own. Carrying it "
        "out mails them, in the letter itself, the name and contact they gave for each child "
        "and the consents they gave with them; nothing else of the child's record."
    ),
    Type.DESTROY: _(
        "This request comes from a parent or guardian with no record of their own. Carrying it "
        "out erases the name and contact they gave on each child's record. The entry that a "
        "parent or guardian consented stays, without them, as the consent's proof, and the "
        "child's consent stays in force."
    ),
    # A minor's consent is withdrawn by their legal representative (Art. 8(1), 24(1)(5)).
    Type.WITHDRAW: _(
        "This request comes from a parent or guardian with no record of their own, for the "
        "children under 18 they gave their consent for: processing for the consents withdrawn "
        "stopped when it was confirmed. Carrying it out destroys each child's data, or, when "
        "the request names one purpose and another of the child's consents stands, erases only "
        "what that purpose needed. They are answered at their address."
    ),
    None: _(
        "This request comes from a parent or guardian with no record of their own: all that is "
        "held about them is the name and contact they gave with their consent for a child, "
        "kept only as that consent's proof. Nothing else is done with it, so there is nothing "
        "to block, correct or stop here: write the answer above (they may ask for it to be "
        "destroyed), or change the request's type."
    ),
}

# A request a parent asked for a child who is 18 now (Ticket.outgrown): the only action left.
OUTGROWN_NOTE = _(
    "A parent or guardian asked this for a child who is 18 now by our records (the date in "
    "Almaty). From that day the parent no longer acts for them, so the request can no longer "
    "be carried out, refused or answered to the parent. Close it: the parent is told, in "
    "their language and without any of the child's data, that the person asks themselves now. "
    "Nothing of the person's data changes."
)

# A parent named under an address other than the child's by the form that made the record,
# not yet confirmed (Guardian.pending): «carry out» does nothing to that child's data.
NOT_CONFIRMED_NOTE = _(
    "For a child whose record names them with an address other than the child's, they are not "
    "yet confirmed as the parent or guardian: carrying it out changes nothing of that child's "
    "data, and tells them how to confirm it. Confirm them first on the child's page, after "
    "seeing a document, if they show you one."
)

# A parent's withdrawal that stops no child's consent: declined as the child's parent
# (Guardian.declined), named only by a later form, or every child 18 now.
NO_WARD_NOTE = _(
    "This request comes from a parent or guardian with no record of their own who acts for no "
    "child under 18 now. Carrying it out changes nothing of any child's data, and tells them "
    "so without naming any child."
)


def guardian_note(ticket: Ticket) -> str | Promise:
    """What «carry out» does for a request of a parent or guardian with no record of their own:
    by its type, and for a withdrawal whether it stops any child's consent at all."""
    if awaits_confirmation(ticket.email):
        return f"{GUARDIAN_NOTES.get(ticket.type, GUARDIAN_NOTES[None])} {NOT_CONFIRMED_NOTE}"
    if ticket.type == Type.WITHDRAW and not wards_at(ticket.email):
        return NO_WARD_NOTE
    return GUARDIAN_NOTES.get(ticket.type, GUARDIAN_NOTES[None])


DESTROYS = _("Carrying this out destroys all of the person's data.")
# What a destruction carries out or leaves nothing to do for: the others are answered with the
# data or about it, and close unanswered with it (erasure.subject_destroy).
MOOT = {Type.DESTROY, Type.WITHDRAW, Type.UNSUBSCRIBE, Type.CORRECT, Type.BLOCK, Type.UNBLOCK}


def destroys_note(ticket: Ticket, said: str | Promise = DESTROYS) -> str | Promise:
    """What «carry out» does when it destroys the person's data: and the person's other
    confirmed requests it leaves unanswered (their access, their question), which the
    destruction closes as «no data held» without a word to them. The panel said only that the
    data goes, and an officer who carried out a withdrawal first lost the access request the
    person sent the same day. `said`: what the panel says of the destruction itself."""
    if ticket.subject_id is None:
        return said
    said = f"{said} {given_since(ticket)}".rstrip()
    others = (Ticket.objects.of(ticket.subject).filter(status=Ticket.Status.OPEN)
              .exclude(pk=ticket.pk).exclude(type__in=MOOT).order_by("due_date", "id"))  # fmt: skip
    item = _("%(ref)s, %(type)s, due %(due)s")
    listed = "; ".join(
        str(item)
        % {
            "ref": o.reference,
            "type": o.get_type_display(),
            "due": reader_time(o.due_date),
        }
        for o in others
    )
    if not listed:
        return said
    return f"{said} " + _(
        "It also closes these other requests of the person unanswered, as no data is left to "
        "answer them with; answer them first: %(requests)s."
    ) % {"requests": listed}


def given_since(ticket: Ticket) -> str:
    """What a destruction does to a consent the person gave after asking for it (their last
    word on it, given_again.last_word): it goes with the rest. A withdrawal leaves such a
    consent standing (the newer choice); whether a destruction should is the operator's
    lawyer's to say, so the officer is told before she acts, and checks with the person."""
    again = given_again(ticket, ticket.subject)
    if not again:
        return ""
    given = "; ".join(
        str(_("“%(purpose)s”, %(date)s"))
        % {"purpose": PURPOSES[code].name, "date": reader_time(local_date(grant.at))}
        for code, grant in again.items()
    )
    return str(_(
        "After this request the person gave consent: %(given)s. Carrying it out destroys that "
        "consent and the data given with it as well. Before carrying it out, check with the "
        "person whether the request still stands."
    )) % {"given": given}  # fmt: skip


def close_note(ticket: Ticket) -> str | Promise:
    """Whether, and from when, a waiting request can be closed, and with what outcome: by an
    officer (answers.ticket_close_unconfirmed) or by itself each night (expiring.py), and for
    one the night closes, on what local date (`closes_itself`)."""
    status = ticket.closable_as(timezone.now())
    untold = bool(ticket.limits.get("untold"))  # its receipt or answer held back
    if status == Status.CLOSED and ticket.limits.get("analytics"):
        return ANALYTICS_CLOSE[untold] + closes_itself(ticket)
    if status == Status.CLOSED and ticket.limits.get("misdirected"):  # never by the night
        return MISDIRECTED_CLOSE
    if status == Status.CLOSED:  # forwarded: waits for an officer, never closed by the night
        return FORWARDED_CLOSE[untold]
    if status == Status.NO_DATA:
        return _("No personal data is held for the address this request came from, so "
                 "nothing can be done with it. Close it as “no data held”; the person is "
                 "told so.") + closes_itself(ticket)  # fmt: skip
    if ticket.link_sent_at is None and status == Status.NOT_CONFIRMED:  # held back a week
        return _("No confirmation link went out for this request within a week of its "
                 "opening, so the person can no longer confirm it. Close it as “identity not "
                 "confirmed”; nothing is mailed to the address, which never confirmed "
                 "it.") + closes_itself(ticket)  # fmt: skip
    if ticket.link_sent_at is None:  # held back, or none needed (links.link_unsent)
        return _("No confirmation link has gone out for this request (the field «confirmation "
                 "link sent» says why). If none goes out by %(time)s, the person can no longer "
                 "confirm it; one that goes out before then can be pressed for seven days after "
                 "it is sent.") % {
            "time": reader_time(ticket.opened_at + Ticket.CONFIRM_WITHIN)
        } + closes_itself(ticket)  # fmt: skip
    expires = reader_time(ticket.link_expires_at)
    if status == Status.NOT_CONFIRMED:
        return _("The confirmation link expired unused on %(time)s. Close the request as "
                 "“identity not confirmed”; the person is told so at the address on "
                 "record.") % {"time": expires} + closes_itself(ticket)  # fmt: skip
    return _("The person can confirm the request through the emailed link until %(time)s. "
             "After that it can be closed as “identity not confirmed”. Its due date counts "
             "from receipt all the same: past it, the request is overdue.") % {
        "time": expires} + closes_itself(ticket)  # fmt: skip


def closes_itself(ticket: Ticket) -> str:
    """The sentence that says on what local date the night closes `ticket` if no officer does
    (expiring.closes_on), with a space before it; "" for one it never closes. The panel said it
    of a request whose link was held back only: a stranger's read as waiting for an officer."""
    day = closes_on(ticket)
    if day is None:
        return ""
    return " " + _("Unless it is confirmed or closed sooner, it closes by itself on %(date)s, "
                   "at night, and nothing is mailed to the person.") % {
        "date": reader_time(day)}  # fmt: skip
