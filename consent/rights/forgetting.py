"""What is kept of a destruction and of the requests it reaches: the tombstone and its journal
line, and what a request keeps once its person's data is destroyed (erasure.py)."""

import logging

from django.contrib.auth.base_user import AbstractBaseUser
from django.db import transaction
from django.db.models import Q

from consent.core.models import Tombstone

from .keys import hashed_key
from .models import QuarantinedMessage, Ticket

logger = logging.getLogger("consent.rights.erasure")


def journal(tombstone: Tombstone) -> None:
    """The journal keeps each destruction apart from the database: should the database be lost,
    a restored backup made before it is told what to destroy again from these lines
    (docs/deploy/backups.md; numbers and codes only, as the tombstone), once it commits."""
    fields = {"subject_ref": tombstone.subject_ref, "request_ref": tombstone.request_ref,
              "at": tombstone.at.isoformat(), "kind": tombstone.kind,
              "erased": " ".join(str(item) for item in tombstone.erased)}  # fmt: skip
    whole = tombstone.kind == Tombstone.Kind.SUBJECT
    line = "data subject destroyed" if whole else "data destroyed"
    transaction.on_commit(lambda: logger.info(line, extra=fields))


def tombstone_write(kind: str, *, subject_ref: int | None, erased: list, request_ref: str,
                    actor: AbstractBaseUser | None) -> Tombstone:  # fmt: skip
    """The record of a part of someone's data destroyed (Tombstone.Kind), and its journal line;
    a whole person's is written by the database's destroy function (subject_destroy)."""
    tombstone = Tombstone.objects.create(
        kind=kind, subject_ref=subject_ref, erased=erased, request_ref=request_ref,
        actor_id=actor.pk if actor is not None else None,
        actor_label=actor.get_username() if actor is not None else "",
    )  # fmt: skip
    journal(tombstone)
    return tombstone


def requests_forget(tickets) -> None:
    """What a request keeps once its person's data (or the part that was theirs) is destroyed:
    its number, type, status, language and dates. Nothing anyone wrote in it: the person's words
    and address, the answer (the officer's words, a reason, a finding, all of which the person
    was mailed), the officers' reasons for reopening it, the email set aside it was opened from
    (the letter whole) and the reports of its mail that came back; of its Message-ID, which can
    carry a name or a host, only the hash, enough to know the message fetched again
    (intake.ingest)."""
    tickets = Ticket.objects.filter(pk__in=list(tickets.values_list("pk", flat=True)))
    tickets.update(email="", message="", reply_to="", outcome="", reopen_reasons={})
    # The letter it was opened from, and our mail to the person that came back (its report
    # quotes the mail whole).
    QuarantinedMessage.objects.filter(Q(ticket__in=tickets) | Q(request__in=tickets)).delete()
    for ticket in tickets.exclude(message_id=None).exclude(message_id__startswith="sha256:"):
        ticket.message_id = hashed_key(ticket.message_id)
        ticket.save(update_fields=["message_id"])
