"""Marketing consent by double opt-in: nothing is granted until the address owner confirms.

The confirmation link carries everything needed, encrypted and expiring; nothing about the person
is stored before they confirm, and only the one confirmation email is sent.
"""

import base64
import hashlib
import json
from datetime import timedelta
from typing import Any

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.db import transaction
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _

from consent.common.net import absolute_url
from consent.core import gate
from consent.core.digests import words_shown
from consent.core.guardians import guardian_lacking
from consent.core.held import owner_name
from consent.core.ledger import consent_grant
from consent.core.mail import CONFIRM_LINK_WORKS, CONFIRMS, LINKS, queue_mail
from consent.core.models import ConsentText, Guardian, LedgerEntry, Source, Subject, Submission
from consent.core.purposes import CONFIRMED_BY_LINK, MARKETING
from consent.core.subjects import (
    normalise_email,
    subject_find,
    subject_find_for_update,
    subjects_holding,
)
from consent.core.texts import current_text, render_consent

from .models import SpentLink

SALT = "consent.marketing-confirm"
MAX_AGE = int(CONFIRM_LINK_WORKS.total_seconds())


# The link must carry the address and the name (nothing is stored before confirmation), but a URL
# ends up in browser history, mail scanners and access logs, and a signed token is only base64.
# So the payload is encrypted and authenticated (Fernet: AES-CBC + HMAC-SHA256, with its own
# timestamp for the expiry) under a key derived from SECRET_KEY; the fallback keys still open
# links during a key rotation. Keeping the pending data in the cache behind a random id instead
# would lose a subscription on an eviction or restart, and a locmem cache is not shared between
# gunicorn workers; an encrypted link depends on nothing but the key.
def _fernet():
    keys = [salted_hmac(SALT, "fernet", secret=secret, algorithm="sha256").digest()
            for secret in [settings.SECRET_KEY, *settings.SECRET_KEY_FALLBACKS]]  # fmt: skip
    return MultiFernet([Fernet(base64.urlsafe_b64encode(key)) for key in keys])


def make_token(payload: dict[str, Any]) -> str:
    return _fernet().encrypt(json.dumps(payload, ensure_ascii=False).encode()).decode()


def address_blocked(email: str) -> bool:
    """Whether the person on record at this address has their processing blocked (Art. 23;
    `gate.is_blocked`): the link's page says so, and its press records nothing."""
    return gate.blocked_subjects(subjects_holding(email)).exists()


def guardian_missing(payload: dict[str, Any]) -> bool:
    """Whether the link asks for the consent of someone the record shows under 18 without their
    parent's or guardian's (the newsletter form asks for neither): it would not stand (the
    gate's rule 4), and as their latest word it would end the news their guardian agreed to.
    The link records nothing then, and its page says so before the press. A link that carries
    a guardian counts only with the one recorded on this person's record."""
    held = subject_find(email=payload["e"])
    return held is not None and guardian_lacking(held, payload.get("g"))


def optin_start(
    email: str,
    name: str,
    language: str,
    guardian: Guardian | None = None,
    text: ConsentText | None = None,
    counted: bool = False,
) -> None:
    """Queue the one confirmation email (call inside the submission's transaction), which the
    per-address limit may hold back (core.mail.LINKS); `counted`: in that budget already, by
    the form whose acknowledgement announces it (core.submissions.submission_record). Its link is
    on SITE_URL, never on the Host header the form was posted with. A minor's box was ticked
    with their parent or guardian (the application form): the consent the link confirms is
    theirs together, as the form's other consents are (compliance L6). A person whose
    processing is blocked is mailed nothing, as from every form (Art. 23; compliance L12); the
    form answers as it does anyone. `text`: the news' consent text the form showed and checked
    its box against (PublicForm.texts_changed), which the link then records; default the one in
    force (looked up again, it may be one published since the page was read). A blocked
    person's is queued as anyone's, so the form answers their address as soon as anyone's, and
    the sender never sends it (core.withheld.not_while_blocked)."""
    text = text if text is not None else current_text(MARKETING)
    signed_at = timezone.now()  # the link works CONFIRM_LINK_WORKS from then, as the mail says
    payload = {"e": normalise_email(email), "n": name, "l": language, "t": text.pk,
               "ts": signed_at.timestamp()}  # fmt: skip
    if guardian is not None:
        payload["g"] = guardian.pk
    token = make_token(payload)
    with translation.override(language):
        url = absolute_url(reverse("marketing_confirm", args=[token]))
    queue_mail(
        email,
        "confirm_marketing",
        {"confirm_url": url, "confirm_until": signed_at + CONFIRM_LINK_WORKS},
        language=language,
        subject_line=_("Please confirm your subscription"),
        headers={CONFIRMS: MARKETING},
        unproven_address=None if counted else LINKS,
    )


def _as_written(token: str) -> bool:
    """Whether `token` is spelt as make_token wrote it. Fernet reads its base64 leniently: it
    skips characters outside the alphabet and stops at padding, so «<link>=», «<link>.», a
    character changed to «*» or the link twice over opened the link itself; but a used link is
    remembered by its text (link_spent), and such a spelling, pressed after the person's data
    was destroyed, made them anew with the consent given before."""
    try:
        return base64.urlsafe_b64encode(base64.urlsafe_b64decode(token)).decode() == token
    except ValueError:  # binascii.Error, or a character outside ASCII
        return False


def read_token(token: str, any_age: bool = False) -> dict[str, Any] | None:
    """The request, or None when forged, spelt otherwise than it was written (_as_written), older
    than seven days (unless `any_age`: for a link that may have been used, `confirmed_by`) or
    not of optin_start's shape."""
    if not _as_written(token):
        return None
    try:
        payload = json.loads(_fernet().decrypt(token, ttl=None if any_age else MAX_AGE))
    except (InvalidToken, ValueError):  # ValueError: a token with non-ASCII characters
        return None
    # The shape optin_start gives it; "n" is null without a name, "ts" missing in older links.
    kinds = {"e": (str,), "n": (str, type(None)), "l": (str,), "t": (int,), "ts": (int, float),
             "g": (int,)}  # fmt: skip
    if not isinstance(payload, dict) or not {"e", "n", "l", "t"} <= payload.keys():
        return None
    if any(type(payload[k]) not in kinds[k] for k in kinds if k in payload):
        return None
    if payload["l"] not in dict(settings.LANGUAGES):
        return None
    return payload


def _word_since(payload: dict[str, Any]) -> LedgerEntry | None:
    """The address's latest marketing event, if it came since this link was mailed."""
    subject = Subject.objects.filter(email__address=normalise_email(payload["e"])).first()
    latest = gate.latest_event(subject, MARKETING) if subject else None
    return latest if latest is not None and latest.at.timestamp() >= payload.get("ts", 0) else None


def confirmed_by(payload: dict[str, Any]) -> bool:
    """Whether the address's marketing consent stands as given since this link was mailed:
    the link was used (or another like it), and pressed again, at any age, it says so. An
    unsubscribe since then leaves it saying nothing of the kind."""
    word = _word_since(payload)
    return word is not None and word.kind == LedgerEntry.Kind.GRANT


def withdrawn_since(payload: dict[str, Any]) -> bool:
    """Whether the address's latest word on marketing since this link was mailed is not a grant
    (an unsubscribe, a withdrawal): the link, at any age, says that, not that it is old."""
    word = _word_since(payload)
    return word is not None and word.kind != LedgerEntry.Kind.GRANT


def text_replaced(payload: dict[str, Any]) -> bool:
    """Whether the text the person agreed to on the form was replaced since by one asking for
    consent again (`gate.text_replaced`): the link recorded consent to it, said «subscription
    confirmed», and the gate, rightly, never let a campaign reach them (compliance L25)."""
    shown = ConsentText.objects.filter(pk=payload["t"]).first()
    return shown is None or gate.text_replaced(shown)


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def link_spent(token: str) -> bool:
    """Whether this confirmation link was used already (SpentLink)."""
    return SpentLink.objects.filter(digest=_digest(token)).exists()


def _named(payload: dict[str, Any], subject: Subject | None) -> str:
    """The name the link's text names: the record's (held.owner_name) of the address's owner,
    never a name someone else typed into a form; the one typed for a new record."""
    return owner_name(subject) if subject is not None else payload["n"] or payload["e"]


def _confirm_text(payload: dict[str, Any]) -> tuple[ConsentText | None, str]:
    """(the text the link grants, the name it is shown under), or (None, "") for none."""
    text = ConsentText.objects.filter(pk=payload["t"]).first()
    if text is None:
        return None, ""
    return text, _named(payload, subject_find(email=payload["e"]))


def confirm_words(payload: dict[str, Any], language: str) -> str:
    """The words the link's page shows above its button, in `language`, as its press records
    them (marketing_confirm): the text the form showed, under the name of `_named`. The page
    showed none, and the press recorded the words in the language of the mail, which in the
    held case (submissions.mail_language) no one had read."""
    text, name = _confirm_text(payload)
    return render_consent(text, language, name) if text is not None else ""


def confirm_shown(payload: dict[str, Any], language: str) -> dict[str, str]:
    """{MARKETING: "<text id>:<digest>"} of confirm_words, which the page posts back with its
    button (digests.TEXTS_SHOWN): the press records those words or nothing, as a form's box
    (compliance L1). The press posted nothing, and a post from no page (or from the page in the
    other language, or before the record's name was corrected) recorded words no one read."""
    text, name = _confirm_text(payload)
    return {MARKETING: words_shown(text, language, name)} if text else {}


@transaction.atomic
def marketing_confirm(
    payload: dict[str, Any], request: HttpRequest, link: str = "", language: str = ""
) -> tuple[Subject | None, bool]:
    """Grant marketing consent to the text the person was shown (confirm_words, in `language`,
    the page's; default the mail's); a second click adds nothing.

    Returns the subject (None when not on record), and whether this click recorded the
    consent. A link older than the person's latest marketing event (say, an unsubscribe)
    records nothing: subscribing again takes a new double opt-in. Nor does a link pressed
    while the person's processing is blocked (`gate.is_blocked`): the block stops it; the link
    works again once it is lifted, within its seven days. Nor one without a guardian for
    someone under 18 (`guardian_missing`). Nor one whose text was replaced since by one asking
    for consent again (`text_replaced`). Nor, given as `link`, a link used already
    (`link_spent`): once the person's data is destroyed nothing else remembers that it was,
    and a second press would make them anew with a consent they gave before the destruction.
    """
    subject = subject_find_for_update(email=payload["e"])  # one press of the address at a time
    if (link and link_spent(link)) or text_replaced(payload):
        return subject, False
    created = subject is None
    if created:
        subject = Subject.objects.create(
            email=payload["e"], full_name=payload["n"] or "", language=payload["l"]
        )
    else:
        if gate.is_blocked(subject) or guardian_missing(payload):
            return subject, False
        latest = gate.latest_event(subject, MARKETING)
        if latest is not None and latest.at.timestamp() >= payload.get("ts", 0):
            return subject, False
    text = ConsentText.objects.select_related("policy").get(pk=payload["t"])
    named = _named(payload, None if created else subject)
    guardian = (
        Guardian.objects.filter(pk=payload["g"], subject=subject).first()
        if "g" in payload
        else None
    )
    Submission.objects.create(
        subject=subject,
        source=Source.NEWSLETTER_FORM,
        language=payload["l"],
        data={"email": payload["e"], "full_name": payload["n"], CONFIRMED_BY_LINK: True},
    )
    consent_grant(
        subject,
        text,
        language=language or payload["l"],
        # Given by the press on the page the mailed link opened, with that press's own
        # connection and browser, as a held consent is (held.py): it read «newsletter form»,
        # also of a box ticked on the contact or the application form.
        source=Source.FORM_CONFIRMED,
        full_name=named,
        guardian=guardian,
        request=request,
    )
    if link:
        SpentLink.objects.filter(used_at__lt=timezone.now() - timedelta(seconds=MAX_AGE)).delete()
        SpentLink.objects.create(digest=_digest(link))
    return subject, True
