"""What a withdrawal withdraws: the consent its object names (compliance L7, L14, L15). The
general phrases («отозвать согласие», «келісімді қайтару») name no purpose, and the words
around them that do were not read: «Прошу отозвать согласие на рассылку», «Отзываю своё
согласие на получение новостей», «Жаңалықтар таратуға берген келісімімді кері қайтарып аламын»
withdrew every consent as the letter arrived from an address on record. The person who wanted no
more news lost the answer to their application and, once they confirmed, their data.

The object is read in the withdrawal's own clause, wherever the person puts it: in Russian after
the phrase or its consent («согласие на рассылку», «согласие, данное на рассылку», «согласие на
получение новостей прошу отозвать»), or before it («На рассылку согласие отзываю», «Рассылку —
согласие отзываю»); in Kazakh before the phrase or its verb («хабарламалар алуға келісімімді»,
«Келісімімді жаңалықтарға кері қайтарып аламын», «Жаңалықтар бойынша келісімімді…»); in English,
which the table's phrases read too, after it or before the consent («I withdraw my consent to the
newsletter», «my newsletter consent»). Read only after the phrase, these withdrew every consent.
Across «и», «және», «and» only to another object («на рассылку и на трансграничную
передачу»), never to another request («…на рассылку и удалите мои данные»). One purpose named
withdraws that purpose only; the news beside another purpose withdraws that one and
unsubscribes. Personal data or its processing as a whole (the policy's own «…на обработку
персональных данных», «Жеке деректерді өңдеуге…»), every consent («все», «барлық»), two purposes
besides the news, or no purpose the words can name, withdraws every consent, as before. The
visit statistics and third parties are read by analytics_letters.py and third_parties.py."""

import re
from dataclasses import replace

from consent.core.purposes import CROSS_BORDER, MARKETING, SERVICE

from .limits import NEWS
from .models import Ticket
from .phrases import Match
from .scoped import SCOPE, every_consent
from .sentences import CLAUSE_END, SENTENCE_END, sentences
from .spelling import fold, words

Type = Ticket.Type
# Words that name a purpose in a withdrawal's object (folded beginnings). The news are limits.NEWS;
# the English ones as spelling.fold writes them («newsletter» is «невслеттер»).
NAMES = {
    purpose: tuple(map(fold, stems))  # «заявк» is «зайавк» folded
    for purpose, stems in {
        CROSS_BORDER: ("трансгранич", "трансшекаралык", "зарубеж", "рубеж", "границ", "шетел",
                       "цросс", "аброад"),
        SERVICE: ("заявк", "обращени", "отиним", "отиниш", "аппликатион"),
        MARKETING: ("невс", "маркетинг", "адвертис", "промот", "емайл", "оффер"),
    }.items()
}  # fmt: skip
# «Согласие, данное на рассылку»: the participle, not the data («данные», «данных»).
GIVEN = frozenset({"данное", "данного", "данному", "данную", "данной", "данный", "выданное"})
# Every consent: «отзываю все согласия», «согласие на всё», «барлық келісімдерімді».
EVERY = frozenset({"все", "всё", "всех", "весь", "всем", "любые", "полностью", "барлык",
                   "барин", "толык", "толыгымен", "тутастай", "алл", "all", "еверы", "every",
                   "аны", "any"})  # fmt: skip
# The data processed for a purpose: «обработку данных для рассылки», «в целях рассылки»,
# «жаңалықтар үшін деректерімді өңдеуді тоқтатыңыз».
FOR = frozenset({"для", "целях", "целью", "ушин", "максатында", "максатта"})
# Words that join two objects, or two requests: read on across one only to another object.
AND = frozenset({"и", "а", "также", "или", "жане", "мен", "немесе", "да", "де", "та", "те",
                 "анд", "and", "ор", "or"})  # fmt: skip
# A Russian object begins with its preposition («согласие на рассылку», «обработку данных для
# рассылки», «в целях рассылки»), after the words that say it was given («данное мной ранее»,
# «которое я давал»): «отзываю согласие, так как рассылка надоела» names no object.
ON = frozenset({"на", "для", "в"})
GIVING = GIVEN | {"мной", "мною", "ранее", "вам", "которое", "я", "дал", "дала", "давал", "давала",
                  "my", "мы", "the", "тхе", "гивен"}  # fmt: skip
# The personal data in English, folded: «personal», «data», «processing».
ENGLISH_SCOPE = ("персонал", "дата", "процесс")
# An English object begins with «to», «for», «on» («consent to the newsletter»).
TO = frozenset({"to", "то", "for", "фор", "on", "он"})
# A Russian object before the phrase, as a clause of its own before a dash («Рассылку — согласие
# отзываю», «На получение новостей — отзываю согласие»): its words all name the object.
DASHES = frozenset({"—", "–", "-"})
TOPICAL = frozenset({"получение", "получения", "отправку", "отправка", "мою", "мой", "мои", "мое"})
# A Kazakh one ends right before the phrase, in the dative or with «берген» (given):
# «жаңалықтар таратуға берген келісімімді», «хабарламалар алуға келісімімді», «… үшін деректерді».
KAZAKH_ON = re.compile(r"\w+(га|ге|ка|ке)|берген|берилген|ушин|максатында|максатта|катысты|бойынша")
# The consent named in an unsubscribe's phrase («Отзыв согласия на рассылку», «Жарнамаға
# келісімді қайтару»): a withdrawal too, whose object may add another consent.
CONSENT = ("соглас", "келисим", "цонсент", "consent")
EVERY_CONSENT = frozenset({""})  # what _named finds for personal data as a whole
AFTER, BEFORE = 8, 5  # words read after the phrase (Russian, English), before it (Kazakh)


def of_purpose(found: list[Match], text: str) -> list[Match]:
    """`found` (phrases.find_each in `text`) with a withdrawal of every consent given the one
    purpose its object names, and an unsubscribe after it beside the news; an unsubscribe that
    withdraws the consent to the news («отзываю согласие на рассылку») with the other consent
    its object adds («…и на трансграничную передачу», «…и на обработку персональных данных»)."""
    read = []
    for match in found:
        of_news = match.phrase.kind == Type.UNSUBSCRIBE and _of_consent(match.phrase.words)
        named = _named(match, text, then=of_news) if of_news or every_consent(match) else None
        if not named or named == ({MARKETING} if of_news else EVERY_CONSENT):
            read.append(match)
            continue
        purpose = "" if named == EVERY_CONSENT else min(named - {MARKETING}, default=MARKETING)
        read.append(replace(match, phrase=replace(match.phrase, kind=Type.WITHDRAW,
                                                  purpose=purpose)))  # fmt: skip
        if purpose not in ("", MARKETING) and (of_news or MARKETING in named):
            unsubscribe = replace(match.phrase, kind=Type.UNSUBSCRIBE, purpose="")
            read.append(replace(match, phrase=unsubscribe))
    return read


def every_purpose(match: Match) -> Match:
    """A withdrawal of one purpose asked beside a destruction, which ends them all: of every one."""
    if match.phrase.kind != Type.WITHDRAW:
        return match
    return replace(match, phrase=replace(match.phrase, purpose=""))


def _named(match: Match, text: str, *, then: bool = False) -> set[str] | None:
    """The purposes the object of `match` names; EVERY_CONSENT for personal data as a whole or
    every consent; None when it names none, or more than one besides the news. `then`: the
    object of an unsubscribe, read only after a conjunction («…на рассылку и на …»)."""
    located = _located(match, text)
    if located is None:
        return None
    said, clauses, dashed, at = located
    sites = _sites(match.phrase.language, said, clauses, dashed, at, then)
    parts = [part for site in sites for part in _parts(_object(said, clauses, *site))]
    if any(EVERY & set(part) for part in parts):
        return EVERY_CONSENT
    named = {purpose for part in parts for word in part for purpose in _purposes(word)}
    # The phrase names the data («Прекратить обработку данных»): all of it, but «для рассылки».
    data_named = any(word.startswith(SCOPE) for word in match.phrase.words) and not then
    if data_named and not (parts and FOR & set(parts[0])):
        return EVERY_CONSENT
    if any(any(map(_data, part)) and not FOR & set(part) and not _named_in(part) for part in parts):
        return EVERY_CONSENT  # «…на рассылку и на обработку персональных данных»
    return named if named and len(named - {MARKETING}) <= 1 else None


def _sites(language, said, clauses, dashed, at, then):
    """Where the objects of a phrase whose words stand at `at` (among `said`) begin: (the first
    word read, the step, the word not reached). Russian: after the phrase or a word of it
    («отзываю согласие на рассылку», «согласие на получение новостей прошу отозвать»), or
    before it («на рассылку согласие отзываю», «рассылку — согласие отзываю»). Kazakh: before
    the phrase or a word of it («жаңалықтарға келісімімді…», «келісімімді жаңалықтарға кері
    қайтарып аламын»). English, after it or before its consent («consent to the newsletter»,
    «my newsletter consent»)."""
    ends = [*at[1:], len(said)]
    if language == "ru":
        for place, end in zip(at, ends, strict=True):
            start = _given(said, place + 1, end) if not then else place + 2
            if start < end and said[start] in ON and (not then or said[start - 1] == "и"):
                yield start, 1, end
        if not then:
            yield from _before(said, clauses, dashed, at[0])
    elif language == "kk":
        for place, end in zip([-1, *at[:-1]], at, strict=True):
            start = end - 1 - then
            if (
                start > place
                and KAZAKH_ON.fullmatch(said[start])
                and (not then or said[start + 1] in AND)
            ):
                yield start, -1, place
    elif not then:
        for before, place, end in zip([-1, *at[:-1]], at, ends, strict=True):
            start = _given(said, place + 1, end)
            if start < end and said[start] in TO:
                yield start, 1, end
            if (
                place - 1 > before
                and said[place].startswith(CONSENT)
                and _purposes(said[place - 1])
            ):
                yield place - 1, -1, before  # «my newsletter consent»


def _given(said, at, end):
    """`at` past the words that say the consent was given («данное мной ранее», «my»)."""
    while at < end and said[at] in GIVING:
        at += 1
    return at


def _before(said, clauses, dashed, first):
    """A Russian object before the phrase, in its clause from a preposition («на рассылку
    согласие отзываю»), or the clause before a dash that is all object («Рассылку — …»)."""
    start = first
    while start > 0 and clauses[start - 1] == clauses[first] and first - start < AFTER:
        start -= 1
    on = [at for at in range(start, first) if _leads(said, at)]
    if on:
        yield on[0], 1, first
    elif start == first and clauses[first] in dashed:
        topic = [at for at in range(first) if clauses[at] == clauses[first] - 1]
        if topic and len(topic) <= BEFORE and all(map(_topical, (said[at] for at in topic))):
            yield topic[0], 1, first


def _leads(said, at):
    """A preposition that begins an object before the phrase: «на», «для», «в целях», never the
    reason «в связи с рассылкой», which names no object («…, так как рассылка надоела»)."""
    return said[at] in ON - {"в"} or (said[at] == "в" and said[at + 1] in FOR)


def _topical(word):
    return _an_object(word) or word in ON | AND | GIVING | TOPICAL


def _parts(object_words):
    """The object's words split where a conjunction joins another object."""
    parts = [[]]
    for word in object_words:
        if word in AND:
            parts.append([])
        parts[-1].append(word)
    return [part for part in parts if part]


def _named_in(part):
    return any(_purposes(word) for word in part)


def _of_consent(phrase_words):
    return any(word.startswith(CONSENT) for word in phrase_words)


def _purposes(word: str) -> set[str]:
    found = {MARKETING} if word.startswith(NEWS) else set()
    return found | {purpose for purpose, stems in NAMES.items() if word.startswith(stems)}


def _data(word: str) -> bool:
    return word.startswith(SCOPE + ENGLISH_SCOPE) and word not in GIVEN


def _object(said, clauses, at, step, stop):
    """The words of the object from `at`, read by `step` (1 after the phrase, -1 before it) up
    to `stop`, in its clause, across a conjunction only to another object."""
    clause = clauses[at]
    taken = []
    while at != stop and 0 <= at < len(said) and len(taken) < (AFTER if step == 1 else BEFORE):
        word = said[at]
        if clauses[at] != clause:
            break
        if word in AND:
            beyond = said[at + step] if 0 <= at + step < len(said) else ""
            if not (beyond in ON | TO and step == 1) and not _an_object(beyond):
                break
        taken.append(word)
        at += step
    return taken


def _an_object(word):
    return bool(_purposes(word)) or _data(word) or word in EVERY


def _located(match: Match, text: str):
    """(the folded words of the sentence that holds `match`, the clause of each, the clauses
    that follow a dash, where each of its words stands among them, in order), or None."""
    offset, places = 0, match.places or (match.start, match.end)
    for piece in SENTENCE_END.split(text or ""):
        tokens = [token for sentence in sentences(piece) for token in sentence.tokens]
        if offset <= min(places) < offset + len(tokens):
            said, clauses, dashed = [], [], set()
            for number, part in enumerate(re.split(f"({CLAUSE_END.pattern})", piece)[::2]):
                folded = [fold(word) for word in words(part)]
                said += folded
                clauses += [number] * len(folded)
            for number, mark in enumerate(re.findall(CLAUSE_END, piece), start=1):
                if mark.strip() in DASHES:
                    dashed.add(number)
            where = _where(tokens, said)
            if where is None:
                return None
            return said, clauses, dashed, sorted({where[place - offset] for place in places})
        offset += len(tokens)
    return None


def _where(tokens, said):
    """The index among `said` of each of the sentence's key words (`tokens`, in order)."""
    where, at = [], 0
    for token in tokens:
        while at < len(said) and said[at] != token:
            at += 1
        if at == len(said):
            return None
        where.append(at)
        at += 1
    return where
