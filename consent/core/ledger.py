"""Named operations that write the consent ledger, each with its audit row in one transaction."""

from collections.abc import Iterable
from datetime import datetime

from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from consent.common.net import client_ip

from .audit import audit
from .counted import count_event
from .digests import text_intact
from .gate import is_blocked, latest_event, needs_guardian
from .models import AuditEvent, ConsentText, Declined, Guardian, LedgerEntry, Subject
from .nameless import NAME_PLACEHOLDER
from .purposes import PURPOSES
from .texts import data_listed, data_named, render_consent, sha256

Kind = LedgerEntry.Kind
Action = AuditEvent.Action


def _request_meta(request):
    if request is None:
        return {}
    return {
        "ip": client_ip(request),
        # As the browser sent it (the evidence shows it so, its export escapes what a
        # spreadsheet would run) but for a NUL, which PostgreSQL cannot store in text: a
        # header is anything the client sends, and one made the whole form a 500.
        "user_agent": request.META.get("HTTP_USER_AGENT", "").replace("\x00", "")[:500],
    }


@transaction.atomic
def consent_grant(
    subject: Subject,
    text: ConsentText,
    *,
    language: str,
    source: str,
    full_name: str | None = None,
    guardian: Guardian | None = None,
    request: HttpRequest | None = None,
    actor: AbstractBaseUser | None = None,
    fields: Iterable[str] | None = None,
) -> LedgerEntry:
    """Record that the subject (or their guardian) agreed to the published text they were
    shown, naming the data in `fields` (the form's; default the purpose's whole list)."""
    if not text.is_published:
        raise ValidationError(_("Consent can only be given to a published text."))
    # L12: a block stops processing and the ledger records no consent until it is lifted (each
    # way a consent is given asks first, and says so); a withdrawal is still recorded.
    if is_blocked(subject):
        raise ValidationError(
            _("Processing is blocked: no consent is recorded until it is lifted.")
        )
    if (guardian is None or guardian.declined) and needs_guardian(subject):
        # The gate's rule 4 (compliance L6): it would never stand, and as the minor's latest
        # word it would end the consent their parent or guardian gave. Every way of recording
        # a consent asks first and says what to do instead; this is the last line. A row
        # declined as the child's parent (guardians.guardian_decline) is no guardian.
        raise ValidationError(_(
            "By the record this person is under 18: their consent is given by a parent or "
            "guardian together with them, so a consent without one is not recorded."
        ))  # fmt: skip
    now = timezone.now()
    name = full_name or subject.full_name
    named = data_named(text, fields)
    shown = render_consent(text, language, name, named)
    entry = LedgerEntry.objects.create(
        subject=subject,
        purpose=text.purpose,
        kind=Kind.GRANT,
        text=text,
        text_sha256=sha256(shown),
        shown_name=name,
        shown_fields=named if text.data_names else [],
        language=language,
        at=now,
        expires_at=PURPOSES[text.purpose].term_end(now),
        source=source,
        guardian=guardian,
        actor=actor if actor is not None and actor.is_authenticated else None,
        **_request_meta(request),
    )
    audit(Action.CONSENT_GRANT, actor=actor, subject=subject, obj=entry, purpose=text.purpose)
    count_event(entry, subject)
    return entry


def data_shown(entry: LedgerEntry) -> str:
    """The list of data a grant's text named, as it named it (the frozen names, in the grant's
    language): with shown_name, what the text's frozen body is filled in with to give the
    grant's hash again. "" for a text that held its whole list in its bodies."""
    if entry.text is None:
        return ""
    return data_listed(entry.text, entry.language, entry.shown_fields)


def text_shown(entry: LedgerEntry) -> str:
    """The words a grant's text showed, in the grant's language: its published body as kept,
    filled in with the name and the list of data the row names (what its hash is taken over).
    A row with no name is one of three, told apart by its hash: shown the sentences without a
    name (nameless), shown a blank for it before those were, «Я, , даю…», or from before the name
    was kept, which leaves the name's placeholder. "" for a row without a text (a withdrawal, an
    expiry, a block)."""
    if entry.text is None or not entry.language:
        return ""
    fields = entry.shown_fields or None
    if entry.shown_name:
        return render_consent(entry.text, entry.language, entry.shown_name, fields)
    for shown in (
        render_consent(entry.text, entry.language, "", fields),
        render_consent(entry.text, entry.language, NAME_PLACEHOLDER, fields).replace(
            NAME_PLACEHOLDER, ""
        ),
    ):
        if sha256(shown) == entry.text_sha256:
            return shown
    return render_consent(entry.text, entry.language, NAME_PLACEHOLDER, fields)


def text_proven(entry: LedgerEntry, shown: str) -> bool:
    """Whether `shown` (text_shown) gives the SHA-256 the row names, from a body that is as
    published (text_altered): False when the body kept in the database is not the one the hash
    was taken over (changed since, or the row older than the name it was shown with), and
    False for a grant recorded after the body was changed, whose own hash was taken over the
    changed words."""
    return (
        bool(entry.text_sha256) and sha256(shown) == entry.text_sha256 and not text_altered(entry)
    )


def text_altered(entry: LedgerEntry) -> bool:
    """Whether the body of the row's text in the row's language no longer gives the SHA-256
    published with it (digests.text_intact): changed in the database since publication."""
    return (
        entry.text is not None
        and bool(entry.language)
        and not text_intact(entry.text, entry.language)
    )


# The events that end the consent standing for their purpose.
ENDINGS = {Kind.WITHDRAW, Kind.EXPIRE, Kind.ACHIEVED, Kind.RECONSENT}


def grants_ended(entries: Iterable[LedgerEntry]) -> dict[int, LedgerEntry | None]:
    """For each row of `entries` (one person's ledger, oldest first) that ends a consent, the
    grant it ended: the latest row of its purpose before it, when that was a grant; None when
    no consent stood (a withdrawal recorded anyway)."""
    latest: dict[str | None, LedgerEntry] = {}
    ended = {}
    for entry in entries:
        if entry.kind in ENDINGS:
            before = latest.get(entry.purpose)
            ended[entry.pk] = before if before and before.kind == Kind.GRANT else None
        latest[entry.purpose] = entry
    return ended


def reason_shown(entry: LedgerEntry) -> str:
    """A ledger row's reason as a reader of the evidence or the export reads it: a code the code
    wrote (why a parent or guardian was declined, `Declined`) in words, in the language active."""
    if entry.reason in Declined.values:
        return str(Declined(entry.reason).label)
    return entry.reason


def subject_lock(subject: Subject) -> bool:
    """Hold the person's row until the transaction ends: an operation that reads the ledger to
    decide what to write runs for one person at a time, so two at once never both write.
    False when nobody has that id (any more)."""
    return Subject.objects.select_for_update().filter(pk=subject.pk).values_list("pk").exists()


def _event(subject, purpose, kind, action, *, source, reason="", request=None, actor=None,
           guardian=None, counted_as=None):  # fmt: skip
    entry = LedgerEntry.objects.create(
        subject=subject,
        purpose=purpose,
        kind=kind,
        source=source,
        reason=reason,
        guardian=guardian,
        actor=actor if actor is not None and actor.is_authenticated else None,
        **_request_meta(request),
    )
    audit(action, actor=actor, subject=subject, obj=entry, purpose=purpose or "")
    count_event(entry, subject, language=counted_as)
    return entry


@transaction.atomic
def consent_withdraw(
    subject: Subject,
    purpose: str,
    *,
    source: str,
    request: HttpRequest | None = None,
    actor: AbstractBaseUser | None = None,
    reason: str = "",
) -> LedgerEntry:
    """Withdraw one purpose's consent; the gate says no from this moment (compliance L14)."""
    latest = latest_event(subject, purpose)
    withdrawn = latest if latest is not None and latest.kind == Kind.GRANT else None
    return _withdrawal(subject, purpose, source, request, actor, reason, withdrawn=withdrawn)


@transaction.atomic
def consent_withdraw_if_given(
    subject: Subject,
    purpose: str,
    *,
    source: str,
    request: HttpRequest | None = None,
    actor: AbstractBaseUser | None = None,
    reason: str = "",
    guardian: Guardian | None = None,
    given_by: datetime | None = None,
) -> LedgerEntry | None:
    """Withdraw only when the latest event for the purpose is a grant; else record nothing.
    Two at once (a double click, a mail client's one-click POST sent twice) record one.
    `guardian`: the parent or guardian who withdraws a minor's consent (Art. 8(1)), named on
    the row as on the grant they gave. `given_by`: only a grant recorded by then (the person's
    last word on a request, rights.stops.request_stop): one given after it is their newer
    choice, which stands, and no withdrawal is recorded of it."""
    if not subject_lock(subject):
        return None
    entry = latest_event(subject, purpose)
    if entry is None or entry.kind != Kind.GRANT:
        return None
    if given_by is not None and entry.at > given_by:
        return None
    return _withdrawal(subject, purpose, source, request, actor, reason, guardian, entry)


def _withdrawal(subject, purpose, source, request, actor, reason, guardian=None, withdrawn=None):
    # Called inside the operations' own transaction: no savepoint of its own (a one-click
    # unsubscribe is all round trips to the database; issue 21's click wave). `withdrawn`: the
    # grant it ends, whose language the statistics count it under (counted.count_event).
    return _event(subject, purpose, Kind.WITHDRAW, Action.CONSENT_WITHDRAW, source=source,
                  request=request, actor=actor, reason=reason, guardian=guardian,
                  counted_as=withdrawn.language if withdrawn is not None else "")  # fmt: skip


@transaction.atomic
def consent_expire(
    subject: Subject, purpose: str, *, source: str, actor: AbstractBaseUser | None = None
) -> LedgerEntry:
    return _event(subject, purpose, Kind.EXPIRE, Action.CONSENT_EXPIRE, source=source, actor=actor)


@transaction.atomic
def consent_achieve(
    subject: Subject, purpose: str, *, source: str, actor: AbstractBaseUser | None = None
) -> LedgerEntry:
    """The purpose is achieved for this person (every inquiry answered, Art. 12(2)): the gate
    says no for it from now on, until the person consents again (compliance L5)."""
    return _event(
        subject, purpose, Kind.ACHIEVED, Action.CONSENT_ACHIEVED, source=source, actor=actor
    )


@transaction.atomic
def consent_require_again(
    subject: Subject,
    purpose: str,
    *,
    source: str,
    actor: AbstractBaseUser | None = None,
    reason: str = "",
) -> LedgerEntry:
    """Ask this person to consent again (e.g. their data changed): the gate says no until then."""
    return _event(
        subject,
        purpose,
        Kind.RECONSENT,
        Action.CONSENT_RECONSENT,
        source=source,
        actor=actor,
        reason=reason,
    )


@transaction.atomic
def subject_block(
    subject: Subject, *, reason: str, source: str, actor: AbstractBaseUser | None = None
) -> LedgerEntry:
    """Stop all processing of the subject's data (compliance L12)."""
    if not reason.strip():
        raise ValidationError(_("Blocking needs a recorded reason."))
    return _event(
        subject, None, Kind.BLOCK, Action.SUBJECT_BLOCK, source=source, actor=actor, reason=reason
    )


@transaction.atomic
def subject_unblock(
    subject: Subject, *, reason: str, source: str, actor: AbstractBaseUser | None = None
) -> LedgerEntry:
    """Lift a block, e.g. "violation not confirmed"; needs a recorded reason. Only a block is
    lifted: the ledger gets no unblock for someone whose processing was never blocked."""
    if not reason.strip():
        raise ValidationError(_("Unblocking needs a recorded reason."))
    if not subject_lock(subject) or not is_blocked(subject):  # one decision at a time
        raise ValidationError(_("Processing of this person's data is not blocked."))
    return _event(
        subject,
        None,
        Kind.UNBLOCK,
        Action.SUBJECT_UNBLOCK,
        source=source,
        actor=actor,
        reason=reason,
    )
