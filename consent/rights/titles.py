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

from django.conf import settings

from consent.core.names import name_keys

from .spelling import BLOCKERS, FUNCTION_WORDS, fold, words

# A channel or an abbreviation is no one's name, nor a title (compliance L7): «SMS-ке»,
# «СМС-рассылку», «WhatsApp-қа», «Телеграмға», «E-mail»; read as a name, «Жаңалықтарға және
# SMS-ке берген келісімімді…» was about someone else and withdrew nothing (about_whom.py). A word
# whose first part is in capitals (an abbreviation, a case ending or a noun hyphened on: «SMS-ке»;
# a letter typed in capitals), a capital inside a part («WhatsApp», «YouTube»: abbreviated), or
# a channel's name (CHANNELS, name keys: any alphabet and case).
CHANNELS = frozenset(name_keys(
    "SMS СМС MMS ММС sms-ka Email E-mail Emeil Мейл Имейл Емейл Имэйл Мэйл Mail Почта Gmail "
    "Telegram Телеграм Телеграмм WhatsApp Ватсап Вотсап Уатсап Вацап Viber Вайбер Instagram "
    "Инстаграм Инста Facebook Фейсбук Фэйсбук TikTok Тикток YouTube Ютуб Push Пуш"
))  # fmt: skip
PART = re.compile(r"['’-]")
OPENING_QUOTES = ("«", '"', "„", "“")
# A word, and the opening quotation mark before it if any; a hyphen parts two («SMS-рассылки»).
TOKEN = re.compile(r"([«\"„“]\s*)?([^\W\d_]+(?:['’][^\W\d_]+)*)")
# What may stand between two words of one phrase: spaces, a closing quotation mark; not a line's
# end (a subject line's last word, «Сұрақ / Вопрос», is no title of the body's first).
JOINED = re.compile(r"(?:[^\S\n]|[»\"”-])*")
# Words between a subscription word and its preposition, or the preposition and its object, that
# are no object: «отпишите меня от всех ваших рассылок», «барлық хабарламалардан». Folded.
EVERY = frozenset(map(fold, words("всего всей всех всяких любых барлык барлыгынан бари бүкил")))
WHOM = frozenset(map(fold, words("меня нас мою мой мое моего моей наш нашу нашего мени бизди me "
                                 "us")))  # fmt: skip
OBJECT_AFTER = frozenset({"на", "от", "из", "с", "со", "from", "фром"})
ABLATIVE = re.compile(r"\w+(дан|ден|тан|тен|нан|нен)")
# A Kazakh noun whose owner stands right before it: the third person's possessive, then the
# ablative («Кинопоиск жазылымынан», «Kaspi хабарламаларынан», «рассылкасынан»). Its own
# ablative has no «ы» before «нан» («жазылымнан»), nor do «my» and «your» («жазылымымнан»,
# «жазылымыңыздан»). Folded.
OWNED = re.compile(r"\w+[ыи]н[ае]н")
# Nouns of a kind, no company's title, that own a mailing as a name does: «Сайт жаңалықтарынан»,
# «Курс хабарламаларынан» (the services are limits.SERVICE's). Folded beginnings.
KINDS = ("сайт", "компани", "мектеп", "орталы", "блог", "арна", "клуб", "дукен", "магазин",
         "акци", "портал", "платформ", "оку", "сабак", "жоба", "проект", "бизнес")  # fmt: skip


class Token:
    def __init__(self, match, text):
        self.raw, self.quoted = match[2], match[1] is not None
        self.folded = fold((words(self.raw) or [""])[0])
        self.start, self.end = match.start(), match.end()
        before = text[: self.start].rstrip(" \t")
        self.first = not before.strip() or before[-1] in ".!?\n"


def tokens(text: str) -> list[Token]:
    return [Token(match, text or "") for match in TOKEN.finditer(text or "")]


def abbreviated(token: str) -> bool:
    """Whether a word's first part is in capitals, or a part has a capital inside (CHANNELS)."""
    parts = [part for part in PART.split(token) if part]
    if parts and len(parts[0]) > 1 and parts[0].isupper():
        return True
    return any(part[1:] != part[1:].lower() for part in parts)


def quoted(text: str, start: int) -> bool:
    """Whether the word of `text` at `start` opens a quotation («Вестник», "Вестник"): a title,
    no one's name (about_whom.first_name_named)."""
    return text[:start].rstrip().endswith(OPENING_QUOTES)


def _channel(word: str) -> bool:
    """A channel's name with any ending («Телеграмға»); not its hyphened parts («sms-ka»)."""
    named = [channel for channel in CHANNELS if len(channel) > 2]
    return any(key.startswith(channel) for key in name_keys(word) for channel in named)


def _operator_words():
    names = " ".join(settings.OPERATOR.get(key) or "" for key in ("name_kk", "name_ru"))
    return set(name_keys(f"{names} Emalu Em Alu"))


def _title(token, news, operator, owner=False) -> bool:
    """Whether `token` opens a title: quoted, or written with a capital, not the sentence's first
    word unless in Latin letters or the `owner` of the Kazakh noun after it (OWNED), nor
    abbreviated (or a letter typed in capitals), nor a channel; not a function word («Вашей»),
    a word of everything, the news or a service itself (`news`), nor the operator's name."""
    capital = token.raw[:1].isupper() and (not token.first or owner or token.raw.isascii())
    plain = len(token.raw) > 1 and not abbreviated(token.raw) and not _channel(token.raw)
    return (
        (token.quoted or (capital and plain))
        and token.folded not in FUNCTION_WORDS | BLOCKERS | EVERY | WHOM
        and not token.folded.startswith(news)
        and not set(name_keys(token.raw)) & operator
    )


def _joined(text, before, after) -> bool:
    return JOINED.fullmatch(text[before.end : after.start]) is not None


def titled(text: str, subscribing: tuple[str, ...], news: tuple[str, ...],
           services: tuple[str, ...] = ()) -> bool:  # fmt: skip
    """Whether every object of what `text` asks to stop is a title (see the module): after a
    subscription word (`subscribing`, folded beginnings) and its preposition («отпишите меня от
    Кинопоиска»), or right after it when quoted («Отпишите «Вестник»»), or right after a word of
    the news (`news`: «рассылки Кинопоиска»), or right before one in the Kazakh ablative
    («Kaspi жазылымынан»), the sentence's first word too when it owns it (OWNED: «Кинопоиск
    жазылымынан»), not a noun of a kind (KINDS, `services`); and no word of the news stands
    without one."""
    found, operator, kinds = tokens(text), _operator_words(), (*KINDS, *services)
    named, bare = False, False
    for at, token in enumerate(found):
        is_news = token.folded.startswith(news)
        if not (is_news or token.folded.startswith(subscribing)):
            continue
        after = [t for t in found[at + 1 : at + 5] if t.folded not in WHOM | EVERY]
        if after[:1] and after[0].folded in OBJECT_AFTER:
            after = [t for t in after[1:] if t.folded not in FUNCTION_WORDS] or after[1:]
            # A word right before a word of the news tells which news: «от Telegram-рассылки».
            told = after[1:2] and _joined(text, after[0], after[1])
            objects = [] if told and after[1].folded.startswith(news) else after[:1]
        else:
            objects = [t for t in after[:1] if _joined(text, token, t) and (t.quoted or is_news)]
        previous = found[at - 1] if at else None
        # Before it, the Kazakh ablative's owner, or an English one («the Netflix newsletter»).
        # Not an English sentence's first word: «Stop emails», «Don't email me».
        english = is_news and token.raw.isascii() and previous and not previous.first
        owning = ABLATIVE.fullmatch(token.folded) or english
        before = previous and owning and _joined(text, previous, token)
        objects += [previous] if before else []
        owned = before and OWNED.fullmatch(token.folded)
        owner = previous if owned and not previous.folded.startswith(kinds) else None
        # A word of the news told by the next one, or telling the one before: «из списка
        # рассылки «Вестника»», «the Netflix mailing list».
        following = found[at + 1] if at + 1 < len(found) else None
        chained = any(
            other and other.folded.startswith(news) and _joined(text, *pair)
            for other, pair in ((following, (token, following)), (previous, (previous, token)))
        )
        if any(_title(t, news, operator, owner=t is owner) for t in objects):
            named = True
        elif is_news and not chained:
            bare = True
    return named and not bare
