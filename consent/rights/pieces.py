"""A letter's text cut into its sentences as written (compliance L7), for the sentences and
clauses the intake reads (sentences.py) and for every rule that reads a sentence whole: where
a sentence ends (SENTENCE_END), where a clause does (CLAUSE_END), and whether it ends as a
question (ASKED). The one cut, `pieces`, first blanks each link and email address written in
the text (spelling.unlinked): a «?» or a «.» inside one is no sentence's end and asks nothing
(«Отпишите меня от рассылки https://emaluplus-vko.kz/ru/newsletter/unsubscribe/?t=abc» was read
as a question, and the news went on), nor are its words the writer's.
"""

import re

from .spelling import unlinked

_UPPER = "A-ZА-ЯЁӘҒҚҢӨҰҮҺІ"
# Where a sentence ends: after «?», «!», «;» or «…»; after a full stop before a capital or the
# end (not «перс. данных», «т.е.»); at a line break before a blank line or a capital (a line
# wrapped by the mail program goes on in small letters).
SENTENCE_END = re.compile(
    rf"(?<=[?!;…])|(?<=\.)(?=\s+[{_UPPER}\d]|\s*$)|\n(?=[ \t]*\n|[ \t]*[{_UPPER}])"
)
CLAUSE_END = re.compile(r"[,:—–]|\s-\s")
ASKED = re.compile(r"\?[\s\"'»“”)\]]*$")


def pieces(text: str) -> list[str]:
    """The sentences of `text` as written, each link and email address in them blanked
    (spelling.unlinked), every other character in its place."""
    return SENTENCE_END.split(unlinked(text or ""))
