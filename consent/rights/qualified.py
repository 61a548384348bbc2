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
(«больше», «с сегодняшнего дня», «бұдан былай»), a law cited, every («полностью»)."""

from consent.core.purposes import MARKETING

from .models import Ticket
from .object_words import AND, EVERY, names_data, purposes_of, unread

UNREAD = frozenset({Ticket.Limit.UNREAD.value})
# Where a qualifier's reading stops: a reason begins («так как», «потому что», «в связи с»,
# «себебі», «өйткені»). Folded, whole words.
REASON = frozenset({"так", "потому", "поскольку", "ибо", "связи", "тк", "себеби", "ойткени",
                    "себепти", "because", "since"})  # fmt: skip
# Words beside the data that narrow nothing (folded beginnings): the person's own («мои»,
# «личные», «дербес», «менің»), the processing's kinds («передачу», «хранение»), when («больше»,
# «впредь», «с этого дня», «бұдан былай», «енді»), asking («прошу», «пожалуйста», «өтінемін»),
# a law cited («в соответствии с законом», «заңына сәйкес»), our name («ТОО «ЕМ АЛУ плюс»»).
MINE = frozenset({"мой", "моя", "мое", "мои", "моего", "моей", "моих", "моим", "моими", "мою",
                  "свой", "своя", "свое", "свои", "своего", "своей", "своих", "своим", "своими",
                  "свою"})  # fmt: skip
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
)  # fmt: skip


def narrowed_by(language: str, said: list[str], clauses: list[int], at: list[int]) -> set | None:
    """What the words beside a phrase that names the data narrow it to, the phrase's words at
    `at` among the folded words `said` of its sentence (each in its clause, `clauses`): the one
    purpose they name, UNREAD when they name something that is none, None when they narrow
    nothing (every consent)."""
    clause = clauses[at[-1]]
    # Kazakh back from the verb («Анкетадағы деректерімді…»), else on from the phrase («…данные
    # из анкеты»).
    kazakh = language == "kk"
    places = range(at[-1] - 1, -1, -1) if kazakh else range(at[0] + 1, len(said))
    words = []
    for place in places:
        if clauses[place] != clause or said[place] in AND | REASON:
            break
        if place not in at:
            words.append(said[place])
    if EVERY & set(words):
        return None  # «…полностью», «барлық деректерімді»
    named = {purpose for word in words for purpose in purposes_of(word)}
    if named:
        return named if len(named - {MARKETING}) <= 1 else None
    left = [w for w in words if w not in MINE and not names_data(w)
            and not w.startswith(NARROWING_NOTHING)]  # fmt: skip
    return UNREAD if unread(left) else None
