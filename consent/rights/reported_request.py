"""A letter that reports an earlier request of the writer's (compliance L7): «Я просила удалить
мои данные», «Деректерімді жоюды сұрадым». Decided with the privacy officer's rule:

- not honoured, or not said to be: it asks again. It names the request as an instruction would
  (phrases.REPORTED does not withhold the infinitive under «просила»), so it opens that request,
  or joins the person's open one of that type (joining.file_repeat), whose deadline stands;
- told as done («я просила удалить, спасибо, удалили», «жоюды сұрадым, рахмет, жойылды»): it
  asks nothing. Opened as a destruction, it asked the person to confirm an end already made;
  it is set aside for the officers, or filed with the request it answers (asked_nothing.py).

A done told with «не» («так и не удалили», «әлі жойылмады»: a negated Kazakh verb is no past of
the phrase's verb) is not done."""

import re

from .phrases import REPORTED, Match
from .sentences import NEGATIONS
from .spelling import fold, words
from .verb_forms import KAZAKH_PAST, reported

# A verb of asking in the past, the writer's own: «просила», «просил», «обращалась», «писала с
# просьбой», «отправляла запрос»; Kazakh «сұрадым», «сұраған едім», «өтініш жіберген едім».
# Folded beginnings.
ASKED_BEFORE = ("просил", "обращал", "писал", "отправлял", "сурадым", "сураган", "жиберген",
                "жибердим")  # fmt: skip
# A Russian passive participle of the phrase's verb: «удалены», «удалена», «отписана».
PARTICIPLE = re.compile(r"(ен|ена|ены|ено|ан|ана|аны|ано|ят|ята|яты)$")
# A Kazakh passive before the past: «жойылды», «тоқтатылды».
KAZAKH_DONE = r"й?(ыл|ил|л|ын|ин)?" + KAZAKH_PAST


def told_done(text: str, match: Match | None) -> bool:
    """Whether `text` reports the request `match` names as asked before (ASKED_BEFORE) and as
    done since: its verb in the past or as a passive participle, not negated."""
    if match is None or match.phrase.kind not in REPORTED:
        return False
    said = [fold(word) for word in words(text)]
    if not any(word.startswith(ASKED_BEFORE) for word in said):
        return False
    return any(
        _done(phrase_word, word) and (at == 0 or said[at - 1] not in NEGATIONS)
        for at, word in enumerate(said)
        for phrase_word in match.phrase.words
    )


def _done(phrase_word: str, word: str) -> bool:
    """Whether `word` tells the act of `phrase_word` done: its past, or its passive."""
    if len(phrase_word) < 4 or word == phrase_word:
        return False
    if phrase_word.endswith("у"):  # Kazakh: «жойу» / «жойылды», «тоқтату» / «тоқтатылды»
        return re.fullmatch(re.escape(phrase_word[:-1]) + KAZAKH_DONE, word) is not None
    stem = re.sub(r"(ить|ать|ять|ите|айте|яйте|ение|ания|ание)$", "", phrase_word)
    participle = len(stem) >= 4 and word.startswith(stem) and PARTICIPLE.search(word)
    return bool(participle) or (word[:4] == phrase_word[:4] and reported(phrase_word, word))
