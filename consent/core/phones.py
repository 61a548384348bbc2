"""Phone numbers as people type them: read into E.164 with an extension (`normalise_phone`),
refused with what to fix, and shown back in groups (`phone_shown`). A number is data about a
person, never their identity (`subjects`)."""

import re
import unicodedata

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .subjects import named_characters

# The words people write before an extension that phonenumbers does not know («доб.», «ext.»,
# «x» and «#» it does): Kazakh «ішкі», Russian «вн.», «внутр.», «добавочный».
_EXTENSION_WORDS = re.compile(
    r"(?<![^\W\d_])(?:ішкі|внутр(?:енний)?|вн|добавочный)\.?\s*(?=\d)", re.IGNORECASE
)
# The Kazakh letters a Kazakh keyboard has on its digit keys: a number typed on it, without
# switching to English, comes out as these.
_KAZAKH_KEYS = re.compile("[әіңғүұқөһӘІҢҒҮҰҚӨҺ]")
# The words and marks that may stand before an extension, as phonenumbers reads them or
# _EXTENSION_WORDS makes them: any other letter inside a number is not part of it.
_EXTENSION_MARKS = re.compile(
    r"(?<![^\W\d_])(?:ішкі|внутр(?:енний)?|вн|добавочный|доб|ext|x)(?![^\W\d_])", re.IGNORECASE
)
# How an extension is held after the E.164 number: RFC 3966's parameter («+77232123456;ext=12»).
EXTENSION = ";ext="


def normalise_phone(phone: str | None) -> str | None:
    """A Kazakhstan number in any usual form, as E.164, with its extension if one was given
    (EXTENSION: «8 (7232) 12-34-56 доб. 12» lost its «12» without a word, and the office's
    switchboard was all staff could call); anything else is refused.

    phonenumbers accepts Russian +7 9xx numbers as valid for KZ (the two share +7), so the check
    asks for Kazakhstan's own region code as well.
    """
    # Any space between its groups as a space: a number copied from a document or a page keeps
    # its thin, narrow no-break or figure spaces (U+2009, U+202F, U+2007), which phonenumbers
    # does not read, and the desk's search found nobody by a number it held.
    phone = "".join(" " if unicodedata.category(ch) == "Zs" else ch for ch in phone or "").strip()
    if not phone:
        return None
    import phonenumbers  # here, not at start-up: only a number read or shown needs it (~15 ms)

    try:
        number = phonenumbers.parse(_EXTENSION_WORDS.sub(" доб. ", phone), "KZ")
    except phonenumbers.NumberParseException:
        number = None
    if (
        number is None
        or not phonenumbers.is_valid_number(number)
        or phonenumbers.region_code_for_number(number) != "KZ"
    ):
        letters = list(dict.fromkeys(ch for ch in phone if ch.isalpha()))
        if letters and all(_KAZAKH_KEYS.match(ch) for ch in letters):  # not «ішкі», a word
            raise ValidationError(
                _("Type the number in digits. Typed as letters: %(letters)s (a Kazakh keyboard "
                  "has them on the digit keys: switch it to English, or use the number pad)."),
                code="kazakh_keys",
                params={"letters": named_characters(letters)},
            )  # fmt: skip
        raise _phone_refused(phone)
    if str(number.national_number) not in phone_digits(phone):
        # phonenumbers read letters as a phone keypad's («CALL» is 2255): the visitor never
        # typed the digits it made of them.
        raise _letters_refused(_letters_in(phone, keypad=True))
    held = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    return f"{held}{EXTENSION}{number.extension}" if number.extension else held


def phone_digits(text: str) -> str:
    """The digits of a text, of any script's decimal digits, as 0 to 9."""
    return "".join(str(unicodedata.decimal(ch)) for ch in text if ch.isdecimal())


def _letters_in(phone: str, *, keypad: bool = False) -> list[str]:
    """The letters typed inside a number, between its first and last digit or glued to either
    («87O1…», «…45 6O»: a letter O for a zero), or, as a keypad reads them, anywhere after its
    first digit («8 701 CALL NOW»); an extension's word («доб.», «ext.») is not one, nor a word
    standing apart before or after the number («WhatsApp: 8 705…»)."""
    digits = [i for i, ch in enumerate(phone) if ch.isdecimal()]
    if not digits:
        return []
    start, end = digits[0], None if keypad else digits[-1] + 1
    while start and phone[start - 1].isalpha():  # glued to it: «O8701…»
        start -= 1
    while end is not None and end < len(phone) and phone[end].isalpha():  # «…45 6O»
        end += 1
    inside = phone[start:end]
    return list(dict.fromkeys(ch for ch in _EXTENSION_MARKS.sub("", inside) if ch.isalpha()))


def _letters_refused(letters: list[str]) -> ValidationError:
    return ValidationError(
        _("Type the number in digits. Letters in it: %(letters)s."),
        code="letters",
        params={"letters": named_characters(letters)},
    )


def _phone_refused(phone: str) -> ValidationError:
    """Why a typed number is refused, as far as it can be told: a Kazakhstan number with words
    round it or another after it («+7 705 123 45 67 (WhatsApp)»), or a city number without the
    city's code («12-34-56»), was told only to «enter a Kazakhstan number», which the visitor
    believed they had done; a letter typed inside a number is named, as the digit it is not."""
    import phonenumbers

    found = [m.number for m in phonenumbers.PhoneNumberMatcher(phone, "KZ")]
    if any(phonenumbers.region_code_for_number(number) == "KZ" for number in found):
        return ValidationError(
            _("Type one phone number only, without words or a second number, for example "
              "+7 701 123 45 67."),
            code="one_number",
        )  # fmt: skip
    if letters := _letters_in(phone):
        return _letters_refused(letters)
    if (
        5 <= sum(ch.isdigit() for ch in phone) <= 7
        and not any(ch.isalpha() for ch in phone)
        and not _trunk_started(phone)
    ):
        return ValidationError(
            _("Add the city's code to the number, for example 8 7232 12 34 56 in Öskemen."),
            code="city_code",
        )
    if (count := _miscounted(phone)) is not None:
        return ValidationError(
            _("A Kazakhstan number has 11 digits, the 8 or +7 at its start included; this one "
              "has %(count)s. Check that no digit is missing or typed twice."),
            code="digits",
            params={"count": count},
        )  # fmt: skip
    return ValidationError(
        _("Enter a Kazakhstan phone number, for example +7 701 123 45 67."), code="phone"
    )


def _trunk_started(phone: str) -> bool:
    """Whether a number starts as a whole Kazakhstan one does, with 8 or +7: no city number
    does. «8 701 12», a mobile number cut short, was told to add the city's code."""
    digits = phone_digits(phone)
    return digits.startswith("8") or (phone.lstrip().startswith("+") and digits.startswith("7"))


def _miscounted(phone: str) -> int | None:
    """How many digits a number has that is a Kazakhstan one with a digit missed or typed twice
    («8 701 123 45 6», «+7 701 123 45 678»: it starts as one, with 8 or 7, and is a digit or two
    off the 11), or cut short («8 701 12», «+7 701 123»: it starts with 8 or +7, which no city
    number does): told only «enter a Kazakhstan number», the visitor saw one they had typed. The
    digits of an extension after it are not counted."""
    digits = phone_digits(_EXTENSION_MARKS.split(_EXTENSION_WORDS.sub(" доб. ", phone))[0])
    shortest = 5 if _trunk_started(phone) else 9
    if digits[:1] in ("7", "8") and shortest <= len(digits) <= 13 and len(digits) != 11:
        return len(digits)
    return None


def phone_holders(phone: str, field: str = "phone") -> Q:
    """The people holding `phone` (as normalise_phone gives it): that number; and, for a number
    without an extension (an office's switchboard), each extension held after it too. `field`:
    where the number is held (a guardian's is in «contact»)."""
    if EXTENSION in phone:
        return Q(**{field: phone})
    return Q(**{field: phone}) | Q(**{f"{field}__startswith": f"{phone}{EXTENSION}"})


def phone_shown(phone: str | None) -> str | None:
    """A number held as E.164 («+77011234567») as people write it, in groups («+7 701 123 45 67»,
    as the forms' example writes it, not phonenumbers' «+7 701 123 4567»): eleven digits in a
    row are hard to check against one's own number. The groups are joined by no-break spaces,
    so a phone's narrow screen never breaks a number over two lines; an extension after it in
    the reader's language («доб. 12»). A value that does not parse is shown as held."""
    if not phone:
        return phone
    held, __, extension = phone.partition(EXTENSION)
    import phonenumbers

    try:
        number = phonenumbers.parse(held, "KZ")
    except phonenumbers.NumberParseException:
        return phone
    groups = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    groups = groups.split()
    if len(groups[-1]) == 4:  # «4567» of a mobile number, written «45 67»
        groups[-1:] = [groups[-1][:2], groups[-1][2:]]
    shown = "\N{NO-BREAK SPACE}".join(groups)
    if extension:
        return _("%(number)s ext. %(extension)s") % {"number": shown, "extension": extension}
    return shown
