"""A letter's text cut into its sentences as written (compliance L7), for the sentences and
clauses the intake reads (sentences.py) and for every rule that reads a sentence whole: where
a sentence ends (SENTENCE_END), where a clause does (CLAUSE_END), and whether it ends as a
question (ASKED). The one cut, `pieces`, first blanks each link and email address written in
the text (spelling.unlinked): a «?» or a «.» inside one is no sentence's end and asks nothing
(«Отпишите меня от рассылки https://emaluplus-vko.kz/ru/newsletter/unsubscribe/?t=abc» was read
as a question, and the news went on), nor are its words the writer's. And it takes off a
courtesy tag that closes a request with its «?» (untagged, asking.py): «Отпишите меня от
рассылки, хорошо?» asks what «Отпишите меня от рассылки» does.
"""

import re

from .asking import can_you, closes_a_request, tag_length
from .spelling import WORD, fold, unlinked, words

_UPPER = "A-ZА-ЯЁӘҒҚҢӨҰҮҺІ"
# Where a sentence ends: after «?», «!», «;» or «…»; after a full stop before a capital or the
# end (not «перс. данных», «т.е.»); at a line break before a blank line or a capital (a line
# wrapped by the mail program goes on in small letters).
SENTENCE_END = re.compile(
    rf"(?<=[?!;…])|(?<=\.)(?=\s+[{_UPPER}\d]|\s*$)|\n(?=[ \t]*\n|[ \t]*[{_UPPER}])"
)
CLAUSE_END = re.compile(r"[,:—–]|\s-\s")
ASKED = re.compile(r"\?[\s\"'»“”)\]]*$")
TAG_WORDS = 6  # the most words a courtesy tag is read in («…, если можно, пожалуйста?»)


def pieces(text: str) -> list[str]:
    """The sentences of `text` as written, each link and email address in them blanked
    (spelling.unlinked) and a courtesy tag closing a request taken off (untagged), every other
    character in its place."""
    return [untagged(piece) for piece in SENTENCE_END.split(unlinked(text or ""))]


def untagged(piece: str) -> str:
    """`piece`, one sentence, with the courtesy tag that closes it and its «?» blanked, when the
    clause before the tag asks us something (asking.closes_a_request): «Удалите мои данные,
    хорошо?», «Хабарламалардан шығарыңыз жарай ма?». A question stays one: «Вы отписали меня,
    хорошо?», «Удалить мои данные, можно?», «Деректерімді жоюға бола ма?», and so does one whether
    we can, asked politely: «Можете отписать меня от рассылки, пожалуйста?»."""
    if not ASKED.search(piece) or can_you([fold(word) for word in words(piece)]):
        return piece  # no «?», or that of a question whether we can (asking.can_you)
    written = list(WORD.finditer(piece))
    # Only the last words are read: a tag is a few words long, a sentence may be a whole line.
    folded = [[fold(word) for word in words(found[0])] for found in written[-TAG_WORDS:]]
    length = tag_length([read[0] if len(read) == 1 else "" for read in folded])
    if not length or length == len(written):
        return piece
    at = written[-length].start()
    clauses = [clause for clause in CLAUSE_END.split(piece[:at]) if words(clause)]
    tag = [word for read in folded[-length:] for word in read]
    if not clauses or not closes_a_request(tag, [fold(word) for word in words(clauses[-1])]):
        return piece
    return piece[:at] + " " * (len(piece) - at)
