"""A form's consent that the ledger holds back until the address's owner confirms it.

A public form files under the person who holds the typed address (compliance L9), and anyone can
type anyone's address. A form never changes that person's record; the same holds for their
ledger wherever it would undo what they decided: a consent they withdrew is not given again by a
form, the ledger of a person whose processing is blocked takes nothing from one, and that of
someone the record shows under 18 nothing without their guardian's consent. The
submission is kept for staff, marked (`Submission.consent_held`); for a withdrawal the
acknowledgement mailed to the address offers a link, and only following it records the grant,
to the text the form showed, with the click's own evidence (`Source.FORM_CONFIRMED`).
Unconfirmed, nothing is granted, and retention erases the submission as data held without
consent (`consent.rights.retention`), unless the person's service consent stands by then
(given again since, or only paused by a block): the form is then answered under it.
"""

from django.core import signing
from django.db import transaction
from django.http import HttpRequest
from django.urls import reverse
from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from consent.common.dates import signed_until
from consent.common.net import absolute_url

from . import gate
from .digests import words_shown
from .guardians import guardian_lacking
from .ledger import consent_grant, subject_lock
from .models import ConsentText, Guardian, Held, LedgerEntry, Source, Subject, Submission
from .purposes import SERVICE, purposes_named
from .subjects import address_tag, address_tag_matches
from .texts import data_named, render_consent

SALT = "consent.form-consent-confirm"


def consent_decision(
    subject: Subject, made: bool, purposes: list[str], guardian: Guardian | None = None
) -> tuple[list, str]:
    """(the purposes the ledger records from the form at once, why the others wait: a Held
    value or ""). A new person's form is their own first word; for one on record, a purpose
    whose latest event is a withdrawal waits for the owner's confirmation, and a blocked
    person's ledger takes nothing. Nor does the ledger of someone the record shows under 18
    from a form without their guardian's consent (`guardian`): such a grant never stands (the
    gate's rule 4), and as their latest word it ended the consent their guardian gave. A parent
    who applied for their child with their own address and then wrote a message from it
    stopped the child's processing unawares, and retention destroyed the child's record."""
    if made or not purposes:
        return purposes, ""
    # One read of the ledger, its latest block event with the rest: a second, made for an
    # address on record only, cost a customer's form a round trip a stranger's (whose new row
    # is one write) did not, and timed who is one (bench/address_timing.py).
    latest = gate.latest_kinds(subject)
    if latest.get(None) == LedgerEntry.Kind.BLOCK:
        return [], Held.BLOCKED
    # A contact declined as the child's parent (guardians.guardian_decline) gives no consent.
    if (guardian is None or guardian.declined) and gate.needs_guardian(subject):
        return [], Held.GUARDIAN
    withdrawn = [p for p in purposes if latest.get(p) == LedgerEntry.Kind.WITHDRAW]
    return [p for p in purposes if p not in withdrawn], Held.WITHDRAWN if withdrawn else ""


def consent_hold(
    submission: Submission,
    because: str,
    texts: dict[str, ConsentText],
    guardian: Guardian | None,
    collected: list[str] | None = None,
) -> None:
    """Mark the submission: its consents for `texts`, naming the data `collected` as the form
    showed them, wait (or, blocked, are not recorded)."""
    submission.consent_held = because
    submission.held = {"texts": {p: t.pk for p, t in texts.items()},
                       "guardian": guardian.pk if guardian else None,
                       "fields": collected}  # fmt: skip
    submission.save(update_fields=["consent_held", "held"])


def holds_service(submission: Submission) -> bool:
    """Whether the form's service consent was held back: its answer waits on the address's
    owner (or on the end of their block)."""
    return SERVICE in submission.held.get("texts", {})


def held_names(submission: Submission) -> tuple[int, str]:
    """(how many consents the submission holds back, their names as one lazy string read in
    the language it is shown in) for the mail and the page that name them: a count for the
    sentence's number (ngettext), the names after a colon, each in «» (purposes_named). A
    list in {% blocktranslate with %} came out as its repr, «['Ответы на обращения и заявки']»."""
    codes = list(submission.held.get("texts", {}))
    return len(codes), purposes_named(codes)


def held_texts(submission: Submission, language: str) -> list[tuple[ConsentText, str]]:
    """[(text, wording)] of each consent the link gives, as its page shows it in `language` and
    the grant hashes it (compliance L4): naming the data the form collected and the owner of the
    address by the name on their record (their address when it holds none), never the name the
    form's sender typed. The consent is the owner's, given on that page; anyone can type
    anything into a form, and their words must not reach the owner under the site's name."""
    name = owner_name(submission.subject)
    fields = submission.held.get("fields")
    texts = ConsentText.objects.in_bulk(submission.held.get("texts", {}).values())
    return [
        (texts[pk], render_consent(texts[pk], language, name, data_named(texts[pk], fields)))
        for pk in submission.held.get("texts", {}).values()
        if pk in texts
    ]


def held_shown(submission: Submission, language: str) -> dict[str, str]:
    """{purpose: "<text id>:<digest>"} of held_texts' words in `language`, which the link's page
    posts back with its button (digests.TEXTS_SHOWN): the press records those words or nothing
    (compliance L1). It posted nothing, and a post from no page, or from the page in the other
    language or before the record's name was corrected, recorded words no one had read."""
    name, fields = owner_name(submission.subject), submission.held.get("fields")
    texts = ConsentText.objects.in_bulk(submission.held.get("texts", {}).values())
    return {
        purpose: words_shown(texts[pk], language, name, data_named(texts[pk], fields))
        for purpose, pk in submission.held.get("texts", {}).items()
        if pk in texts
    }


def owner_name(subject: Subject) -> str:
    """The name a held consent's text names its owner by: the record's, else the address."""
    return subject.full_name or subject.email or ""


def answer_refusal(submission: Submission) -> Promise | None:
    """Why staff may not mark the form answered yet, or None: processing of the person's data
    is blocked, or its service consent was held back (never confirmed by the address's owner,
    or not recorded for a blocked person) and does not stand now either. Answering it would
    process the owner's data without their consent; once it stands (confirmed, or given again
    since) the form is answered under it."""
    # Art. 1(3), 25(2)(8) (compliance L12): a block stops all processing, answering the form
    # too, and marking it answered starts its way to erasure, which the block stops as well.
    # Before, it was marked answered, audited, as if nothing were blocked.
    if gate.is_blocked(submission.subject):
        return _(
            "Processing of this person's data is blocked: the form cannot be answered or "
            "marked answered while the block lasts."
        )
    waits = holds_service(submission) and submission.consent_held != Held.CONFIRMED
    if waits and SERVICE not in gate.consents_standing(submission.subject):
        if submission.consent_held == Held.GUARDIAN:
            return _(
                "By the record the person at this address is under 18, and the form carried no "
                "parent's or guardian's consent: it can be marked answered once a consent their "
                "parent or guardian gave stands."
            )
        return _(
            "The owner of the address has not given the consent this form needs (it was held "
            "back, and they have not confirmed it), and answering the form would process their "
            "data without consent. It can be marked answered once their consent stands."
        )
    return None


def confirm_link(submission: Submission) -> dict:
    """The link that confirms the held consent (`confirm_url`) on SITE_URL, valid
    Submission.CONFIRM_WITHIN from now (`confirm_until`, which its mail names), and only while
    the person still holds the address it was mailed to; in the language of the address's
    owner, as the mail that carries it."""
    token = signing.dumps(
        {"s": submission.pk, "a": address_tag(submission.subject.email)}, salt=SALT
    )
    with translation.override(submission.subject.language):
        url = absolute_url(reverse("form_consent_confirm", args=[token]))
    return {"confirm_url": url, "confirm_until": signed_until(token, Submission.CONFIRM_WITHIN)}


def submission_for_link(token: str) -> Submission | None:
    """The submission a link confirms, or None: forged, expired, erased, or mailed to an address
    its person no longer holds. A link that was used to confirm stays the record of it: pressed
    again after its seven days, it finds its submission (confirmed), never "expired"."""
    max_age = int(Submission.CONFIRM_WITHIN.total_seconds())
    expired = False
    try:
        try:
            data = signing.loads(token, salt=SALT, max_age=max_age)
        except signing.SignatureExpired:
            data, expired = signing.loads(token, salt=SALT), True
        pk, tag = data["s"], data["a"]
    except (signing.BadSignature, KeyError, TypeError):
        return None
    if type(pk) is not int or type(tag) is not str:
        return None
    submission = Submission.objects.filter(pk=pk).select_related("subject").first()
    if submission is None or not address_tag_matches(tag, submission.subject.email):
        return None
    if expired and submission.consent_held != Held.CONFIRMED:
        return None
    return submission


def held_link_expired(token: str) -> bool:
    """Whether a link this site signed is past its seven days (not forged or damaged)."""
    try:
        signing.loads(token, salt=SALT, max_age=int(Submission.CONFIRM_WITHIN.total_seconds()))
    except signing.SignatureExpired:
        return True
    except signing.BadSignature:
        return False
    return False


def guardian_needed(submission: Submission) -> bool:
    """Whether the link would record, without a parent's or guardian's consent, the consent of
    someone the record shows under 18 now (a date of birth recorded since the form was sent: an
    application, a correction; guardians.guardian_lacking). It would never stand, and as their
    latest word it would end the consent their guardian gave: the link records nothing, and its
    page says, before the press, who gives it and where (compliance L6)."""
    return guardian_lacking(submission.subject, submission.held.get("guardian"))


def texts_replaced(submission: Submission) -> bool:
    """Whether a text the form's held consents were given to was replaced since by one asking
    for consent again (`gate.text_replaced`): the link records none of them, and says to send
    the form again, which shows the new text. It recorded them, said «consent confirmed», and
    the gate counted none of them (compliance L25)."""
    pks = (submission.held or {}).get("texts", {}).values()
    return any(gate.text_replaced(text) for text in ConsentText.objects.filter(pk__in=pks))


@transaction.atomic
def consent_confirm(submission: Submission, request: HttpRequest, language: str) -> bool:
    """Record the held consent, as the owner of the address now gives it: True once it is
    confirmed, now or before (a second press, two tabs at once: the second waits for the
    first, finds it confirmed and records nothing more). False, with nothing recorded, when
    the person is blocked or erased, or a later event of theirs (another withdrawal, say) came
    after the form: that later word stands; nor when the record shows them under 18 now and the
    form brought no guardian's consent (`guardian_needed`), nor when a text they were given to
    was replaced since by one asking again (`texts_replaced`). A consent they have given again
    since the form needs no second grant: the form counts as confirmed."""
    if not subject_lock(submission.subject):
        return False
    locked = Submission.objects.select_for_update().filter(pk=submission.pk).first()
    if locked is not None and locked.consent_held == Held.CONFIRMED:
        return True
    if locked is None or locked.consent_held != Held.WITHDRAWN or locked.confirm_expired():
        return False
    subject = locked.subject
    if gate.is_blocked(subject) or guardian_needed(locked) or texts_replaced(locked):
        return False
    latest = gate.latest_events(subject)
    guardian = Guardian.objects.filter(pk=locked.held.get("guardian"), subject=subject).first()
    given = False
    for purpose, text_pk in locked.held.get("texts", {}).items():
        event = latest.get(purpose)
        if event is not None and event.at > locked.created_at:
            # Their word since the form: given again (another form's link, their own page)
            # leaves nothing to record; anything else (withdrawn again) stands over the link.
            given = given or event.kind == LedgerEntry.Kind.GRANT
            continue
        # The text as the page showed it (held_texts): in the language the owner read it in,
        # under their own name. It was recorded in their record's language, under the name the
        # form's sender typed, while the page showed neither the text nor that name.
        entry = consent_grant(subject, ConsentText.objects.get(pk=text_pk), language=language,
                              source=Source.FORM_CONFIRMED, full_name=owner_name(subject),
                              guardian=guardian, request=request,
                              fields=locked.held.get("fields"))  # fmt: skip
        locked.grants.add(entry)
        given = True
    if not given:
        return False
    locked.consent_held = Held.CONFIRMED  # the grant's own row says when
    locked.save(update_fields=["consent_held"])
    return True
