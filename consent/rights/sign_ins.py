"""What the staff sign-in kept of a person: django-axes records each failed sign-in (and, were
they switched on, each sign-in and each failure in a log) with the username as typed, the IP
address and the browser. A person who typed their address or phone number there by mistake (the
admin's door is one click from the site) is named in those rows, which a destruction left
behind (compliance T17, L13): they go with the person, their erasure as a parent, and the
erasure of the address or number by minimisation.

A name that is a staff account's own (its username or address) is the account's security
record, the lockout's count (T6): it is kept, and goes with the cool-off as every attempt does.

Every record also has a term of its own (compliance T6, L13; `sign_ins_expire`, run by the
nightly retention): an attempt once the cool-off is over (axes counts none older, and deleted
them only at someone's next sign-in), a failure in the log after SIGN_IN_FAILURES_KEPT_DAYS,
a staff sign-in (who, from which IP and browser) after STAFF_SIGN_INS_KEPT_DAYS."""

from collections.abc import Iterable
from datetime import datetime, timedelta

from axes.helpers import get_cool_off
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext_lazy

from consent.common.dates import local_date
from consent.core.addresses import address_folded
from consent.core.models import AuditEvent, Subject
from consent.core.phones import EXTENSION, normalise_phone
from consent.core.subjects import address_lookup_key

from .mailed import held_spans, held_then
from .models import Correction

RECORDS = (AccessAttempt, AccessFailureLog, AccessLog)
# What a record is, as the person's access answer says (sign_ins_of).
STAFF_SIGN_IN = gettext_lazy("staff sign-in")


def _phone(typed: str) -> str | None:
    try:
        return normalise_phone(typed)
    except ValidationError:
        return None


def _named(typed: str, addresses: Iterable[str], phones: set[str]) -> bool:
    """Whether `typed` (a username as axes kept it) is one of `addresses` (folded) or `phones`
    (E.164), however it was written: case, spaces, a domain as the DNS writes it, a number
    with or without its 8 or +7."""
    typed = typed.strip()
    if "@" in typed:
        return address_lookup_key(typed) in addresses
    return any(ch.isdigit() for ch in typed) and _phone(typed) in phones


def _staff_names() -> set[str]:
    users = get_user_model().objects.all()
    names = [*users.values_list("username", flat=True), *users.values_list("email", flat=True)]
    return {address_folded(name.strip()) for name in names if name}


def identifiers(subject: Subject) -> tuple[list[tuple], list[str]]:
    """The addresses the person held, each with the span they held it in (mailed.held_spans:
    on record, before a correction, or written from in a request), and the phone numbers (on
    record, or before a correction)."""
    addresses = held_spans(subject)
    phones = [subject.phone or ""]
    for old, new in Correction.objects.filter(subject=subject, field="phone").values_list(
        "old_value", "new_value"
    ):
        phones += [old, new]
    return addresses, phones


def _naming(model, addresses: dict[str, list], phones: set[str]) -> list:
    """The rows of `model` (one of RECORDS) whose username is one of `addresses` (folded, each
    with the spans it was held in: _folded) or `phones` (E.164), however it was typed."""
    if not (addresses or phones):
        return []
    # Rows that may hold one of them, to be read closely: an address's mailbox name, a
    # number's last seven digits (however it was typed, with spaces or dashes aside).
    near = Q(pk__in=[])
    for address in addresses:
        near |= Q(username__icontains=address.rpartition("@")[0] + "@")
    for phone in phones:
        near |= Q(username__regex=r"\D*".join(phone.split(EXTENSION)[0][-7:]))
    return [
        row for row in model.objects.filter(near)
        if _named(row.username, addresses, phones) and _while_held(row, addresses)
    ]  # fmt: skip


def _while_held(row, addresses: dict[str, list]) -> bool:
    """Whether `row`, if it names an address, was typed while the person held it: once someone
    else took it, what was typed with it is theirs (mailed.held_spans, as the mail to it is).
    The old holder's access answer gave a stranger's IP address and browser, and her
    destruction deleted them from his."""
    if "@" not in row.username:
        return True
    spans = addresses[address_lookup_key(row.username.strip())]
    at = row.attempt_time
    return any(held_then(since, until, at) for since, until in spans)


def _folded(addresses: Iterable, phones: Iterable[str]) -> tuple[dict[str, list], set[str]]:
    """`addresses` by their lookup key, each with the (since, until) spans it was held in: an
    item is an address held throughout, or (address, since, until) as held_spans gives it."""
    held: dict[str, list] = {}
    for item in addresses:
        address, since, until = (item, None, None) if isinstance(item, str) else item
        if key := address_lookup_key(address):
            held.setdefault(key, []).append((since, until))
    return held, {p for p in (_phone(p) for p in phones if p) if p}


def sign_ins_forget(addresses: Iterable, phones: Iterable[str]) -> int:
    """Delete the sign-in records whose username is one of `addresses` (each an address, or
    a held_spans span: typed within it) or `phones`, but for a staff account's own name.
    Returns how many went."""
    addresses, phones = _folded(addresses, phones)
    staff = _staff_names() if addresses or phones else set()
    gone = 0
    for model in RECORDS:
        mine = [row.pk for row in _naming(model, addresses, phones)
                if address_folded(row.username.strip()) not in staff]  # fmt: skip
        gone += model.objects.filter(pk__in=mine).delete()[0] if mine else 0
    return gone


def sign_ins_of(subject: Subject) -> list[dict]:
    """The sign-in records that name the person (their addresses and numbers, identifiers'),
    oldest first, as their access answer lists them: when, what, what was typed, from which
    IP address and browser, and the local day it is deleted by its term (sign_ins_expire).
    A staff account's own name too: the records of its sign-ins are about the person who holds
    it, kept for the lockout (T6) and their term, not destroyed with the person. Their
    destruction deleted these, and their answer never named them."""
    return sign_ins_named(*identifiers(subject))


def sign_ins_named(addresses: Iterable[str], phones: Iterable[str]) -> list[dict]:
    """sign_ins_of's records, of those naming `addresses` or `phones`: a parent's or guardian's
    address with no record of their own (held_as_guardian.py), whose erasure deletes them."""
    addresses, phones = _folded(addresses, phones)
    cool_off = get_cool_off()
    terms = {
        AccessAttempt: cool_off,
        AccessFailureLog: timedelta(days=settings.SIGN_IN_FAILURES_KEPT_DAYS),
        AccessLog: timedelta(days=settings.STAFF_SIGN_INS_KEPT_DAYS),
    }
    failed = AuditEvent.Action.LOGIN_FAILED.label
    # With the failure log on, each failure is a row of its own there: the attempt beside it
    # counts the same failures for the lockout.
    logged = getattr(settings, "AXES_ENABLE_ACCESS_FAILURE_LOG", False)
    rows = []
    for model in RECORDS[1:] if logged else RECORDS:
        for row in _naming(model, addresses, phones):
            term = terms[model]
            rows.append({
                "at": row.attempt_time,
                "what": str(STAFF_SIGN_IN if model is AccessLog else failed),
                "typed": row.username,
                "ip": row.ip_address or "",
                "user_agent": row.user_agent,
                "kept_until": local_date(row.attempt_time + term) if term else None,
            })  # fmt: skip
    return sorted(rows, key=lambda r: r["at"])


def sign_ins_expire(at: datetime) -> int:
    """Delete the sign-in records past their term at `at`; returns how many went. An attempt
    within the cool-off stays (it still counts towards the lockout, T6), and so does one when no
    cool-off is set (then every attempt counts for good)."""
    gone = 0
    cool_off = get_cool_off()
    if cool_off is not None:
        gone += AccessAttempt.objects.filter(attempt_time__lt=at - cool_off).delete()[0]
    for model, days in (
        (AccessFailureLog, settings.SIGN_IN_FAILURES_KEPT_DAYS),
        (AccessLog, settings.STAFF_SIGN_INS_KEPT_DAYS),
    ):
        gone += model.objects.filter(attempt_time__lt=at - timedelta(days=days)).delete()[0]
    return gone
