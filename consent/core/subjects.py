"""Finding people: by the email address they gave, the one the site would write to.

A phone number is held as data, never as identity (`phones`): anyone can type anyone's number,
and a family shares one, so a number alone never links two submissions, fills another
person's record or reaches their ledger."""

import re
import unicodedata
from collections.abc import Iterable
from datetime import date
from functools import lru_cache, reduce
from operator import or_

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db.models import Q, QuerySet
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext_lazy as _

from consent.common.dates import local_today
from consent.common.locks import transaction_lock
from consent.common.text import clean_form_text, cleaning_bound

from .address_faults import NOT_AN_ADDRESS, OTHER_HOST_LETTERS, refusal
from .addresses import address_folded
from .domains import check_domain, check_ending
from .models import Subject

# The oldest a person giving a date of birth is taken to be: «01.01.1900», a placeholder more
# often than a birth date, made its sender 126.
OLDEST_AGE = 120
EMAIL_MAX_LENGTH = 254  # RFC 5321's path limit, less the angle brackets
# RFC 5322's dot-atom: what people write before the @. No quoted local parts, comments or
# spaces: they are not typed by people, and a quoted form of an address is the same mailbox
# under another spelling (it got round the per-address limit, compliance T8).
_LOCAL_PART = re.compile(r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*\Z")
# A host name label, in its ASCII (punycode) form; the last one must be letters, which rules
# out IP addresses and dotless hosts such as localhost (whether it is a top-level domain at all,
# «gmail.c», is domains.check_domain's to say).
_LABEL = re.compile(r"(?!-)[a-z0-9-]{1,63}(?<!-)\Z")
_TOP_LEVEL = re.compile(r"(?:[a-z]{1,63}|xn--[a-z0-9-]{1,59})\Z")


@lru_cache(maxsize=1024)  # a pure function of its text: a letter's sender is normalised often
def _domain_forms(domain: str) -> tuple[str, str] | None:
    """(ASCII form, Unicode form) of a host name, or None when it is none. IDNA through
    Python's codec, as Django does when it sends the mail, so that what is stored is the
    mailbox that is written to; the Unicode form is what people read and what is stored. A host
    the codec would write as another («straße.de» as «strasse.de») is none."""
    if OTHER_HOST_LETTERS.search(domain):
        return None
    try:
        # One final dot is the same host written in full («mail.kz.», as an address ends a
        # sentence): refused, the visitor was told to leave out spaces and quotes, not a dot.
        ascii_form = domain.encode("idna").decode("ascii").lower().removesuffix(".")
        unicode_form = ascii_form.encode("ascii").decode("idna")
    except UnicodeError:
        return None
    if clean_form_text(unicode_form, multiline=False) != unicode_form:
        # An invisible character Python's IDNA 2003 codec lets through (a bidi isolate or the
        # Arabic letter mark, newer than its tables): "asel@exam\u2066ple.kz" would be stored,
        # shown to staff and rate-limited as another mailbox that reads as asel@example.kz.
        return None
    labels = ascii_form.split(".")
    if len(ascii_form) > 253 or len(labels) < 2 or not _TOP_LEVEL.match(labels[-1]):
        return None
    if not all(_LABEL.match(label) for label in labels):
        return None
    return ascii_form, unicode_form


def normalise_email(email: str | None) -> str | None:
    """The one stored and compared form of an address: no surrounding space, the domain
    lower-case and, when it is an IDN, in its Unicode form whichever way it was written; the
    local part as written (its case is the mailbox owner's; lookups ignore case)."""
    email = (email or "").strip()
    if not email:
        return None
    local, __, domain = email.rpartition("@")
    if not local:
        return email.lower()
    if len(local) > 2 and local[0] == local[-1] == '"' and _LOCAL_PART.match(local[1:-1]):
        local = local[1:-1]  # "asel"@x.kz is asel@x.kz (RFC 5321, 4.1.2), e.g. a mail's From
    forms = _domain_forms(domain)
    return f"{local}@{forms[1] if forms else domain.lower()}"


def address_lookup_key(address: str | None) -> str:
    """The one form two addresses are compared by in Python: the same key exactly when
    `__address` (addresses.py) finds them the same mailbox, "" for none. Normalised first
    (surrounding space cut, the domain's IDN either way written, a quoted local part unquoted),
    then the case of the 26 ASCII letters set aside, and nothing else: a dot or a «+tag» in
    the local part, and a letter of another alphabet, make another mailbox (addresses.py)."""
    return address_folded(normalise_email(address) or "")


def people_at(addresses: Iterable[str]) -> QuerySet[Subject]:
    """The people on record at `addresses`, each in any form `address_lookup_key` reads as the
    same (key the rows by it): one query."""
    forms = {normalise_email(a) for a in addresses} - {None}
    return Subject.objects.filter(reduce(or_, (Q(email__address=a) for a in forms), Q(pk__in=[])))


def _invisible(ch: str) -> bool:
    return ch.isspace() or unicodedata.category(ch) == "Cf"


def _strip_invisible(value: str) -> str:
    # A copied address often carries a byte order mark or a zero-width space at its ends. Cut
    # once, where the visible text starts and ends: a value cut one character at a time was
    # copied whole at each step, minutes of a worker for a post of format marks.
    start, end = 0, len(value)
    while start < end and _invisible(value[start]):
        start += 1
    while end > start and _invisible(value[end - 1]):
        end -= 1
    return value[start:end]


def _outbox_takes(address: str) -> bool:
    """Whether the outbox (django-post_office, by Django's EmailValidator) takes `address`: its
    pattern knows no character beyond U+FFFF, so an IDN such as «xn--ls8h.la» (an emoji) passed
    the checks here, was stored in its Unicode form, and queueing its mail was a 500."""
    try:
        validate_email(address)
    except ValidationError:
        return False
    return True


def _not_latin(local: str, domain: str) -> list[str]:
    """The letters other than a to z where an address needs them: anywhere before the @ (a
    Cyrillic «а» or «с» looks like the Latin one, and a phone's keyboard may still be Russian
    or Kazakh; «ä» is Latin Kazakh, and no mailbox we can write to), and a letter of another
    alphabet in a domain's label that has Latin letters too («mаil.kz» is an
    IDN no registry gives out, read as another host: the acknowledgement bounced and the
    person was not found again). A label wholly of one script («мысал.қаз») is a real IDN."""
    found = [ch for ch in local if not ch.isascii() and ch.isalpha()]
    for label in domain.split("."):
        if any(ch.isascii() and ch.isalpha() for ch in label):  # «müller» is Latin: kept
            found += [ch for ch in label if ch.isalpha() and not _latin(ch)]
    found = list(dict.fromkeys(found))
    as_latin = str.maketrans(dict.fromkeys(found, "x"))
    if not (
        _LOCAL_PART.match(local.translate(as_latin)) and _domain_forms(domain.translate(as_latin))
    ):
        return []  # another fault as well (a display name, a space): the usual message says it
    return found


def named_characters(letters: list[str]) -> str:
    """Characters a message names for the visitor to find and retype: «а», «с»."""
    return ", ".join(f"«{ch}»" for ch in letters)


def _latin(letter: str) -> bool:
    return unicodedata.name(letter, "").startswith(("LATIN ", "FULLWIDTH LATIN "))


# What IDNA maps to nothing in a domain (RFC 3454, B.1: soft hyphen, zero-width space, joiners,
# word joiner, BOM), gone from the whole address: a soft hyphen from a word processor or a
# zero-width space from a web page, inside the local part, refused an address that reads right,
# and the visitor could not see what to fix. A bidi control still refuses it: the address it
# shows is not the one it holds.
_ZERO_WIDTH = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")


def clean_email(value: str) -> str:
    """An address a person typed, checked and normalised (normalise_email); anything a person
    does not type as their address is refused: a quoted local part, a comment, a display name,
    a space, a comma or semicolon (two addresses), a control character, an IP address, a
    dotless host or a domain no mail reaches (domains.check_domain). The mail to it would fail
    delivery and be retried for days. Full-width letters and digits (an East Asian keyboard)
    are the ASCII ones (NFKC); a letter of another alphabet where a Latin one belongs gets a
    message that names it.

    A value far longer than any address (cleaning_bound) is refused before it is read: NFKC
    writes some characters as many («\ufdfa» as eighteen letters), so a form post of 7 MB of
    them took seconds of a worker and hundreds of megabytes, past its memory ceiling (a 500)."""
    if len(value) > cleaning_bound(EMAIL_MAX_LENGTH):
        raise ValidationError(NOT_AN_ADDRESS, code="email")
    value = unicodedata.normalize("NFKC", _ZERO_WIDTH.sub("", _strip_invisible(value)))
    if "@" not in value and value.count('"') == 1 and is_address(value.replace('"', "@")):
        # Shift+2 on a Russian keyboard: «asel"mail.kz», told to leave out the quotes
        raise ValidationError(
            _("The address has no @: a Russian keyboard types a quote (\") in its place. Switch "
              "the keyboard to English and type @ again."),
            code="no_at",
        )  # fmt: skip
    local, __, domain = value.rpartition("@")
    if letters := _not_latin(local, domain):
        raise ValidationError(
            _("Type the address in plain Latin letters, a to z (switch the keyboard to "
              "English). Typed otherwise: %(letters)s."),
            code="not_latin",
            params={"letters": named_characters(letters)},
        )  # fmt: skip
    if "@" not in value:
        raise ValidationError(
            _("The address has no @ sign. Type it whole, for example name@example.kz."),
            code="no_at_sign",
        )
    forms = _domain_forms(domain) if local and len(local) <= 64 else None
    if forms is None and _LOCAL_PART.match(local) and _LABEL.match(domain.lower()):
        check_ending(local, domain)  # a host of one label, no dot: «asel@mail»
    if (
        forms is None
        or not _LOCAL_PART.match(local)
        or len(f"{local}@{forms[0]}") > EMAIL_MAX_LENGTH
        or len(f"{local}@{forms[1]}") > EMAIL_MAX_LENGTH
    ):
        raise refusal(value, is_address)  # what is wrong with it, said (address_faults)
    check_domain(local, forms[1])  # before the outbox's rule, which names no ending («gmail.c»)
    if not _outbox_takes(f"{local}@{forms[1]}"):
        raise refusal(value, is_address)
    return f"{local}@{forms[1]}"


def clean_birth_date(born: date) -> date:
    """A date of birth as anyone may enter it, a visitor in a form or an officer correcting one:
    not after today, not more than OLDEST_AGE years before it, both in Almaty. A future date made
    the person a minor to the gate, and every consent they gave stopped."""
    today = local_today()
    if born > today:
        raise ValidationError(_("The date of birth cannot be in the future."), code="future")
    if born < today - relativedelta(years=OLDEST_AGE):
        raise ValidationError(_("Check the year of birth."), code="too_old")
    return born


def is_address(value: str) -> bool:
    """Whether `value` is an address a form takes (clean_email): a whole one."""
    try:
        clean_email(value)
    except ValidationError:
        return False
    return True


def address_holders(address: str, field: str = "email") -> Q:
    """The people at `address` (as normalise_email gives it), any letter case, and at the same
    mailbox with a tag after «+» («asel+news@», the desk searching «asel@»), or without it.
    `field`: where the address is held (a guardian's is in «contact»)."""
    local, __, domain = address.rpartition("@")
    base = local.split("+", 1)[0]
    same = f"{field}__address"
    if not base or not domain:
        return Q(**{same: address})
    # Compared as `__address` compares (core/addresses.py): `istartswith` made «@maıl.kz»,
    # another domain, end as «@mail.kz».
    tagged = Q(**{
        f"{field}__address_folded__startswith": address_folded(f"{base}+"),
        f"{field}__address_folded__endswith": address_folded(f"@{domain}"),
    })  # fmt: skip
    return Q(**{same: address}) | Q(**{same: f"{base}@{domain}"}) | tagged


def _address_tag(email: str, secret: str) -> str:
    key = (normalise_email(email) or "").lower()
    return salted_hmac("consent.address-tag", key, secret=secret, algorithm="sha256").hexdigest()[
        :24
    ]


def address_tag(email: str) -> str:
    """What a link mailed to `email` carries of it, so that the link opens only while its
    person still holds that address (`address_tag_matches`): after a correction the old
    mailbox may be someone else's. A keyed digest, letter case aside: the link is signed, not
    encrypted, and a plain digest of an address is undone by trying a list of them."""
    return _address_tag(email, settings.SECRET_KEY)


def address_tag_matches(tag: str, email: str | None) -> bool:
    """Whether `tag` is address_tag(email), under SECRET_KEY or one of SECRET_KEY_FALLBACKS
    (a link mailed before the key was changed)."""
    return bool(email) and any(
        constant_time_compare(tag, _address_tag(email, secret))
        for secret in [settings.SECRET_KEY, *settings.SECRET_KEY_FALLBACKS]
    )


def subject_find(*, email: str | None = None) -> Subject | None:
    """The subject holding this email address (normalised; the domain's case ignored), or None."""
    email = normalise_email(email)
    return _holding(email).first() if email else None


def subjects_holding(email: str | None) -> QuerySet[Subject]:
    """subject_find() as a queryset (none for no address), to ask more of the person in the same
    query: a public form asks the same of an address on record as of an unknown one, so its
    answer takes as long either way (bench/address_timing.py)."""
    email = normalise_email(email)
    return _holding(email) if email else Subject.objects.none()


def _holding(email: str) -> QuerySet[Subject]:
    """The subject holding the normalised address `email`: a queryset of at most one."""
    return Subject.objects.filter(email__address=email).order_by("id")


def subject_find_for_update(*, email: str | None = None) -> Subject | None:
    """subject_find() for a transaction that may create the person or decide from the ledger
    what to write: callers for one address run one after another until their transactions end
    (two tabs posting one new address, a confirmation link clicked twice), so the second finds
    what the first made instead of making it again or failing on the unique address. On
    PostgreSQL; SQLite (`make run`) writes one transaction at a time anyway."""
    email = normalise_email(email)
    if not email:
        return None
    address_lock(email)  # nobody may hold the address yet: lock the address
    return _holding(email).select_for_update().first()


def address_lock(email: str) -> None:
    """Hold the normalised address `email` until the transaction ends, whether or not anyone on
    record holds it (`common.locks.transaction_lock`: there may be no row to lock). Two addresses
    `__address` finds the same take the same lock: Python's lower() folds at least the ASCII
    capitals it sets aside. Taken before the person's row (`subject_find_for_update`), never
    after it, but by `held_by_other`."""
    transaction_lock(f"subject-address:{email.lower()}")


def held_by_other(subject: Subject, email: str) -> bool:
    """Whether someone other than `subject` holds the normalised address `email` they are to be
    given (the desk's correction), asked under the address's lock as a form asks it before it
    makes a new person there: asked without it, a form's person not yet committed was no one,
    and the correction broke the unique address (the officer's 500 page) or, in other letter
    case, gave one mailbox to two people (tests/rights/test_at_the_same_instant.py). Taken after
    the person's row, which cannot deadlock: whoever holds the address's lock waits only for
    the row of its holder, never this person, unless it is their own address spelt otherwise,
    not locked again."""
    if email.lower() != (subject.email or "").lower():
        address_lock(email)
    return subject_find(email=email) not in (None, subject)
