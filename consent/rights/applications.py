"""A written application mailed as people in Kazakhstan write one (compliance L7): a header of
whom it is to and whom from (the director's title, the applicant's name, address, telephone,
IIN), then its title on a line of its own («ЗАЯВЛЕНИЕ», «ӨТІНІШ», «Обращение»), then the text
that asks. The intake reads only a letter's first lines for a request (intake.FIRST_LINES); a
header of seven lines left the request below the cut, and «Я, …, отзываю своё согласие на
обработку персональных данных» went to an officer as «other» while the processing went on.
The header is the applicant's particulars, not what the letter says: the first lines are
counted from the title, the header still read above them."""

from .spelling import fold, words

# An application's title, folded (spelling.fold), as the one word of its line.
TITLES = frozenset(map(fold, ("заявление", "обращение", "запрос", "өтініш", "арыз", "өтінім")))
# How far down a title is looked for: a header is the particulars of two people, no letter.
HEADER_LINES = 14
TITLE_CHARACTERS = 40  # read for words only when no longer


def first_lines(lines: list[str], count: int) -> list[str]:
    """The first `count` of `lines` not blank, where a request is read; counted from an
    application's title when one stands among the first HEADER_LINES, the header kept above."""
    written = [line for line in lines if line.strip()]
    for index, line in enumerate(written[:HEADER_LINES]):
        read = words(line) if len(line) < TITLE_CHARACTERS else ()  # a line of one word
        if len(read) == 1 and fold(read[0]) in TITLES:
            return written[: index + 1 + count]
    return written[:count]
