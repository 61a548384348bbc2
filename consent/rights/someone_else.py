"""The words that say someone else, not the letter's writer (compliance L7, L21): «чужие», «бөтен»,
«другой человек», «басқа адам», «басқа біреу». Their one home, read by two rules that each keep
their own logic: relatives.names_someone_else (data said to be someone else's, near the words
for data: the letter goes to an officer) and misdirected.misdirected (someone else's data or
letter sent to the writer: a possible breach). Two lists written apart drifted: one missed
«посторонние», «других людей», «өзгенің», the other the dative «другому клиенту».

Whose the data are is said by the genitive («данные другого клиента», «басқа адамның
деректері»): `someone_elses`. To whom a letter was meant or sent is said in any case («письмо
другому клиенту», «басқа адамға арналған хат»): `someone_else`; a dative beside the data («не
передавайте их другим лицам») names no one whose data they are, but with a word of belonging
it does («принадлежат другому человеку», «басқа адамға тиесілі»), as «about» does («о другом
человеке», «басқа адам туралы»; `said_of_another`), and the Kazakh possessive predicate
(«басқа адамдікі», «біреудікі»). Words folded (spelling.fold), each matched whole."""

import re
from itertools import pairwise

# Someone else's, in every case: «чужие», «чужого», «чужому»; «посторонних»; «бөтен»; the Kazakh
# genitive of «someone», «other people»: «біреудің», «өзгенің», and their «-нікі»: «біреудікі».
FOREIGN = re.compile(
    r"чуж(ой|ая|ое|ие|ого|ому|ом|их|им|ими|ую|ою)|посторонн\w*|ботен\w*|биреуди(н|ки)|озгени(н|ки)"
)
# Another, in every case: «другой», «другого», «другому», «других»; «басқа», «өзге». Whose, in
# the genitive only (OTHER_WHOSE): «лица» is a person's genitive and persons' nominative, «другие
# лица видят мои данные» naming no one whose data they are.
OTHER = re.compile(r"друг(ой|ая|ое|ие|ого|ому|ом|их|им|ими|ую|ою)|баска|озге")
OTHER_WHOSE = re.compile(r"другого|другой|других|баска|озге")
# A person, in every case: «человек», «людей», «лицу», «клиентке», «получателю»; «адам»,
# «адамға», «кісінің», «біреуге», «тұлғаның», «пайдаланушыға», «алушының»; «клиент»,
# «абонент», Kazakh endings too («клиенттің»).
PERSON = re.compile(
    r"человек(а|у|ом|е)?|люд(и|ей|ям|ьми|ях)|лиц(о|а|у|ом|е|ам|ами|ах)?"
    r"|(клиент|пользовател|покупател|получател|адресат|абонент)\w*"
    r"|(адам|киси|биреу|тулга|пайдаланушы|алушы)\w*"
)
# A person in the genitive, whose: «человека», «людей», «лица», «лиц», «клиента», «клиентки»,
# «клиентов», «пользователя», «пользователей»; the Kazakh genitive -ның, -нің, -дың, -дің, -тың,
# -тің («адамның», «адамдардың», «кісінің», «клиенттің»), and the Kazakh possessive predicate
# «-нікі», «-дікі», «-тікі» («басқа адамдікі»: another person's), folded.
PERSON_WHOSE = re.compile(
    r"человека|людей|лица?"
    r"|(клиент|адресат|абонент)(а|ов|ки|ок)|(пользовател|покупател|получател)(я|ей)"
    r"|(адам|киси|биреу|тулга|пайдаланушы|алушы|клиент|абонент)\w*[ндт]([ыи]н|ики)"
)
# Belonging, which makes a dative whose: «принадлежат», «принадлежащие»; «тиесілі» (belonging
# to), «қатысты» (concerning). Folded beginnings.
BELONGING = ("принадлеж", "тиесил", "катысты")
# About, which says whom the data are of: «информация о другом человеке», «басқа адам туралы
# деректер» (the Russian preposition before the person, the Kazakh postposition after). Folded.
ABOUT = frozenset({"о", "об", "обо"})
ABOUT_KAZAKH = frozenset({"туралы", "жайлы", "жонинде"})


def someone_elses(said: list[str]) -> bool:
    """Whether the folded words `said` call something someone else's: FOREIGN, another person
    in the genitive (OTHER_WHOSE right before PERSON_WHOSE), or in any case with a word of
    belonging or «about» (said_of_another)."""
    return (
        _foreign(said)
        or any(
            OTHER_WHOSE.fullmatch(word) and PERSON_WHOSE.fullmatch(after)
            for word, after in pairwise(said)
        )
        or any(said_of_another(said, at) for at in range(len(said)))
    )


def said_of_another(said: list[str], at: int) -> bool:
    """Whether the folded word at `at` ties something to someone else named right beside it, in
    any case (someone_else): it belongs to them (BELONGING, the person before or after:
    «принадлежат другому человеку», «другому лицу принадлежат», «басқа адамға тиесілі») or is
    about them (ABOUT before the person, «о другом человеке»; ABOUT_KAZAKH after, «басқа адам
    туралы»)."""
    word = said[at]
    if word.startswith(BELONGING):
        return someone_else(said[max(at - 2, 0) : at + 3])
    if word in ABOUT:
        return someone_else(said[at + 1 : at + 3])
    return word in ABOUT_KAZAKH and someone_else(said[max(at - 2, 0) : at])


def someone_else(said: list[str], counts=None) -> bool:
    """Whether the folded words `said` name someone else in any case: FOREIGN, or OTHER right
    before a person (PERSON), where `counts(at, other, person)` says so (misdirected.py: not a
    person named as who gets our mail); every such pair when None."""
    return _foreign(said) or any(
        OTHER.fullmatch(word)
        and PERSON.fullmatch(after)
        and (counts is None or counts(at, word, after))
        for at, (word, after) in enumerate(pairwise(said))
    )


def _foreign(said):
    return any(FOREIGN.fullmatch(word) for word in said)
