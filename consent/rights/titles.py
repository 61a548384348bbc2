"""A title a letter names (compliance L7, L15): another company's service, magazine or app
(«Отпишите меня от Яндекс Плюс», «…от Кинопоиска», «…от рассылки «Вестника»», «Мені Kaspi
жазылымынан шығарыңыз», «Unsubscribe me from Netflix»), written with a capital or in quotation
marks where the news or a course stands. Read by vocabulary alone, it was our news: the person's
news and offers stopped as the letter arrived, though they asked a stranger to stop theirs, and
no officer read the letter that had reached the wrong company. A quoted title is no one's name
either: «Отпишите «Вестник»» was read as a person the letter is about.

Decided: an unsubscribe whose every object is such a title, not the operator's own name
(settings.OPERATOR: «ЕМ АЛУ плюс»), and whose letter names our news nowhere else, stops nothing:
it opens "other" for an officer, as a service cancelled does (limits.py, Limit.SERVICE). One
that also names our news («…от вашей рассылки и от Кинопоиска») still stops it."""

import re
from itertools import pairwise

from django.conf import settings

from consent.core.names import name_keys

from .name_forms import a_person, a_place, abbreviated, channel, own_stems
from .spelling import ABLATIVE, BLOCKERS, CYRILLIC, FUNCTION_WORDS, fold, unlinked, word_set, words

OPENING_QUOTES = ("«", '"', "„", "“")
ASIDE = word_set("please pls plz thanks thank thx asap ok okay hi hello")  # English courtesy
# A word, and the opening quotation mark before it if any; a hyphen parts two («SMS-рассылки»).
TOKEN = re.compile(r"([«\"„“]\s*)?([^\W\d_]+(?:['’][^\W\d_]+)*)")
# What may stand between two words of one phrase: spaces, a closing quotation mark; not a line's
# end (a subject line's last word, «Сұрақ / Вопрос», is no title of the body's first).
JOINED = re.compile(r"(?:[^\S\n]|[»\"”-])*")
# Words between a subscription word and its preposition, or the preposition and its object, that
# are no object: «отпишите меня от всех ваших рассылок», «барлық хабарламалардан». Folded.
EVERY = frozenset(map(fold, words("всего всей всех всю весь всяких любых барлык барлыгынан бари "
                                  "барин баринен бүкил")))  # fmt: skip
WHOM = frozenset(map(fold, words("меня нас мою мой мое мои моего моей моих свои свою наш нашу "
                                 "нашего мени бизди me us")))  # fmt: skip
# What is erased or stopped, standing between the verb and the title it is asked of: «удалите
# мои данные из Кинопоиска», «мою учётную запись в Kaspi», «деректерімді Кинопоисктен
# өшіріңіз». Folded beginnings.
HELD = ("данн", "деректер", "малимет", "сведен", "информац", "акпарат", "персональн", "личн",
        "аккаунт", "профил", "учетн", "запис", "номер", "номир", "телефон", "адрес",
        "почт")  # fmt: skip
OBJECT_AFTER = frozenset({"на", "от", "из", "с", "со", "в", "во", "from", "фром"})
# «В», «во» tell where as often as whose («мои данные в Казахстане»): a title after them is quoted,
# Latin (a brand), or beside an account's, a base's or the news's word («аккаунт в Кинопоиске»).
WHERE, ACCOUNTS = frozenset({"в", "во"}), ("аккаунт", "профил", "учетн", "запис", "кабинет")
DOCUMENTS = ("таблиц", "файл", "форм", "документ", "анкет", "выгрузк")  # «из Excel-таблицы»
# A Kazakh noun whose owner stands right before it: the third person's possessive, in any case
# («Кинопоиск жазылымынан», «Wildberries рассылкасын», «Kaspi хабарламалары»). Its own cases
# have no «ы» or «і» before the ending («жазылымнан», «рассылканы»), nor do «my» and «your»
# («жазылымымнан», «жазылымыңыздан»). Folded.
OWNED = re.compile(
    r"\w+[ыи](н|н[ае]|нд[ае]|н[ае]н|мен|н[ыи]н)|\w+[аеиоуы]с[ыи]|\w+[лдт][ае]р[ыи]"
    r"|(жазылым|таратылым)[ыи]"
)
# A Russian adjective or pronoun before the news («Рекламную рассылку», «Эту рассылку»): whose
# news it is not, as the genitive of a title is («Кинопоиска рассылку»). Folded endings.
ADJECTIVE = re.compile(
    r"\w+(ый|ий|ой|ая|йа|ую|йу|ое|ее|ые|ие|ых|их|ого|его|ому|ему|ым|им|ыми|ими|ей|у)"
)
# A noun's genitive, as a title's before the news is (not after «л», a verb's past: «Надоела»).
GENITIVE = re.compile(r"\w{2,}(?<![лт])(а|я|ы|и|ов|ев)")
NOT_OWNERS = frozenset(map(fold, words("сегодня вчера опять снова тогда всегда иногда никогда "
                                       "когда сейчас почти очень слишком давно вся эта та эти "
                                       "те наша ваша моя твоя своя каждая такая")))  # fmt: skip
# Words before a name that make it no one a request is about, nor a title a heading
# (_heading): a greeting («Добрый день, Анна Сергеевна!», «Қайырлы күн, Айгерим», «Здравствуйте:
# отпишите меня»), a place. Folded.
GREETING = frozenset(map(fold, word_set(
    "уважаемый уважаемая уважаемые дорогой дорогая дорогие здравствуйте курметти кадирли "
    "салем салеметсиз hello dear hi день вечер утро кун кеш добрый доброе привет"
)))  # fmt: skip
# A title set before the request as its heading: «Кинопоиск: отпишите меня», «Netflix — stop
# emails», «Насчёт Кинопоиска: отпишите меня». At most HEAD words, after a word of the topic.
HEAD = 3
HEADING_END = re.compile(r"[^\S\n]*[»\"”]?[^\S\n]*(?::|[—–]|\s-)")
TOPIC = frozenset(map(fold, words("насчет насчёт поводу касательно относительно про re about "
                                  "туралы жайлы")))  # fmt: skip
# A case ending set on a title after a hyphen, an apostrophe or its closing quote: «Kaspi-ден»,
# «Kaspi'den», «Кинопоиск»-тен».
SUFFIXED = re.compile(
    r"[»\"”]?[-'’]?(?:[дтн][аеәі]н|[dtn][ae]n|[дтн][ыі]ң|[dtn][ıi]ñ|[дтн][ыі]н)\b", re.IGNORECASE
)
SUFFIX_MARKS = "»\"”-'’"
# A Kazakh case or possessive ending on a word of the news («базаңыздан», «рассылканы»). Folded.
KAZAKH_ENDING = re.compile(r"(?<!ост)(н[ыи]з\w*|[дтн][ае]н|[дтн][ыи]|[ыи]м\w*)$")
JOINED_NAME = 5
# What a letter's own heading says, no title: «Вопрос: …», «Срочно — …», «Отписка: …». Folded
# beginnings.
HEADINGS = ("вопрос", "важн", "срочн", "просьб", "отпис", "отказ", "тема", "заявлен", "обращен",
            "жалоб", "запрос", "внимани", "уведомлен", "сообщен", "примечан", "напомин", "ответ",
            "повтор", "требован", "итак", "кратко", "коротко", "сурак", "отиниш", "маныз",
            "шугыл", "шагым", "сураныс", "талап", "ескерт", "такырып", "жауап")  # fmt: skip
# A verb's ending, or a Kazakh case's, no title's: «Передумала: …», «Ойымды өзгерттім: …». Folded.
VERB_LIKE = re.compile(
    r"\w+(л|ла|ло|ли|ите|йте|ть|ти|у|йу|ет|ит|ем|ут|ат|ят|[ыи]м|мын|мин"
    r"|[дтн][ыи])"
)
# Ours, said before the news or in its Kazakh ending («вашей рассылки», «рассылкаңыздан»).
YOURS = frozenset(map(fold, words("ваш ваша ваше ваши вашей вашу ваших вашего вашим сиздин")))
YOURS_KAZAKH = re.compile(r"н[ыи]з")
# Where a clause ends, between a verb and what it is read with.
CLAUSE = re.compile(r"[,.;!?:\n—–()]")
# Nouns of a kind, no company's title, that own a mailing as a name does: «Сайт жаңалықтарынан»,
# «Курс хабарламаларынан» (the services are limits.SERVICE's). Folded beginnings.
KINDS = ("сайт", "компани", "мектеп", "орталы", "блог", "арна", "клуб", "дукен", "магазин",
         "акци", "портал", "платформ", "оку", "сабак", "жоба", "проект", "бизнес", "спам",
         "промо", "инфо", "жуйе", "косымш", "аккаунт", "профил", "кабинет", "багдарлам", "баз",
         "тизим", "дереккор", "бугин", "казир", "осы", "сиз", "биз")  # fmt: skip


class Token:
    def __init__(self, match, text):
        self.raw, self.quoted = match[2], match[1] is not None
        self.folded = fold((words(self.raw) or [""])[0])
        self.start, self.end = match.start(), match.end()
        before = text[: self.start].rstrip(" \t")
        self.first = not before.strip() or before[-1] in ".!?\n"


def tokens(text: str) -> list[Token]:
    return [Token(match, text or "") for match in TOKEN.finditer(text or "")]


def quoted(text: str, start: int) -> bool:
    """Whether the word of `text` at `start` opens a quotation («Вестник», "Вестник"): a title,
    no one's name (about_whom.first_name_named)."""
    return text[:start].rstrip().endswith(OPENING_QUOTES)


def _operator_words():
    """The keys of the operator's name's words, and of its words run together («емалу»)."""
    names = [settings.OPERATOR.get(key) or "" for key in ("name_kk", "name_ru")]
    keyed = [name_keys(name) for name in (*names, "Emalu Em Alu")]
    runs = {"".join(keys[i:j]) for keys in keyed for i in range(len(keys))
            for j in range(i + 2, len(keys) + 1)}  # fmt: skip
    return {key for keys in keyed for key in keys} | runs


def _operator(word: str, operator: set[str]) -> bool:
    """Whether a word is the operator's name, or begins with its words run together
    («Emaluplus», «Емалудың»: at least JOINED_NAME letters)."""
    keys = name_keys(word)
    return bool(set(keys) & operator) or any(
        key.startswith(name) for key in keys for name in operator if len(name) >= JOINED_NAME
    )


def _title(token, news, operator, owner=False, own=(), latin=False) -> bool:
    """Whether `token` opens a title: quoted, or written with a capital, not the sentence's first
    word unless in Latin letters or the `owner` of the Kazakh noun after it (OWNED), nor
    abbreviated (or a letter typed in capitals), nor a channel; not a function word («Вашей»),
    a word of everything, the news or a service itself (`news`), nor the operator's name; nor,
    unquoted, a person's name or a place (name_forms: «Әсел Қасымованың рассылкасын», the
    sender's `own`; «из рассылки Өскемен»). A Latin word on a Cyrillic line (`latin`) is a
    brand's with no capital too («отпишите меня от kaspi»)."""
    capital = token.raw[:1].isupper() and (not token.first or owner or token.raw.isascii())
    capital = capital or (latin and token.raw.casefold() not in ASIDE)
    plain = len(token.raw) > 1 and not abbreviated(token.raw) and not channel(token.raw)
    plain = plain and not a_person(token.raw, own) and not a_place(token.raw)
    return (
        (token.quoted or (capital and plain))
        and token.folded not in FUNCTION_WORDS | BLOCKERS | EVERY | WHOM
        and not token.folded.startswith(news)
        and not _operator(token.raw, operator)
    )


def _latin(text, token) -> bool:
    """Whether `token` is in Latin letters on a line of Cyrillic (a brand's, «от kaspi»)."""
    start, end = text.rfind("\n", 0, token.start) + 1, text.find("\n", token.end)
    line = text[start : end if end >= 0 else None]
    return token.raw.isascii() and CYRILLIC.search(line.casefold()) is not None


def _joined(text, before, after) -> bool:
    return JOINED.fullmatch(text[before.end : after.start]) is not None


def titled(text: str, subscribing: tuple[str, ...], news: tuple[str, ...],
           services: tuple[str, ...] = (), own_names: tuple[str, ...] = ()) -> bool:  # fmt: skip
    """Whether every object of what `text` asks to stop is a title (see the module), whatever
    the order of its words: after a subscription word (`subscribing`, folded beginnings) and
    its preposition («отпишите меня от Кинопоиска», «удалите мои данные из Кинопоиска»), or a
    preposition before it in its clause («От Кинопоиска отпишите»), or right after it when
    quoted («Отпишите «Вестник»»); right after a word of the news (`news`: «рассылки
    Кинопоиска») or right before one as its owner (the genitive, «Кинопоиска рассылку», the
    Kazakh possessive, «Wildberries рассылкасын», the English «the Netflix newsletter»), the
    sentence's first word too; in the Kazakh ablative before the verb («Кинопоисктен
    деректерімді өшіріңіз», «Kaspi-ден»); or set before the request as its heading
    («Кинопоиск: отпишите меня»). Not a noun of a kind (KINDS, `services`); and no word of the
    news stands without one."""
    # A link's words («https», «emaluplus», «kz») are no brand's title, though Latin on a
    # Cyrillic line: «отпишите меня от рассылки https://emaluplus-vko.kz/ru/» was another's.
    text = unlinked(text)
    found, operator, kinds = tokens(text), _operator_words(), (*KINDS, *services)
    own = own_stems(own_names)
    named, bare = False, False
    for at, token in enumerate(found):
        is_news = token.folded.startswith(news)
        if not (is_news or token.folded.startswith(subscribing)):
            continue
        objects, owners = _objects(text, found, at, is_news, news, kinds)
        if any(_title(t, news, operator, t in owners, own, _latin(text, t)) for t in objects):
            named = True
        elif is_news and not _chained(text, found, at, news):
            bare = True
    return named and not bare


def _objects(text, found, at, is_news, news, kinds):
    """(the words that may be the title the word at `at` is asked of, those of them that may
    stand first in their sentence with a capital)."""
    token = found[at]
    after = [t for t in found[at + 1 : at + 6] if t.folded not in WHOM | EVERY]
    after = [t for t in after if not t.folded.startswith(HELD)] if not is_news else after
    if after[:1] and after[0].folded in OBJECT_AFTER and _clause(text, token, after[0]):
        after = [t for t in after[1:] if t.folded not in FUNCTION_WORDS] or after[1:]
        # A word right before a word of the news tells which news: «от Telegram-рассылки».
        told = after[1:2] and _joined(text, *after[:2]) and after[1].folded.startswith(news)
        objects = after[:1] if after and not told and _placed(text, found, after[0], news) else []
    else:
        objects = [t for t in after[:1] if _joined(text, token, t) and (t.quoted or is_news)]
    owners, previous = [], _owner_before(text, found, at)
    if is_news and previous is not None and not previous.folded.startswith(HELD):
        # Its owner before it: not an English sentence's first word («Stop emails», «Don't
        # email me»), nor a Russian adjective or pronoun («Рекламную рассылку», «Эту рассылку»);
        # at a sentence's start, in the Kazakh third person's possessive only («Кинопоиск
        # жазылымынан», not «Деректерімді базаңыздан»).
        owned = OWNED.fullmatch(token.folded)
        if previous.raw.isascii():
            whose = owned or ABLATIVE.fullmatch(token.folded)
            whose = whose or not token.raw.isascii() or not previous.first
        else:
            whose = owned or genitive_owner(previous.folded)
        if whose:
            objects.append(previous)
            kazakh = KAZAKH_ENDING.search(token.folded) and not owned
            owners += [] if previous.folded.startswith(kinds) or kazakh else [previous]
    if not is_news:
        before = _before(text, found, at, news)
        objects += before
        owners += [t for t in before if t.first]
    # The request's heading owns the news its line names but ours («…: отпишите меня от
    # рассылки», not «…от вашей рассылки»).
    yours = YOURS_KAZAKH.search(token.folded) or (previous and previous.folded in YOURS)
    if (not is_news or not yours) and (head := _heading(text, found, at)) is not None:
        objects.append(head)
        owners.append(head)
    return objects, owners


def genitive_owner(word: str) -> bool:
    """Whether a Russian word may be a title's genitive before the news («Кинопоиска
    рассылку», «Каспи рассылку»): its ending, not an adjective's, a pronoun's («Рекламную»,
    «Эту»), a verb's («Остановите рассылку», «Надоела рассылка») or an adverb's (NOT_OWNERS)."""
    return (
        GENITIVE.fullmatch(word) is not None
        and not ADJECTIVE.fullmatch(word)
        and word not in NOT_OWNERS
    )


def _owner_before(text, found, at):
    """The word right before the one at `at` in its phrase, past a case ending hyphened on it
    («Wildberries-тің рассылкасын»: SUFFIXED); None at a line's start or after punctuation."""
    if not at or not _joined(text, found[at - 1], found[at]):
        return None
    previous, owner = found[at - 1], found[at - 2] if at > 1 else None
    ending = owner and SUFFIXED.match(text, owner.end)
    hyphened = ending and text[owner.end] in SUFFIX_MARKS and ending.end() == previous.end
    return owner if hyphened else previous


def _before(text, found, at, news):
    """The title a verb's clause names before it: after a preposition («Из Кинопоиска удалите
    мои данные», «От Кинопоиска отпишите»), or in the Kazakh ablative, «Кинопоисктен мені
    шығарыңыз», «Kaspi-ден деректерімді жойыңыз» (a Latin title's ending hyphened on)."""
    objects, verb = [], found[at]
    for back in range(at - 1, max(-1, at - 6), -1):
        word = found[back]
        if not _clause(text, word, verb):
            break
        after = back and found[back - 1].folded in OBJECT_AFTER
        if (
            (after and _clause(text, found[back - 1], verb) and _placed(text, found, word, news))
            or SUFFIXED.match(text, word.end)
            or (ABLATIVE.fullmatch(word.folded) and not word.folded.startswith(KINDS + HELD))
        ):
            objects.append(word)
    return objects


def _placed(text, found, word, news) -> bool:
    """Whether `word`, after a preposition, may be a title by where it stands (WHERE)."""
    at, head = found.index(word), found[found.index(word) + 1 :][:1]
    if head and text[word.end : head[0].start] == "-" and head[0].folded.startswith(DOCUMENTS):
        return False  # a document hyphened on a program's name is what is named
    if found[at - 1].folded not in WHERE or word.quoted or word.raw.isascii():
        return True
    beside = [*found[max(0, at - 2) : at - 1], *head]
    return any(t.folded.startswith((*ACCOUNTS, *news)) for t in beside)


def _heading(text, found, at):
    """The title the request's line opens with as its heading, before a colon or a dash:
    «Кинопоиск: отпишите меня», «Насчёт Кинопоиска — отпишите меня»; else None."""
    line_start = text.rfind("\n", 0, found[at].start) + 1
    head = [t for t in found[:at] if t.start >= line_start]
    for end, word in enumerate(head):
        if HEADING_END.match(text, word.end) is None:
            continue
        head_words = head[: end + 1]
        if head_words and head_words[0].folded in TOPIC:
            head_words = head_words[1:]
        title = head_words[0] if head_words else None
        joined = all(_joined(text, a, b) for a, b in pairwise(head_words))
        # A title's words, each with a capital; not a greeting, a heading's word, a verb.
        plain = all(t.raw[:1].isupper() or t.quoted for t in head_words) and not any(
            t.folded in GREETING or t.folded.startswith(HEADINGS) or VERB_LIKE.fullmatch(t.folded)
            for t in head_words
        )
        return title if title and len(head_words) <= HEAD and joined and plain else None
    return None


def _chained(text, found, at, news):
    """Whether the word of the news at `at` is told by the next one, or tells the one before:
    «из списка рассылки «Вестника»», «the Netflix mailing list»."""
    token = found[at]
    following = found[at + 1] if at + 1 < len(found) else None
    previous = found[at - 1] if at else None
    return any(
        other and other.folded.startswith(news) and _joined(text, *pair)
        for other, pair in ((following, (token, following)), (previous, (previous, token)))
    )


def _clause(text, first, second) -> bool:
    """Whether two words stand in one clause: no punctuation that ends one between them."""
    return CLAUSE.search(text, first.end, second.start) is None
