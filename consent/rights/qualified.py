"""A stop of the processing of personal data that the writer's own words narrow (compliance L7,
L14, L15). «Не обрабатывайте мои персональные данные», «Прекратите обработку моих данных»,
«Деректерімді өңдемеңіз» name the data as a whole and withdraw every consent (withdrawn_of.py).
With a qualifier in the same clause, «…данные из анкеты», «…обработку данных по оплате»,
«Анкетадағы деректерімді өңдемеңіз», «Төлем бойынша деректерімді өңдеуді тоқтатыңыз», the
person asks for less than everything; read as the data as a whole, every consent was withdrawn
as the letter arrived, the answer to their application ended with it. «Не обрабатывайте данные
из формы, я ошиблась в телефоне» is a correction besides.

The qualifier is read where the data's object stands: in Russian after the phrase's first word,
between and after its words («…данных только для рассылки», «Данные из анкеты не
обрабатывайте»), in Kazakh before its last («Анкетадағы деректерімді…»), in the phrase's
clause, up to a word that joins another object or request («и», «және») or gives a reason («так
как», «в связи с», «себебі»). A purpose it names is that consent's withdrawal («…только для
рассылки»: the news); words that name none («из анкеты», «по оплате») are the officer's to read,
as an object that names no purpose is (object_words.unread, limits.narrowed: Limit.UNREAD),
nothing withdrawn as it arrives. Words that narrow nothing leave it every consent, as before:
the data's own words, the person's («мои», «дербес»), ours («вашей компанией», «на сайте»), when
(«больше», «с сегодняшнего дня», «бұдан былай»), a law cited, every («полностью», «в полном
объёме», «толық көлемде»)."""

import re

from consent.core.purposes import MARKETING

from .models import Ticket
from .object_words import AND, EVERY, names_data, purposes_of, unread
from .spelling import fold
from .spelling import words as spelling_words

UNREAD = frozenset({Ticket.Limit.UNREAD.value})
# Where a qualifier's reading stops: a reason begins («так как», «потому что», «в связи с»,
# «себебі», «өйткені»). Folded, whole words.
REASON = frozenset({"так", "потому", "поскольку", "ибо", "связи", "тк", "себеби", "ойткени",
                    "себепти", "because", "since"})  # fmt: skip
# Words beside the data that narrow nothing (folded beginnings): the person's own («мои»,
# «личные», «дербес», «менің»), the processing's kinds («передачу», «хранение»), when («больше»,
# «впредь», «с этого дня», «бұдан былай», «енді»), asking («прошу», «пожалуйста», «өтінемін»),
# a law cited («в соответствии с законом», «заңына сәйкес»), our name («ТОО «ЕМ АЛУ плюс»»);
# the consent's own verb, which a phrase may skip: «Больше не даю согласия на обработку моих
# данных» is read as «не согласен на обработку данных», «даю» then beside the data.
MINE = frozenset({"мой", "моя", "мое", "мои", "моего", "моей", "моих", "моим", "моими", "мою",
                  "свой", "своя", "свое", "свои", "своего", "своей", "своих", "своим", "своими",
                  "свою",
                  # as a Latin «moih», «svoih» reads (й after a vowel: spelling.fold)
                  "мойх", "мойм", "мойми", "свойх", "свойм", "свойми"})  # fmt: skip
NARROWING_NOTHING = (
    "мне", "меня", "наш", "нас", "личн", "персональ", "персан", "персон", "спасиб", "благодар",
    "рахмет", "счита", "отзыв", "отозв", "кайтар", "кери", "передач", "распростран", "сбор",
    "обрабатыва", "использ", "хран", "больш", "боле", "дале", "дальш", "впредь", "отныне",
    "немедлен", "незамедлит", "срочн", "сразу", "никогда", "никак", "совсем", "вообще", "также",
    "тоже", "еще", "уже", "прошу", "просим", "пожалуйста", "этого", "сего", "дня", "соответств",
    "согласно", "закон", "стать", "пункт", "кодекс", "республик", "казахстан", "казакстан", "без",
    "тоо", "алу", "плюс", "емалу", "дербес", "жеке", "менин", "мени", "бизд", "будан", "былай",
    "енди", "мунан", "ары", "кайта", "ешкашан", "осы", "сураймын", "отинемин", "отинемиз",
    "занга", "заны", "занына", "сайкес", "салем", "салеметсиз", "personal", "персонал", "плеасе",
    # every, in more words than one («в полном объёме», «целиком», «толық көлемде»)
    "полн", "объем", "обем", "целик", "колем",
    # the consent's own verb («не даю согласия», «не даём»)
    "дайу", "даем",
)  # fmt: skip


def narrowed_by(language: str, said: list[str], clauses: list[int], at: list[int],
                text: str) -> set | None:  # fmt: skip
    """What the words beside a phrase that names the data narrow it to, the phrase's words at
    `at` among the folded words `said` of its sentence (each in its clause, `clauses`), in
    `text`: the one purpose they name, UNREAD when they name something that is none, None when
    they narrow nothing (every consent). Whose data it is, a name right beside the data
    («…данных Kassymovoi Assel», «Қасымова Әселдің деректерін…»), narrows nothing either."""
    clause, names = clauses[at[-1]], _names(text)
    # Kazakh back from the verb («Анкетадағы деректерімді…»), else on from the phrase («…данные
    # из анкеты»).
    kazakh = language == "kk"
    places = range(at[-1] - 1, -1, -1) if kazakh else range(at[0] + 1, len(said))
    words, whose = [], False
    for place in places:
        if clauses[place] != clause or said[place] in AND | REASON:
            break
        beside = said[place + 1] if kazakh else said[place - 1]
        whose = said[place] in names and (whose or names_data(beside))
        if place not in at and not whose:
            words.append(said[place])
    if EVERY & set(words):
        return None  # «…полностью», «барлық деректерімді»
    named = {purpose for word in words for purpose in purposes_of(word)}
    if named:
        return named if len(named - {MARKETING}) <= 1 else None
    left = [w for w in words if w not in MINE and not names_data(w)
            and not w.startswith(NARROWING_NOTHING)]  # fmt: skip
    return UNREAD if unread(left) else None


def _names(text: str) -> set[str]:
    """The folded words of `text` written with a capital inside a sentence, as a name is, or
    first in one before another so written («Қасымова Әселдің…»); none in capitals throughout
    («ТОО», a letter in capitals)."""
    found = set()
    for sentence in re.split(r"[.!?\n:;«»\"]+", text):
        written = re.findall(r"\w+", sentence)
        capital = [word[:1].isupper() and not word.isupper() for word in written]
        for at, word in enumerate(written):
            if capital[at] and (at or capital[1:2] == [True]):
                found.update(map(fold, spelling_words(word)))
    return found
