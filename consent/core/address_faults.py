"""What is wrong with an address a visitor typed that is none, told in their language
(subjects.clean_email asks, once it has refused the address).

Every refusal said «without spaces, quotes, commas or brackets»: «asel@mail.» (a dot at the
end), «@mail.ru», «asel@@mail.ru», «asel@mail..ru», «mailto:asel@mail.ru» or an address typed
twice had none of those, and the visitor on a phone could not see what to fix. Each slip a
person makes is named here with what to do, and the address meant when mending the slip makes
one the forms take. That message is left to what has a space, quote, comma or bracket, and
anything else gets one that names no character it lacks."""

import re
import unicodedata
from collections.abc import Callable

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

NOT_AN_ADDRESS = _(
    "Enter an email address like name@example.kz, without spaces, quotes, commas or brackets."
)
NOT_WELL_FORMED = _(
    "Mail cannot be sent to this address: check it letter by letter and type it as your mail "
    "service shows it, for example name@example.kz."
)
DID_YOU_MEAN = _("Did you mean %(address)s?")
# What the general message tells to leave out, and what pastes a second address beside one
_SEPARATORS = re.compile(r"[\s,;\"'()\[\]\x00-\x1f\x7f]")
_MAILTO = re.compile(r"mailto:", re.I)
# The letters Python's IDNA 2003 codec, by which Django writes every mail's domain, maps to others
# that IDNA 2008 and the registries keep (UTS #46's deviations): «straße.de» was mailed at
# «strasse.de», «ελληνικός.gr» at «ελληνικοσ.gr», each another domain, someone else's. The other
# two, the zero-width joiners, are dropped from every address (subjects.clean_email).
OTHER_HOST_LETTERS = re.compile("[ßẞς]")


def refusal(value: str, takes: Callable[[str], bool]) -> ValidationError:
    """Why `value` (stripped, NFKC) is no address, as the error the form shows. `takes`: whether
    a mended spelling is an address the forms take (subjects.is_address), to offer it."""
    local, __, domain = value.rpartition("@")
    if hidden := [ch for ch in value if unicodedata.category(ch) == "Cf"]:
        # A direction mark or another invisible character (clean_email drops only the
        # zero-width ones) pasted inside the address: told to look letter by letter, the visitor
        # found nothing, since it draws nothing. The address without them is offered.
        mended = "".join(ch for ch in value if ch not in hidden)
        return _said(
            _("The address holds an invisible character (such as a direction mark, pasted with "
              "text written right to left): type the address again instead of pasting it."),
            "invisible", mended, takes,
        )  # fmt: skip
    if _MAILTO.match(value):
        return _said(
            _("The address starts with «mailto:», which belongs to a link: leave it out and "
              "enter only the address."),
            "mailto", value[len("mailto:"):], takes,
        )  # fmt: skip
    if "<" in value or ">" in value:
        inside = re.search(r"<([^<>]*)>", value)
        return _said(
            _("Enter only the address itself, without a name or the angle brackets «<» and «>» "
              "around it."),
            "wrapped", inside[1].strip() if inside else "", takes,
        )  # fmt: skip
    if once := _typed_twice(value):
        return _said(_("The address is typed twice: enter it once."), "twice", once, takes)
    if _SEPARATORS.search(value):
        mended = value.replace(",", ".")
        if value.count("@") == 1 and not _SEPARATORS.search(mended) and takes(mended):
            return _said(_("The address has a comma where a dot belongs."), "comma", mended, takes)
        return ValidationError(NOT_AN_ADDRESS, code="email")
    if value.count("@") > 1:
        return _said(
            _("The address has the @ sign more than once: an address has exactly one."),
            "many_at", re.sub("@+", "@", value), takes,
        )  # fmt: skip
    if not local:
        return ValidationError(
            _("There is nothing before the @: type your mailbox's name in front of it, as in "
              "name@%(domain)s."),
            code="nothing_before", params={"domain": domain},
        )  # fmt: skip
    if not domain:
        return ValidationError(
            _("There is nothing after the @: add your mail service, as in @mail.ru or "
              "@gmail.com."),
            code="nothing_after",
        )  # fmt: skip
    if letters := list(dict.fromkeys(OTHER_HOST_LETTERS.findall(domain))):
        return ValidationError(
            _("Mail from our site cannot reach this address: the letters %(letters)s of its "
              "domain are sent on as others («straße» as «strasse»), to another domain. Please "
              "give another address."),
            code="other_host", params={"letters": ", ".join(f"«{ch}»" for ch in letters)},
        )  # fmt: skip
    return _dots(local, domain, takes) or ValidationError(NOT_WELL_FORMED, code="email")


def _dots(local: str, domain: str, takes: Callable[[str], bool]) -> ValidationError | None:
    """A dot where none may be: at either end of a part, or two in a row."""
    if domain.startswith("."):
        mended = f"{local}@{domain.lstrip('.')}"
        return _said(_("There is a dot right after the @: leave it out."), "dot", mended, takes)
    if domain.endswith("."):
        if "." not in domain.rstrip("."):
            return ValidationError(
                _("The address ends in a dot with nothing after it: add the ending, as in .kz, "
                  ".ru or .com."),
                code="dot",
            )  # fmt: skip
        mended = f"{local}@{domain.rstrip('.')}"
        return _said(_("The address ends in a dot: leave it out."), "dot", mended, takes)
    if local.endswith("."):
        mended = f"{local.rstrip('.')}@{domain}"
        return _said(_("There is a dot right before the @: leave it out."), "dot", mended, takes)
    if local.startswith("."):
        mended = f"{local.lstrip('.')}@{domain}"
        return _said(_("The address starts with a dot: leave it out."), "dot", mended, takes)
    if ".." in local or ".." in domain:
        mended = re.sub(r"\.{2,}", ".", f"{local}@{domain}")
        return _said(_("The address has two dots in a row: leave one out."), "dot", mended, takes)
    return None


def _typed_twice(value: str) -> str | None:
    """The address, when `value` is it twice, with or without a space or comma between."""
    parts = [part for part in re.split(r"[\s,;]+", value) if part]
    if len(parts) > 1 and len({part.lower() for part in parts}) == 1:
        return parts[0]
    half = len(value) // 2
    if len(value) % 2 == 0 and value[:half].lower() == value[half:].lower() and "@" in value:
        return value[:half]
    return None


def _said(message, code: str, mended: str, takes: Callable[[str], bool]) -> ValidationError:
    """`message`, and the address meant when `mended` is one."""
    if not (mended and takes(mended)):
        return ValidationError(message, code=code)
    return ValidationError(f"{message} {DID_YOU_MEAN % {'address': mended}}", code=code)
