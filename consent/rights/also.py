"""A letter that asks for two or more rights (compliance L7): «Пришлите копию моих данных, а
потом удалите их», «Удалите мои данные и исправьте фамилию», «Деректерімді жойыңыз және тегімді
түзетіңіз». A second request may name the data by a pronoun («их», «оларды», «it»), which no
phrase of the table names: the letter opened an access request only, the destruction in its
text alone. Two requests named in full opened nothing, and then the rule that reads one item to
change (items.py) took «удалите мои данные и исправьте фамилию» for a correction: the
destruction was lost without a word.

Decided: one letter opens one request (a letter's key is unique to its request, intake.ingest),
the right that must be done first (FIRST), with its own deadline, and the request records the
other rights it asks (Ticket.limits["also"]). The desk shows them to the officer above the
letter, and the mail asking the person to confirm names them, in the person's language. Not two
requests opened at once: each would be confirmed by its own link and carried out in whatever
order the links are used, and a destruction or a block done first loses what was asked beside
it (a blocked person's answer is held back, a destroyed person's export refused, a destroyed
record has no surname to correct). The officer opens the other request from the person's page,
with the letter's received time, from which the law counts its deadline."""

import re

from . import phrases
from .items import asked_items
from .limits import narrowed
from .models import Ticket
from .own_questions import ENDED, asks_about_own
from .pieces import pieces
from .sentences import sentences
from .spelling import fold, key_words, words
from .unsaid import BESIDE, FILLERS
from .word_order import DATA_NOUNS

Type = Ticket.Type
# Which right of a letter opens: what reads the data before what changes it, what changes it
# before what stops its use, and what ends it last (a copy, then a correction, then a block or a
# withdrawal, then a destruction). Each right done in this order leaves the next one's data for
# it; in any other order, the first done loses what the next was asked for.
FIRST = (
    Type.ACCESS, Type.TRANSFER_NOTICE, Type.AUTOMATED_OBJECTION, Type.CORRECT, Type.UNBLOCK,
    Type.BLOCK, Type.PUBLICATION_REMOVAL, Type.WITHDRAW, Type.DESTROY,
)  # fmt: skip
# The pronouns a second request of the same letter names the data (DATA_NOUNS) with: «удалите
# их», «оларды жойыңыз», «delete it», «erase them».
PRONOUNS = ("их", "оларды", "it", "them")
# A copy and a destruction asked with their object unsaid, beside each other: «Удалите мои
# данные, но сначала пришлите копию», «Алдымен деректерімнің көшірмесін жіберіңіз, содан кейін
# өшіріңіз», «После того как пришлёте копию, удалите всё». The copy is the data's, the
# destruction of the data whose copy is asked: read as a phrase of the table without its data
# noun (BARE), but only where nothing else stands in its clause (ALONE, _alone): «пришлите копию
# договора», «удалите мой старый номер» name another object. One of them alone named the other
# by no phrase: the first opened a destruction only, which once confirmed ended the data before
# the copy was sent; the second an access request with the destruction lost; the third
# "other". The words that may stand beside the bare verb in its clause: when, in what order, all
# of it, please (key words, spelling.key_words: function words such as «всё», «мне» are none).
ALONE = frozenset(key_words(
    "сначала потом затем после того как этого чего сперва вначале далее наконец уже перед этим "
    "прежде чем до "
    "но алдымен содан сосын кейін соңынан соң бірақ then first after that afterwards but "
    "everything all барлығын бәрін барлық прошу сұраймын өтінемін"
)) | FILLERS | BESIDE | frozenset(PRONOUNS)  # fmt: skip
# Beside the copy, a verb of sending or giving it (folded beginnings): «пришлите», «предоставьте»,
# «выдайте», «жіберіңіз», «беріңіз», «send».
GIVING = ("пришл", "присл", "присыл", "отправ", "предостав", "выда", "выслать", "вышл", "дайт",
          "жибер", "бер", "сенд", "гиве")  # fmt: skip
BARE = (Type.ACCESS, Type.DESTROY)
# Kazakh «before deleting», a verb of deleting in its -мас/-мес form before «бұрын»: «Деректерімді
# жоймас бұрын көшірмесін жіберіңіз» asks the copy first and the destruction after, its «-ма-»
# no negation (read as one, the destruction was lost). Folded.
BEFORE_ENDING = re.compile(r"(жой|ошир)(ма|ме|ба|бе|па|пе)с")
BEFORE = "бурын"
DESTROYING = phrases.Phrase(("жойу",), Type.DESTROY, "kk")
# The data asked about by a pronoun in a question beside another right (_own_asked).
OWN_PRONOUNS = re.compile(r"\b(их|они|оларды|олар)\b", re.IGNORECASE)
# An access request asked as a question of the writer's own data, beside another right: no
# phrase of the table matched it (own_questions.py), the match it opens by.
QUESTION = phrases.Match(phrases.Phrase(("данные",), Type.ACCESS, ""), 0, 0)
COPY = ("копи", "коширме", "цопы")  # a copy, the one bare noun of access (folded beginnings)


def one_request(table: list[phrases.Phrase], texts: list[str], found: list[phrases.Match]):
    """(the matches to open, the other rights asked beside it): a letter that names two or more
    rights (bar an unsubscribe, read by intake.recognise) opens the one that comes first (FIRST)
    and lists the others; after a copy, also a right asked of the data by a pronoun."""
    if any(not match.whether for match in found):
        # A right only asked about («Тегімді қалай түзетуге болады?») beside one asked for is
        # no right asked: it neither opens nor is listed (whether.py).
        found = [match for match in found if not match.whether]
    kinds = {match.phrase.kind for match in found}
    bare = _bare(table, texts)
    if not kinds and len(bare) < len(BARE):
        bare = {}  # «Пришлите копию», «Удалите всё»: each alone names no right of the data
    if Type.ACCESS in bare and (kinds - {Type.ACCESS} or Type.DESTROY in bare):
        kinds.add(Type.ACCESS)  # «Удалите мои данные, но сначала пришлите копию»
    if Type.DESTROY in bare and Type.ACCESS in kinds:
        kinds.add(Type.DESTROY)  # «…көшірмесін жіберіңіз, содан кейін өшіріңіз»
    asked = any(not match.whether for match in found)  # a right asked, not only asked about
    if asked and Type.ACCESS not in kinds and _own_asked(table, texts):
        kinds.add(Type.ACCESS)  # «Удалите мои данные. Кому вы их передавали?»
        bare[Type.ACCESS] = QUESTION
    if not kinds:
        return found, []
    first = min(kinds, key=_order)
    if first == Type.ACCESS:
        standing = [
            phrases.Phrase(tuple(pronoun if word.startswith(DATA_NOUNS) else word
                                 for word in phrase.words), phrase.kind, phrase.language)
            for phrase in table
            if phrase.kind != Type.ACCESS
            and any(word.startswith(DATA_NOUNS) for word in phrase.words)
            for pronoun in PRONOUNS
        ]  # fmt: skip
        kinds |= {
            match.phrase.kind for text in texts for match in phrases.find_each(standing, text)
        }
    if _order(first) < _order(Type.CORRECT) and _item_asked(texts):
        kinds.add(Type.CORRECT)  # «…, и исправьте номер телефона на …»: items.py, no phrase
    opened = [match for match in found if match.phrase.kind == first] or [bare[first]]
    return opened, sorted(kinds - {first}, key=_order)


def _own_asked(table: list[phrases.Phrase], texts: list[str]) -> bool:
    """Whether a sentence of `texts` asks what is done with the writer's data (own_questions.py),
    named there or by a pronoun (OWN_PRONOUNS), which an access request answers: beside a
    destruction («Удалите мои данные. Кому вы их передавали?», «…, а также сообщите, где они
    хранятся»), it was lost, the destruction opened alone. Not whether it was ended, «Вы удалили
    мои данные? Прошу удалить…»: the request says what it wants done; nor a sentence that is a
    request of the table itself, «…кімге берілгенін хабарлауыңызды сұраймын» (a notice of
    transfers)."""
    return any(
        (asks_about_own(piece) or asks_about_own(OWN_PRONOUNS.sub(_own_noun, piece)))
        and not any(ENDED.match(fold(word)) for word in words(piece))
        and not phrases.find_each(table, piece)
        for text in texts
        for piece in pieces(text)
    )


def _own_noun(pronoun: re.Match) -> str:
    return "деректерімді" if pronoun.group().casefold().startswith("о") else "мои данные"


def _bare(table: list[phrases.Phrase], texts: list[str]) -> dict[str, phrases.Match]:
    """The copy and the destruction `texts` ask with their object unsaid (ALONE), read by the
    table's phrases of either without their data noun: a kind each, its match. Negated, asked
    about or told, a bare verb is none (phrases.find_each reads it as the full phrase)."""
    words = {
        (tuple(word for word in phrase.words if not word.startswith(DATA_NOUNS)), phrase.kind,
         phrase.language)
        for phrase in table
        if phrase.kind in BARE and any(word.startswith(DATA_NOUNS) for word in phrase.words)
    }  # fmt: skip
    bare = [phrases.Phrase(*row) for row in sorted(words) if len(row[0]) == 1
            and (row[1] != Type.ACCESS or row[0][0].startswith(COPY))]  # fmt: skip
    found = {}
    for text in texts:
        tokens, clauses = [], []
        for at, sentence in enumerate(sentences(text)):
            tokens += sentence.tokens
            clauses += [(at, clause) for clause in sentence.clauses]
        for match in phrases.find_each(bare, text):
            if not match.whether and _alone(match, tokens, clauses):
                found.setdefault(match.phrase.kind, match)
        for at, word in enumerate(tokens):  # «Деректерімді жоймас бұрын көшірмесін жіберіңіз»
            if (BEFORE_ENDING.fullmatch(word) and tokens[at + 1 : at + 2] == [BEFORE]
                    and _copy_beside(tokens, clauses, at)):  # fmt: skip
                found.setdefault(Type.DESTROY, phrases.Match(DESTROYING, at, at))
    return found


def _copy_beside(tokens: list[str], clauses: list, at: int) -> bool:
    """Whether the sentence of tokens[at] («жоймас бұрын») asks the copy (COPY) too: only then is
    the destruction it names asked after the copy. «Мен деректерімді жоймас бұрын ойланып
    көрейін. Көшірмесін жіберіңіз» (before deleting I'll think it over; send the copy) opened a
    destruction nobody asked for beside the copy."""
    sentence = clauses[at][0]
    return any(word.startswith(COPY) for word, (there, _) in zip(tokens, clauses, strict=True)
               if there == sentence)  # fmt: skip


def _alone(match: phrases.Match, tokens: list[str], clauses: list) -> bool:
    """Whether the bare verb or noun of `match` stands in its clause with nothing beside it but
    ALONE (and, for a copy, a verb of giving it: GIVING)."""
    beside = [word for at, word in enumerate(tokens)
              if clauses[at] == clauses[match.start] and at != match.start]  # fmt: skip
    giving = GIVING if match.phrase.kind == Type.ACCESS else ()
    return all(word in ALONE or (giving and word.startswith(giving)) for word in beside)


def _item_asked(texts: list[str]) -> bool:
    """Whether a sentence of `texts` asks to change or remove an item of the writer's data
    (items.asked_items: «исправьте номер телефона», «мекенжайымды өзгертіңіз»), which no phrase
    names: beside a copy, a correction asked so was dropped, listed nowhere."""
    return any(asked_items(piece) for text in texts for piece in pieces(text))


def withdrawn_beside(found, limits, unsubscribe, text, sender):
    """The purpose a withdrawal listed beside the request opened (`limits`, Ticket.limits) stops
    as the letter arrives ("" for all: «Отзываю согласие и исправьте фамилию»), as a withdrawal
    alone does: the law gives it no delay (compliance L14). None when the letter asks none, asks
    it as a question, or keeps what it would end (limits.narrowed: the officer's to read)."""
    if Type.WITHDRAW not in (limits or {}).get("also", []):
        return None
    named = [match for match in found if match.phrase.kind == Type.WITHDRAW]
    if any(match.asked or match.whether for match in named):
        return None
    purpose = named[0].phrase.purpose if named else ""
    if narrowed(Type.WITHDRAW, purpose, unsubscribe, text, sender)[2] is not None:
        return None
    return purpose


def _order(kind: str) -> int:
    return FIRST.index(kind) if kind in FIRST else len(FIRST)
