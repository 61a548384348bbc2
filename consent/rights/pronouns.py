"""A stop of the news named by a pronoun, or by nothing, once the letter has named them (compliance
L7, L15): «Рассылка приходит каждый день, отключите её», «Письма надоели, прекратите их»,
«Таратылым күнде келеді, оны тоқтатыңыз», «Хабарламалар келе береді, өшіріңіз». No phrase of the
table holds «её» or «оны», nor a verb alone: each opened "other", fifteen working days for an
officer, while the news the person asked to turn off went on.

Decided: a phrase of the table that stops the news with a verb of turning off or stopping
(STOPPING: «отключить рассылку», «таратылымды тоқтатыңыз») is read with its noun of the news
said by a pronoun (PRONOUNS), or left out when the verb stands alone in its clause (but for
FILLERS), in a text that names the news elsewhere: they are what it stops. It is read as the
phrase is (phrases.find_each), so a «не», a question or a supposition withholds it as it
withholds the phrase («Рассылка приходит, как её отключить?» asks how). Not when the text names
the data too (word_order.DATA_NOUNS): «Деректерім бар, хабарлама да келеді, оларды өшіріңіз»
may ask to delete them, for an officer to read (unsaid.py, which keeps FILLERS; PRONOUNS are
word_order.py's).
Not a verb that takes a person off a list («отпишите её», «уберите её»: someone else,
relatives.py). Whose news the text names, another company's title
(«Рассылка Кинопоиска приходит, отключите её»), is still read on the whole letter (titles.py).

So is a block or a destruction of the data said by a pronoun once the letter has named the data
and not the news: «Мои данные обрабатываются незаконно, прошу заблокировать их», «Деректерім
заңсыз өңделуде, оларды бұғаттаңыз» opened "other", fifteen working days where the law gives
one (Art. 25(2)(8)). A phrase of the table of two words, the verb and the data's noun
(«заблокировать данные», «деректерді жою»), is read with the noun said by a pronoun, when the
data are what the letter named last before it (_stands_for_data)."""

from dataclasses import replace
from functools import lru_cache

from .asking import ASKING_WORDS
from .limits import MAILING, NEWS
from .models import Ticket
from .phrases import Match, Phrase, find_each
from .sentences import sentences
from .spelling import key_words
from .unsaid import BESIDE, FILLERS
from .word_order import DATA_NOUNS, PRONOUNS

# Verbs of turning off or stopping something, folded beginnings: what their object is follows
# from the letter, where «отпишите», «уберите», «исключите» take a person off a list.
STOPPING = ("отключ", "выключ", "прекрат", "останов", "приостанов", "токтат", "ошир")
# What a pronoun stands for when the letter names the data: their block or destruction.
OF_DATA = (Ticket.Type.BLOCK, Ticket.Type.DESTROY)


def find_named(table: list[Phrase], text: str, letter: str | None = None) -> list[Match]:
    """Every request `text` names (phrases.find_each), and the news stopped by a pronoun or by
    a verb alone (see the module) when no phrase of the table stops them; the news named in
    `letter` when `text` is one of its sentences (besides.py), else in `text`."""
    found = _of_data(table, find_each(table, text), text, letter)
    if any(match.phrase.kind == Ticket.Type.UNSUBSCRIBE for match in found):
        return found
    if not any(word.startswith(STOPPING) for word in key_words(text)):
        return found
    said = key_words(text if letter is None else letter)
    news = any(word.startswith(MAILING) for word in said)
    if not news or any(word.startswith(DATA_NOUNS) for word in said):
        return found
    by_pronoun, alone = _standing(tuple(table))
    stop = find_each(list(by_pronoun), text)
    if not stop:
        stop = [match for match in find_each(list(alone), text) if _alone(text, match)]
    return sorted([*found, *stop[:1]], key=lambda match: match.start)


def _of_data(table: list[Phrase], found: list[Match], text: str, letter: str | None):
    """`found`, and the block or destruction of the data said by a pronoun (see the module)
    when none of them is, in a letter that names the data and not the news."""
    if any(match.phrase.kind in OF_DATA for match in found):
        return found
    said = key_words(text if letter is None else letter)
    if not any(w.startswith(DATA_NOUNS) for w in said) or any(w.startswith(MAILING) for w in said):
        return found
    by_pronoun = _data_by_pronoun(tuple(table))
    stop = [match for match in find_each(list(by_pronoun), text) if _stands_for_data(text, match)]
    return sorted([*found, *stop[:1]], key=lambda match: match.start)


def _stands_for_data(text: str, match: Match) -> bool:
    """Whether the pronoun of `match` stands for the data: the data's noun is the last one
    named before it, in its clause or the clause before (across a sentence's end too), and its
    own clause says nothing before the verb or the pronoun but a word of asking. Else it stands
    for what the words between name: «Данные мои правильные, но заявки задвоились, удалите их»,
    «Деректерімді қалдырыңыз, ескі суреттерді, оларды жойыңыз» asked to delete the
    applications or the photos, and opened a destruction of all the person's data."""
    clauses = [(at, clause) for at, s in enumerate(sentences(text)) for clause in s.clauses]
    said = key_words(text)
    first = min(match.places or (match.start,))
    if len(clauses) != len(said) or first >= len(said):
        return False
    data = [at for at in range(first) if said[at].startswith(DATA_NOUNS)]
    if not data:
        return False
    ordered = list(dict.fromkeys(clauses))  # each clause once, in the text's order
    own = ordered.index(clauses[first])
    if ordered.index(clauses[data[-1]]) < own - 1:
        return False
    before = [said[at] for at in range(first) if clauses[at] == clauses[first]]
    return all(word in ASKING_WORDS or word in FILLERS or word in BESIDE for word in before)


@lru_cache(maxsize=8)
def _data_by_pronoun(table: tuple[Phrase, ...]) -> tuple[Phrase, ...]:
    """The table's blocks and destructions of two words, the data's noun said by a pronoun."""
    found = []
    for phrase in table:
        if phrase.kind not in OF_DATA or phrase.language not in PRONOUNS:
            continue
        nouns = [at for at, word in enumerate(phrase.words) if word.startswith(DATA_NOUNS)]
        if len(phrase.words) != 2 or len(nouns) != 1:
            continue
        for pronoun in PRONOUNS[phrase.language]:
            found.append(replace(phrase, words=_put(phrase.words, nouns[0], (pronoun,))))
    return tuple(dict.fromkeys(found))


@lru_cache(maxsize=8)
def _standing(table: tuple[Phrase, ...]) -> tuple[tuple[Phrase, ...], tuple[Phrase, ...]]:
    """(the table's stops of the news by a verb of STOPPING with the noun said by a pronoun,
    the same with the noun left out). Kept for the table as it stands at a letter."""
    by_pronoun, alone = [], []
    for phrase in table:
        if phrase.kind != Ticket.Type.UNSUBSCRIBE or phrase.language not in PRONOUNS:
            continue
        nouns = [at for at, word in enumerate(phrase.words) if word.startswith(NEWS)]
        if len(nouns) != 1 or not any(word.startswith(STOPPING) for word in phrase.words):
            continue
        at = nouns[0]
        for pronoun in PRONOUNS[phrase.language]:
            by_pronoun.append(replace(phrase, words=_put(phrase.words, at, (pronoun,))))
        alone.append(replace(phrase, words=_put(phrase.words, at, ())))
    return tuple(dict.fromkeys(by_pronoun)), tuple(dict.fromkeys(alone))  # each once


def _put(words: tuple[str, ...], at: int, instead: tuple[str, ...]) -> tuple[str, ...]:
    return (*words[:at], *instead, *words[at + 1 :])


def _alone(text: str, match: Match) -> bool:
    """Whether the words of `match` stand alone in their clause, but for FILLERS: the verb has
    no object of its own («…, отключите», not «…, отключите курс»)."""
    offset = 0
    for sentence in sentences(text):
        places = [at - offset for at in match.places if 0 <= at - offset < len(sentence.tokens)]
        if places:
            clause = sentence.clauses[places[0]]
            own = [at for at, other in enumerate(sentence.clauses) if other == clause]
            return all(at in places or sentence.tokens[at] in FILLERS for at in own)
        offset += len(sentence.tokens)
    return False
