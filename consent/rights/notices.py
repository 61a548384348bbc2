"""The legal notice a company's mail server or a signature puts under a letter (compliance L7):
«Данное сообщение и любые вложения конфиденциальны. Если вы получили его по ошибке, уведомите
отправителя и удалите его», «Егер сіз бұл хатты қателесіп алсаңыз, оны жойыңыз», «If you are
not the intended recipient, please delete this e-mail». It tells whoever reads the letter what to
do with it: its «удалите», «жойыңыз» is no request of the writer's. Read as the writer's words
(reading.read_own), it opened an access request under a question about a course («сообщите
отправителю»), and held up an unsubscribe as a second request beside it, waiting for a
confirmation instead of done.

A notice begins with a sentence that speaks of the letter itself, with «this» (LETTER: «это
письмо», «данное сообщение», «бұл хат», «осы хабарлама», «this e-mail») and of its secrecy
(SECRET), a reader it may not be for (ASTRAY) or what if (IF); from there on it tells the letter
confidential, or what to do if it reached them in error or was not meant for them. A person
who writes that our letter reached them by mistake («мне по ошибке пришло это письмо, удалите
меня из рассылки») tells no reader what to do if: that is their request, and is read."""

import re
from functools import lru_cache

from .spelling import FOLD


@lru_cache(maxsize=64)  # each line is read again as the paragraph of each line above it
def _read(text: str) -> str:
    """The text as the signs are written: lower case, Kazakh letters as typed without a Kazakh
    keyboard, ё as е (spelling.FOLD); a letter for a letter, so that a place in it is the same
    place in the text as written («İ», two letters in lower case, as «I»)."""
    return text.replace("İ", "I").lower().translate(FOLD)


def _any(*patterns: str) -> re.Pattern:
    return re.compile("|".join(_read(pattern) for pattern in patterns))


# Each alternative begins at a word's beginning (`\b`) and has no open repetition before its
# end, so that a search costs a look per letter however long the line.
LETTER = _any(
    r"\b(это|этого|этом|эти|данное|данного|данном|настоящее|настоящего|настоящем)\s"
    r"(электронн\w{0,4}\s)?(письм|сообщени|e-?mail)",
    r"\b(бұл|осы)\s(электрондық\s)?(хат|хабар|e-?mail)",
    r"\bthis\s(e-?mail|email|message|communication|transmission|letter)",
)
SECRET = _any(r"\bконфиденциальн", r"\bқұпия", r"\bconfidential", r"\bprivileged")
IF = _any(r"\bесли\b", r"\bегер\b", r"\bif\b", r"\w(са|се)ңыз\b", r"\w(са|се)ңіз\b")
ASTRAY = _any(
    r"\bошибк", r"\bошибочн", r"\bадресат", r"\bполучател", r"\bқателес", r"\bқателік",
    r"\bқате\b", r"\bалушы", r"\bin error\b", r"\bby mistake\b", r"\bintended\b",
    r"\brecipient", r"\baddressee",
)  # fmt: skip
SENTENCE_END = re.compile(r"[.!?…]+\s+")
# A notice is read from the line it begins on to the end of its paragraph, up to these.
NOTICE_LINES = 12
NOTICE_CHARACTERS = 3000


def notice_at(lines: list[str], index: int) -> int | None:
    """Where in lines[index] a legal notice begins (the offset of its first sentence, 0 for the
    whole line), or None when none does. Its first sentence speaks of the letter itself and of
    its secrecy, a reader it may not be for, or what if (LETTER, and SECRET, ASTRAY or IF: «Если
    вы получили это письмо…», «This e-mail is confidential»), a sentence of the line or one the
    line begins and the next line goes on with (a wrapped paragraph); and from that sentence
    on, the paragraph tells the letter confidential, or what to do if it went astray."""
    line = _read(lines[index][:NOTICE_CHARACTERS])
    if not (LETTER.search(line) or SECRET.search(line) or IF.search(line) or ASTRAY.search(line)):
        return None
    paragraph = [line]
    for following in lines[index + 1 : index + NOTICE_LINES]:
        if not following.strip():
            break
        paragraph.append(_read(following[:NOTICE_CHARACTERS]))
    text = " ".join(paragraph)[:NOTICE_CHARACTERS]
    starts = [0, *(end.end() for end in SENTENCE_END.finditer(text))]
    for start, end in zip(starts, [*starts[1:], len(text)], strict=True):
        if start >= len(line):
            return None
        sentence = text[start:end]
        if LETTER.search(sentence) and any(sign.search(sentence) for sign in (SECRET, IF, ASTRAY)):
            # The first such sentence: from a later one on, the paragraph would tell less.
            rest = text[start:]
            told = SECRET.search(rest) or (IF.search(rest) and ASTRAY.search(rest))
            return start if told else None
    return None
