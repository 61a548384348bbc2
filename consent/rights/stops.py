"""What a withdrawal or an unsubscribe stops as it takes effect (compliance L14, L15): at
confirmation, on arrival by email from an address on record, or on re-classification."""

from django.contrib.auth.base_user import AbstractBaseUser

from consent.core.ledger import consent_withdraw_if_given
from consent.core.models import Source

from .given_again import last_word
from .guardianship import wards_withdraw
from .models import Ticket

# The way the request came, as the ledger names it: an unsubscribe made on the request form
# and confirmed by its link is the request form's, not an email's.
SOURCES = {
    Ticket.Channel.WEB: Source.REQUEST_FORM,
    Ticket.Channel.EMAIL: Source.EMAIL_REQUEST,
    Ticket.Channel.SELF_SERVICE: Source.SELF_SERVICE,
    Ticket.Channel.DESK: Source.ADMIN,
}


def request_stop(
    ticket: Ticket, purposes: list[str], actor: AbstractBaseUser | None = None
) -> tuple[list[str], list[tuple[str, list[str]]]]:
    """Withdraw each consent of `purposes` still given, the request's number as its reason and
    the way it came as its source (`actor`: the officer whose action it is): of each child its
    address acts for as a parent or guardian (guardianship.wards_withdraw; first: a child whose
    record holds the parent's own address is withdrawn for by the parent, and the ledger names
    them), then the person's own. Only a consent given by the person's last word on the request
    (`given_again.last_word`): one given again since is their newer choice and stands, with no
    withdrawal recorded (given_again.py). (the person's purposes withdrawn now, [(child,
    purposes withdrawn now)])."""
    source = SOURCES[ticket.channel]
    children = wards_withdraw(ticket, purposes, source, actor) if ticket.as_guardian else []
    own = []
    if ticket.subject_id is not None:
        # A parent's for the child at the desk (`Ticket.guardian`): the ledger names them.
        own = [purpose for purpose in purposes
               if consent_withdraw_if_given(ticket.subject, purpose, source=source,
                                            reason=ticket.reference, actor=actor,
                                            guardian=ticket.guardian,
                                            given_by=last_word(ticket))]  # fmt: skip
    return own, children
