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

from . import phrases
from .items import asked_items
from .limits import narrowed
from .models import Ticket
from .pieces import pieces
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


def one_request(table: list[phrases.Phrase], texts: list[str], found: list[phrases.Match]):
    """(the matches to open, the other rights asked beside it): a letter that names two or more
    rights (bar an unsubscribe, read by intake.recognise) opens the one that comes first (FIRST)
    and lists the others; after a copy, also a right asked of the data by a pronoun."""
    if any(not match.whether for match in found):
        # A right only asked about («Тегімді қалай түзетуге болады?») beside one asked for is
        # no right asked: it neither opens nor is listed (whether.py).
        found = [match for match in found if not match.whether]
    kinds = {match.phrase.kind for match in found}
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
    opened = [match for match in found if match.phrase.kind == first]
    return opened, sorted(kinds - {first}, key=_order)


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
