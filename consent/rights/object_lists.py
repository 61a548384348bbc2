"""An object's words, as a withdrawal lists them (withdrawn_of.py): the words read from where
it begins, across a conjunction or a comma only to another object. «Отзываю согласие на рассылку
и звонки», «…на звонки и рассылку», «…на рассылку, смс и звонки», «Қоңырауларға және
хабарламаларға берген келісімімді…»: stopped at the conjunction or the comma, the object was
the news alone, and the calls, no purpose of ours, were dropped without a word; «…на рассылку и
трансграничную передачу» left the transfer abroad going. Never across to another request: «…и
удалите мои данные», «…и больше не пишите», «…, спасибо»."""

from .asked_nothing import COURTESY, GREETINGS
from .object_words import (
    AND,
    HEADINGS,
    KAZAKH_ON,
    ON,
    TO,
    VERBAL_DATIVE,
    VERBISH,
    an_object,
    asks_nothing,
    names_data,
    purposes_of,
    topical,
    unread,
)

AFTER, BEFORE = 8, 5  # words read after the phrase (Russian, English), before it (Kazakh)
LISTED = 3  # words of an object listed after a comma (listed)


def nominal(topic):
    """Whether a clause before a dash or a colon is an object's few words, no greeting nor
    heading, no verb: «Звонки», «Қоңыраулар»; not the reason «Рассылка надоела — …»."""
    return (
        len(topic) <= BEFORE
        and not (GREETINGS | HEADINGS) & set(topic)
        and not any(VERBISH.search(word) and not topical(word) for word in topic)
    )


def parts_of(object_words):
    """The object's words split where a conjunction joins another object."""
    parts = [[]]
    for word in object_words:
        if word in AND:
            parts.append([])
        parts[-1].append(word)
    return [part for part in parts if part]


def object_at(said, clauses, at, step, stop):
    """The words of the object from `at`, read by `step` (1 after the phrase, -1 before it) up
    to `stop`, in its clause, across a conjunction only to another object."""
    clause = clauses[at]
    taken = []
    while at != stop and 0 <= at < len(said) and len(taken) < (AFTER if step == 1 else BEFORE):
        word = said[at]
        if clauses[at] != clause and not (step == 1 and listed(said, clauses, at)):
            break
        if clauses[at] != clause:  # «…на рассылку, звонки»: one more object of the list
            clause = clauses[at]
            taken.append("и")
        if word in AND and not joined(said, clauses, at, step):
            break
        taken.append(word)
        at += step
    return taken


def listed(said, clauses, at):
    """Whether the clause that begins at `at` only lists another object, as a comma does
    («…на рассылку, звонки», «…на рассылку, смс и звонки»): a few words, one of ours or none
    asking anything, no courtesy («…на рассылку, спасибо»). Its clause ended the object, and
    «звонки» was dropped without a word."""
    if at == 0 or clauses[at] != clauses[at - 1] + 1:
        return False
    listed = [said[i] for i in range(at, len(said)) if clauses[i] == clauses[at]]
    if len(listed) > LISTED or COURTESY & set(listed):
        return False
    own = [word for word in listed if word not in AND and not of_ours(word)]
    named = len(own) < len(listed) - len(AND & set(listed))
    return all(map(topical, listed)) or ((not own or asks_nothing(own)) and (named or unread(own)))


def gap_lists(said, clauses, place, end):
    """Whether the words between two of a phrase's (at `place` and `end`) list objects, by a
    conjunction or a comma: «согласие на звонки и рассылку», «согласие на звонки, рассылку»."""
    gap = range(place + 1, end)
    return (
        said[place + 1] in ON
        and end < len(said)
        and (bool(AND & {said[i] for i in gap}) or clauses[end] != clauses[place + 1])
    )


def of_ours(word):
    return bool(purposes_of(word)) or names_data(word)


def joined(said, clauses, at, step):
    """Whether the conjunction at `at` joins another object to the one read: one of ours or a
    preposition after it; or, after it, the rest of its clause asking nothing of its own
    («…на рассылку и звонки», not «…и удалите мои данные», «…и больше не пишите»); before it,
    in Kazakh, another dative («Қоңырауларға және хабарламаларға берген…»). Stopped at any
    conjunction, «звонки» was dropped and the news alone withdrawn."""
    beyond = said[at + step] if 0 <= at + step < len(said) else ""
    if (beyond in ON | TO and step == 1) or an_object(beyond):
        return True
    if step == -1:
        return bool(KAZAKH_ON.fullmatch(beyond)) and not VERBAL_DATIVE.search(beyond)
    rest = [said[i] for i in range(at + 1, len(said)) if clauses[i] == clauses[at]]
    return asks_nothing(rest) and unread(rest)
