"""The rights desk's data: requests (tickets), emails set aside by the intake, corrections, spent
links and breaches; a module per kind."""

from .breaches import Breach
from .intake import IntakePhrase, IntakePhraseQuerySet, QuarantinedMessage
from .tickets import Correction, Ticket, TicketQuerySet, UsedLink

__all__ = [
    "Breach", "Correction", "IntakePhrase", "IntakePhraseQuerySet", "QuarantinedMessage",
    "Ticket", "TicketQuerySet", "UsedLink",
]  # fmt: skip
