"""Self-service for a parent or guardian (compliance L6, L14; Art. 7(1), 8(1), 24(1)(5)): the
consents of each child under 18 they act for, and withdrawing one at once, as the child's own
page would, behind the same single-use emailed link (compliance L9). A parent with a record of
their own reaches it from their page; one with none, by the link mailed to the address they gave
(selfservice.link_send). The child's other rights their legal representative uses (Art. 24:
access, correction, blocking) go through the child's own page's operations, the request naming
the parent and answered at their address (`ward_download`, `ward_request`). Withdrawing every
consent, which destroys the child's data, is a request (guardianship.py), as it is for anyone."""

import time
from typing import Any

from django.contrib.sessions.backends.base import SessionBase
from django.core import signing
from django.db import transaction
from django.http import HttpRequest

from consent.core import gate
from consent.core.audit import audit
from consent.core.guardians import child_named, guardians_at, wards_at
from consent.core.ledger import consent_withdraw_if_given
from consent.core.models import AuditEvent, Guardian, Source, Subject
from consent.core.purposes import PURPOSES
from consent.core.subjects import address_tag, address_tag_matches

from .links_spent import LINK_MAX_AGE, SALT, link_spend, links_let_go
from .models import KeptRequest, Ticket
from .selfservice import (
    OPTIONAL,
    SESSION_KEY,
    SESSION_SECONDS,
    access_download,
    draft_drop,
    kept_new,
    kept_read,
    ticket_open_verified,
)

GUARDIAN_KEY = "self_service_guardian"
# What a parent was writing for each child and did not send (selfservice.kept_new): the number
# of each child's KeptRequest row, by the guardian row's number.
WARD_DRAFTS_KEY = "self_service_ward_drafts"


def ward_link_open(token: str, session: SessionBase, browser: str = "") -> bool:
    """Spend a parent's link (selfservice.ward_link_token), by the browser whose CSRF cookie is
    `browser` (links_spent.py): the session acts for the children of that address for an hour.
    False when forged, expired, used by another browser, or the address erased."""
    row = link_spend(token, "g", Guardian.objects.exclude(contact=""), "contact", browser, session)
    if row is None:
        return False
    session.cycle_key()
    until = time.time() + SESSION_SECONDS
    session[GUARDIAN_KEY] = {"g": row.pk, "a": address_tag(row.contact), "until": until}
    for ward in wards_at(row.contact):
        audit(AuditEvent.Action.SELF_SERVICE_OPEN, subject=ward.subject, obj=ward)
    return True


def ward_link_opened_here(token: str, session: SessionBase) -> bool:
    """Whether this session acts, within its hour, from the guardian row a parent's link names:
    the link pressed again where it was spent (a second tap, the Back button) finds the page
    open, as a person's does (selfservice.link_opened_here). Another browser is still refused."""
    try:
        row_pk = signing.loads(token, salt=SALT, max_age=LINK_MAX_AGE)["g"]
    except (signing.BadSignature, KeyError, TypeError):
        return False
    data = session.get(GUARDIAN_KEY) or {}
    return type(row_pk) is int and data.get("g") == row_pk and data.get("until", 0) >= time.time()


def session_close(session: SessionBase) -> None:
    """«Close my page» (a person's or a parent's): the session lets go of the person, of the
    children, and of a request kept for them, and nothing else: a staff sign-in in the same
    browser stays. Its key changes, so that a press of the page still being answered cannot
    save the page open again under the old one (Django answers that press 400)."""
    draft_drop(session)
    ward_drafts_drop(session)
    links_let_go(session)  # the next at a shared computer cannot press the link again
    session.pop(SESSION_KEY, None)
    session.pop(GUARDIAN_KEY, None)
    session.cycle_key()


def is_ward_link(token: str) -> bool:
    """Whether a link's secret is a parent's (selfservice.ward_link_token), not a person's."""
    try:
        return "g" in signing.loads(token, salt=SALT, max_age=LINK_MAX_AGE)
    except (signing.BadSignature, TypeError):
        return False


def acting_address(session: SessionBase, expired: bool = False) -> str | None:
    """The address the session acts for children from, within its hour (or past it too:
    `expired`): a parent's link's, or the address of the person whose own page is open. None
    otherwise; None too once the address is no longer the one the link was mailed to
    (selfservice.session_subject's rule)."""
    now = 0 if expired else time.time()
    data = session.get(GUARDIAN_KEY)
    if data and type(data.get("g")) is int and data.get("until", 0) >= now:
        row = Guardian.objects.filter(pk=data["g"]).exclude(contact="").first()
        address = row.contact if row is not None else None
        return address if address_tag_matches(str(data.get("a")), address) else None
    data = session.get(SESSION_KEY)
    if data and type(data.get("s")) is int and data.get("until", 0) >= now:
        address = Subject.objects.filter(pk=data["s"]).values_list("email", flat=True).first()
        return address if address_tag_matches(str(data.get("a")), address) else None
    return None


def ward_drafts_keep(session: SessionBase, address: str, typed: dict[int, dict]) -> bool:
    """Keep what the parent was writing for each child (`typed`, by guardian row) for the page
    an action leads back to, or for a day when the page had closed: the person's own page's
    rule (selfservice.kept_new), a row on each child's record. Only for a child `address`
    acts for now; what was kept before goes (a box emptied since keeps nothing)."""
    ward_drafts_drop(session)
    rows = {row.pk: row for row in wards_at(address)}
    kept = {}
    for pk, fields in typed.items():
        if pk in rows and (number := kept_new(rows[pk].subject, fields)) is not None:
            kept[str(pk)] = number
    if kept:
        session[WARD_DRAFTS_KEY] = kept
    return bool(kept)


def ward_drafts_read(session: SessionBase, address: str) -> dict[int, dict[str, str]]:
    """What ward_drafts_keep kept for each child `address` acts for, while its day lasts."""
    numbers = session.get(WARD_DRAFTS_KEY)
    if not isinstance(numbers, dict):
        return {}
    shown = {}
    for row in wards_at(address):
        if kept := kept_read(numbers.get(str(row.pk)), row.subject):
            shown[row.pk] = kept
    return shown


def ward_drafts_drop(session: SessionBase, row_pk: int | None = None) -> None:
    """The request for the child of `row_pk` is sent (or, None, the page closed): its kept
    text goes."""
    numbers = session.get(WARD_DRAFTS_KEY)
    if not isinstance(numbers, dict):
        session.pop(WARD_DRAFTS_KEY, None)
        return
    gone = [k for k in numbers if row_pk is None or k == str(row_pk)]
    KeptRequest.objects.filter(pk__in=[n for k in gone if type(n := numbers[k]) is int]).delete()
    rest = {k: n for k, n in numbers.items() if k not in gone}
    if rest:
        session[WARD_DRAFTS_KEY] = rest
    else:
        session.pop(WARD_DRAFTS_KEY, None)


def wards_overview(address: str) -> list[dict[str, Any]]:
    """Each child `address` acts for: the name the parent gave, each purpose with a record on
    the child's ledger, whether it is given now (or, given to an earlier text, asked again since
    a date: gate.asked_again_since) and whether the page withdraws it at once, and
    the requests the parent asked for the child here (`ward_requests`)."""
    shown = []
    for row in wards_at(address):
        latest = gate.latest_events(row.subject)
        asked_again = gate.asked_again_since(latest)
        purposes = []
        for code, purpose in PURPOSES.items():
            if code not in latest or purpose.banner_only:
                continue
            # Given while the child's data is blocked, paused: the page says so, as the
            # child's own page does (gate.consent_stands), not «not given».
            active = gate.consent_stands(row.subject, code)
            # The last row too: a consent withdrawn is said so, as on the person's own page,
            # not «not given» (a parent who had just withdrawn it read that it never was).
            purposes.append({"code": code, "purpose": purpose, "active": active,
                             "entry": latest[code],
                             "asked_again": None if active else asked_again.get(code),
                             "expired": not active and gate.ended_by_term(latest[code]),
                             "optional": active and code in OPTIONAL})  # fmt: skip
        shown.append({"row": row, "child": child_named(row), "purposes": purposes,
                      "blocked": gate.is_blocked(row.subject),
                      "requests": ward_requests(address, row.subject_id)})  # fmt: skip
    return shown


def ward_requests(address: str, child_id: int) -> list[Ticket]:
    """The requests `address` asked for the child on this page (`Ticket.guardian`, any of
    its rows on the child's record), newest first: a download, a correction, a block; not one
    the child asked themselves, nor another parent's, nor a second press filed with the first."""
    rows = guardians_at(address).filter(subject_id=child_id)
    return list(Ticket.objects.requests().filter(guardian__in=rows).order_by("-received_at", "-id"))


def ward_of(address: str, row_pk: int) -> Guardian | None:
    """The guardian row `row_pk` when `address` acts for its child now (wards_at: under 18 by
    today's local date, the child's latest row); None otherwise."""
    return next((w for w in wards_at(address) if w.pk == row_pk), None)


def come_of_age(address: str, row_pk: object) -> bool:
    """Whether `row_pk` is a row `address` gave for a child who is 18 now by the local date
    (Asia/Almaty): the parent acted for them until that day and no longer may (Art. 7(1)). What
    a press for such a child is told, rather than that its button was not offered."""
    if type(row_pk) is not int:
        return False
    row = guardians_at(address).exclude(contact="").filter(pk=row_pk).first()
    return row is not None and not gate.needs_guardian(row.subject)


def ward_download(address: str, row_pk: int, language: str, fmt: str) -> tuple[Ticket, bytes]:
    """The child's access export, as the child's own page downloads it
    (selfservice.access_download): logged as an access request the parent asked, answered at
    once. LookupError for a child the address does not act for; ValidationError while blocked."""
    if (row := ward_of(address, row_pk)) is None:
        raise LookupError(row_pk)
    return access_download(row.subject, language, fmt, guardian=row)


def ward_request(address: str, row_pk: int, kind: str, message: str, language: str) -> Ticket:
    """A correction or blocking of the child's data, asked by the parent: the child's own page's
    request (selfservice.ticket_open_verified) on the child's record, naming the parent's row,
    answered at the parent's address in the language they asked in. LookupError as above."""
    if (row := ward_of(address, row_pk)) is None:
        raise LookupError(row_pk)
    return ticket_open_verified(row.subject, kind, message, language, guardian=row)


@transaction.atomic
def ward_withdraw(address: str, row_pk: int, purpose: str, request: HttpRequest) -> bool:
    """Withdraw one optional consent of a child `address` acts for, in force at once: a ledger
    row naming the parent, and its audit row, as the child's own page records one. False, with
    nothing recorded, for a child the address does not act for (come of age, say), a purpose
    the page does not switch, or a consent not given now."""
    row = ward_of(address, row_pk)
    if row is None or purpose not in OPTIONAL:
        return False
    entry = consent_withdraw_if_given(row.subject, purpose, source=Source.SELF_SERVICE,
                                      request=request, guardian=row)  # fmt: skip
    return entry is not None
