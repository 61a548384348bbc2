"""A letter that asks for a copy of the data and for another right (compliance L7): «Пришлите
копию моих данных, а потом удалите их», «Деректерімнің көшірмесін жіберіңіз, содан кейін
оларды жойыңыз», «Send me a copy of my data and then delete it». The second request names the
data by a pronoun («их», «оларды», «it»), which no phrase of the table names: the letter opened
an access request only, the destruction in its text alone. And two requests named in full
opened "other", whose deadline is five times an access request's.

Decided: one letter opens one request (a letter's key is unique to its request, intake.ingest),
the access request, with its own deadline, and the request records the other rights it asks
(Ticket.limits["also"]). The desk shows them to the officer above the letter, and the mail
asking the person to confirm names them, in the person's language. Not two requests opened at
once: the copy is asked first, and a destruction or a block confirmed by its own link could be
carried out before the copy is sent (a blocked person's answer is held back, a destroyed
person's export refused), losing what was asked first. The officer opens the other request from
the person's page, with the letter's received time, from which the law counts its deadline."""

from . import phrases
from .models import Ticket

Type = Ticket.Type
# The nouns a request's phrase names the data with (folded, spelling.fold), and the pronouns a
# second request of the same letter names it with instead: «удалите их», «оларды жойыңыз»,
# «delete it», «erase them».
DATA_NOUNS = ("данн", "деректер", "малимет", "сведен", "информац", "акпарат", "дата")
PRONOUNS = ("их", "оларды", "it", "them")


def with_access(table: list[phrases.Phrase], texts: list[str], found: list[phrases.Match]):
    """(the matches to open, the other rights asked beside a copy): a letter that names an
    access request and other rights (bar an unsubscribe, read by intake.recognise) opens the
    access request and lists the others; any other pair of rights opens "other" (no match)."""
    kinds = {match.phrase.kind for match in found}
    if Type.ACCESS not in kinds:
        return (found if len(kinds) < 2 else []), []
    standing = [
        phrases.Phrase(tuple(pronoun if word.startswith(DATA_NOUNS) else word
                             for word in phrase.words), phrase.kind, phrase.language)
        for phrase in table
        if phrase.kind != Type.ACCESS and any(word.startswith(DATA_NOUNS) for word in phrase.words)
        for pronoun in PRONOUNS
    ]  # fmt: skip
    kinds |= {match.phrase.kind for text in texts for match in phrases.find_each(standing, text)}
    access = [match for match in found if match.phrase.kind == Type.ACCESS]
    return access, sorted(kinds - {Type.ACCESS})
