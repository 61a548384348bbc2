"""Files pasted into a letter's HTML text: a picture as a data: URI (RFC 2397), `<img src="data:
image/jpeg;base64,/9j/4AAQ…">`, as some mail programs send one pasted into the text rather than
attached or embedded by its Content-ID. It is a file, and a letter's files are not kept with its
request (letters.py): its content is left out of the text the request stores, the markup around
it kept. Kept, a scanned identity card pasted under «Прошу удалить мои данные» stayed in the
database in base64 where the same scan attached was not, and a large photo above the text made
the letter too long to read, set aside unanswered."""

import re

# A data: URI's base64 content, its media type and parameters before it («;name=…»), its lines
# wrapped or not; taken possessively, so that a megabyte is read once. A parameter ends before
# another «data:»: run on over the next ones, each «data:» of «data:;x data:;x …» read the rest
# of the letter again, its length squared (a letter of 100 KB, 15 s of the intake).
DATA_URI = re.compile(
    r"data:[-\w.+/]*+(?:;(?!base64,)(?:(?!data:)[^;,\s\"'<>])*+)*+;base64,"
    r"(?:[A-Za-z0-9+/=]++|\r?\n)*+",
    re.I,
)


def unembedded(html: str) -> str:
    """`html` with the content of every base64 data: URI left out: an empty «data:,»."""
    return DATA_URI.sub("data:,", html)
