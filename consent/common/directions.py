"""What staff write for everyone to read closes each direction mark on the line it opens on
(a campaign, a page, a service, the company's details, a policy version, a consent text): the
one home of that rule, and of which lines of a letter the desk isolates (ticket_shown.py)."""

import re
import unicodedata

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# Unicode's explicit direction marks: embeddings and overrides (LRE, RLE, LRO, RLO), closed by
# PDF; isolates (LRI, RLI, FSI), closed by PDI, which closes what was opened inside them too.
_EMBEDDINGS, _POP_EMBEDDING = "\u202a\u202b\u202d\u202e", "\u202c"
# FSI and PDI also stand for an element a browser isolates (<bdi>) in the text a page shows
# (emalu/rendered.py::text_of).
FSI, PDI = "\u2068", "\u2069"
_ISOLATES, _POP_ISOLATE = "\u2066\u2067" + FSI, PDI
# Those that set right to left (RLE, RLO, RLI): the others set left to right (LRE, LRO, LRI, as
# a phone number copied from a contacts list carries) or the direction of what follows (FSI).
_RIGHT_TO_LEFT = "\u202b\u202e\u2067"


def validate_direction_closed(value: str) -> None:
    """Refuse a line staff write (a campaign's title or subject line) holding a direction mark
    it never closes: an invisible override pasted with an Arabic or Hebrew phrase turned around
    whatever follows the line where it is shown, the preview in a reader's inbox list after the
    subject, the desk's message after the title. Marks that are closed are kept as written."""
    if _left_open(value):
        raise ValidationError(_told(value), code="direction_open")


DIRECTION_OPEN = _(
    "This holds an invisible direction mark (pasted with right-to-left text) that is never "
    "closed: it would turn the text after it around. Type the line again instead of pasting it."
)
# A left-to-right mark (or one taking the direction of what follows) turns nothing around in a
# Kazakh or Russian line: it sets the direction of the rest, reordering the signs and any
# right-to-left words after it. Told it came with right-to-left text, the editor found none.
DIRECTION_OPEN_OTHER = _(
    "This holds an invisible direction mark (pasted from another program, often with a phone "
    "number or a name) that is never closed: it could change the order of the words and signs "
    "after it. Type the line again instead of pasting it."
)


def _told(value: str):
    """What a refusal of `value` says: whether a mark it leaves open turns the text around."""
    backwards = any(value[where] in _RIGHT_TO_LEFT for where in _left_open(value))
    return DIRECTION_OPEN if backwards else DIRECTION_OPEN_OTHER


def _left_open(value: str) -> list[int]:
    """Where in `value` the direction marks it never closes are, the outermost first."""
    opened = []  # (an isolate?, where)
    for i, ch in enumerate(value or ""):
        if ch in _EMBEDDINGS or ch in _ISOLATES:
            opened.append((ch in _ISOLATES, i))
        elif ch == _POP_EMBEDDING and opened and not opened[-1][0]:
            opened.pop()
        elif ch == _POP_ISOLATE and any(isolate for isolate, _where in opened):
            while not opened.pop()[0]:
                pass
    return [where for _isolate, where in opened]


def validate_lines_direction_closed(value: str) -> None:
    """validate_direction_closed of each line of a text staff write (a campaign's): a mark left
    open turns around the rest of its line in the plain text, and in the HTML every line after
    it in its paragraph, which <br> does not end (the `linebreaks` filter's lines). The mark
    draws nothing, and «the line» of a page or a policy was one of a hundred: the refusal
    quotes the words before it (after it, at a line's start), which the browser's search finds."""
    for line in re.split(r"\r\n|\r|\n", value or ""):
        opened = _left_open(line)
        if not opened:
            continue
        where = opened[0]
        before = " ".join(_drawn(line[:where]).split()[-4:])[-QUOTED_MAX:]
        words = before or " ".join(_drawn(line[where:]).split()[:4])[:QUOTED_MAX]
        if not words:
            raise ValidationError(_told(line), code="direction_open")
        raise ValidationError(
            _("Look at the line with «%(words)s». %(problem)s"),
            code="direction_open", params={"words": words, "problem": _told(line)},
        )  # fmt: skip


def closed_by_line(text: str) -> str:
    """`text` as shown: each line's marks left open closed at its end (before the spaces that
    end it, which Markdown reads), the innermost first. A row saved before the rule keeps its
    marks (OldMarksKept) and is shown with each turning around its own line at most, as a
    letter's line is isolated on the desk (ticket_shown.lines_shown)."""
    shown = []
    for part in re.split(r"(\r\n|\r|\n)", text or ""):
        opened = _left_open(part)
        if opened:
            closers = "".join(PDI if part[where] in _ISOLATES else _POP_EMBEDDING
                              for where in reversed(opened))  # fmt: skip
            ends = part[len(part.rstrip()) :]
            part = part.rstrip() + closers + ends
        shown.append(part)
    return "".join(shown)


# The most of a line a refusal quotes: four words, or the end of one long run of letters.
QUOTED_MAX = 60


def _drawn(text: str) -> str:
    """`text` without its format characters (the marks among them), as a search finds it."""
    return "".join(ch for ch in text if unicodedata.category(ch) != "Cf")


class OldMarksKept:
    """A ModelForm mixin (the admin's form base, common/seen.py): the direction rule refuses a
    value staff bring in, new or edited, never one a row held before the rule and the form
    posts back unchanged. A breach recorded before it, its description holding an open mark,
    could not be saved at all: the officer could not record the day the regulator was told (a
    legal duty) until she retyped a line she had not changed. What is shown of such a value
    is isolated where it is shown (ticket_shown.lines_shown; a <pre> or a plain-text mail ends
    a mark at its line's end, the line feed being a paragraph separator)."""

    def add_error(self, field, error):
        if field is None and hasattr(error, "error_dict"):  # the model's own validation
            kept = {name: [e for e in errors if not self._kept_as_it_was(name, e)]
                    for name, errors in error.error_dict.items()}  # fmt: skip
            kept = {name: errors for name, errors in kept.items() if errors}
            if not kept:
                return
            error = ValidationError(kept)
        super().add_error(field, error)

    def _kept_as_it_was(self, name, error) -> bool:
        """Whether `error` is the direction rule's, of field `name` the row held as posted."""
        if getattr(error, "code", None) != "direction_open" or self.instance._state.adding:
            return False
        if name not in self.fields or name not in self.initial:
            return False
        return _as_posted(self.initial[name]) == _as_posted(self.cleaned_data.get(name))


def _as_posted(value) -> str:
    """`value` as a form posts it back unchanged: a browser sends a text area's lines ended by
    CRLF, and the form's field strips the ends."""
    return re.sub(r"\r\n|\r", "\n", value or "").strip() if isinstance(value, str) else value
