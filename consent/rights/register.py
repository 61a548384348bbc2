"""The register of requests (compliance L8; Art. 25(3): the responsible person controls how
requests are received and handled): each request, how and when it came, by when it was due and
how it was answered, as a spreadsheet for that control and for an inspection. No one is named
and no address is given: a request's number leads to its page, for staff who may open it."""

from django.contrib.auth.base_user import AbstractBaseUser
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from consent.common.dates import reader_time
from consent.common.i18n import language_name
from consent.common.spreadsheet import csv_document
from consent.core.audit import audit
from consent.core.models import AuditEvent

from .joining import no_due_date
from .models import Ticket
from .statistics import LATE, ON_TIME, timed


def register_csv(requests: QuerySet[Ticket]) -> bytes:
    """`requests`, in the order they came, as a CSV in the active language (the staff member's):
    times in Almaty time as a person writes them, types, channels and statuses by their names,
    and whether each was answered on time, late or not (yet) by the rule of the index's chart
    (statistics.timed): open, or closed with no answer (statistics.ANSWERED), «not answered»,
    never a blank that reads as a gap in the register (`kept`)."""
    header = [_("request"), _("type"), _("received by"), _("language"), _("received (Almaty)"),
              _("due"), _("identity confirmed (Almaty)"), _("closed (Almaty)"), _("status"),
              _("answer deadline kept")]  # fmt: skip
    rows = (
        [t.reference, t.get_type_display(), t.get_channel_display(), language_name(t.language),
         reader_time(t.received_at), "" if t.is_filed else reader_time(t.due_date),
         reader_time(t.verified_at), reader_time(t.closed_at), t.get_status_display(), kept(t)]
        for t in timed(requests).select_related("regarding").order_by("received_at", "id")
        .iterator(chunk_size=2000)
    )  # fmt: skip
    return csv_document([header, *rows])


def kept(ticket: Ticket) -> str:
    """Whether `ticket` (statistics.timed) was answered by its due date. Still open past it,
    that the date has passed (Ticket.is_overdue, as the desk says it): the register said «not
    answered» alike of a request due next week and of one days overdue. Filed with an open
    request (joining.py), that it has no deadline of its own and is answered with that one:
    it read as one more request left unanswered, with a due date of its own, where the
    statistics count it as no request at all (TicketQuerySet.requests)."""
    if ticket.is_filed:
        return no_due_date(ticket)
    if ticket.is_overdue:
        return _("not answered, its due date has passed")
    answered = {ON_TIME: _("answered on time"), LATE: _("answered late"), None: _("not answered")}
    return answered[ticket.answered]


def register_export(
    requests: QuerySet[Ticket], *, actor: AbstractBaseUser, filters: list[str]
) -> bytes:
    """The register of `requests` for `actor` (register_csv), audited with the list's filters
    it was taken under (their names)."""
    body = register_csv(requests)
    audit(AuditEvent.Action.REGISTER_EXPORT, actor=actor, filters=filters)
    return body
