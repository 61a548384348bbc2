"""Whose mail a message in the outbox is: the one rule that the person's page (the mail sent),
the access export, and destruction and the withdrawal of old answers (erasure.py) read, so that
what a person is shown, is given and has destroyed is the same mail.

A message written to an address is the person's who last took that address on record before it
was written (its `created`; one sent on to an address corrected since is written to that one
then: core.mail.mail_readdress), the first to take it has what was written before, too: their
address from when their record was made or a correction gave it to them, until someone else on
record took it.
So an old address keeps bringing its mail to them after a correction (the answer to that very
correction goes there), and someone who takes it later neither hides the mail written to it
before (destroying the person left it behind) nor gets it in their own export or
destruction. An address they wrote a request from that the record no longer holds (erased by
minimisation while the request was open) counts as taken with their record.

Mail to an address no person on record ever took is a parent's or guardian's who gave it with
their consent for a child (`mail_to_guardian`): what the same rule leaves to no one on record,
so that a guardian's erasure, of their own or by minimisation of the child's record, deletes
no person's mail and leaves none of theirs."""

from collections.abc import Iterable
from datetime import datetime

from django.db.models import Q

from consent.core.guardians import guardians_at
from consent.core.models import GuardianMail, Subject
from consent.core.subjects import address_lookup_key, normalise_email

from .models import Correction, Ticket


def _taken(people: Iterable[Subject]) -> dict[int, list[tuple[str, datetime]]]:
    """Each address each of `people` took on record, and when: two queries, however many
    people (one of them asked two for each person who ever held an address)."""
    people = {person.pk: person for person in people}
    corrections: dict[int, list[tuple[str, str, datetime]]] = {pk: [] for pk in people}
    for pk, old, new, at in (
        Correction.objects.filter(subject__in=people, field="email")
        .order_by("at", "pk")
        .values_list("subject_id", "old_value", "new_value", "at")
    ):
        corrections[pk].append((old, new, at))
    asked: dict[int, list[str]] = {pk: [] for pk in people}
    for pk, address in (
        _written_by_them().filter(subject__in=people).exclude(email="")
        .values_list("subject", "email")
    ):  # fmt: skip
        asked[pk].append(address)
    taken = {}
    for pk, person in people.items():
        changed = corrections[pk]
        first = changed[0][0] if changed else person.email
        mine = [(first, person.created_at)] if first else []
        mine += [(new, at) for _old, new, at in changed if new]
        known = {address_lookup_key(address) for address, _at in mine}
        for address in asked[pk]:
            if address_lookup_key(address) not in known:
                known.add(address_lookup_key(address))
                mine.append((address, person.created_at))
        taken[pk] = mine
    return taken


def _written_by_them():
    """The requests written from the address of the person they are filed under: not one a
    parent asked for a child on their page (`guardian`), written from the parent's address.
    Counted as the child's taking it, the mother's own mail and requests from then on were
    the child's: in the child's export and destruction, out of hers."""
    return Ticket.objects.filter(guardian=None)


def _takers(
    address: str, subject: Subject | None = None, known: dict | None = None
) -> list[tuple[datetime, int]]:
    """(when, who) of every time someone on record took `address`, in order (`subject` among
    those looked at even when they hold it no longer). `known`: what _taken read already."""
    holders = Subject.objects.filter(
        Q(pk=subject.pk if subject is not None else None)
        | Q(email__address=address)
        | Q(pk__in=Correction.objects.filter(
            Q(old_value__address=address) | Q(new_value__address=address), field="email"
        ).values("subject"))
        | Q(pk__in=_written_by_them().filter(email__address=address).values("subject"))
    )  # fmt: skip
    known = known or {}
    holders = list(holders)
    unread = [holder for holder in holders if holder.pk not in known]
    read = _taken(unread) if unread else {}
    taken = {h.pk: known[h.pk] if h.pk in known else read[h.pk] for h in holders}
    folded = address_lookup_key(address)
    return sorted(
        (at, pk) for pk, held in taken.items() for address_taken, at in held
        if address_lookup_key(address_taken) == folded
    )  # fmt: skip


def _held_from(address: str, takers: list[tuple[datetime, int]], n: int) -> Q:
    """The mail to `address` that is the `n`th taker's: from when they took it (the first, from
    the start) until the next took it."""
    mine = Q(to__address=address)
    if n:
        mine &= Q(created__gte=takers[n][0])
    if n + 1 < len(takers):
        mine &= Q(created__lt=takers[n + 1][0])
    return mine


def held_spans(
    subject: Subject, known: dict | None = None
) -> list[tuple[str, datetime | None, datetime | None]]:
    """(address, from, until) of each time the person held an address by this module's rule:
    from when they took it (None: the first to take it, from the start) until someone else
    took it (None: still). What came to or from an address in its span is theirs: the mail
    written to it (mail_to), the letters set aside from it (set_aside.set_aside_of)."""
    spans = []
    known = known if known is not None else _taken([subject])
    addresses = {address_lookup_key(address): address for address, _at in known[subject.pk]}
    for address in addresses.values():
        takers = _takers(address, subject, known)
        for n, (_at, holder) in enumerate(takers):
            if holder == subject.pk:
                until = takers[n + 1][0] if n + 1 < len(takers) else None
                spans.append((address, takers[n][0] if n else None, until))
    return spans


def held_spans_of(people: Iterable[Subject]) -> list[tuple[str, object, object]]:
    """held_spans of each of `people`, together: what each took read in two queries for all."""
    people = list(people)
    known = _taken(people)
    return [span for person in people for span in held_spans(person, known)]


def held_by_someone(address: str) -> bool:
    """Whether a person on record ever took `address` (else it is a parent's or guardian's)."""
    return bool(_takers(address))


def within_spans(spans: Iterable[tuple[str, object, object]], of, at: str) -> Q:
    """What `of(address)` matches, for each (address, since, until) of `spans` (held_spans),
    made at a time field `at` within that span: the person's mail, the emails set aside from
    them."""
    query = Q(pk__in=[])
    for address, since, until in spans:
        mine = of(address)
        if since is not None:
            mine &= Q(**{f"{at}__gte": since})
        if until is not None:
            mine &= Q(**{f"{at}__lt": until})
        query |= mine
    return query


def held_then(since, until, at) -> bool:
    """Whether `at` falls within a span of held_spans, (since, until): within_spans's bounds,
    for what is read in Python (a letter's addresses, a sign-in's username)."""
    return (since is None or at >= since) and (until is None or at < until)


def mail_to(subject: Subject) -> Q:
    """The person's mail, as a filter of post_office's Email."""
    return within_spans(held_spans(subject), lambda address: Q(to__address=address), "created")


def requests_held(subject: Subject):
    """Every request an access answer gives the person: their own (Ticket.objects.of) and those
    they asked as a parent or guardian (Ticket.objects.of_guardian: on their page of their
    children, or before a record of their own) from an address while it was theirs by this
    module's rule. Read by the address on record now, a mother who had corrected hers was no
    longer told of her requests for her child, and whoever took her old address was, with the
    child's name."""
    asked = within_spans(
        held_spans(subject),
        lambda address: Q(pk__in=Ticket.objects.of_guardian(address).values("pk")),
        "received_at",
    )
    return Ticket.objects.of(subject) | Ticket.objects.filter(asked)


def mail_for_child(subject: Subject) -> Q:
    """The mail written to a parent or guardian as `subject`'s representative (core.mail's
    `for_child`: the answers to what they asked for the child), as a filter of post_office's
    Email: it tells of the child, so it goes when the child's data is destroyed, queued or sent,
    with the link that holds it once the child is 18 (core.delivery)."""
    return Q(pk__in=GuardianMail.objects.filter(guardian__subject=subject).values("email"))


def mail_of(subject: Subject) -> Q:
    """All the mail that is the person's, as a filter of post_office's Email: what was written
    to them (mail_to) and to their parent or guardian about them (mail_for_child). What their
    page lists, their access answer gives and their destruction deletes: the answer listed the
    first only, and never told a child of the letters about her sent to her mother."""
    return mail_to(subject) | mail_for_child(subject)


def mail_to_guardian(address: str) -> Q:
    """The mail to `address` (as normalise_email gives it) that no person on record holds by
    mail_to's rule: a parent's or guardian's, as a filter of post_office's Email. Someone who
    took the address on record has it all, what was written before they took it too."""
    query = Q(to__address=address)
    takers = _takers(address)
    for n in range(len(takers)):
        query &= ~_held_from(address, takers, n)
    return query


def mail_owners(emails) -> dict[int, list[int]]:
    """{mail pk: numbers of the people it is the mail of}: mail_to read the other way, for the
    outbox's audit of who was shown whose mail. Written to an address someone on record took,
    it is the person's whose it is by mail_to (an address a correction replaced brings its mail
    to them still); to one no one took, a parent's or guardian's (mail_to_guardian), held on
    the children's records that hold the address; and a letter to a parent about a child, the
    child's as well (mail_of)."""
    takers: dict[str, list[tuple[datetime, int]]] = {}
    owners = {}
    emails = list(emails)
    # A letter to a parent about a child (mail_for_child) is the child's mail too (mail_of):
    # an officer who read it was audited under the parent alone, and the child's answer never
    # said that our staff had read a letter about her.
    about: dict[int, set[int]] = {}
    for mail, child in GuardianMail.objects.filter(email__in=[e.pk for e in emails]).values_list(
        "email", "guardian__subject"
    ):
        about.setdefault(mail, set()).add(child)
    for email in emails:
        found = set()
        for address in {normalise_email(a) for a in [*email.to, *email.cc, *email.bcc]} - {None}:
            folded = address_lookup_key(address)
            if folded not in takers:
                takers[folded] = _takers(address)
            if not takers[folded]:
                found |= set(guardians_at(address).values_list("subject_id", flat=True))
                continue
            owner = takers[folded][0][1]
            for at, holder in takers[folded][1:]:
                if email.created >= at:
                    owner = holder
            found.add(owner)
        owners[email.pk] = sorted(found | about.get(email.pk, set()))
    return owners
