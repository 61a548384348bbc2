"""Parents and guardians as data subjects in their own right (compliance L6, L10, L13).

A parent who consents for a minor gives their own name and contact (an address or a phone
number), held on the child's record (`Guardian`). They have the rights any person has over that
data: the desk finds them, a request from their own mailbox is theirs, an access answer says
what is held about them. The one rule for "is anything held for this address" is `held_at`."""

from django.contrib.auth.base_user import AbstractBaseUser
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .audit import admin_logged, audit
from .gate import latest_events, needs_guardian
from .ledger import consent_require_again, subject_lock
from .models import AuditEvent, Declined, Guardian, LedgerEntry, Source, Subject
from .people_search import name_holders
from .phones import phone_holders
from .subjects import address_holders, address_lookup_key, normalise_email, subject_find


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
    found = name_holders(term)
    return Q(pk__in=[]) if found is None else found[0]


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


Kind = LedgerEntry.Kind

# The guardian rows that act for their child: given by the form that made the record
# (`Guardian.acts`), and confirmed by someone other than the parent's own mailbox, or needing
# no confirmation (`Guardian.pending`), and never declined (`Guardian.declined`). Every "may
# this parent act" asks it.
ACTING = Q(acts=True, pending=False, declined="")


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
    return "@" not in contact or address_lookup_key(contact) != address_lookup_key(child_email)


def needs_address(row: Guardian) -> bool:
    """Whether a parent waiting for confirmation gave no address (a phone only), so that the
    officer who confirms them asks for one (guardian_confirm's `address`)."""
    return "@" not in row.contact


def declined_before(subject: Subject, contact: str) -> str:
    """How `contact` was declined as `subject`'s parent or guardian (a `Declined` code), or ""
    if never: a later form naming it again makes a row declined the same way, which gives the
    child no consent (core.held.consent_decision, ledger.consent_grant)."""
    rows = subject.guardians.filter(contact__address=contact).exclude(declined="")
    return rows.values_list("declined", flat=True).first() or "" if contact else ""


def parents_waiting(subject: Subject) -> list[Guardian]:
    """The parents or guardians a form named for `subject` who do not act for them yet, one a
    contact (its latest row), for the person or an officer to confirm (guardian_confirm); none
    once the record shows them 18, when a parent acts for them in nothing. Not the person's own
    address: whoever reads it reads the person's mail already."""
    if not needs_guardian(subject):
        return []
    rows = subject.guardians.exclude(contact="")
    # A contact declined once (guardian_decline) waits no more, whatever form names it again:
    # a stranger re-sending the form would put themselves back on the child's page at will.
    settled = rows.filter(ACTING) | rows.exclude(declined="")
    acting = {address_lookup_key(contact) for contact in settled.values_list("contact", flat=True)}
    acting.add(address_lookup_key(subject.email))
    waiting: dict[str, Guardian] = {}
    for row in rows.exclude(ACTING).order_by("id"):
        if address_lookup_key(row.contact) not in acting:
            waiting[address_lookup_key(row.contact)] = row
    return list(waiting.values())


def declined_at(email: str | None) -> bool:
    """Whether `email` was declined as a child's parent or guardian (guardian_decline): what
    their own withdrawal's answer says instead of how to be confirmed, naming no one."""
    return guardians_at(email).exclude(contact="").exclude(declined="").exists()


def awaits_confirmation(email: str | None) -> bool:
    """Whether `email` was given as a parent's by the form that made the record of a child
    under 18 today, and waits to be confirmed (`Guardian.pending`) before it acts for them."""
    rows = guardians_at(email).exclude(contact="").filter(acts=True, pending=True, declined="")
    return any(needs_guardian(row.subject) for row in rows)


@transaction.atomic
def guardian_confirm(
    row: Guardian, reason: str, actor: AbstractBaseUser | None = None, address: str = ""
) -> bool:
    """Confirm that `row`'s contact is the child's parent or guardian: it acts from now, whichever
    form named it (the first, `Guardian.pending`, or a later one, `Guardian.acts`). `reason`:
    "guardian_by_child" (the child's address, on its «My data» page) or "guardian_by_document"
    (an officer who saw a document). False, with nothing changed, for a row that acts already,
    was declined (guardian_decline: the two exclude each other) or was erased. Every row of the
    child naming that contact (in any case of its ASCII letters: `__address`; a look-alike
    such as «maıl.kz» is another parent) is confirmed with it: a parent who sent the
    form twice is one parent, and their first row, left waiting, still told the desk and their
    withdrawal's answer that they were not confirmed.

    `address`: the parent's own address, which an officer asks of a parent who gave only a phone
    (`needs_address`): every right is used by a link mailed to an address and answered by mail,
    so a phone acts for nothing (desk_open.parents_acting, wards_at). It is kept as another row
    of the same parent, acting from now, beside the phone the form gave. Such a parent is not
    confirmed without one (the child's page offers no «yes» for them): confirmed, they would
    wait no more, and the officer could no longer add the address."""
    # One decision for a child's parent at a time (a confirm in one tab, a decline in another):
    # the second waits for the first, and finds the contact settled.
    if not row.contact or (needs_address(row) and not address) or not subject_lock(row.subject):
        return False  # a phone confirmed alone would act for nothing, and wait no more
    rows = Guardian.objects.filter(subject_id=row.subject_id, contact__address=row.contact)
    if rows.exclude(declined="").exists():  # declined: it never acts (guardian_decline)
        return False
    confirmed = list(rows.exclude(ACTING).order_by("id"))
    if not any(other.pk == row.pk for other in confirmed):
        return False
    if address and Guardian.objects.filter(subject_id=row.subject_id, contact__address=address,
                                           declined__gt="").exists():  # fmt: skip
        return False  # an address found not to be the child's parent's never acts for them
    rows.filter(pk__in=[other.pk for other in confirmed]).update(acts=True, pending=False)
    if address:
        confirmed.append(Guardian.objects.create(subject_id=row.subject_id, contact=address,
                                                 full_name=row.full_name))  # fmt: skip
    for other in confirmed:
        audit(AuditEvent.Action.SUBJECT_EDIT, actor=actor, subject=row.subject, obj=other,
              fields=["guardian"], reason=reason)  # fmt: skip
    admin_logged(AuditEvent.Action.SUBJECT_EDIT, actor=actor, obj=row.subject)
    return True


@transaction.atomic
def guardian_decline(
    row: Guardian, reason: str, actor: AbstractBaseUser | None = None
) -> list[str] | None:
    """Record that `row`'s contact is not the child's parent or guardian: `reason` a `Declined`
    code (the child on their page, or an officer and why). Every row of the child naming that
    contact (in any letter case) is declined with it, waits no more and never acts; each is
    kept, as the record of what a form said, with an audit row. None, with nothing changed,
    unless the contact waits for confirmation now (`parents_waiting`): confirmed, declined
    already (two tabs, a double click), erased, or the child 18.

    A minor's consent is given by their legal representative (Law 94-V Art. 7(1), 8(1)): one
    the ledger holds as given with a declined row was given by no one who could, so each
    purpose whose latest event is such a grant must be consented to again (a "reconsent" row,
    the gate says no from now). Returns those purposes. Nothing is mailed to the declined
    contact: whoever typed it learns nothing of the child's record from us."""
    if reason not in Declined.values or not subject_lock(row.subject):
        return None
    subject = row.subject
    waiting = {address_lookup_key(w.contact) for w in parents_waiting(subject)}
    if address_lookup_key(row.contact) not in waiting:
        return None
    rows = list(subject.guardians.filter(contact__address=row.contact).order_by("id"))
    Guardian.objects.filter(pk__in=[r.pk for r in rows]).update(declined=reason)
    for other in rows:
        audit(AuditEvent.Action.SUBJECT_EDIT, actor=actor, subject=subject, obj=other,
              fields=["guardian"], reason=reason)  # fmt: skip
    admin_logged(AuditEvent.Action.SUBJECT_EDIT, actor=actor, obj=subject)
    given = {r.pk for r in rows}
    source = Source.SELF_SERVICE if reason == Declined.BY_CHILD else Source.ADMIN
    grants = [(code, e) for code, e in latest_events(subject).items() if e.kind == Kind.GRANT]
    ended = [code for code, entry in grants if code and entry.guardian_id in given]
    for purpose in sorted(ended):
        consent_require_again(subject, purpose, source=source, actor=actor, reason=reason)
    return sorted(ended)


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
    rows = Guardian.objects.filter(pk=guardian_pk, subject=subject, declined="")
    return not rows.exists()  # a declined row is no parent's (guardian_decline)


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
    acting = guardian.acts and not guardian.pending and not guardian.declined
    name = guardian.subject.full_name if acting else ""
    return name or gettext("record No. %(number)s") % {"number": guardian.subject_id}


_UNREAD = object()


def held_at(email: str | None, holder: Subject | None = _UNREAD) -> tuple[Subject | None, bool]:
    """The one rule for "is anything held for this address": (the person on record who holds
    it, or None; whether a parent or guardian gave it with their consent for a child). A
    request, the self-service page and the desk's closing all ask it, so that a parent writing
    from their own mailbox is not told that nothing is held about them. `holder`: the person
    at the address as the caller has just read it (subjects.subject_find_for_update), not read
    again."""
    holder = subject_find(email=email) if holder is _UNREAD else holder
    return holder, guardians_at(email).exists()
