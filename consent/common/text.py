"""Text from outside (a mail, a form) made storable without changing what the person wrote;
and what a visitor typed into a form field, made to read as it is stored."""

import codecs
import re
import unicodedata

from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .blank_marks import draws_nothing

# The direction rule's home is directions.py; migrations name its validators here.
from .directions import validate_direction_closed, validate_lines_direction_closed  # noqa: F401

# The longest text a staff member may type into one field of the admin: a pasted 5 MB text was
# stored and rendered on every page that shows it (the person's page, the request, a letter).
# A reason, an answer or a note; a document (a policy's text, a page, a campaign).
NOTE_MAX_CHARS = 10_000
DOCUMENT_MAX_CHARS = 100_000
# Why a closed request is opened again: kept in its audit row.
REASON_MAX_CHARS = 2_000

# C0 controls (NUL among them: PostgreSQL text cannot hold it), DEL and the C1 controls, except
# the tab and the line feed; the ones that end a line become a line break instead (LINE_BREAKS).
CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Lone surrogates: what Python's decoders leave for bytes they could not read. No database or
# mail encoding can hold them.
SURROGATES = re.compile(r"[\ud800-\udfff]")
# CR LF, a lone CR and NEL are line breaks; so are a vertical tab and a form feed (Unicode's
# mandatory breaks): Word's manual line break and its page break, pasted into a form, were removed
# as controls and joined the words on either side, «Сәлем!Қалайсыз?», «АсельНур».
LINE_BREAKS = re.compile(r"\r\n?|[\x0b\x0c\x85]")
ONE_LINE = re.compile(r"[\t\n\u2028\u2029]+")
# What ends a line for Python's str.splitlines(), and so for the email package, which refuses a
# header holding one (every other control character too): the C0 and C1 controls, DEL and the
# line and paragraph separators.
NOT_ONE_LINE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def clean_text(value: str | None, *, multiline: bool = True) -> str:
    """`value` without NUL or other control characters, line breaks as "\\n", and an undecodable
    character (a lone surrogate) as U+FFFD; everything else kept as written: letters of any
    script, emoji, formatting characters, spacing. `multiline=False` (a subject line, a name)
    also turns tabs and line breaks (U+2028 and U+2029 too) into one space and trims the ends,
    so the value can never start a new line in a log or a mail header."""
    text = LINE_BREAKS.sub("\n", value or "")
    text = SURROGATES.sub("\ufffd", CONTROLS.sub("", text))
    if not multiline:
        text = ONE_LINE.sub(" ", text).strip()
    return text


def validate_one_line(value: str) -> None:
    """Refuse text staff write for a mail header (a subject line) that holds a line break or
    another control character: the mail could not be sent to anyone (compliance T18)."""
    if NOT_ONE_LINE.search(value or ""):
        raise ValidationError(
            _("Write this on one line, without line breaks or control characters."),
            code="not_one_line",
        )


# What a visitor types into a form field is shown to staff, put in mails and exports, and
# compared, so it must read as it is stored: on top of clean_text, the invisible characters go.
# Unicode's format characters (category Cf: bidi embeddings, overrides and isolates U+202A–U+202E
# and U+2066–U+2069, marks, zero-width spaces and joiners, word joiner, BOM, soft hyphen, tags),
# private-use and unassigned code points, and the few letters, marks and symbols that render as
# nothing (combining grapheme joiner, Hangul fillers, Khmer inherent vowels, the blank braille
# cell, the musical null notehead) used to pad or disguise a name.
_INVISIBLE_CATEGORIES = frozenset({"Cf", "Co", "Cn", "Cs"})
_INVISIBLE = frozenset("\u034f\u115f\u1160\u17b4\u17b5\u2800\u3164\uffa0\U0001d159")
_PARAGRAPH_BREAKS = re.compile("[\u2028\u2029]")


# Two uses of format characters are what the person wrote, not padding: emoji joined into one
# (a zero-width joiner between two pictographs, each perhaps with its presentation selector or
# skin tone: 👩‍💻, 👨‍👩‍👧, ❤️‍🔥) and a subdivision flag (a black flag, then tag letters and
# the cancel tag: 🏴󠁧󠁢󠁳󠁣󠁴󠁿). Removed, they turned a family into three people and Scotland's
# flag into a black one. Between letters, or anywhere else, they still go.
_PICTOGRAPH = "[\u2190-\u2bff\U0001f000-\U0001faff]"
EMOJI_SEQUENCE = re.compile(
    f"(?<={_PICTOGRAPH})(?:\ufe0f|[\U0001f3fb-\U0001f3ff])?\u200d(?={_PICTOGRAPH})"
    "|\U0001f3f4[\U000e0020-\U000e007e]+\U000e007f"
)


def _visible(text: str) -> str:
    """`text` without what draws nothing: the invisible characters, and a variation selector or
    an accent where it has nothing to draw onto (blank_marks.draws_nothing)."""
    kept = {i for match in EMOJI_SEQUENCE.finditer(text) for i in range(*match.span())}
    out, base = [], ""
    for i, ch in enumerate(text):
        category = unicodedata.category(ch)
        if i not in kept and (category in _INVISIBLE_CATEGORIES or ch in _INVISIBLE
                              or draws_nothing(ch, base)):  # fmt: skip
            continue
        out.append(ch)
        base = base if category[0] == "M" else ch
    return "".join(out)


def cleaning_bound(max_chars: int) -> int:
    """The longest text worth cleaning for a field that keeps at most `max_chars` once cleaned.
    Cleaning takes a step of Python per character (half a second for a million), and a form
    post may carry 7 MB: a field sent far longer than it could ever be kept is refused, or cut
    where it is only shown back, before it is read. The room is for what cleaning takes out of
    a real paste (spaces at the ends of lines, a zero-width character here and there)."""
    return 2 * max_chars + 1000


def clean_form_text(value: str | None, *, multiline: bool) -> str:
    """What a visitor typed into a form field, as it is stored and checked (compliance T18,
    T20): clean_text, then no invisible character, Unicode NFC, and on a single line every run
    of whitespace one space; a multi-line text keeps its line breaks ("\\n") and tabs and loses
    trailing spaces. Empty when nothing visible is left, so that a required field made of
    invisible characters (or of accents over no letter) is simply missing. Lengths are the
    caller's to check, on this result, and `cleaning_bound` before it."""
    text = _visible(clean_text(value, multiline=multiline))
    if multiline:
        lines = _PARAGRAPH_BREAKS.sub("\n", text).split("\n")
        text = "\n".join(line.rstrip() for line in lines).strip()
    else:
        text = " ".join(text.split())
    # NFC last: removing a character can bring a base letter and its combining mark together.
    return unicodedata.normalize("NFC", text)


def written(value: str | None) -> bool:
    """Whether staff wrote anything a reader sees: not only spaces and invisible characters (a
    zero-width space, a direction mark, a Hangul filler), which `str.strip()` and the admin's
    «required» take for text. What each «is it written in both languages?» asks."""
    return bool(clean_form_text(value, multiline=True))


def validate_visible(value: str) -> None:
    """Refuse text staff write (a campaign's title, subject line or text) that reads as nothing
    (`written`): a subject line of a zero-width space was saved and sent to every subscriber as
    a mail with no subject. Empty is the field's own rule (blank), not this one."""
    if value and not written(value):
        raise ValidationError(
            _("Nothing visible is written here, only spaces or invisible characters (such as a "
              "zero-width space). Write the text."),
            code="invisible",
        )  # fmt: skip


def clean_name(value: str | None) -> str:
    """A person's or a place's name as it is stored (a form's or the desk's): clean_form_text
    on one line, with every compatibility letter as the plain letter it is drawn from (NFKC):
    «𝐀𝐛𝐞𝐥» (mathematical bold), «Ａｓｅｌ» (full-width), «Ⓐⓢⓔⓛ» (circled) were kept as typed, a
    name no search, comparison or letter's greeting reads as «Asel». Kazakh and Russian letters
    have no compatibility form and are untouched («Әсел», «Ёлка», «й»). The numero sign is no
    letter and stays as written: NFKC spells «№» as Latin «No», and «Қаратал ауылы №2», a place
    of birth as Kazakhstan writes its villages, was stored and shown back as «No2»."""
    parts = (value or "").split(NUMERO)
    return clean_form_text(
        NUMERO.join(unicodedata.normalize("NFKC", part) for part in parts), multiline=False
    )


NUMERO = "№"


# What no one's name, nor a place's, is written with: a symbol (an emoji or pictograph, a flag's
# letters, a maths or currency sign: Unicode's So, Sm, Sc) or an enclosing mark (a keycap «1⃣»,
# a circle drawn round a letter). Modifier symbols (Sk) stay: «`» and «´» stand for apostrophes
# in Latin spellings; an emoji's skin tone is one, but never comes without its emoji.
NOT_IN_NAMES = {"So", "Sm", "Sc", "Me"}


def validate_name(value: str, *, place: bool = False) -> None:
    """A name as clean_name leaves it, refused unless it reads as one: two letters at least, of
    any script («Ли», «Ән», «Wu»; a modifier letter beside them, MODIFIER_LETTER, not one), and
    none of NOT_IN_NAMES; a person's name has no digit either. «Асель 🌸» was stored, shown on
    the desk, and greeted in letters; a name of «***», «123», «А» or «A1» was nobody's.
    Punctuation people write stays («Ж. Әлиев», «O'Neil», «Жұмабай-ұлы», «Қасымова
    (Әлиева)»), and a place's number («Өскемен-2», «ауылы №2»)."""
    if not value:
        return
    letters = sum(ch.isalpha() and unicodedata.category(ch) != MODIFIER_LETTER for ch in value)
    if (not letters
            or any(unicodedata.category(ch) in NOT_IN_NAMES and ch != NUMERO for ch in value)
            or (not place and any(ch.isdigit() or ch == NUMERO for ch in value))):  # fmt: skip
        raise ValidationError(
            _("Please write this in letters, without emoji or other symbols."), code="not_a_name"
        )
    if letters < MIN_NAME_LETTERS:
        raise ValidationError(
            _("Please write this in full: at least two letters."), code="name_too_short"
        )


# A name has two letters at least: one letter is an initial, or a slip of the thumb.
MIN_NAME_LETTERS = 2
# Not a letter of a name by itself, though Python's isalpha() counts it: a modifier letter (Lm)
# stands beside letters, as an apostrophe («Oʻrinboy», «Д’Артаньян» typed with «ʼ») or an
# Arabic line's stretch (the tatweel «ـ»). A name of «ـ ـ» or «ʼʼ» passed as two letters.
MODIFIER_LETTER = "Lm"


# What only typesetting needs: no-break and narrow spaces (the catalogues write «декабрь
# 2026\xa0г.», «доступ к\xa0данным», the Russian rule for a one-letter word), a no-break hyphen,
# a soft hyphen and a word joiner. A spreadsheet's filter and search, or a program reading the
# JSON, compare them as other characters than the space and hyphen the officer types, so
# «доступ к данным» found nothing in a file that showed those very words.
TYPOGRAPHY_ONLY = str.maketrans(
    {**dict.fromkeys("\xa0\u2007\u202f\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2008"
                     "\u2009\u200a\u205f", " "),
     "\u2011": "-", "\u00ad": None, "\u2060": None}
)  # fmt: skip


class Verbatim(str):
    """Text a machine-readable file keeps exactly as held (plain_text leaves it): what a hash
    was taken over, such as the name and the list of data a consent text showed, which the
    reader fills in to compute the hash again."""


def plain_text(value: object) -> object:
    """`value` as a machine-readable file (a CSV, the JSON export) writes it: text with the
    TYPOGRAPHY_ONLY characters as plain spaces and hyphens (or nothing), so that what reads
    alike matches alike; a Verbatim text, and anything not text, as it is. The one home of that
    rule: csv_document and the access export's JSON both write through it."""
    if isinstance(value, str) and not isinstance(value, Verbatim):
        return value.translate(TYPOGRAPHY_ONLY)
    return value


# The one-byte charsets UTF-8 text comes mislabelled with (as_written).
MISLABELLED_AS = ("cp1251", "koi8_r", "koi8_u", "iso8859_5", "cp866", "mac_cyrillic", "cp1252")


def as_written(text: str, declared: tuple[str, ...] = ()) -> str:
    """`text` as written when it is UTF-8 read under a one-byte charset's label (a mail program
    that writes its default label, «windows-1251», «koi8-r», «iso-8859-1», whatever it encoded):
    read so, «Деректерімді жойыңыз» was stored as «Р”РµСЂРµРєС‚РµСЂС–РјРґС– Р¶РѕР№С‹ТЈС‹Р·», in no
    language, asking for nothing. The charsets it was read in (`declared`, Python's codec names)
    are tried first, then those labels mail programs write most (MISLABELLED_AS): a Latin label
    such as «iso-8859-1» reads every byte, UTF-8's as control characters no other charset
    writes back. Text really written in such a charset never encodes back to UTF-8: its letters
    are all bytes that begin a UTF-8 sequence, and a letter follows a letter. A charset of more
    than a byte a letter is never so mislabelled, and not tried: Cyrillic in UTF-16 (or in UTF-7)
    is all bytes below 0x80, which read as UTF-8 without an error, and a letter in UTF-16 was
    stored as the control characters and Latin letters of its bytes («B?8H8B5»)."""
    if text.isascii():
        return text
    for charset in dict.fromkeys((*declared, *MISLABELLED_AS)):
        try:
            written = text.encode(charset)
            if len(written) == len(text) or codecs.lookup(charset).name == "utf-8":
                return written.decode("utf-8")  # UTF-8 read as such: the text itself
        except UnicodeError:
            continue
    return text


def whole_number(text: str | None) -> int | None:
    """A row's number that a page sends back (a query string's or a posted field's): ASCII
    digits only, at most 18 of them (any such number fits a bigint), else None. str.isdigit()
    and isdecimal() let «²» or 5,000 digits through to int(), whose ValueError was a 500."""
    if text and len(text) <= 18 and text.isascii() and text.isdigit():
        return int(text)
    return None


# A record's number as the site writes it (a request's «R-12», a set-aside email's «Q-3», or bare)
# and as staff type it (a Cyrillic «Р» on a Russian or Kazakh keyboard, «r12») and paste it from a
# letter («№», a word processor's en dash; the quotes and the full stop of the sentence around it).
# No two «\s*» meet (the dash between them is optional): a search of «R», many spaces and a letter
# tried every way of sharing the spaces between them, 16 s of a worker for 40,000.
WRITTEN_NUMBER = re.compile(
    r"[«\"'(]*(?:№\s*)?(?:([A-ZР]+)\s*(?:[-‐‑‒–—−]\s*)?)?(\d{1,19})[»\"').,;:]*", re.IGNORECASE
)


def written_number(text: str) -> tuple[str, int] | None:
    """(its letters in capitals, a Cyrillic «Р» as «R», "" when bare; its number) of a record's
    number written as above, or None for any other text."""
    match = WRITTEN_NUMBER.fullmatch(text.strip())
    if match is None:
        return None
    return (match[1] or "").upper().replace("Р", "R"), int(match[2])


# What the admin shows for a value there is none of: a dash, as Kazakh and Russian write an
# empty cell (Django's own is a hyphen, «-», which reads as a minus or a broken word).
EMPTY = "—"


def numbered(number: object) -> str:
    """A record's or request's number as the site writes it to people and staff, «№ 12» (a
    no-break space after «№», kk and ru alike): the one home of that sign. Written «#12» in a
    few places (the digest's people to decide on, the admin's saved and deleted messages, the
    audit log's titles), it read as code beside the «№ 12» of every letter and page. The
    templates' «No. {{ ref }}» is the same message, one translation."""
    return gettext("No. %(ref)s") % {"ref": number}


# The most combining marks one letter carries as people write it, once composed (NFC): a Kazakh
# or Russian letter none or one (й, ё, ә, ғ, қ, ң, ө, ұ, ү, һ, і compose to letters of their
# own), with a stress mark two, Vietnamese two. More is «Zalgo» text: a letter under dozens of
# marks, drawn over the lines round it wherever it is shown (the desk, a letter, the export).
MARKS_PER_LETTER = 3


def marks_stacked(text: str) -> bool:
    """Whether a letter of `text` (composed, as clean_form_text leaves it) carries more than
    MARKS_PER_LETTER combining marks."""
    run = 0
    for ch in text:
        run = run + 1 if unicodedata.category(ch)[0] == "M" else 0
        if run > MARKS_PER_LETTER:
            return True
    return False
