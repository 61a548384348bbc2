"""The charsets a letter may be written in, as a mail program reads them (letters.py): a
declared label in the spellings mail programs write, never one of Python's own codecs."""

import codecs
import re
from email.header import decode_header, make_header

ASCII = {"us-ascii", "ascii", "ansi_x3.4-1968"}
# Python's own text codecs (its documentation's «Python Specific Encodings»), which no mail
# program writes or reads: a part or an encoded word labelled «unicode_escape» was read as the
# «Отзыв согласия» its «\u041e…» escapes spell, where the person's mail program shows the escapes.
PYTHON_ONLY = {"idna", "mbcs", "oem", "palmos", "punycode", "raw-unicode-escape", "undefined",
               "unicode-escape"}  # fmt: skip
# An encoded word's charset (RFC 2047, with RFC 2231's language after a «*»).
ENCODED_WORD_CHARSET = re.compile(r"=\?([^?*\s]*)(?:\*[^?\s]*)?\?[bq]\?", re.IGNORECASE)


def codec(label: str | None) -> str | None:
    """The codec of a part's declared charset, or None for one no codec reads. Undeclared 8-bit
    text is UTF-8 in practice, and US-ASCII is a subset of it. Mail programs also write labels
    Python does not know by that spelling: «cp-1251», «win-1251», «x-cp1251», «cp-866»,
    «x-mac-cyrillic» (Python's «cp1251», «cp866», «mac_cyrillic»)."""
    label = (label or "").strip().lower()
    if not label or label in ASCII:
        return "utf-8"
    bare = label.removeprefix("x-")
    numbered = re.fullmatch(r"(?:cp|win|windows|ibm)[-_]?(\d{3,4})", bare)
    for spelling in filter(None, (label, bare, f"cp{numbered[1]}" if numbered else None)):
        try:
            found = codecs.lookup(spelling)
        except LookupError:
            continue
        # Not a codec of bytes to text («base64», «rot13», «zlib»), nor one of Python's own
        # (PYTHON_ONLY): no charset of a letter.
        charset = getattr(found, "_is_text_encoding", True) and found.name not in PYTHON_ONLY
        return found.name if charset else None
    return None


def respelled_words(raw: str) -> str | None:
    """A header field as written (`raw`) decoded with each encoded word's label spelled as
    codec() reads it («=?win-1251?B?…?=», «=?x-mac-cyrillic?Q?…?=», «=?cp-866?…»): the email
    package looks labels up in Python's spelling only, and a subject line so labelled was set
    aside unread where a body part of the same label is read. None when Python knows every
    label as written. Raises UnicodeError or ValueError for words that do not decode."""
    labels = [label for label in ENCODED_WORD_CHARSET.findall(raw) if not _known(label)]
    if not labels:
        return None
    spelled = ENCODED_WORD_CHARSET.sub(lambda m: f"=?{codec(m[1])}?{m[0][-2]}?", raw)
    return str(make_header(decode_header(spelled)))


def _known(label):
    try:
        return bool(codecs.lookup(label))
    except LookupError:
        return False


# An HTML part may declare its charset in its markup only, as a browser reads it: a <meta> in
# its first 1,024 bytes (HTML's prescan). Read as UTF-8, a Windows-1251 letter so was set aside.
META_CHARSET = re.compile(rb"<meta\s[^>]*?charset\s*=\s*[\"']?\s*([-\w.:]+)", re.IGNORECASE)
