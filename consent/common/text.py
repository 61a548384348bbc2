"""Text from outside (a mail, a form) made storable without changing what the person wrote."""

import re

# C0 controls (NUL among them: PostgreSQL text cannot hold it), DEL and the C1 controls, except
# the tab and the line feed; a carriage return becomes a line break instead (see clean_text).
CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Lone surrogates: what Python's decoders leave for bytes they could not read. No database or
# mail encoding can hold them.
SURROGATES = re.compile(r"[\ud800-\udfff]")
LINE_BREAKS = re.compile(r"\r\n?|\x85")  # CR LF, a lone CR, and NEL are line breaks
ONE_LINE = re.compile(r"[\t\n\u2028\u2029]+")


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
