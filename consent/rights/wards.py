"""Self-service for a parent or guardian (compliance L6, L14; Art. 7(1), 8(1), 24(1)(5)): the
consents of each child under 18 they act for, and withdrawing one at once, as the child's own
page would, behind the same single-use emailed link (compliance L9). A parent with a record of
their own reaches it from their page; one with none, by the link mailed to the address they gave
(selfservice.link_send). Withdrawing every consent, which destroys the child's data, is a
request (guardianship.py), as it is for anyone."""

import time
from typing import Any

from django.contrib.sessions.backends.base import SessionBase
from django.core import signing
from django.db import transaction
from django.http import HttpRequest

from consent.core import gate
from consent.core.audit import audit
from consent.core.guardians import child_named, wards_at
from consent.core.ledger import consent_withdraw_if_given
from consent.core.models import AuditEvent, Guardian, Source, Subject
from consent.core.purposes import PURPOSES

from .selfservice import (
    LINK_MAX_AGE,
    OPTIONAL,
    SALT,
    SESSION_KEY,
    SESSION_SECONDS,
    draft_drop,
    link_spend,
)

GUARDIAN_KEY = "self_service_guardian"


def ward_link_open(token: str, session: SessionBase) -> bool:
    """Spend a parent's link (selfservice.ward_link_token): the session acts for the children
    of that address for an hour. False when forged, expired, used, or the address erased."""
    row = link_spend(token, "g", Guardian.objects.exclude(contact=""), "contact")
    if row is None:
        return False
    session.cycle_key()
    session[GUARDIAN_KEY] = {"g": row.pk, "until": time.time() + SESSION_SECONDS}
    for ward in wards_at(row.contact):
        audit(AuditEvent.Action.SELF_SERVICE_OPEN, subject=ward.subject, obj=ward)
    return True


def session_close(session: SessionBase) -> None:
    """«Close my page» (a person's or a parent's): the session lets go of the person, of the
    children, and of a request kept for them, and nothing else: a staff sign-in in the same
    browser stays. Its key changes, so that a press of the page still being answered cannot
    save the page open again under the old one (Django answers that press 400)."""
    draft_drop(session)
    session.pop(SESSION_KEY, None)
    session.pop(GUARDIAN_KEY, None)
    session.cycle_key()


def is_ward_link(token: str) -> bool:
    """Whether a link's secret is a parent's (selfservice.ward_link_token), not a person's."""
    try:
        return "g" in signing.loads(token, salt=SALT, max_age=LINK_MAX_AGE)
    except (signing.BadSignature, TypeError):
        return False


def acting_address(session: SessionBase) -> str | None:
    """The address the session acts for children from, within its hour: a parent's link's, or
    the address of the person whose own page is open. None otherwise."""
    data = session.get(GUARDIAN_KEY)
    if data and type(data.get("g")) is int and data.get("until", 0) >= time.time():
        row = Guardian.objects.filter(pk=data["g"]).exclude(contact="").first()
        return row.contact if row is not None else None
    data = session.get(SESSION_KEY)
    if data and type(data.get("s")) is int and data.get("until", 0) >= time.time():
        return Subject.objects.filter(pk=data["s"]).values_list("email", flat=True).first()
    return None


def wards_overview(address: str) -> list[dict[str, Any]]:
    """Each child `address` acts for: the name the parent gave, and each purpose with a record
    on the child's ledger, whether it is given now and whether the page withdraws it at once."""
    shown = []
    for row in wards_at(address):
        latest = gate.latest_events(row.subject)
        purposes = []
        for code, purpose in PURPOSES.items():
            if code not in latest or purpose.banner_only:
                continue
            active = gate.may_process(row.subject, code)
            purposes.append({"code": code, "purpose": purpose, "active": active,
                             "optional": active and code in OPTIONAL})  # fmt: skip
        shown.append({"row": row, "child": child_named(row), "purposes": purposes})
    return shown


@transaction.atomic
def ward_withdraw(address: str, row_pk: int, purpose: str, request: HttpRequest) -> bool:
    """Withdraw one optional consent of a child `address` acts for, in force at once: a ledger
    row naming the parent, and its audit row, as the child's own page records one. False, with
    nothing recorded, for a child the address does not act for (come of age, say), a purpose
    the page does not switch, or a consent not given now."""
    row = next((w for w in wards_at(address) if w.pk == row_pk), None)
    if row is None or purpose not in OPTIONAL:
        return False
    entry = consent_withdraw_if_given(row.subject, purpose, source=Source.SELF_SERVICE,
                                      request=request, guardian=row)  # fmt: skip
    return entry is not None
