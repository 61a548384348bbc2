"""A withdrawal the subject line names for every consent, which the letter's own words name for
one (compliance L7, L14, L15). The policy tells people to write «Отзыв согласия» / «Келісімді
кері қайтарып алу» in the subject line, and many then say in the letter which consent they
withdraw: «Отзываю согласие на рассылку новостей». Read first, the subject line's phrase was a
withdrawal of every consent, carried out as the letter arrived from an address on record: the
person who withdrew the news lost the answer to their application too, and once they confirmed,
their data.

So with the policy's own subject line («Отзыв согласия на обработку персональных данных»,
«Дербес деректерді өңдеуге келісімді кері қайтарып алу»): it names the data as a whole because
the policy wrote it so, not the person, and above «Прошу отозвать согласие на рассылку» it
withdrew every consent. It is read as a bare one. And a letter under either that names no request
of its own but only its object («Только на рассылку», «На рассылку.», «Тек жаңалықтарға») says
which consent as the words after the phrase would («Отзываю согласие. На рассылку.»,
withdrawn_of._namely): read so, sentence by sentence, it withdrew every consent."""

from collections.abc import Callable
from dataclasses import replace

from consent.core import routes

from .models import Ticket
from .phrases import Match
from .pieces import pieces
from .spelling import key_words
from .whether import asks_how

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
    if not every_consent(match):
        return False
    said = key_words(subject_line)
    return said in _policy_withdrawals() or not any(word.startswith(SCOPE) for word in said)


def _policy_withdrawals() -> set[tuple[str, ...]]:
    """The key words of every withdrawal subject line a policy version gives (routes.py)."""
    return {key_words(text) for text, route, _ in routes.every_phrase() if route == routes.WITHDRAW}


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
    if subject_line and not letter and asks_how(candidates[1]):
        # «Отзыв согласия» above «Как это сделать?»: asked how, not yet an instruction (whether.py)
        return [replace(match, whether=True) for match in subject_line]
    if not letter and any(bare(match, candidates[0]) for match in subject_line):
        subject_line = _object_only(candidates, named) or subject_line
    elif any(map(narrower, letter)) and not any(map(every_consent, letter)):
        subject_line = [match for match in subject_line if not bare(match, candidates[0])]
    return subject_line + letter


def _object_only(candidates: list[str], named: Callable[[str], list[Match]]) -> list[Match]:
    """The subject line's bare withdrawal narrowed by the first sentence of the letter that only
    names its object («Только на рассылку.»), read right after the subject line as a sentence
    of its own; [] when none does."""
    for text in candidates[1:2]:
        for line in (text or "").split("\n"):
            for piece in pieces(line):
                if not piece.strip():
                    continue
                read = named(f"{candidates[0].rstrip(' .')}. {piece.strip()}")
                if read and all(map(narrower, read)):
                    return read
    return []
