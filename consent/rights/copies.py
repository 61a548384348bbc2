"""A destruction asked of copies of the writer's record, not of the record (compliance L7, L13):
«Дубликаты анкет удалите их», «Удалите лишние анкеты», «Удалите повторную заявку с моими
данными», «Қайталанған анкеталарды жойыңыз», «Анкетамның көшірмелерін өшіріңіз». The phrase
«удалить анкету», «анкетаны жою» matched and opened a destruction of everything held about the
person, due in one working day and, once confirmed, ending her data and her consents: what she
asks is that one form be kept and the others taken away.

Decided: "other", for an officer, who merges or removes the copies and keeps the person. Not a
correction (items.py): that changes or removes one item of the record, a phone, a name, and the
desk's correction has no form to take away. Nor a destruction: Art. 25 destroys what the
operator has no ground to keep, and the letter keeps the one form it does not call a copy.

Read where the object of the destruction stands: a word of copying or of too many (COPIES) among
the phrase's words, or right before its first in its clause when the object comes first. Copies
named after it are what a destruction of everything includes: «Удалите все мои анкеты, включая
дубликаты» destroys; a copy asked before it is an access request's («Пришлите копию моих данных
и удалите мои данные»)."""

from .asking import imperative
from .models import Ticket
from .sentences import sentences
from .verb_forms import VERB

# Folded beginnings: duplicates, copies, repeated, extra, the second one; in Kazakh «қайталанған»
# (repeated), «көшірме» (copy), «артық» (extra), «екінші» (second).
COPIES = ("дубликат", "дубл", "копи", "повторн", "лишн", "задвоен", "втор", "кайталан",
          "коширме", "артык", "екинши")  # fmt: skip
BEFORE = 2  # words before the phrase's first that read as its object's


def without_copies(found: list, text: str) -> list:
    """The matches (phrases.Match) found in `text` but a destruction of copies (see the module)."""
    if not any(match.phrase.kind == Ticket.Type.DESTROY for match in found):
        return found
    clause_of, tokens = [], []
    for number, sentence in enumerate(sentences(text)):
        tokens += sentence.tokens
        clause_of += [(number, clause) for clause in sentence.clauses]
    return [
        match
        for match in found
        if match.phrase.kind != Ticket.Type.DESTROY or not _of_copies(match, tokens, clause_of)
    ]


def _of_copies(match, tokens, clause_of):
    """Whether a word of COPIES stands among the match's words, or right before them in their
    clause when they begin with the object, not the verb («Пришлите копию, удалите мои данные»)."""
    places = [at for at in (match.places or (match.start, match.end)) if at < len(tokens)]
    if not places:
        return False
    first, last = min(places), max(places)
    verb_first = VERB.search(tokens[first]) or imperative(tokens[first])
    near = range(first if verb_first else max(0, first - BEFORE), last + 1)
    return any(tokens[at].startswith(COPIES) and clause_of[at] == clause_of[first]
               for at in near)  # fmt: skip
