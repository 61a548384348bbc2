"""The words of a withdrawal's object (withdrawn_of.py): those that name a purpose, the personal
data as a whole or every consent, those that only say to whom, where or since when the consent
was given, and those that join, give or name an object. Folded (spelling.fold)."""

import re
from itertools import pairwise

from consent.core.purposes import CROSS_BORDER, MARKETING, SERVICE

from .limits import NEWS
from .scoped import SCOPE
from .spelling import BLOCKERS, FUNCTION_WORDS, fold
from .word_order import ASKED_VERB, GIVEN, WISHING

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
# An object before the phrase, as a clause of its own before a dash or a colon («Рассылку —
# согласие отзываю», «На получение новостей — отзываю согласие», «Звонки: согласие отзываю»,
# «Қоңыраулар — келісімімді кері қайтарамын»): a few words, no greeting.
DASHES = frozenset({"—", "–", "-", ":"})
# A verb's ending, Russian or Kazakh, folded: «надоела», «достали», «звонят», «мазалады»,
# «жалықтым». Read only on words that are no object of ours («новости» ends so too).
VERBISH = re.compile(r"(ла|ло|ли|ет|ит|ут|ют|ат|ят|ешь|ишь|ды|ди|ты|ти|[дт][ыи]м|мын|мин|сын|син)$")
# What heads a letter before a dash or a colon, no object: «Заявление: отзываю согласие»,
# «Өтініш — келісімімді кері қайтарамын» (not the application, SERVICE). Folded.
HEADINGS = frozenset({"зайавление", "обращение", "просьба", "тема", "внимание", "важно",
                      "отиниш", "такырып"})  # fmt: skip
TOPICAL = frozenset({"получение", "получения", "отправку", "отправка", "мою", "мой", "мои", "мое"})
# The verb alone, under a withdrawal it repeats: «Отзываю только на рассылку», «Қайтарамын тек
# жаңалықтарға» (folded beginnings).
WITHDRAWING = ("отзыв", "отозв", "кайтар")
# «Only» beside an object says which consent, no more: «Только на рассылку», «Тек жаңалықтарға»,
# «…хабарламаларға берген келісімімді ғана».
ONLY = frozenset({"только", "лишь", "исключительно", "тек", "гана", "кана", "only", "онлы"})
# A Kazakh one ends right before the phrase, in the dative or with «берген» (given):
# «жаңалықтар таратуға берген келісімімді», «хабарламалар алуға келісімімді», «… үшін деректерді».
GIVEN_KAZAKH = frozenset({"берген", "берилген", "ушин", "максатында", "максатта", "катысты",
                          "бойынша"})  # fmt: skip
# After the verb, a verb's own dative is its auxiliary, no object: «қайтарып алуға болады».
VERBAL_DATIVE = re.compile(r"у[гк][ае]$")
KAZAKH_ON = re.compile(r"\w+(га|ге|ка|ке)|берген|берилген|ушин|максатында|максатта|катысты|бойынша")
# The consent named in an unsubscribe's phrase («Отзыв согласия на рассылку», «Жарнамаға
# келісімді қайтару»): a withdrawal too, whose object may add another consent.
CONSENT = ("соглас", "келисим", "цонсент", "consent")
# Words that say which consent in a clause or a sentence of its own, after the phrase: «а именно»,
# «то есть», «т. е.», «яғни», «атап айтқанда», «нақтырақ айтқанда», «namely».
NAMELY = frozenset({"а", "именно", "то", "есть", "т", "е", "конкретно", "ягни", "атап",
                    "айтканда", "нактырак", "namely", "намелы", *ONLY})  # fmt: skip
# Words of an object that say to whom, where or since when the consent was given, not what
# for: «согласие, данное вам на сайте», «сіздерге берген келісімімді», «с 1 марта». Folded
# beginnings.
NOT_WHAT = ("вам", "вас", "ваш", "сайт", "компани", "организац", "оператор", "сиз", "сен",
            "маган", "бизге", "сегодн", "момент", "дат", "числ", "год", "январ", "феврал",
            "март", "апрел", "мая", "май", "июн", "июл", "август", "сентябр", "октябр", "ноябр",
            "декабр", "кантар", "акпан", "наурыз", "сауир", "мамыр", "маусым", "шилде",
            "тамыз", "кыркуйек", "казан", "караша", "желтоксан", "бугин", "бастап",
            "you", "йоу", "site", "сите", "company", "цомпаны")  # fmt: skip
SITE = ("сайт", "site", "сите")
# The processing itself, which names the data as a whole as «обработку» does (scoped.SCOPE).
PROCESSING = ("хранени", "использовани", "сактау", "пайдалан")


def purposes_of(word: str) -> set[str]:
    found = {MARKETING} if word.startswith(NEWS) else set()
    return found | {purpose for purpose, stems in NAMES.items() if word.startswith(stems)}


def names_data(word: str) -> bool:
    return word.startswith(SCOPE + ENGLISH_SCOPE + PROCESSING) and word not in GIVEN


def an_object(word):
    return bool(purposes_of(word)) or names_data(word) or word in EVERY


def topical(word):
    return an_object(word) or word in ON | AND | GIVING | TOPICAL | ONLY


def named_in(part):
    return any(purposes_of(word) for word in part)


def unread(part) -> bool:
    """Whether an object's words name something that is no purpose: a word that is not a
    preposition, a conjunction, the giving («данное мной», «берген»), the consent, nor to whom,
    where or since when it was given (NOT_WHAT), nor the site's name after «сайт»."""
    return any(
        len(word) > 2
        and not word.isdigit()
        and word not in ON | AND | FOR | GIVING | TOPICAL | NAMELY | GIVEN_KAZAKH
        and not word.startswith(NOT_WHAT + CONSENT)
        and not before.startswith(SITE)  # its name: «на сайте emalu.kz»
        for before, word in pairwise(["", *part])
    )


def only_object(folded):
    """Whether a sentence's words are no more than an object: «На рассылку.», «А именно на
    рассылку.», «Жарнамалық хабарламаларға берген келісімімді.»"""
    return bool(folded) and (
        folded[0] in ON | NAMELY
        or all(topical(w) or KAZAKH_ON.fullmatch(w) or w.startswith(CONSENT) for w in folded)
        or (folded[0].startswith(WITHDRAWING) and only_object(folded[1:]))
    )


def asks_nothing(part) -> bool:
    """Whether an object's words, joined to the news by «и» with no preposition of their own
    («…на рассылку и звонки»), are no request of their own: no verb asked or wished, no
    negation, «прошу» or «больше» («…и удалите мои данные», «…и прошу удалить», «…и не
    пишите»), nothing of the data or a purpose."""
    return bool(part) and not any(
        ASKED_VERB.search(word)
        or word in FUNCTION_WORDS | BLOCKERS
        or word.startswith(WISHING)
        or an_object(word)
        for word in part
    )
