"""Self-service: a person sees and changes their own consents behind a single-use emailed link.

The same identity check as the requests desk (compliance L9): the link goes only to an address on
record, works once, and expires within an hour. Whoever asks gets the same answer.
"""

import time
import uuid
from datetime import timedelta

from django.contrib.sessions.backends.base import SessionBase
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from consent.common.link_secrets import redact
from consent.common.net import absolute_url
from consent.core import gate
from consent.core.audit import audit
from consent.core.guardians import awaits_confirmation, held_at, wards_at
from consent.core.ledger import consent_grant, consent_withdraw_if_given, subject_lock
from consent.core.mail import queue_mail
from consent.core.models import AuditEvent, Guardian, Source, Subject
from consent.core.purposes import PURPOSES
from consent.core.subjects import address_tag, address_tag_matches
from consent.core.texts import current_text
from consent.core.transfers import consent_offered

from .joining import file_with_open, same_request_open
from .links_spent import LINK_MAX_AGE, SALT, link_spend
from .models import KeptRequest, Ticket
from .tickets import ticket_confirmed, ticket_create, ticket_verify

SESSION_KEY = "self_service"
SESSION_SECONDS = 3600
OPTIONAL = [code for code, p in PURPOSES.items() if not p.required and not p.banner_only]


class Gone(Exception):
    """The person's data was destroyed while the page was open (a destruction on the desk, or
    retention, finished first): nothing is left to show, change or export."""


def _hold(subject: Subject) -> None:
    """Hold the person's row until the transaction ends and read it again: what the page does
    for the person runs before or after a desk operation on them, never beside it, in the
    desk's order (the person first, then any request: `closing.ticket_lock`, and
    `erasure.subject_destroy`). Raises Gone when the person's data was destroyed meanwhile."""
    if not subject_lock(subject):
        raise Gone
    subject.refresh_from_db()


def may_give(purpose: str) -> bool:
    """Whether the page takes this consent now: an optional purpose the forms ask for now
    (consent_offered: a published text to give it to; the cross-border one only while its text
    names every processor configured, compliance L2). Withdrawing one already given is always
    taken."""
    return purpose in OPTIONAL and consent_offered(purpose)


def link_send(email: str, language: str) -> None:
    """Mail a link to the address if it is on record, else a note: that nothing is held, or,
    to a parent or guardian who gave it for a child, that their data is held and how to ask
    for it (the page is a person's own record; held_at is the one rule).

    A parent or guardian of a child under 18 gets a link to the child's consents (wards.py).
    Every path renders and queues one email, so neither the page nor its timing tells them apart.
    """
    subject, as_guardian = held_at(email)
    # Asked for every address, so that a stranger's takes the same queries as a customer's.
    wards, waits = wards_at(email), awaits_confirmation(email)
    with translation.override(language):
        if subject is not None:
            url = absolute_url(reverse("self_service_open", args=[link_token(subject)]))
            queue_mail(subject.email, "self_service_link", {"url": url}, language=language,
                       subject_line=_("Your link to your data"))  # fmt: skip
        elif wards:  # a parent acting for a child under 18 (wards.py), with no record of their own
            url = absolute_url(reverse("self_service_open", args=[ward_link_token(wards[0])]))
            queue_mail(email, "self_service_link", {"url": url, "guardian": True},
                       language=language, subject_line=_("Your link to your data"))  # fmt: skip
        else:
            context = {"guardian": as_guardian, "waits": waits,
                       "request_url": absolute_url(reverse("request_new"))}  # fmt: skip
            queue_mail(email, "self_service_unknown", context, language=language,
                       subject_line=_("Your link to your data"))  # fmt: skip


def link_token(subject: Subject) -> str:
    """The secret of a single-use link to the person's page, mailed to their address on
    record: their number, a nonce, and the tag of that address."""
    data = {"s": subject.pk, "n": uuid.uuid4().hex, "a": address_tag(subject.email)}
    return signing.dumps(data, salt=SALT)


def ward_link_token(row: Guardian) -> str:
    """A parent's single-use link (wards.py): the guardian row, a nonce, its address's tag."""
    data = {"g": row.pk, "n": uuid.uuid4().hex, "a": address_tag(row.contact)}
    return signing.dumps(data, salt=SALT)


def link_open(token: str, session: SessionBase, browser: str = "") -> Subject | None:
    """Spend the link (`link_spend`, by the browser whose CSRF cookie is `browser`): the
    session holds the subject for an hour; or None."""
    if (
        subject := link_spend(token, "s", Subject.objects.all(), "email", browser, session)
    ) is None:
        return None
    session.cycle_key()
    until = time.time() + SESSION_SECONDS
    session[SESSION_KEY] = {"s": subject.pk, "a": address_tag(subject.email), "until": until}
    audit(AuditEvent.Action.SELF_SERVICE_OPEN, subject=subject)
    return subject


def link_opened_here(token: str, session: SessionBase) -> bool:
    """Whether this session is open, within its hour, on the person a link names: the link
    pressed again where it was spent (the Back button, a second tap) finds their page open,
    not «this link was used». Opens nothing: another browser is still refused."""
    try:
        subject_pk = signing.loads(token, salt=SALT, max_age=LINK_MAX_AGE)["s"]
    except (signing.BadSignature, KeyError, TypeError):
        return False
    data = session.get(SESSION_KEY)
    return session_held(session) and type(subject_pk) is int and data["s"] == subject_pk


def session_held(session: SessionBase) -> bool:
    """Whether the session is open on a person, within its hour, whether or not their data is
    still held."""
    data = session.get(SESSION_KEY)
    return bool(data) and data.get("until", 0) >= time.time()


# A request written after the page closed, for the person's next page: a KeptRequest row of theirs.
DRAFT_KEY = "self_service_draft"
DRAFT_SECONDS = 24 * 3600


def draft_keep(session: SessionBase, fields: dict[str, str]) -> bool:
    """Keep a request sent after the person's page closed (it went nowhere, and may have taken
    the hour to write) for their next page in this browser within a day. Call before the session
    lets go of the person; nothing is kept for no one, nor for one whose data is gone (False)."""
    subject = session_subject(session, expired=True)
    if subject is None:
        return False
    draft_drop(session)
    number = kept_new(subject, fields)
    if number is not None:
        session[DRAFT_KEY] = number
    return number is not None


def kept_new(subject: Subject, fields: dict[str, str]) -> int | None:
    """A request written for `subject` and not sent, kept for a day (KeptRequest), a link pasted
    in it without its secret (tickets.ticket_create's rule): its row's number, None when the
    subject's data is gone. The one rule of a draft, own page (draft_keep) or a parent's (wards)."""
    until = timezone.now() + timedelta(seconds=DRAFT_SECONDS)
    fields = {**fields, "message": redact(fields.get("message", ""))}
    with transaction.atomic():  # not beside a destruction of the person (see `_hold`)
        if not subject_lock(subject):
            return None
        return KeptRequest.objects.create(subject=subject, kept_until=until, **fields).pk


def kept_read(number: object, subject: Subject) -> dict[str, str] | None:
    """The request kept as `number` for `subject` while its day lasts; None otherwise."""
    rows = KeptRequest.objects.filter(subject=subject, kept_until__gte=timezone.now())
    kept = rows.filter(pk=number).first() if type(number) is int else None
    return None if kept is None else {"type": kept.type, "message": kept.message}


def draft_read(session: SessionBase, subject: Subject) -> dict[str, str]:
    """The request kept by draft_keep for this person, until it is sent (draft_drop) or its day
    is over: a reload of the page shows it again. Another person's is dropped."""
    kept = kept_read(session.get(DRAFT_KEY), subject)
    if kept is None:
        draft_drop(session)
        return {}
    return kept


def draft_drop(session: SessionBase) -> None:
    """The request is sent, or the person closed their page: nothing is kept any longer."""
    number = session.pop(DRAFT_KEY, None)
    if type(number) is int:
        KeptRequest.objects.filter(pk=number).delete()


def session_subject(session: SessionBase, expired: bool = False) -> Subject | None:
    """The person the session is open on, within its hour (or past it too: `expired`), while
    their data is held at the address its link went to (link_spend's rule, kept for the hour)."""
    data = session.get(SESSION_KEY)
    if not data or type(data.get("s")) is not int:
        return None
    if not expired and data.get("until", 0) < time.time():
        return None
    subject = Subject.objects.filter(pk=data["s"]).first()
    return subject if subject and address_tag_matches(str(data.get("a")), subject.email) else None


class Switched:
    """What set_consent did."""

    GIVEN, WITHDRAWN, UNCHANGED = "given", "withdrawn", "unchanged"
    # Under 18: a consent given here alone would not stand (gate rule 4), so nothing is recorded;
    # a parent or guardian gives it with the child on the application form.
    GUARDIAN_NEEDED = "guardian_needed"
    # Not asked for now (the cross-border consent while its text names nobody configured).
    NOT_OFFERED = "not_offered"
    # Processing blocked (compliance L12): no consent is recorded until the block is lifted, as
    # neither a form nor an emailed link records one then; a withdrawal still is.
    BLOCKED = "blocked"


@transaction.atomic
def set_consent(subject: Subject, purpose: str, give: bool, request: HttpRequest, text=None) -> str:
    """Give (to `text`, the one the page showed; default the one in force) or withdraw an
    optional consent, in force at once; the emailed link confirmed the address (a double
    opt-in). Given only to what the forms ask for now (`may_give`), whatever was posted.
    Returns a `Switched` value; pressed twice at once, records once. Raises Gone."""
    if purpose not in OPTIONAL:
        return Switched.UNCHANGED
    if give and not may_give(purpose):
        return Switched.NOT_OFFERED
    _hold(subject)
    if give and gate.is_blocked(subject):
        return Switched.BLOCKED
    if give and gate.may_process(subject, purpose):
        return Switched.UNCHANGED
    if give and gate.needs_guardian(subject):
        return Switched.GUARDIAN_NEEDED
    if give:
        consent_grant(subject, text or current_text(purpose), source=Source.SELF_SERVICE,
                      language=translation.get_language() or "kk", request=request)  # fmt: skip
        return Switched.GIVEN
    consent_withdraw_if_given(subject, purpose, source=Source.SELF_SERVICE, request=request)
    return Switched.WITHDRAWN


@transaction.atomic
def set_language(subject: Subject, language: str) -> bool:
    """The language the person's letters are written in (campaigns and notices; a request is
    answered in its own). Refused (ValidationError) while processing is blocked: a block
    suspends changes to what is held (compliance L12). Whether it changed. Raises Gone (see
    `_hold`)."""
    _hold(subject)
    if gate.is_blocked(subject):
        raise ValidationError(_("Processing of your data is blocked."))
    if subject.language == language:
        return False
    subject.language = language
    subject.save(update_fields=["language"])
    audit(AuditEvent.Action.SUBJECT_EDIT, subject=subject, fields=["language"],
          source=Source.SELF_SERVICE)  # fmt: skip
    return True


@transaction.atomic
def ticket_open_verified(subject: Subject, ticket_type: str, message: str, language: str,
                         guardian: Guardian | None = None) -> Ticket:  # fmt: skip
    """A correction, block or destroy request that lands on the desk already verified. The same
    request while one of that type is open joins it (joining.py; the page lists it as open):
    kept with it, and confirmed if it still waits for its link, as the person has shown here
    what the link would (the address on record is theirs). Asked for a child by a parent on
    their page (wards.py): `guardian`, their row, whose address it is answered at. Raises Gone
    (see `_hold`)."""
    _hold(subject)
    now, email = timezone.now(), guardian.contact if guardian else subject.email or ""
    earlier = same_request_open(ticket_type, "", subject, email)
    if earlier is not None and (earlier.guardian_id, earlier.email) != (guardian and guardian.pk,
                                                                        email):  # fmt: skip
        earlier = None  # the child's own and a parent's (or two parents') are not one request
    if earlier is not None:
        earlier = ticket_verify(earlier)
    # Their own request from an address a parent or guardian gave for a child is a parent's too,
    # by the rule a request by email or the form is read by (held_at): a destruction asked
    # here left their name and address on the child's record and their requests for the child.
    as_guardian = guardian is None and held_at(email, subject)[1]
    ticket = ticket_create(
        kind=ticket_type, subject=subject, email=email, language=language, guardian=guardian,
        channel=Ticket.Channel.SELF_SERVICE, received_at=now, status=Ticket.Status.OPEN,
        message=message[:5000], verified_at=now, audit_detail={"verified": True},
        regarding=earlier, notify=earlier is None, as_guardian=as_guardian,
    )  # fmt: skip
    if earlier is not None:
        file_with_open(ticket)
    else:  # receipted as one confirmed by its link is (the joined one was, by ticket_verify)
        ticket_confirmed(ticket)
    return ticket


def access_download(subject: Subject, language: str, fmt: str = "json",
                    guardian: Guardian | None = None) -> tuple[Ticket, bytes]:  # fmt: skip
    """The same export as an access request (JSON or PDF), and logged as one (opened and closed
    at once), for the person or, `guardian`, their parent (wards.py). While processing is
    blocked (compliance L12), by the desk's one rule (access.stands_while_blocked): the person's
    own is given, its audit rows saying so; a parent's for the child is refused
    (ValidationError). The block is read under the person's lock: one the desk commits
    meanwhile is seen. Raises Gone (see `_hold`). The file is made first, from one read of the
    database with no lock held (disclosure.made_from_one_read), and thrown away if the lock
    then finds the person gone or the child blocked: made under the lock, a PDF of seconds
    held the desk's every action on the person as long."""
    from .disclosure import made_from_one_read
    from .export import export_json
    from .readable import export_pdf

    def make():
        return (export_pdf if fmt == "pdf" else export_json)(subject, language)

    return _download_recorded(subject, language, fmt, guardian,
                              (made_from_one_read(make, subject), make))  # fmt: skip


@transaction.atomic
def _download_recorded(subject, language, fmt, guardian, made) -> tuple[Ticket, bytes]:
    """access_download's record, under the person's lock: the file (disclosure.made_still),
    the request opened and closed at once, and its audit row."""
    from .access import answered_while_blocked, refused_while_blocked
    from .disclosure import made_still

    _hold(subject)
    asked = Ticket(type=Ticket.Type.ACCESS, subject=subject, guardian=guardian)  # as logged below
    if refused_while_blocked(asked):
        raise ValidationError(CHILD_BLOCKED)
    blocked = {"blocked": True} if answered_while_blocked(asked) else {}
    body, now = made_still(subject, *made), timezone.now()
    with translation.override(language):
        outcome = str(_("Downloaded from the self-service page."))
    ticket = ticket_create(
        kind=Ticket.Type.ACCESS, subject=subject, language=language, guardian=guardian,
        email=guardian.contact if guardian else subject.email or "", notify=False,
        channel=Ticket.Channel.SELF_SERVICE, received_at=now, audit_detail=blocked,
        status=Ticket.Status.DONE, verified_at=now, closed_at=now, outcome=outcome,
    )  # fmt: skip
    audit(AuditEvent.Action.SUBJECT_EXPORT, subject=subject, obj=ticket, channel="self_service",
          format=fmt, **blocked)  # fmt: skip
    return ticket, body


# What a parent's download of a blocked child's data is refused with (wards.ward_download): the
# answer would go to the parent, not to the person (access.stands_while_blocked).
CHILD_BLOCKED = _(
    "Processing of the child's data is blocked, so it cannot be downloaded until the block is "
    "lifted."
)
