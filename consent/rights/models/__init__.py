"""The rights desk's data: requests (tickets), emails set aside by the intake, corrections, spent
links, requests kept from a closed self-service page and breaches; a module per kind."""

from .breaches import Breach
from .corrections import Correction
from .intake import (
    QUIET_REASONS,
    IntakePhrase,
    IntakePhraseQuerySet,
    QuarantinedMessage,
    SetAsideSender,
)
from .selfservice import KeptRequest, UsedLink
from .ticket_queries import TicketQuerySet
from .tickets import Ticket

__all__ = [
    "QUIET_REASONS", "Breach", "Correction", "IntakePhrase", "IntakePhraseQuerySet",
    "KeptRequest", "QuarantinedMessage", "SetAsideSender", "Ticket", "TicketQuerySet", "UsedLink",
]  # fmt: skip
