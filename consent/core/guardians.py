"""Parents and guardians as data subjects in their own right (compliance L6, L10, L13).

A parent who consents for a minor gives their own name and contact (an address or a phone
number), held on the child's record (`Guardian`). They have the rights any person has over that
data: the desk finds them, a request from their own mailbox is theirs, an access answer says
what is held about them. The one rule for "is anything held for this address" is `held_at`."""

from django.contrib.auth.base_user import AbstractBaseUser
from django.db.models import Q, QuerySet
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .audit import audit
from .gate import needs_guardian
from .models import AuditEvent, Guardian, LedgerEntry, Subject
from .names import name_keys
from .people_search import named
from .phones import phone_holders
from .subjects import address_holders, normalise_email, subject_find


def guardian_holders(contact: str) -> Q:
    """The guardians who gave `contact` (an address as normalise_email gives it, or a number
    as normalise_phone does), found as the person on record is: a mailbox with or without its
    tag, a switchboard with each extension held after it. For the desk's search."""
    if "@" in contact:
        return address_holders(contact, "contact")
    return phone_holders(contact, "contact")


def guardians_named(term: str) -> Q:
    """The guardians whose name holds every word of `term`, in any alphabet and spelling, as
    the desk's search finds a person on record (consent.core.names); none for a term without
    a letter."""
    keys = name_keys(term)
    if not keys:
        return Q(pk__in=[])
    return named(keys)


def guarded_by(holders: Q) -> Q:
    """The people (minors) whose parent or guardian `holders` finds: a parent calling from their
    own number, writing from their own mailbox or giving their own name found no one, and the
    officer could answer that nothing was held, the parent's own name and contact included."""
    return Q(pk__in=Guardian.objects.filter(holders).values("subject"))


def guardians_at(email: str | None) -> QuerySet[Guardian]:
    """What is held about whoever writes from `email` as a parent or guardian: the guardian rows
    that hold exactly that address (as subject_find finds a person: the address a link goes
    to), the child's record with each. None once erased (an empty contact)."""
    email = normalise_email(email)
    if not email:
        return Guardian.objects.none()
    return (
        Guardian.objects.filter(contact__address=email)
        .select_related("subject")
        .order_by("subject_id", "id")
    )


# The guardian rows that act for their child: given by the form that made the record
# (`Guardian.acts`), and confirmed by someone other than the parent's own mailbox, or needing
# no confirmation (`Guardian.pending`). Every "may this parent act" asks it.
ACTING = Q(acts=True, pending=False)


def acts_for_any(email: str | None) -> bool:
    """Whether `email` was given as a parent's by the form that made a child's record, of age
    now or not, and confirmed (ACTING): a parent named only by later forms, or not yet
    confirmed, acts for no child."""
    return guardians_at(email).exclude(contact="").filter(ACTING).exists()


def guardian_pending(contact: str, child_email: str | None) -> bool:
    """Whether a parent named with `contact` by the form that makes a child's record under
    `child_email` waits to be confirmed (`Guardian.pending`): yes unless they gave the child's
    own address, whose mailbox every mail to them then reaches (the common case: one family
    address). A form proves only what its sender typed; a stranger typing their own address as
    the parent's would read, or have destroyed, the child's record."""
    own = normalise_email(contact) if "@" in contact else ""
    child = normalise_email(child_email) or ""
    return not own or own.lower() != child.lower()  # lookups ignore case: one mailbox


def parents_waiting(subject: Subject) -> list[Guardian]:
    """The parents or guardians a form named for `subject` who do not act for them yet, one a
    contact (its latest row), for the person or an officer to confirm (guardian_confirm); none
    once the record shows them 18, when a parent acts for them in nothing. Not the person's own
    address: whoever reads it reads the person's mail already."""
    if not needs_guardian(subject):
        return []
    rows = subject.guardians.exclude(contact="")
    acting = {contact.lower() for contact in rows.filter(ACTING).values_list("contact", flat=True)}
    acting.add((subject.email or "").lower())
    waiting: dict[str, Guardian] = {}
    for row in rows.exclude(ACTING).order_by("id"):
        if row.contact.lower() not in acting:
            waiting[row.contact.lower()] = row
    return list(waiting.values())


def awaits_confirmation(email: str | None) -> bool:
    """Whether `email` was given as a parent's by the form that made the record of a child
    under 18 today, and waits to be confirmed (`Guardian.pending`) before it acts for them."""
    rows = guardians_at(email).exclude(contact="").filter(acts=True, pending=True)
    return any(needs_guardian(row.subject) for row in rows)


def guardian_confirm(row: Guardian, reason: str, actor: AbstractBaseUser | None = None) -> bool:
    """Confirm that `row`'s contact is the child's parent or guardian: it acts from now, whichever
    form named it (the first, `Guardian.pending`, or a later one, `Guardian.acts`). `reason`:
    "guardian_by_child" (the child's address, on its «My data» page) or "guardian_by_document"
    (an officer who saw a document). False, with nothing changed, for a row that acts already or
    was erased. Every row of the child naming that contact (in any letter case) is confirmed with
    it: a parent who sent the form twice is one parent, and their first row, left waiting, still
    told the desk and their withdrawal's answer that they were not confirmed."""
    if not row.contact:
        return False
    rows = Guardian.objects.filter(subject_id=row.subject_id, contact__iexact=row.contact)
    confirmed = list(rows.exclude(ACTING).order_by("id"))
    if not any(other.pk == row.pk for other in confirmed):
        return False
    rows.filter(pk__in=[other.pk for other in confirmed]).update(acts=True, pending=False)
    for other in confirmed:
        audit(AuditEvent.Action.SUBJECT_EDIT, actor=actor, subject=row.subject, obj=other,
              fields=["guardian"], reason=reason)  # fmt: skip
    return True


def wards_at(email: str | None) -> list[Guardian]:
    """The children whoever writes from `email` may act for as a parent or guardian (Art. 7(1),
    8(1): a minor's consent is given and withdrawn by their legal representative): the guardian
    rows holding that address whose child the record shows under 18 today, one a child (the
    latest given). A child who has come of age acts for themselves, so is not among them. Nor
    is a child whose row a later form added to a record already held (`Guardian.acts`): whoever
    typed the child's address could name their own as the parent's, and read the child's data
    or have it destroyed; nor, for the same reason, one not yet confirmed (ACTING)."""
    rows: dict[int, Guardian] = {}
    for row in guardians_at(email).exclude(contact="").filter(ACTING):
        rows[row.subject_id] = row  # the latest row of a child, as guardians_at orders them
    return [row for row in rows.values() if needs_guardian(row.subject)]


def guardian_lacking(subject: Subject, guardian_pk: object) -> bool:
    """Whether a consent for `subject`, given with the guardian row `guardian_pk` (the number a
    held form or an emailed link carries, or None), would be recorded without a parent's or
    guardian's consent though the record shows them under 18 now (the gate's rule 4;
    compliance L6). Only a row on this child's own record counts: the number may be another
    child's row, or one of a record destroyed and made anew."""
    if not needs_guardian(subject):
        return False
    return not Guardian.objects.filter(pk=guardian_pk, subject=subject).exists()


def given_as_guardian(email: str | None) -> list[tuple[Guardian, list[str]]]:
    """What whoever writes from `email` gave as a parent or guardian, for their access answer:
    each guardian row still holding their data (its child's record with it) and the purposes
    they consented to for that child, in the order given."""
    rows = list(guardians_at(email).exclude(contact=""))
    granted = LedgerEntry.objects.filter(guardian__in=rows, kind=LedgerEntry.Kind.GRANT)
    purposes: dict[int, list[str]] = {row.pk: [] for row in rows}
    for guardian_id, purpose in granted.order_by("id").values_list("guardian_id", "purpose"):
        if purpose not in purposes[guardian_id]:
            purposes[guardian_id].append(purpose)
    return [(row, purposes[row.pk]) for row in rows]


# A guardian row whose name and contact were erased (erasure.guardian_erase, guardians_minimise):
# the row stays, as the proof that a parent or guardian gave the child's consent.
GUARDIAN_ERASED = _("a parent or guardian (their name and contact erased)")


def guardian_name(guardian: Guardian | None) -> str:
    """Who gave (or withdrew) a minor's consent, by name, wherever a ledger row is read (the
    desk, the evidence, the access export): an erased one as erased, never an empty cell, which
    read as a consent the minor gave alone. "" for a row no guardian gave."""
    if guardian is None:
        return ""
    return guardian.full_name or str(GUARDIAN_ERASED)


def child_named(guardian: Guardian) -> str:
    """The child a parent consented for, as the parent knows them (the name the form gave,
    as on record), else the record's number: nothing more of the child's record. A row that
    does not act for the child (ACTING) gets the number alone: its form found or made the
    record by the address it typed, and the name on record is not the typer's to learn."""
    name = guardian.subject.full_name if guardian.acts and not guardian.pending else ""
    return name or gettext("record No. %(number)s") % {"number": guardian.subject_id}


def held_at(email: str | None) -> tuple[Subject | None, bool]:
    """The one rule for "is anything held for this address": (the person on record who holds
    it, or None; whether a parent or guardian gave it with their consent for a child). A
    request, the self-service page and the desk's closing all ask it, so that a parent writing
    from their own mailbox is not told that nothing is held about them."""
    return subject_find(email=email), guardians_at(email).exists()
