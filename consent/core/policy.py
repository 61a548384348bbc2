"""The privacy policy as plain text in, structured blocks out: no staff HTML to sanitise."""

import re

HEADING = re.compile(r"^\d+\.\s")


def policy_blocks(text: str) -> list[tuple[str, str | list[str]]]:
    """Split a policy's text into the title, numbered headings, list items and paragraphs.

    Consecutive "- " lines become one list. Returns a list of (kind, value) where kind is
    "title", "heading", "list" (value: list of str) or "paragraph".
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
            blocks.append(("heading", line))
        else:
            blocks.append(("paragraph", line))
    return blocks
