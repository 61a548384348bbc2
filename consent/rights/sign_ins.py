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
from consent.core.models import AuditEvent, Guardian, Subject, Submission
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


def identifiers(subject: Subject) -> tuple[list[tuple], list[tuple]]:
    """The addresses the person held, each with the span they held it in (mailed.held_spans:
    on record, before a correction, or written from in a request), and the phone numbers
    (phone_spans), each with the spans anyone else on record held it in beside (theirs=False):
    people share a number, and what was typed with it while two held it is neither's alone."""
    mine = phone_spans(subject)
    numbers = {number for number, _since, _until in mine}
    others = _phone_spans(Subject.objects.exclude(pk=subject.pk).filter(_holding(numbers)))
    phones = [(*span, True) for span in mine]
    phones += [(*span, False) for span in others if span[0] in numbers]
    # The first to hold a number has it from the start, as the first to take an address has:
    # what was typed with it before any record held it.
    first = {}
    for n, (number, since, _until, _theirs) in enumerate(phones):
        if number not in first or since < phones[first[number]][1]:
            first[number] = n
    for n in first.values():
        phones[n] = (phones[n][0], None, *phones[n][2:])
    return held_spans(subject), phones


def phone_spans(subject: Subject) -> list[tuple[str, object, object]]:
    """(number, from, until) of each time the person's record held a phone number (E.164): from
    when the record was made, or the correction that gave it, until the next (None: still),
    as mailed.held_spans has an address; a number held by someone else beside takes none away.
    A number one of their forms gave counts from that form on (a form changes no record)."""
    return _phone_spans([subject])


def _holding(numbers: set[str]) -> Q:
    """The people on record who hold or held one of `numbers`, or gave it on a form."""
    ever = Q(old_value__in=numbers) | Q(new_value__in=numbers)
    return (
        Q(phone__in=numbers)
        | Q(pk__in=Correction.objects.filter(ever, field="phone").values("subject"))
        | Q(pk__in=Submission.objects.filter(data__phone__in=numbers).values("subject"))
    )


def _phone_spans(people) -> list[tuple[str, object, object]]:
    """phone_spans of each of `people`, together: three queries."""
    people = list(people)
    changes: dict[int, list] = {person.pk: [] for person in people}
    for pk, *change in (
        Correction.objects.filter(subject__in=people, field="phone").order_by("at", "pk")
        .values_list("subject", "old_value", "new_value", "at")
    ):  # fmt: skip
        changes[pk].append(change)
    spans = []
    for person in people:
        held = changes[person.pk]
        value, since = (held[0][0] if held else person.phone), person.created_at
        for _old, new, at in held:
            spans.append((value, since, at))
            value, since = new, at
        spans.append((value, since, None))
    # And each number a form of theirs gave, from that form on: a form changes no record
    # (core.submissions), so a later form's number was held nowhere else, and what was typed
    # with it stayed after a destruction.
    given = Submission.objects.filter(subject__in=people, data__has_key="phone")
    spans += [(value, at, None) for value, at in given.values_list("data__phone", "created_at")]
    return [(number, since, until) for value, since, until in spans
            if value and (number := _phone(value))]  # fmt: skip


def _naming(model, addresses: dict[str, list], phones: dict[str, tuple], *, alone: bool) -> list:
    """The rows of `model` (one of RECORDS) whose username is one of `addresses` or `phones`
    (as _folded gives them: each with the spans it was held in), however it was typed, typed
    while the person held it (`alone`: and no one else on record held it then)."""
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
        if _named(row.username, addresses, phones)
        and _while_held(row, addresses, phones, alone=alone)
    ]  # fmt: skip


def _while_held(row, addresses: dict[str, list], phones: dict[str, tuple], *, alone) -> bool:
    """Whether `row` was typed while the person held what it names: once someone else took
    an address, what was typed with it is theirs (mailed.held_spans, as the mail to it is).
    The old holder's access answer gave a stranger's IP address and browser, and her
    destruction deleted them from his. So with a number, held from when a record or a
    correction gave it until the next correction (phone_spans): a stranger given the number
    she had changed had what he typed with it in her answer, deleted by her destruction.
    People share a number (a family's, an office's) at once: what was typed with it while
    another on record held it too may be either's. It goes with the destruction of either
    (nothing that may be hers stays), and is in neither's answer (`alone`: it would give one
    the other's IP address and browser)."""
    at = row.attempt_time
    if "@" in row.username:
        spans = addresses[address_lookup_key(row.username.strip())]
        return any(held_then(since, until, at) for since, until in spans)
    mine, others = phones[_phone(row.username)]
    held = any(held_then(*span, at) for span in mine)
    return held and not (alone and any(held_then(*span, at) for span in others))


def _folded(addresses: Iterable, phones: Iterable) -> tuple[dict[str, list], dict[str, tuple]]:
    """`addresses` by their lookup key, each with the (since, until) spans it was held in: an
    item is an address held throughout, or (address, since, until) as held_spans gives it.
    `phones` by their E.164 form, each with (the person's spans, others' spans beside): an item
    is a number held throughout by the person alone, or (number, since, until, theirs) as
    identifiers gives it."""
    held: dict[str, list] = {}
    for item in addresses:
        address, since, until = (item, None, None) if isinstance(item, str) else item
        if key := address_lookup_key(address):
            held.setdefault(key, []).append((since, until))
    numbers: dict[str, tuple] = {}
    for item in phones:
        phone, since, until, theirs = (item, None, None, True) if isinstance(item, str) else item
        if phone and (number := _phone(phone)):
            numbers.setdefault(number, ([], []))[0 if theirs else 1].append((since, until))
    return held, {number: spans for number, spans in numbers.items() if spans[0]}


def sign_ins_forget(addresses: Iterable, phones: Iterable[str]) -> int:
    """Delete the sign-in records whose username is one of `addresses` (each an address, or
    a held_spans span: typed within it) or `phones`, but for a staff account's own name.
    Returns how many went."""
    addresses, phones = _folded(addresses, phones)
    staff = _staff_names() if addresses or phones else set()
    gone = 0
    for model in RECORDS:
        mine = [row.pk for row in _naming(model, addresses, phones, alone=False)
                if address_folded(row.username.strip()) not in staff]  # fmt: skip
        gone += model.objects.filter(pk__in=mine).delete()[0] if mine else 0
    return gone


def guardian_phones_forget(numbers: Iterable[str]) -> int:
    """Delete what was typed into the staff sign-in with a parent's or guardian's phone number
    (`numbers`, as their rows held them) once no child's record names it and no person on
    record holds it: the number was theirs alone, given for a child now destroyed or with the
    item erased (erasure.subject_destroy, erasure.guardians_minimise). Its rows stayed, an IP
    address and browser beside the number. Returns how many went."""
    numbers = {n for n in numbers if n and "@" not in n}
    held = set(Guardian.objects.filter(contact__in=numbers).values_list("contact", flat=True))
    people = Subject.objects.filter(_holding(numbers))
    held |= {number for number, *_ in _phone_spans(people)}
    return sign_ins_forget([], sorted(numbers - held))


def unheld_forget(subject: Subject, phones: list[tuple]) -> int:
    """Delete what was typed into the staff sign-in with the numbers of `phones` (identifiers',
    read before a change) that the person holds no more (phone_spans, read now): a form of theirs
    erased (erasure.submission_erase) takes the number only it gave, and what was typed with it
    stayed after the number was gone. Returns how many went."""
    held = {number for number, *_ in phone_spans(subject)}
    return sign_ins_forget([], [span for span in phones if span[0] not in held])


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
        for row in _naming(model, addresses, phones, alone=True):
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
