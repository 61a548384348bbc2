"""What a letter refuses by naming it before a dash or a colon, then only a refusal, no request
phrase (compliance L7, L15): «Новости — отказываюсь», «Рассылка — не надо», «Жаңалықтар: керек
емес», «Звонки: отказываюсь», «Қоңыраулар — бас тартамын». Each was opened "other" with no
note, the news going on and nothing telling the officer what was refused.

The news alone is an unsubscribe, done as the letter arrives (as unneeded.py's «Рассылка не
нужна»). Another purpose of ours alone is its withdrawal. What is no purpose of ours («Звонки»)
reads as a withdrawal of something unread (limits.narrowed: Limit.UNREAD), for the officer with
the desk's note; the news named beside it («Рассылка и звонки — не надо») still stop.

A stop said alone, as the whole of what the person wrote, is the news refused too: «СТОП»,
«Стоп.», «stop», «Тоқтатыңыз!», «Хватит!!!» written back under a newsletter, a courtesy or a name
beside it («Стоп, спасибо», «Стоп\nАсель») or the news it names («СТОП СПАМ», «стоп рассылка»).
Each opened "other", fifteen working days for an officer while the news went on; a stop of the
news is the least it asks (compliance L15: no consent is withdrawn). Not in a question («Стоп?»),
negated («Не стоп», «Тоқтатпаңыз»), beside any other word, nor under a subject line that
quotes a request's number («Re: № R-12 …»): there it may stop that request, for an officer."""

import re
from typing import NamedTuple

from consent.core.purposes import MARKETING

from .asked_nothing import beyond_courtesies
from .besides import STOP_ALONE
from .models import Ticket
from .object_lists import nominal, parts_of
from .object_words import DASHES, named_in, purposes_of, unread
from .pieces import pieces
from .sentences import REFERENCE
from .spelling import fold, word_set, words
from .unneeded import KAZAKH_NEEDING, KAZAKH_NOT, LETTERS, NEEDING, NEWS, news_unneeded

Type, Limit = Ticket.Type, Ticket.Limit
# The dash or the colon after the object (object_words.DASHES): «Новости — …», «Звонки: …»,
# «Рассылка - …»; a hyphen only between spaces, not inside «SMS-рассылка».
DASH = re.compile(rf"[{''.join(sorted(DASHES - {'-'}))}]|\s-+\s")
# A refusal, folded: «отказываюсь», «не надо», «не нужно», «не хочу», «нет», «стоп»; «керек
# емес», «қажет емес», «қажеті жоқ», «бас тартамын». REFUSING begins the words of one.
REFUSING = tuple(map(fold, ("отказ", "тартам", "тартамыз")))
WANTING = tuple(map(fold, ("хочу", "хотим", "желаю", "желаем")))
ALONE = frozenset(map(fold, word_set("нет стоп stop жок")))
# What may stand beside a refusal and ask nothing more: «Новости — спасибо, не надо», «мне
# больше не нужно», «маған енді керек емес». Folded.
FILLER = frozenset(map(fold, word_set(
    "мне нам больше уже вообще совсем спасибо пожалуйста от них неё нее этого я мы "
    "маган бизге енди мен биз рахмет ракмет бас плиз плз плс пжл пж please"
)))  # fmt: skip


SPAM = "спам"  # the news a stop alone may name (STOP_ALONE), beside NEWS


class Refused(NamedTuple):
    kind: str
    purpose: str = ""
    unsubscribe: bool = False


def refused_in(texts: list[str], unsubscribe: bool, subject_line: str | None = "") -> Refused:
    """(kind, purpose, unsubscribe) of a letter that names no request phrase: an unsubscribe when
    it says the news is not needed (unneeded.news_unneeded), refuses them alone after a dash, or
    says a stop alone (stopped_alone; not under a `subject_line` quoting a request's number); a
    withdrawal of what else it refuses so (see the module); else "other"."""
    if news_unneeded(texts) or (stopped_alone(texts) and not REFERENCE.search(subject_line or "")):
        return Refused(Type.UNSUBSCRIBE, "", unsubscribe)
    for text in texts:
        for piece in pieces(text):
            if (found := _refused(piece)) is not None:
                return found
    return Refused(Type.OTHER, "", unsubscribe)


def stopped_alone(texts: list[str]) -> bool:
    """Whether the person's own words (`texts`) are a stop alone (STOP_ALONE), beside courtesies,
    a name signing off (asked_nothing.beyond_courtesies), the news, words of FILLER or a
    refusal."""
    rest = beyond_courtesies(texts)
    said = [fold(word) for piece in rest or [] for word in words(piece)]
    # Beside it, a refusal too («Стоп, спасибо, не надо»: _refusal).
    beside = [word for word in said if not (STOP_ALONE.fullmatch(word) or word in LETTERS
                                            or word.startswith((*NEWS, SPAM)))]  # fmt: skip
    stops = any(map(STOP_ALONE.fullmatch, said))
    return stops and (set(beside) <= FILLER or _refusal(beside))


def _refused(piece):
    split = DASH.split(piece, maxsplit=1)
    if len(split) != 2 or piece.rstrip().endswith("?"):  # asked: «Рассылка — не нужна?»
        return None
    topic = [fold(word) for word in words(split[0])]
    said = [fold(word) for word in words(split[1])]
    if not topic or not nominal(topic) or not _refusal(said):
        return None
    parts = parts_of(topic)
    named = {purpose for part in parts for word in part for purpose in purposes_of(word)}
    beside = any(unread(part) and not named_in(part) for part in parts)
    if beside or not named:  # «Звонки: отказываюсь», «Рассылка и звонки — не надо»
        return Refused(Type.WITHDRAW, Limit.UNREAD, MARKETING in named)
    if named == {MARKETING}:
        return Refused(Type.UNSUBSCRIBE)
    if len(named - {MARKETING}) == 1:
        return Refused(Type.WITHDRAW, min(named - {MARKETING}), MARKETING in named)
    return None


def _refusal(said):
    """Whether the words after the dash are a refusal and nothing more (REFUSING, FILLER)."""
    core = set()
    for at, word in enumerate(said):
        after = said[at + 1] if at + 1 < len(said) else ""
        if word.startswith(REFUSING) or word in ALONE:
            core.add(at)
        elif (word == "не" and after.startswith(NEEDING + WANTING)) or (
            word.startswith(KAZAKH_NEEDING) and after.startswith(KAZAKH_NOT)
        ):
            core |= {at, at + 1}  # «не надо», «керек емес»
    rest = [word for at, word in enumerate(said) if at not in core]
    return bool(core) and all(word in FILLER for word in rest)
