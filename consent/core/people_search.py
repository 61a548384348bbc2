"""What the desk's search of people (rights/admin/people.py) finds for part of a name, of an
address or of a phone number, and what it refuses to search.

A part is found only when it says enough: a word whose name key (consent.core.names) is shorter
than `PART_MIN` letters («аааа» is «а»: repeated letters are one in the key) finds a name that
has it as a whole word, not every name that holds the letter; a partial address needs
`PART_MIN` characters beside its «@». A term longer than any name or address (`TERM_MAX`) finds
no one and is not compared: a pattern the length of the term, compared with every row, made the
database's time grow with the term."""

import re

from django.db.models import Q

from consent.common.lookalikes import LOOKALIKES

from .addresses import address_folded
from .models import Subject
from .names import name_keys
from .phones import phone_digits

PART_MIN = 3
# The longest name a form keeps (a guardian's is as long); an address is at most 254 characters.
TERM_MAX = Subject._meta.get_field("full_name").max_length

# A Cyrillic letter that looks like a Latin one, in an address typed with an ASCII letter: the
# keyboard's layout left it there («аigerim@» with a Cyrillic «а»).
_AS_LATIN = str.maketrans(
    {cyrillic: chr(latin) for latin, cyrillic in LOOKALIKES.items() if chr(latin).isascii()}
)
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_ASCII_LETTER = re.compile(r"[A-Za-z]")
_BRACKETED = re.compile(r"<([^<>]*@[^<>]*)>")
_AROUND = "<>()[]{}\"'«»“”„,;:."


def address_typed(term: str) -> str:
    """The address in what the officer pasted (cleaned as a form's text): the one between
    «<» and «>» of a mail's «Aigerim <aigerim@…>», without spaces, «mailto:» or the sentence's
    quotes and stops around it, its Cyrillic lookalikes as Latin letters when it has ASCII ones."""
    bracketed = _BRACKETED.search(term)
    address = "".join((bracketed.group(1) if bracketed else term).split()).strip(_AROUND)
    if address[:7].lower() == "mailto:":
        address = address[7:]
    if _CYRILLIC.search(address) and _ASCII_LETTER.search(address):
        address = address.translate(_AS_LATIN)
    return address


def address_part_holders(address: str, field: str = "email") -> Q | None:
    """The people whose address (held in `field`) starts with the local part typed before «@»
    and whose domain starts with what was typed after it, ASCII case aside as for a whole
    address (core/addresses.py): «aig@example», «aigerim@», «@example.kz». None when fewer than
    PART_MIN characters were typed beside the «@»."""
    local, __, domain = address.rpartition("@")
    if len(local) + len(domain) < PART_MIN:
        return None
    return Q(**{
        f"{field}__address_folded__startswith": address_folded(local),
        f"{field}__address_folded__contains": address_folded(f"@{domain.lower()}"),
    })  # fmt: skip


def part_too_short(keys: list[str]) -> bool:
    """Whether a word of a name's search is found only whole (see the module)."""
    return any(len(key) < PART_MIN for key in keys)


def named(keys: list[str], field: str = "name_key") -> Q:
    """The rows whose name key (`field`) holds every key, a short one as a whole word."""
    query = Q()
    for key in dict.fromkeys(keys):
        if len(key) >= PART_MIN:
            query &= Q(**{f"{field}__contains": key})
        else:
            query &= (
                Q(**{field: key})
                | Q(**{f"{field}__startswith": f"{key} "})
                | Q(**{f"{field}__endswith": f" {key}"})
                | Q(**{f"{field}__contains": f" {key} "})
            )
    return query


# Initials, as a letter is signed and a document names a person beside the surname («Оспанова
# Ж.Б.», «Ж. Б. Оспанова», «Ospanova Zh.»): a run of words of one or two letters, each with its
# dot. As words, each was one letter to be found whole (`named`): no name has one, and the
# officer was told to type more, as if nothing were held about the person.
_INITIALS = re.compile(r"(?<![^\W_])(?:[^\W\d_]{1,2}\.\s*)+")
_INITIAL = re.compile(r"[^\W\d_]{1,2}")


def name_holders(term: str, field: str = "name_key") -> tuple[Q, list[str]] | None:
    """The rows whose name (its key in `field`) has every word of `term` (`named`) and, for each
    run of initials typed beside them, a word starting with the run's first initial other than
    the words typed: the given name's. The patronymic's after it is not asked of a name the
    form kept without one. With the keys of the words (initials aside), for `part_too_short`;
    None for a term with no letter. A term of initials alone is read as words, as before."""
    initials = [name_keys(_INITIAL.match(run)[0]) for run in _INITIALS.findall(term)]
    keys = name_keys(_INITIALS.sub(" ", term))
    if not keys:
        keys, initials = name_keys(term), []
    if not keys:
        return None
    query = named(keys, field)
    for key in (found[0] for found in initials if found):
        # A word of its own: one more word starting with it than the words typed that do, or
        # «Ким К.» listed every Ким by the surname's own first letter.
        words = 1 + sum(typed.startswith(key) for typed in keys)
        word = f"{re.escape(key)}[^ ]*"
        query &= Q(**{f"{field}__regex": f"(^| ){word}{f'( | .* ){word}' * (words - 1)}"})
    return query, keys


# A number as it is written, digits and the signs between their groups, no letter: given in
# part or with a slip («8 701 123 45 6», «123 45 67»), it is no whole number (normalise_phone)
# and was searched as a name. Fewer digits than PHONE_PART_MIN are in too many numbers to say
# whose.
_NUMBER_WRITTEN = re.compile(r"[\d\s+()\-./]+")
PHONE_PART_MIN = 5


# A letter O typed for a zero, Latin or Cyrillic: a keyboard's other layout, or a number copied
# from a document that wrote it so («8 7О1 123 45 67»).
_ZEROS = str.maketrans("OoОо", "0000")


def number_written(term: str) -> str:
    """`term` as the number it writes, each letter O in it read as a zero, when that makes it a
    number written (digits and the signs between their groups) and it has a digit of its own
    («ООО» is a name); else `term` as typed."""
    number = term.translate(_ZEROS)
    if number == term or not any(ch.isdigit() for ch in term):
        return term
    return number if _NUMBER_WRITTEN.fullmatch(number) else term


def phone_part_holders(term: str, field: str = "phone") -> Q | None:
    """The people whose number (held in `field` as E.164, «+77011234567») holds the digits of
    `term`: anywhere in it, or from its start after the «8» dialled within Kazakhstan. None for
    a term that is no number written (a letter in it) or has fewer than PHONE_PART_MIN digits."""
    if not _NUMBER_WRITTEN.fullmatch(term):
        return None
    digits = phone_digits(term)
    if len(digits) < PHONE_PART_MIN:
        return None
    found = Q(**{f"{field}__contains": digits})
    if digits.startswith("8"):
        found |= Q(**{f"{field}__startswith": f"+7{digits[1:]}"})
    return found & Q(**{f"{field}__startswith": "+"})  # a number, not an address with digits
