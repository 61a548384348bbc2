"""The privacy policy as plain text in, structured blocks out: no staff HTML to sanitise."""

import re
from typing import NamedTuple

HEADING = re.compile(r"^\d+\.\s")


class Heading(NamedTuple):
    """A numbered heading and the anchor its page gives it («section-6»): the page's contents
    link to each, so a reader on a phone reaches the rights without scrolling eight screens."""

    anchor: str
    text: str

    def __str__(self):
        return self.text


def policy_blocks(text: str) -> list[tuple[str, str | Heading | list[str]]]:
    """Split a policy's text into the title, numbered headings, list items and paragraphs.

    Consecutive "- " lines become one list. Returns a list of (kind, value) where kind is
    "title", "heading" (value: a Heading), "list" (value: list of str) or "paragraph".
    """
    blocks = []
    for line in (raw.strip() for raw in text.splitlines()):
        if not line:
            continue
        if not blocks:
            blocks.append(("title", line))
        elif line.startswith("- "):
            if blocks[-1][0] != "list":
                blocks.append(("list", []))
            blocks[-1][1].append(line[2:].strip())
        elif HEADING.match(line):
            count = sum(kind == "heading" for kind, _value in blocks) + 1
            blocks.append(("heading", Heading(f"section-{count}", line)))
        else:
            blocks.append(("paragraph", line))
    return blocks
