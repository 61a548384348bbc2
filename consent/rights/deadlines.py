"""How many working days the law gives each type of request, and the due date it makes (L8).

One rule read by opening a request, changing its type, the desk's form to open one by hand and
the recount after the calendar changes."""

from datetime import date, datetime

from django.conf import settings

from consent.workdays.calendar import due_date

from .models import Ticket

Type = Ticket.Type

# Working days to answer each type (Law 94-V: Art. 8(7) withdrawal 15; Art. 25(2)(8) correction,
# block, unblock, destruction 1; Art. 6 removal from public sources 1; Art. 19(1) notice of a
# transfer to a third party 10; Art. 19-1 objection to automated decisions 3; access per settings).
DEADLINES = {
    Type.CORRECT: 1, Type.BLOCK: 1, Type.UNBLOCK: 1, Type.DESTROY: 1, Type.WITHDRAW: 15,
    Type.UNSUBSCRIBE: 1,  # in force at once or at confirmation; the day is for the answer
    Type.PUBLICATION_REMOVAL: 1, Type.TRANSFER_NOTICE: 10, Type.AUTOMATED_OBJECTION: 3,
    Type.OTHER: 15,
}  # fmt: skip


def deadline_days(ticket_type: str) -> int:
    return settings.ACCESS_REQUEST_DAYS if ticket_type == Type.ACCESS else DEADLINES[ticket_type]


def due_for(kind: str, received_at: datetime) -> date:
    """The law's due date of a request of type `kind` received at `received_at` (L8)."""
    return due_date(received_at, deadline_days(kind))


def due_soonest(received_at: datetime) -> date:
    """The due date of a request received at `received_at` as the type the law gives the fewest
    working days (a correction, a block, a destruction): what an untyped letter may be."""
    return due_date(received_at, min(map(deadline_days, Type.values)))
