"""What a withdrawal or an unsubscribe stops as it takes effect (compliance L14, L15): at
confirmation, on arrival by email from an address on record, or on re-classification."""

from consent.core.ledger import consent_withdraw_if_given

from .guardianship import wards_withdraw
from .models import Ticket


def request_stop(
    ticket: Ticket, purposes: list[str], source: str
) -> tuple[list[str], list[tuple[str, list[str]]]]:
    """Withdraw each consent of `purposes` still given, the request's number as its reason: of
    each child its address acts for as a parent or guardian (guardianship.wards_withdraw; first:
    a child whose record holds the parent's own address is withdrawn for by the parent, and the
    ledger names them), then the person's own. (the person's purposes withdrawn now, [(child,
    purposes withdrawn now)])."""
    children = wards_withdraw(ticket, purposes, source) if ticket.as_guardian else []
    own = []
    if ticket.subject_id is not None:
        own = [purpose for purpose in purposes
               if consent_withdraw_if_given(ticket.subject, purpose, source=source,
                                            reason=ticket.reference)]  # fmt: skip
    return own, children
