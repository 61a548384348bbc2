"""The legal notice a company's mail server or a signature puts under a letter (compliance L7):
«Данное сообщение и любые вложения конфиденциальны. Если вы получили его по ошибке, уведомите
отправителя и удалите его», «Егер сіз бұл хатты қателесіп алсаңыз, оны жойыңыз», «If you are
not the intended recipient, please delete this e-mail». It tells whoever reads the letter what to
do with it: its «удалите», «жойыңыз» is no request of the writer's. Read as the writer's words
(reading.read_own), it opened a destruction under a question about a course, and held up an
unsubscribe as a second request beside it, waiting for a confirmation instead of done.

A notice speaks of the letter itself, with «this» (LETTER: «это письмо», «данное сообщение»,
«бұл хат», «осы хабарлама», «this e-mail»), and either tells it confidential (SECRET) or tells
its reader what to do if (IF) it reached them in error or was not meant for them (ASTRAY). A
person who writes that our letter reached them by mistake («мне по ошибке пришло ваше письмо,
удалите меня из рассылки») tells no reader what to do if: that is their request, and is read."""

import re

from .spelling import fold


def _any(*patterns: str) -> re.Pattern:
    """One pattern of alternatives written as the text is read (casefolded, ё as е, folded)."""
    return re.compile("|".join(fold(pattern) for pattern in patterns))


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


def _read(text: str) -> str:
    return fold(text.casefold().replace("ё", "е"))


def notice_at(lines: list[str], index: int) -> int | None:
    """Where in lines[index] a legal notice begins (the offset of its first sentence, 0 for the
    whole line), or None when none does: the first sentence of the line that speaks of the letter
    itself, its secrecy or a reader it reached by mistake, from which the rest of the paragraph
    is a notice (LETTER, and SECRET or IF and ASTRAY)."""
    written = lines[index][:NOTICE_CHARACTERS]
    if not _begins(_read(written)):
        return None
    # The line's sentences, each where it begins as written and as read (folding may lengthen
    # a word: «құпия» is read «купийа»), then the rest of the paragraph.
    starts = [0, *(end.end() for end in SENTENCE_END.finditer(written))]
    sentences = [_read(written[a:b]) for a, b in zip(starts, [*starts[1:], None], strict=True)]
    read_at = [sum(map(len, sentences[:n])) for n in range(len(sentences))]
    paragraph = ["".join(sentences)]
    for following in lines[index + 1 : index + NOTICE_LINES]:
        if not following.strip():
            break
        paragraph.append(_read(following[:NOTICE_CHARACTERS]))
    text = " ".join(paragraph)[:NOTICE_CHARACTERS]
    # The last place each sign stands: the notice from a sentence on holds those after it.
    last = {sign: max((m.start() for m in sign.finditer(text)), default=-1)
            for sign in (LETTER, SECRET, IF, ASTRAY)}  # fmt: skip
    for start, at, sentence in zip(starts, read_at, sentences, strict=True):
        told = last[SECRET] >= at or (last[IF] >= at and last[ASTRAY] >= at)
        if _begins(sentence) and last[LETTER] >= at and told:
            return start
    return None


def _begins(text: str) -> bool:
    """Whether `text` speaks of the letter itself, its secrecy or what if: a notice may begin."""
    return bool(LETTER.search(text) or SECRET.search(text) or IF.search(text))
