"""A withdrawal the subject line names for every consent, which the letter's own words name for
one (compliance L7, L14, L15). The policy tells people to write «Отзыв согласия» / «Келісімді
кері қайтарып алу» in the subject line, and many then say in the letter which consent they
withdraw: «Отзываю согласие на рассылку новостей». Read first, the subject line's phrase was a
withdrawal of every consent, carried out as the letter arrived from an address on record: the
person who withdrew the news lost the answer to their application too, and once they confirmed,
their data."""

from collections.abc import Callable

from .models import Ticket
from .phrases import Match
from .spelling import key_words

Type = Ticket.Type


def every_consent(match: Match) -> bool:
    return match.phrase.kind == Type.WITHDRAW and not match.phrase.purpose


# Words by which a subject line names what its withdrawal covers, the processing of personal data
# (folded, spelling.key_words): «…на обработку персональных данных», «Жеке деректерді өңдеуге…».
SCOPE = ("данн", "обработ", "персональ", "дерект", "ондеу", "малимет")


def bare(match: Match, subject_line: str) -> bool:
    """A withdrawal of every consent by a subject line that names no scope («Отзыв согласия»,
    «Келісімді кері қайтарып алу»), as people write it above a letter that says which consent.
    «Жеке деректерді өңдеуге келісімді қайтарып алу», the policy's own, names every consent in
    words of its own, whatever the letter adds."""
    return every_consent(match) and not any(
        word.startswith(SCOPE) for word in key_words(subject_line)
    )


def narrower(match: Match) -> bool:
    """A request that withdraws one consent: an unsubscribe (marketing), or a withdrawal that
    names its purpose."""
    return match.phrase.kind == Type.UNSUBSCRIBE or (
        match.phrase.kind == Type.WITHDRAW and bool(match.phrase.purpose)
    )


def scoped(candidates: list[str], named: Callable[[str], list[Match]]) -> list[Match]:
    """The requests `named` finds in the subject line (the first of `candidates`) and in the
    letter's words (the others), in that order (intake.recognise), without the subject line's
    bare withdrawal of every consent when the letter names a narrower one and none of every
    consent itself."""
    subject_line = named(candidates[0])
    letter = [match for text in candidates[1:] for match in named(text)]
    if any(map(narrower, letter)) and not any(map(every_consent, letter)):
        subject_line = [match for match in subject_line if not bare(match, candidates[0])]
    return subject_line + letter
