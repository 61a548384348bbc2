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
besides the news, or no object at all («Отзываю согласие», a reason: «…, так как рассылка
надоела»), withdraws every consent, as before; the data narrowed by words beside it («…данные из
анкеты», «Анкетадағы деректерімді…») is qualified.py's.

An object that names something, but no purpose the words can name («отзываю согласие на звонки»,
«…на фото и видео съёмку», «Қоңырау шалуға берген келісімімді…») withdrew every consent too: the
person who wanted no more calls lost the answer to their application. Whether «звонки» are the
news is for an officer to say, not for a list of words to guess, and withdrawing everything is
more than the letter asks: it opens for the officer (Limit.UNREAD, limits.narrowed), nothing
withdrawn as it arrives, with a withdrawal's days. Beside the news («…на рассылку и на
звонки») it was dropped without a word: the news stop, and the officer reads the rest. Words
that say to whom, where or since when the consent was given («вам», «на сайте», «сіздерге», «с 1
марта») name no object.

The object may also follow in a clause or a sentence of its own that only names it: «Отзываю
согласие, а именно на рассылку», «Отзываю согласие. На рассылку.», «Келісімімді кері
қайтарамын, яғни жарнамалық хабарламаларға берген келісімімді»; and a Kazakh one after the verb,
«Келісімімді кері қайтарамын жарнамаға». Unread, each withdrew every consent. Named so, it says
which consent even after the data as a whole («…на обработку персональных данных, а именно на
рассылку»). The visit statistics and third parties are read by analytics_letters.py and
third_parties.py."""

import re
from dataclasses import replace

from consent.core.purposes import MARKETING

from .models import Ticket
from .object_lists import (
    AFTER,
    gap_lists,
    listed,
    nominal,
    object_at,
    of_ours,
    parts_of,
)
from .object_words import (
    AND,
    CONSENT,
    DASHES,
    EVERY,
    FOR,
    GIVING,
    KAZAKH_ON,
    NAMELY,
    ON,
    TO,
    VERBAL_DATIVE,
    WITHDRAWING,
    asks_nothing,
    named_in,
    names_data,
    only_object,
    purposes_of,
    topical,
    unread,
)
from .phrases import Match
from .pieces import CLAUSE_END, pieces
from .qualified import UNREAD, narrowed_by  # UNREAD: for an object that names no purpose
from .scoped import SCOPE, every_consent
from .sentences import sentences
from .spelling import fold, words

Type = Ticket.Type
EVERY_CONSENT = frozenset({""})  # what _named finds for personal data as a whole


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
    every consent; UNREAD for an object that names something, but no purpose (unread), and the
    news with UNREAD for one beside the news («…на рассылку и на звонки»); None
    when it names none, or more than one besides the news. `then`: the object of an
    unsubscribe, read only after a conjunction («…на рассылку и на …»)."""
    located = _located(match, text)
    if located is None:
        return None
    said, clauses, dashed, namely, at = located
    language = match.phrase.language
    apart = [] if then else list(_namely(language, said, clauses, namely, at))
    specified = [part for site in apart for part in parts_of(object_at(said, clauses, *site))]
    narrowed = {purpose for part in specified for word in part for purpose in purposes_of(word)}
    if narrowed and not any(EVERY & set(part) for part in specified):
        return narrowed if len(narrowed - {MARKETING}) <= 1 else None  # «…, а именно на …»
    sites = [*_sites(language, said, clauses, dashed, at, then), *apart]
    parts = [part for site in sites for part in parts_of(object_at(said, clauses, *site))]
    # A preposition alone, cut short by the phrase's next word («согласия на обработку…»).
    parts = [part for part in parts if set(part) - ON - AND]
    if any(EVERY & set(part) for part in parts):
        return EVERY_CONSENT
    named = {purpose for part in parts for word in part for purpose in purposes_of(word)}
    # The phrase names the data («Прекратить обработку данных»): all of it, but «для рассылки».
    data_named = any(word.startswith(SCOPE) for word in match.phrase.words) and not then
    # Unless words beside it narrow it: «…данные из анкеты» (qualified.py).
    qualifier = narrowed_by(language, said, clauses, at, text) if not then else None
    if data_named and not (parts and FOR & set(parts[0])):
        return qualifier or EVERY_CONSENT
    if any(
        any(map(names_data, part)) and not FOR & set(part) and not named_in(part) for part in parts
    ):
        # «…на рассылку и на обработку персональных данных»; «…данных из анкеты»: the officer's.
        return UNREAD if qualifier == UNREAD else EVERY_CONSENT
    # Beside the news, an object that names no purpose («…на рассылку и на звонки») was
    # dropped: the news stop, and the officer reads the rest.
    beside = any(unread(part) and not named_in(part) for part in parts)
    if named == {MARKETING} and beside:
        return {MARKETING, *UNREAD}
    if named:
        return named if len(named - {MARKETING}) <= 1 else None
    if not any(map(unread, parts)) and not (
        then and language == "ru" and _loose(said, clauses, at)
    ):
        return None
    return {MARKETING, *UNREAD} if then else UNREAD


def _loose(said, clauses, at):
    """An object joined to the news by «и» with no preposition of its own, right after the
    phrase, in its clause («…на рассылку и звонки», «…на рассылку новостей и смс»), that names
    something but asks nothing of its own (object_words.asks_nothing)."""
    last = at[-1]
    joined = [i for i in (last + 1, last + 2) if i + 1 < len(said) and said[i] == "и"]
    if not joined or clauses[joined[0] + 1] != clauses[last]:
        return False
    if not all(purposes_of(said[i]) for i in range(last + 1, joined[0])):
        return False
    part = object_at(said, clauses, joined[0] + 1, 1, len(said))
    return unread(part) and asks_nothing(part)


def _namely(language, said, clauses, namely, at):
    """An object in the clause right after the phrase's that only names it (`namely`: after «а
    именно», «яғни», or a sentence of its own): from its preposition (Russian, English), or
    back from its Kazakh dative or «берген» to where it begins."""
    clause = clauses[at[-1]] + 1
    if clause not in namely:
        return
    begins = clauses.index(clause)
    first = begins
    while (
        first < len(said)
        and clauses[first] == clause
        and (said[first] in NAMELY or said[first].startswith(WITHDRAWING))
    ):
        first += 1
    ends = first
    while ends < len(said) and clauses[ends] == clause:
        ends += 1
    if first == ends:
        return
    if language != "kk" and (said[first] in ON | TO or all(map(topical, said[first:ends]))):
        yield first, 1, ends  # «…, а именно на рассылку», «…. Рассылка.»
    elif language == "kk":
        dative = next((i for i in range(first, ends) if KAZAKH_ON.fullmatch(said[i])), None)
        if dative is not None:
            yield dative, -1, first - 1


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
            joined = start < end and (said[start] in ON or (then and of_ours(said[start])))
            if joined and (not then or said[start - 1] == "и"):
                yield start, 1, end  # «…на рассылку и (на) трансграничную передачу»
            elif then and place + 1 < end and gap_lists(said, clauses, place, end):
                yield place + 1, 1, end  # «согласие на звонки и (на) рассылку»: the phrase's gap
            elif then and place + 1 < end and listed(said, clauses, place + 1):
                yield place + 1, 1, end  # «…на рассылку, звонки»
        if not then:
            yield from _before(said, clauses, dashed, at[0], on=True)
    elif language == "kk":
        for place, end in zip([-1, *at[:-1]], at, strict=True):
            start = end - 1 - then
            if (
                start > place
                and KAZAKH_ON.fullmatch(said[start])
                and (not then or said[start + 1] in AND)
            ):
                yield start, -1, place
            elif then and end - 1 > place and AND & set(said[place + 1 : end]):
                yield end - 1, -1, place  # «Жарнамаға және қоңырауға берген келісімімді…»
        after = at[-1] + 1  # after the verb, in its clause: «…кері қайтарамын жарнамаға»
        ends = [i for i in range(after, len(said)) if clauses[i] == clauses[at[-1]]]
        dative = next((i for i in ends if KAZAKH_ON.fullmatch(said[i])
                       and not VERBAL_DATIVE.search(said[i])), None)  # fmt: skip
        if dative is not None and not then:
            yield dative, -1, at[-1]
        if not then:  # «Қоңыраулар — келісімімді кері қайтарамын»
            yield from _before(said, clauses, dashed, at[0], on=False)
    elif not then:
        for before, place, end in zip([-1, *at[:-1]], at, ends, strict=True):
            start = _given(said, place + 1, end)
            if start < end and said[start] in TO:
                yield start, 1, end
            if (
                place - 1 > before
                and said[place].startswith(CONSENT)
                and purposes_of(said[place - 1])
            ):
                yield place - 1, -1, before  # «my newsletter consent»


def _given(said, at, end):
    """`at` past the words that say the consent was given («данное мной ранее», «my»)."""
    while at < end and said[at] in GIVING:
        at += 1
    return at


def _before(said, clauses, dashed, first, *, on):
    """An object before the phrase: a Russian one in its clause from a preposition (`on`: «на
    рассылку согласие отзываю»), or the clause before a dash or a colon, the phrase first in
    its own, that is a few words and no greeting: «Рассылку — …», «Звонки: согласие отзываю»,
    «Қоңыраулар — келісімімді…». Read as the object, «Звонки» is none of the purposes, for the
    officer (UNREAD); unread, it withdrew every consent."""
    start = first
    while start > 0 and clauses[start - 1] == clauses[first] and first - start < AFTER:
        start -= 1
    leading = [at for at in range(start, first) if _leads(said, at)] if on else []
    if leading:
        yield leading[0], 1, first
    elif start == first and clauses[first] in dashed:
        topic = [said[at] for at in range(first) if clauses[at] == clauses[first] - 1]
        if topic and nominal(topic):
            yield first - len(topic), 1, first


def _leads(said, at):
    """A preposition that begins an object before the phrase: «на», «для», «в целях», never the
    reason «в связи с рассылкой», which names no object («…, так как рассылка надоела»)."""
    return said[at] in ON - {"в"} or (said[at] == "в" and said[at + 1] in FOR)


def _of_consent(phrase_words):
    return any(word.startswith(CONSENT) for word in phrase_words)


def _located(match: Match, text: str):
    """(the folded words of the sentence that holds `match`, the clause of each, the clauses
    that follow a dash, the clauses that only name an object (_namely: after «а именно»,
    «яғни», or no more than an object, «…, жарнамалық хабарламаларға берген», and the next
    sentence when it is, «На рассылку.»), where each
    of its words stands among them, in order), or None."""
    offset, places = 0, match.places or (match.start, match.end)
    cut = pieces(text)
    for number, piece in enumerate(cut):
        tokens = [token for sentence in sentences(piece) for token in sentence.tokens]
        if offset <= min(places) < offset + len(tokens):
            said, clauses, namely = [], [], set()
            parts = re.split(f"({CLAUSE_END.pattern})", piece)[::2]
            following = cut[number + 1 : number + 2]
            for clause, part in enumerate([*parts, *following]):
                folded = [fold(word) for word in words(part)]
                if clause == len(parts) and not only_object(folded):
                    break
                said += folded
                clauses += [clause] * len(folded)
                if clause and ((folded[:1] and folded[0] in NAMELY) or only_object(folded)):
                    namely.add(clause)
            dashed = {
                clause
                for clause, mark in enumerate(re.findall(CLAUSE_END, piece), start=1)
                if mark.strip() in DASHES
            }
            where = _where(tokens, said)
            if where is None:
                return None
            at = sorted({where[place - offset] for place in places})
            return said, clauses, dashed, namely, at
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
