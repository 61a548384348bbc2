"""The requests read by rule (TicketQuerySet): open, overdue, due, waiting for the person,
closable, a person's; each the one home of its rule, which the desk's list, its filters, the
admin index, the digest and the person's pages read."""

from functools import reduce
from operator import or_

from django.db.models import BooleanField, ExpressionWrapper, Q

from .officers import AssignedQuerySet


class TicketQuerySet(AssignedQuerySet):
    def requests(self):
        """Requests received: all but replies filed with the request they answer."""
        return self.exclude(status=self.model.Status.FILED)

    def open(self):
        """Requests still to be answered: waiting for the person's confirmation, or confirmed."""
        return self.filter(status__in=self.model.OPEN_STATUSES)

    def overdue(self, today):
        """Requests past their due date on `today` and not yet answered. The law counts the
        deadline from receipt (compliance L8), so a request still waiting for the person's
        confirmation is overdue too: the one rule of the desk's list, its filter, the index,
        the digest, the notice and the person's own pages (Ticket.is_overdue)."""
        return self.open().filter(due_date__lt=today)

    def due_on(self, day):
        """Requests still to be answered whose due date is `day`, waiting ones included."""
        return self.open().filter(due_date=day)

    def due_after(self, day, until):
        """Requests still to be answered due after `day`, up to `until` (the next working day:
        the digest's «due next»), waiting ones included."""
        return self.open().filter(due_date__gt=day, due_date__lte=until)

    def due_within(self, first, last):
        """Requests still to be answered due from `first` to `last`, both included (the desk's
        «due this week»), waiting ones included."""
        return self.open().filter(due_date__range=(first, last))

    def closed(self):
        """Requests no longer to be answered: carried out, refused, closed or filed."""
        return self.exclude(status__in=self.model.OPEN_STATUSES)

    def of(self, subject):
        """The person's requests: those linked to them, and those written from their address on
        record before it was linked to them. What their access export lists and their
        destruction forgets, read alike."""
        mine = Q(subject=subject)
        if subject.email:
            mine |= Q(subject=None, email__address=subject.email)
        return self.filter(mine)

    def of_guardian(self, address):
        """A parent's or guardian's own requests from `address`: as_guardian ones no one's record
        on file holds, and those they asked for a child on their page (`guardian`); a
        guardian's erasure forgets them."""
        asked = Q(subject=None, as_guardian=True) | Q(guardian__isnull=False)
        return self.filter(asked, email__address=address)

    def unconfirmed(self):
        """Requests not confirmed yet, whether or not a link went to the person (Ticket.is_waiting):
        those an officer can only close unconfirmed or retype."""
        return self.filter(status=self.model.Status.UNVERIFIED)

    def with_waiting(self):
        """Each request with `waits`, the one rule of the desk's filter, badge and counts: a
        confirmation link went to the person and was not pressed. Not one whose link never went
        (links.link_unsent), which «waiting for the person» listed beside those that do."""
        sent_unpressed = Q(status=self.model.Status.UNVERIFIED, link_sent_at__isnull=False)
        return self.annotate(waits=ExpressionWrapper(sent_unpressed, output_field=BooleanField()))

    def waiting(self):
        """Requests waiting for the person to confirm them through the link mailed to them."""
        return self.with_waiting().filter(waits=True)

    def expired(self, now):
        """Unconfirmed requests the person can confirm no longer at `now`: CONFIRM_WITHIN after
        their latest link, or, none sent (held back by the mail limit, or none needed), after
        the request was opened. Clock time, as the link's own life (links.VERIFY_MAX_AGE); the
        nightly job closes them (expiring.requests_expire)."""
        # Not one only an officer closes (Ticket.OFFICER_CLOSES, as expiring.closes_on reads it):
        # a letter forwarded about someone else waits for an officer to open that person's own
        # request (desk_notes.FORWARDED_CLOSE), not for anyone's link: closed unseen, it was lost.
        # Nor one saying someone else's data was sent to its writer: a possible breach (L21).
        ended = self.unconfirmed().filter(self._link_ended(now))
        return ended.exclude(self._marked(self.model.OFFICER_CLOSES))

    def closable(self, now):
        """Unconfirmed requests an officer may close at `now` (see Ticket.closable_as): every one
        the night would close (`expired`), and sooner one no link is sent for. Not only those
        whose link went: one the mail limit held back was the night's to close, never the desk's."""
        answered = self._marked(self.model.ANSWERED_AT_ONCE)  # no link: closed once read
        ended = self._link_ended(now) | answered
        return self.unconfirmed().filter(Q(subject__isnull=True, as_guardian=False) | ended)

    def _link_ended(self, now):
        """Its latest link went CONFIRM_WITHIN before `now`, or none went and it was opened then
        (Ticket.closable_as reads the same rule)."""
        ended = now - self.model.CONFIRM_WITHIN
        return Q(link_sent_at__lt=ended) | Q(link_sent_at=None, opened_at__lt=ended)

    @staticmethod
    def _marked(marks):
        """Any of `marks` set in its `limits`, as `any(map(ticket.limits.get, marks))` reads a
        request (Ticket.closable_as, expiring.closes_on). The key asked for first: compared alone
        (limits__forwarded=True), it is NULL where the key is missing, and excluded, left out
        every request without the mark too. Not by containment (limits__contains), which the
        demo's SQLite cannot read: `make run` failed on the desk's list."""
        return reduce(or_, (Q(limits__has_key=mark) & Q(**{f"limits__{mark}": True})
                            for mark in marks))  # fmt: skip
