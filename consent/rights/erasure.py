"""Destroying and minimising what is held about a person (Art. 1(6), 18; compliance L13, L14).

Only the rights desk destroys: in answer to a request, or when retention finds that no purpose
may keep a person's data any longer.
"""

from collections.abc import Iterable
from datetime import datetime

from django.contrib.auth.base_user import AbstractBaseUser
from django.db import connection, transaction
from django.db.models import Q
from post_office.models import Attachment, Email

from consent.core import gate
from consent.core.audit import audit
from consent.core.files import file_delete
from consent.core.guardians import guardians_at, held_at
from consent.core.ledger import subject_lock
from consent.core.models import AuditEvent, Guardian, LedgerEntry, Subject, Submission, Tombstone
from consent.core.purposes import DATA_FIELDS, PURPOSES
from consent.core.subjects import normalise_email
from consent.core.submissions import sent_for_others
from consent.core.withheld import WAITING

from .alerts import notify_reopened
from .closing import ticket_close, ticket_reopen
from .forgetting import journal, requests_forget, tombstone_write
from .mailed import mail_for_child, mail_of, mail_to, mail_to_guardian
from .models import Correction, QuarantinedMessage, Ticket
from .outbox import mail_attachments_delete, mail_delete
from .set_aside import set_aside_destroyed, set_aside_of, set_aside_of_guardian
from .sign_ins import guardian_phones_forget, identifiers, sign_ins_forget, unheld_forget


@transaction.atomic
def subject_destroy(
    subject: Subject, *, request_ref: str, actor: AbstractBaseUser | None = None
) -> Tombstone:
    """Destroy everything held about the subject so that it cannot be restored (Art. 1(6), 18).
    Rows go with the transaction, and so do the photo and mail attachment files (rows too:
    `core.files.file_delete`). What remains is a tombstone and the audit row: the request, the
    time, the staff member, no personal data. A child's guardian rows go with them; a parent
    held as nobody else's and not on record themselves goes too (`guardian_erase`, L6)."""
    # The person's row is held first: an operation on them under way (an access export
    # queuing its mail) finishes before what it wrote is looked for, and none starts after.
    subject_lock(subject)
    subject_ref = subject.pk
    contacts = set(subject.guardians.values_list("contact", flat=True))
    parents = {contact for contact in contacts if "@" in contact}
    files = {subject.photo.name} | set(
        Submission.objects.filter(subject=subject).exclude(photo="").values_list("photo", flat=True)
    )
    files.discard("")
    storage = subject.photo.storage
    # Queued and sent mail to the person, with their delivery logs and attachments (the access
    # export), also at an address they held before a correction or wrote a request from, even
    # one someone else holds now (mailed.mail_to); and the mail written to their parent about
    # them (mailed.mail_for_child), which their guardian rows' cascade left queued, unlinked.
    attachment_files = mail_delete(mail_of(subject))
    # The letters set aside from their addresses (set_aside.py), read before the corrections
    # and requests that say which addresses were theirs are emptied; not one another's block holds.
    letters = set_aside_destroyed(set_aside_of(subject), but=subject)
    # And what they typed into the staff sign-in, by the same addresses (sign_ins.py).
    typed = identifiers(subject)
    # Requests keep their number and dates for the record, not the person's words or address.
    tickets = Ticket.objects.filter(
        pk__in=list(Ticket.objects.of(subject).values_list("pk", flat=True))
    )
    # The person's other requests still open close with the data: nothing is held to answer
    # them with, nor an address to answer to (the one destroying closes itself, with its mail).
    for ticket in tickets.open():
        if ticket.reference != request_ref:
            ticket_close(ticket, outcome="", status=Ticket.Status.NO_DATA, actor=actor,
                         detail={"destroyed_by": request_ref}, notify=False)  # fmt: skip
    requests_forget(tickets)
    tickets.update(subject=None)
    Correction.objects.filter(subject=subject).delete()
    QuarantinedMessage.objects.filter(pk__in=letters).delete()
    sign_ins_forget(*typed)
    actor_id = actor.pk if actor is not None else None
    actor_label = actor.get_username() if actor is not None else ""
    if connection.vendor == "postgresql":
        # The ledger rows, the tombstone and the audit row, in one call (consent/core/sql.py).
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT emalu_destroy_subject(%s, %s, %s, %s)",
                [subject_ref, request_ref, actor_id, actor_label],
            )
            tombstone_id = cursor.fetchone()[0]
        Subject.objects.filter(pk=subject_ref).delete()
        tombstone = Tombstone.objects.get(pk=tombstone_id)
    else:  # the development database has no roles or triggers to pass
        LedgerEntry.objects.filter(subject_id=subject_ref)._raw_delete(connection.alias)
        Subject.objects.filter(pk=subject_ref).delete()
        tombstone = Tombstone.objects.create(
            subject_ref=subject_ref, request_ref=request_ref, actor_id=actor_id,
            actor_label=actor_label,
        )  # fmt: skip
        audit(AuditEvent.Action.SUBJECT_DESTROY, actor=actor, subject=subject, obj=tombstone)
    for name in files:
        file_delete(storage, name)
    for attachment_storage, name in attachment_files:
        file_delete(attachment_storage, name)
    for address in sorted(parents):  # their requests and mail were held as the child's record
        if held_at(address) == (None, False):
            guardian_erase(address, request_ref=request_ref, actor=actor)
    guardian_phones_forget(contacts - parents)  # and what a parent typed with their number
    journal(tombstone)
    return tombstone


@transaction.atomic
def guardian_erase(
    email: str,
    *,
    request_ref: str,
    actor: AbstractBaseUser | None = None,
    until: datetime | None = None,
) -> Tombstone | None:
    """Destroy what a parent or guardian gave of themselves with their consent for a child, at
    their request (Art. 1(6), 18; compliance L6, L13): their name and contact on each child's
    record they gave them for, their own requests but for number and dates (requests_forget),
    and their mail (mailed.mail_to_guardian: what no person on record holds by the rule of
    whose mail it is, mailed.mail_to). The guardian row stays,
    emptied: the child's ledger rows point to it (append-only), so that a parent's or
    guardian's consent stays provable (time, text, source) without naming them, as
    minimisation leaves it. One audit row per child's record, and a tombstone naming the
    guardian rows (`tombstones reapply`); None when nothing was left to erase. `until`: only
    what was held by then (reapplying in a restored database that has served people since)."""
    rows = guardians_at(email).exclude(contact="")
    tickets = Ticket.objects.of_guardian(email)
    mailed = mail_to_guardian(email)
    if until is not None:
        rows = rows.filter(created_at__lte=until)
        tickets = tickets.filter(received_at__lte=until)
        mailed &= Q(created__lte=until)
    letters = set_aside_of_guardian(email)
    if until is not None:
        letters = letters.filter(received_at__lte=until)
    rows = list(rows)
    letters = set_aside_destroyed(letters)
    if not (rows or letters or tickets.exists() or Email.objects.filter(mailed).exists()):
        return None
    for guardian in rows:
        audit(AuditEvent.Action.SUBJECT_EDIT, actor=actor, subject=guardian.subject,
              obj=guardian, erased="guardian", request=request_ref)  # fmt: skip
    Guardian.objects.filter(pk__in=[g.pk for g in rows]).update(
        full_name="", name_key="", contact=""
    )
    for ticket in tickets.open():
        if ticket.reference != request_ref:
            ticket_close(ticket, outcome="", status=_unanswerable(ticket), actor=actor,
                         detail={"destroyed_by": request_ref}, notify=False)  # fmt: skip
    requests_forget(tickets)
    QuarantinedMessage.objects.filter(pk__in=letters).delete()
    sign_ins_forget([email], [])
    for attachment_storage, name in mail_delete(mailed):
        file_delete(attachment_storage, name)
    return tombstone_write(Tombstone.Kind.GUARDIAN, subject_ref=None,
                           erased=sorted(g.pk for g in rows), request_ref=request_ref,
                           actor=actor)  # fmt: skip


def _unanswerable(ticket: Ticket) -> str:
    """How a parent's erasure closes a request of theirs still open: «no data held» of one
    nothing is held for now; of one they asked for a child on record, whose data is held and
    stays, «closed without action» (its asker and the address to answer at are gone). It said
    «no data held» of the child's correction, of a record whose data is held."""
    return Ticket.Status.NO_DATA if ticket.subject_id is None else Ticket.Status.CLOSED


# The person's own fields and what an erased one becomes.
ERASED = {"full_name": "", "email": None, "phone": None, "birth_date": None, "birth_place": ""}


@transaction.atomic
def subject_minimise(
    subject: Subject,
    keep: Iterable[str],
    *,
    request_ref: str,
    actor: AbstractBaseUser | None = None,
) -> list[str]:
    """Erase every item of data (keys of purposes.DATA_FIELDS) not in `keep`: what is left once
    a withdrawn purpose was the only one to need it (compliance L14), as a destruction of those
    items (Art. 18): the outbox keeps no copy of them (outbox_copies_delete), nor, once the
    address goes, any mail to the person (mailed.mail_to, as subject_destroy), and a tombstone
    names them for `tombstones reapply`. `request_ref`: the request (or retention's run) it
    answers. Returns the names erased."""
    gone = set(DATA_FIELDS) - set(keep)
    mailed = mail_to(subject)  # read before the address and its corrections are erased
    # So are the letters set aside from the address, which go with it (set_aside.py).
    letters = set_aside_destroyed(set_aside_of(subject), but=subject) if "email" in gone else []
    addresses, phones = identifiers(subject)  # and what was typed into the staff sign-in
    typed = (addresses if "email" in gone else [], phones if "phone" in gone else [])
    erased = [f for f, empty in ERASED.items() if f in gone and getattr(subject, f) != empty]
    for name in erased:
        setattr(subject, name, ERASED[name])
    files = []
    submissions = Submission.objects.filter(subject=subject)
    if "photo" in gone:
        files = [subject.photo.name, *submissions.values_list("photo", flat=True)]
        files = [name for name in files if name]
        erased += ["photo"] if files else []
        subject.photo = ""
        submissions.update(photo="")
    if erased:  # retention asks again each night (`retention._ended_before`): no write for nothing
        subject.save()
    for submission in submissions:
        data = {k: v for k, v in submission.data.items() if k not in gone}
        if data != submission.data:
            erased += sorted(set(submission.data) - set(data) - set(erased))
            submission.data = data
            submission.save(update_fields=["data"])
    if "guardian" in gone and Guardian.objects.filter(subject=subject).exclude(contact="").exists():
        files_mailed = guardians_minimise(subject)
        erased.append("guardian")
    else:
        files_mailed = []
    Correction.objects.filter(subject=subject, field__in=gone).delete()
    if erased:
        sign_ins_forget(*typed)
        outbox_copies_delete(subject, cause="minimised", actor=actor, mailed=mailed)
        if "email" in erased:  # the mail written to it holds it: it goes as a destruction's
            for attachment_storage, name in mail_delete(mailed):
                file_delete(attachment_storage, name)
            QuarantinedMessage.objects.filter(pk__in=letters).delete()
            # So does the address of each request of theirs answered; one still open keeps it
            # until it is answered there (mailed.mail_to finds that answer by it).
            Ticket.objects.filter(subject=subject).closed().update(email="")
        audit(AuditEvent.Action.SUBJECT_EDIT, actor=actor, subject=subject, fields=erased)
        tombstone_write(Tombstone.Kind.MINIMISED, subject_ref=subject.pk, erased=sorted(gone),
                        request_ref=request_ref, actor=actor)  # fmt: skip
    for name in files:
        file_delete(subject.photo.storage, name)
    for attachment_storage, name in files_mailed:
        file_delete(attachment_storage, name)
    return erased


def guardians_minimise(subject: Subject) -> list:
    """Empty the name and contact of the person's parent or guardian (the item "guardian"); at
    each address of theirs no child's record holds any more, delete their mail (by the rule of
    a guardian's mail, mailed.mail_to_guardian) as a destruction does (mail_delete), and keep of
    their requests already answered what their erasure keeps (requests_forget: an answer to a
    parent names the name and contact erased); one open keeps its address, to be answered at.
    Returns the files to delete."""
    rows = Guardian.objects.filter(subject=subject)
    contacts = set(rows.values_list("contact", flat=True))
    addresses = {normalise_email(c) for c in contacts if "@" in c}
    rows.update(full_name="", name_key="", contact="")
    guardian_phones_forget(contacts)
    files = []
    for address in sorted(a for a in addresses if a):
        if not guardians_at(address).exclude(contact="").exists():
            files += mail_delete(mail_to_guardian(address))
            requests_forget(Ticket.objects.of_guardian(address).closed())
    return files


def outbox_copies_delete(
    subject: Subject, *, cause: str, actor: AbstractBaseUser | None = None, mailed: Q | None = None
) -> None:
    """Delete the access answers mailed to the person before (rows, and files with the
    transaction) once their data was erased or corrected (`cause`: "corrected", "minimised"):
    the outbox keeps no copy of what is no longer held or no longer true, and their letters
    expire with them (a new answer is made from the data held then). An answer still waiting
    in the outbox never reaches the person so: its request is reopened (closing.ticket_reopen),
    back among the officers' open work with its due date, and the officers are told. `mailed`:
    the person's mail as it was before an erasure of their address (mailed.mail_to). With it,
    the mail to their parent about them (mailed.mail_for_child): the answer about a child mailed
    to her mother kept what was erased or corrected since."""
    mine = mail_to(subject) if mailed is None else mailed
    emails = Email.objects.filter(mine | mail_for_child(subject))
    unsent = emails.filter(status__in=WAITING)
    unsent_files = set(Attachment.objects.filter(emails__in=unsent).values_list("name", flat=True))
    for storage, name in mail_attachments_delete(emails):
        file_delete(storage, name)
    answered = Ticket.objects.filter(subject=subject, type=Ticket.Type.ACCESS,
                                     status=Ticket.Status.DONE)  # fmt: skip
    for ticket in answered:
        if ticket.answer_files & unsent_files:
            # The request as reopening left it (open, its date counted again), not as read
            # above: the notice said a request past its date was «due on» a day gone.
            notify_reopened(ticket_reopen(ticket, cause=cause, actor=actor))


@transaction.atomic
def submission_erase(
    submission: Submission,
    *,
    reason: str,
    request_ref: str,
    actor: AbstractBaseUser | None = None,
) -> Tombstone:
    """Erase one submission (what the form sent, and its photo unless the person's record or
    another submission still holds that file) once nothing needs it, e.g. an inquiry answered
    and past its grace period (compliance L5), as a destruction (Art. 18): the audit row keeps
    its number and the reason, and a tombstone names it for `tombstones reapply`, which a
    restored backup brought back until the next night erased it again. `request_ref`: the
    retention run (or request) it answers."""
    subject = submission.subject
    audit(AuditEvent.Action.SUBJECT_EDIT, actor=actor, subject=subject, obj=submission,
          erased="submission", reason=reason)  # fmt: skip
    name = submission.photo.name
    storage = submission.photo.storage
    erased = [submission.pk]
    _addresses, phones = identifiers(subject)
    submission.delete()
    unheld_forget(subject, phones)  # what was typed with a number only this form gave
    still_held = subject.photo.name == name or Submission.objects.filter(photo=name).exists()
    if name and not still_held:
        file_delete(storage, name)
    return tombstone_write(Tombstone.Kind.SUBMISSION, subject_ref=subject.pk, erased=erased,
                           request_ref=request_ref, actor=actor)  # fmt: skip


@transaction.atomic
def subject_reduce(
    subject: Subject, *, request_ref: str, actor: AbstractBaseUser | None = None
) -> Tombstone | list[str]:
    """Once a purpose has ended for the person (expired, achieved): destroy everything when no
    consent stands any more, else erase what none of the standing purposes lists (Art. 12(2),
    18; compliance L5, L14). Returns the tombstone, or the names of the data erased."""
    standing = gate.consents_standing(subject)
    if not standing:
        return subject_destroy(subject, request_ref=request_ref, actor=actor)
    return subject_keep_only_for(subject, standing, request_ref=request_ref, actor=actor)


def subject_keep_only_for(
    subject: Subject,
    purposes: Iterable[str],
    *,
    request_ref: str,
    actor: AbstractBaseUser | None = None,
) -> list[str]:
    """Erase what none of `purposes` needs: what the person's forms sent for another purpose
    (compliance L14: a message once the service consent is withdrawn or ended, the newsletter
    sign-up once the news consent is), and every item of data their declared lists leave out."""
    for submission in sent_for_others(subject, purposes):
        submission_erase(submission, reason="consent_ended", request_ref=request_ref, actor=actor)
    keep = {name for code in purposes for name in PURPOSES[code].fields}
    return subject_minimise(subject, keep, request_ref=request_ref, actor=actor)
