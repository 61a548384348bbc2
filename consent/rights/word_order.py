"""Where the next word of a phrase may stand in a sentence (phrases._position): at most GAP words
after the one before, in its clause; further in Kazakh, where the verb comes last.

Kazakh puts what tells when, how or what else between a verb and its object: «Таратылымды 1
ақпанға дейін тоқтатыңыз», «Хабарламалардан жыл соңына дейін бас тартамын» each opened "other"
with two words allowed between. After a Kazakh phrase word in the accusative or the ablative
(the verb's object, «-ды», «-дан», folded), its next word may stand anywhere later in the
clause. What withholds a phrase is still read between its words (a «не», a question word:
phrases._position; a negated verb does not match: phrases.same_word); and a Kazakh «емес» or
«жоқ» ends the reach («таратылымды емес курсты тоқтатыңыз»: not the news, the course)."""

import re

GAP = 2  # words allowed between two words of a phrase («отказ от получения рекламных рассылок»)
KAZAKH_OBJECT = re.compile(r"(д[ыи]|т[ыи]|н[ыи]|[дтн][ае]н)$")
NOT_BETWEEN = ("емес", "жок")


def reach(language: str, word: str, tokens, clauses, at: int) -> list[int]:
    """The places the phrase word after `word` (a phrase of `language`, matched at tokens[at])
    may stand. Words between two of a phrase's stay in their clause: «прекратите обработку
    моего заказа, данные неверные» is no «прекратить обработку данных». Next to each other
    they may stand on either side of a comma, as the policy's own phrases do («о новых
    продуктах, услугах и специальных предложениях»)."""
    gap = len(tokens) if language == "kk" and KAZAKH_OBJECT.search(word) else GAP
    places = []
    for i in range(at + 1, min(len(tokens), at + 2 + gap)):
        if tokens[i].startswith(NOT_BETWEEN) and gap > GAP:
            break
        if i == at + 1 or clauses[i] == clauses[at]:
            places.append(i)
    return places
