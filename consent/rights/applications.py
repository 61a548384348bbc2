"""A written application mailed as people in Kazakhstan write one (compliance L7): a header of
whom it is to and whom from (the director's title, the applicant's name, address, telephone,
IIN), then its title on a line of its own («ЗАЯВЛЕНИЕ», «ӨТІНІШ», «Обращение»), then the text
that asks. The intake reads only a letter's first lines for a request (intake.FIRST_LINES); a
header of seven lines left the request below the cut, and «Я, …, отзываю своё согласие на
обработку персональных данных» went to an officer as «other» while the processing went on.
The header is the applicant's particulars, not what the letter says: the first lines are
counted from the title, the header still read above them. Its lines addressed to the director
(«Директору ТОО «…»», «г-ну Иванову И.И.», «директоры Иванов И.И. мырзаға») are not read for
whom it is about: the reader's name was read as a person the request is about, and the
withdrawal went to an officer as someone else's, as a greeting's or a vocative's name is not
(addressee.py)."""

import re

from .asking import asks_us
from .spelling import fold, words

# An application's title, folded (spelling.fold): its first word, «Заявление об отзыве согласия»,
# or in Kazakh its last, «Дербес деректерді жою туралы өтініш»; typed spaced, «З А Я В Л Е Н И Е».
TITLES = frozenset(map(fold, ("заявление", "обращение", "запрос", "өтініш", "арыз", "өтінім")))
TITLE_WORDS = 8  # a line of more words is a sentence, no title
TITLE_CHARACTERS = 100  # read for words only when no longer
# A line addressed to the director, in the dative: its first word in Russian («Директору»,
# «г-ну»), its last in Kazakh («директорына», «мырзаға»). Folded.
TO_FIRST = frozenset(map(fold, (
    "директору", "генеральному", "исполнительному", "руководителю", "председателю",
    "начальнику", "управляющему", "заведующему", "заведующей", "господину", "госпоже", "кому",
)))  # fmt: skip
TO_FIRST_TWO = (("г", "ну"), ("г", "же"), ("на", "имя"))  # «г-ну», «г-же», «на имя»
TO_LAST = frozenset(map(fold, (
    "директорына", "басшысына", "төрағасына", "меңгерушісіне", "мырзаға", "ханымға",
)))  # fmt: skip
ADDRESS_LINES = 4  # the lines a letter's address to the director may take
# A line addressed to the director is the address alone: one that goes on after a colon, a comma
# or a sentence's end («Руководителю курса: удалите данные Ерлана Асқарова») holds the request,
# and is read for whom it is about. Initials («И.И.», «А.Е.») end no sentence.
SAID = re.compile(r"[:;,!?]|\.\s*\w{2}|\.\s*$")
KOMU = re.compile(r"^\s*кому\s*:", re.IGNORECASE)  # a form's «Кому:» opens the address
INITIALS = re.compile(r"(?<!\w)\w\.(?:\s?\w\.)?")
TO_WORDS = 12  # a line of more words is a sentence, no address
NAME_LINE_WORDS = 4  # a line of the director's name alone, under the line addressed to them
# How far down a title is looked for: a header is the particulars of two people, no letter.
HEADER_LINES = 14
# Short lines are read on past the count as far as this many characters, up to the last that
# asks us in the writer's voice (asking.asks_us): a story told a sentence a line, as phones and
# many writers send it («Здравствуйте!» / «Меня зовут Айгуль.» / … / «Прошу удалить мои
# персональные данные.» ninth), asks where the same words in three lines of a paragraph did.
# The count is for what a letter mentions further down (a pasted footer's «Отписаться от
# рассылки»), not for how often its writer pressed Enter.
SHORT_LINES_READ = 600


def titled(line: str) -> bool:
    """Whether `line` is an application's title."""
    read = words(line) if len(line) < TITLE_CHARACTERS else []
    if read and all(len(word) == 1 for word in read):  # spaced out, letter by letter
        read = ["".join(read)]
    return 0 < len(read) <= TITLE_WORDS and bool({fold(read[0]), fold(read[-1])} & TITLES)


def first_lines(lines: list[str], count: int) -> list[str]:
    """The first `count` of `lines` not blank, where a request is read, and those after them
    up to the last that asks us within SHORT_LINES_READ characters of the first; counted from
    an application's title when one stands among the first HEADER_LINES, the header kept
    above."""
    written = [line for line in lines if line.strip()]
    title = next((at for at, line in enumerate(written[:HEADER_LINES]) if titled(line)), None)
    start = 0 if title is None else title + 1
    end = at = start + count
    read = sum(len(line.strip()) + 1 for line in written[start:end])
    while at < len(written) and read + len(written[at].strip()) <= SHORT_LINES_READ:
        read, at = read + len(written[at].strip()) + 1, at + 1
        end = at if asks_us(written[at - 1]) else end
    return written[:end]


def _to(line: str, read: list[str]) -> bool:
    folded = [fold(word) for word in read]
    return (
        0 < len(folded) <= TO_WORDS
        and not SAID.search(INITIALS.sub("", KOMU.sub("", line)))
        and (folded[0] in TO_FIRST or tuple(folded[:2]) in TO_FIRST_TWO or folded[-1] in TO_LAST)
    )


def unaddressed(texts: list[str]) -> list[str]:
    """Each of `texts` without the lines it opens with addressed to the director (one of the
    first ADDRESS_LINES, the company's line above it, and a line of a name alone right under
    it: «Иванову И.И.»): the reader's name, not whom the letter is about (about_whom.py)."""
    return [_unaddressed(text) for text in texts]


def _unaddressed(text: str) -> str:
    lines = [line for line in (text or "").split("\n") if line.strip()]
    read = [words(line) if len(line) < TITLE_CHARACTERS else [] for line in lines]
    to = [at for at in range(min(ADDRESS_LINES, len(lines))) if _to(lines[at], read[at])]
    if not to:
        return text
    at = to[-1] + 1
    while at < len(lines) and 0 < len(read[at]) <= NAME_LINE_WORDS and not titled(lines[at]):
        if not all(word[:1].isupper() for word in lines[at].split()):
            break
        at += 1
    return "\n".join(lines[at:])
