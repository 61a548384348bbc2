"""Whom a letter is about by name (compliance L7): a person it names where the sender's name on
record is not that name (names_another), whose request an officer reads rather than the intake
carrying it out on the sender's record; but not the officer it is addressed to («Удалите, Анна,
мои данные»: addressee.py). By a relation or a pronoun: relatives.py."""

import re
from collections.abc import Sequence
from itertools import pairwise

from django.conf import settings

from consent.core.names import name_key, name_keys

from .addressee import addressed
from .limits import MAILING
from .name_forms import (
    CHANNELS,
    PATRONYMIC,
    a_person,
    a_place,
    abbreviated,
    capitalised,
    name_like,
    own_stems,
    stems,
)
from .phrases import Phrase, find_each, same_word
from .pieces import pieces
from .relatives import HELD
from .sentences import ASIDE, OWN_NOUN, sentences
from .spelling import ABLATIVE, CYRILLIC, fold, word_set, words
from .titles import GREETING, OPENING_QUOTES, genitive_owner, quoted

Table = Sequence[Phrase]  # the request phrases in use (phrases.py)


# A person named in the sentence of a request (compliance L7): «Удалите данные Иванова Ивана»,
# «Отпишите Ерлана Асқарова от рассылки», «Ерлан Асқаровтың деректерін жойыңыз», «Udalite dannye
# Petrovoy Anny». A name is a run of capitalised words (not in capitals: «ЕМ АЛУ») next to each
# other, read in any alphabet and spelling (consent.core.names), in which a word has a surname's
# or a patronymic's form in any case (name_forms: «Асқаровтың», «Петровой», «Серікұлы»), or two
# Cyrillic words stand past the sentence's first. A greeting's addressee («Уважаемый Ерлан
# Асқаров», «Құрметті …») and a place («в Саратов», «Өскемен») are no one the request is about;
# the writer naming themselves («Я, Иванов Иван, прошу …») is the sender when the record says so.
NAME_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
PLACE_BEFORE = frozenset(word_set("в во из г город города городе городу гор"))
# A firm is no one a request is about: its name after its legal form («ТОО «Восток-Сервис»»,
# «ЖШС "Алтай Жолы"», «АО Казахтелеком»: the company of a signature) or in quotation marks
# with no surname in it («Восток Сервис»). Not «ИП», «ЖК»: a sole trader trades under a person's
# name.
FIRM_BEFORE = frozenset(map(fold, word_set(
    "тоо жшс ао ақ оао зао ооо пао гу кгу кгп ргп ргу мкк мм ксп llp jsc ltd inc"
)))  # fmt: skip
# Capitalised words of no person: a law, the state, an organisation, a place («согласно Закону
# Республики Казахстан», «Қазақстан Республикасының Заңы», «Вашей Компании»), and the words of
# the operator's own name (settings.OPERATOR: «Ем Алу Плюс»). Folded, beginnings.
NOT_NAMES = ("закон", "заны", "республик", "казахстан", "казакстан", "кодекс", "конституц",
             "правительств", "министерств", "компани", "товарищ", "организац", "университет",
             "академи", "школ", "центр", "курс", "улиц", "проспект", "област", "облыс", "район",
             "аудан", "кала", "город")  # fmt: skip
# The writer naming themselves: «Я, Иванов Иван, прошу…», «Мен, Асқаров Ерлан, …», «Меня зовут
# Иван Петров», «Менің атым Ерлан», «Есімім …». Folded.
WRITER = frozenset({"я", "мен", "зовут", "атым", "есимим"})
# After a word that names the writer a first name alone is a name too: «Меня зовут Айгерим»,
# «Менің атым Айгерим», «Есімім Айгерим», «Моё имя Айгерим» (introduced). Folded.
NAMING = frozenset({"зовут", "атым", "есимим", "имя"})


def _no_person(token: str) -> bool:
    """Whether a capitalised word is a channel or an abbreviation, no person's name
    (name_forms.CHANNELS, abbreviated)."""
    return abbreviated(token) or any(stems(key) & CHANNELS for key in name_keys(token))


# A first name alone has no surname's form to tell it from any capitalised word: where it
# stands does (first_name_named). In Russian right after what is held, whose it is («удалите
# данные Ерлана», «данные Айгерим», «согласие Анны»), or right after the request's verb, whom it
# is asked for («отпишите Ерлана», «прошу удалить Ерлана»); in Kazakh in the genitive before
# what is held («Ерланның деректерін жойыңыз») or in the accusative past the sentence's first
# word («Өтінемін, Ерланды таратылымнан шығарыңыз»), but never a word of the request itself
# («Деректерімді жойыңыз»). Folded.
WHOSE = (*HELD, "согласи", "келисим", "мекенжай", "почт", "адрес")
VERB_BEFORE = re.compile(r".+(ите|йте|ть|ться)")
GENITIVE = re.compile(r".{3,}[ндт][ыи]н")
ACCUSATIVE = re.compile(r".{3,}[ндт][ыи]")
# A Kazakh name in the dative before the news, whom it goes to: «Ерланға рассылка жібермеңіз»,
# «Айгерімге», «Маратқа» (not casefolded: «-ка» is a Russian genitive's too, «Вестника»).
DATIVE = re.compile(r".{3,}([ғқ][аә]|г[аеә]|[кқ][еә])")
# A Kazakh letter: a word of Kazakh, never a Russian title's genitive.
KAZAKH_LETTER = re.compile(r"[әғқңөұүһі]")
# The Russian words of one's own beside the Kazakh «my» endings and sentences.OWN: «свои данные».
SELF = "сво"


def _is_sender(run: list[str], own: list[set[str]]) -> bool:
    """Whether every word of the name, a patronymic the record lacks aside, is a word of the
    sender's name on record, in any case and spelling."""
    matched = [any(stems(key) & mine for mine in own) for key in run]
    return any(matched) and all(
        ok or any(PATRONYMIC.fullmatch(stem) for stem in stems(key))
        for key, ok in zip(run, matched, strict=True)
    )


def _request_word(token: str, table: Table) -> bool:
    """Whether `token` is a word of a request phrase, in any form: a subject line «Разблокировка»
    or «Блокировка» reads as a surname (-ов before its ending) and signed the letter as someone
    else's, so that the request under it was left to an officer as "other"."""
    word = fold((words(token) or [""])[0])
    return any(same_word(w, word) for phrase in table for w in phrase.words)


def people_named(text: str, table: Table = ()) -> list[tuple[list[str], bool]]:
    """The names `text` holds (see NAME_WORD), each as its words' keys, and whether the writer
    names themselves with it («Я, Иванов Иван, …»); a word of a request phrase of `table` is
    no name's, nor is the reader's the letter addresses (addressee.py)."""
    runs, run = [], []
    tokens = list(NAME_WORD.finditer(text or ""))
    for at, token in enumerate(tokens):
        joined = at > 0 and not text[tokens[at - 1].end() : token.start()].strip()
        if run and not joined:
            runs.append(run)
            run = []
        if (
            capitalised(token[0])
            and not _request_word(token[0], table)
            and not _no_person(token[0])
        ):
            run.append(at)
        elif run:
            runs.append(run)
            run = []
    runs += [run] if run else []
    found = []
    for run in runs:
        before = tokens[run[0] - 1][0] if run[0] else ""
        opened = text[tokens[run[0] - 1].end() if run[0] else 0 : tokens[run[0]].start()]
        keys = [key for at in run for key in name_keys(tokens[at][0])]
        if any(quote in opened for quote in OPENING_QUOTES) and not any(map(name_like, keys)):
            continue  # a firm's or a course's name in quotes (FIRM_BEFORE), no surname in it
        name = _name([tokens[at][0] for at in run], before, run[0] == 0)
        if name and not name[1] and _addressed(text, tokens[run[0]], tokens[run[-1]], name[0]):
            continue
        found.append(name)
    return [name for name in found if name is not None]


def _addressed(text, first, last, keys):
    """Whether the name from the match `first` to `last` (of `keys`) addresses the reader."""
    surnamed = any(
        name_like(key) and not any(PATRONYMIC.fullmatch(stem) for stem in stems(key))
        for key in keys
    )
    return addressed(text, first.start(), last.end(), own=_own_data(text), surnamed=surnamed)


def _operator_words():
    names = " ".join(settings.OPERATOR.get(key) or "" for key in ("name_kk", "name_ru"))
    return set(name_keys(names))


def _name(run, before, first):
    """(keys, writer) of a run of capitalised words that names a person, else None."""
    previous = fold(before.casefold())
    if (previous in GREETING or fold(run[0].casefold()) in GREETING
            or previous in PLACE_BEFORE | FIRM_BEFORE):  # fmt: skip
        return None
    operator = _operator_words()
    if any(
        fold(w.casefold()).startswith(NOT_NAMES) or name_key(w) in operator or a_place(w)
        for w in run
    ):
        return None
    keys = [key for word in run for key in name_keys(word)]
    if first and len(keys) > 1 and not name_like(keys[0]):
        keys = keys[1:]  # the sentence's first word: «Прошу Ерлана Асқарова отписать»
    cyrillic = all(CYRILLIC.search(word.casefold()) for word in run)
    if any(map(name_like, keys)) or (len(keys) > 1 and not first and cyrillic):
        return keys, previous in WRITER
    return None


def names_another_person(text: str, own_names: tuple[str, ...] = (), table: Table = ()) -> bool:
    """Whether `text` (the sentence of a request) names a person who is not the sender, whose
    names on record are `own_names` (none: a sender not on record, of whom only the writer naming
    themselves is known)."""
    own = own_stems(own_names)
    for keys, writer in people_named(text, table):
        if own and _is_sender(keys, own):
            continue
        if writer and not own:
            continue
        return True
    return False


def signed_by_another(text: str, own_names: tuple[str, ...], table: Table = ()) -> bool:
    """Whether `text` is a line that signs a name («Иван Петров», «С уважением, Иван Петров»),
    and a name not the sender's on record: the writer is someone else, and «удалите мои данные»
    above it is theirs. Unknown without a record; a greeting («Здравствуйте, Ерлан Асқаров!»)
    signs nothing."""
    signed = (text or "").rsplit(",", 1)[-1]
    tokens = NAME_WORD.findall(signed)
    if not own_names or not tokens or any(fold(w.casefold()) in GREETING for w in words(text)):
        return False
    if not all(map(capitalised, tokens)):
        return False
    named = people_named(signed, table)
    own = own_stems(own_names)
    return len(named) == 1 and not _is_sender(named[0][0], own)


def first_name_named(text: str, table: list[Phrase], own_names: tuple[str, ...]) -> bool:
    """Whether `text` (the sentence of a request) names someone by a first name alone, where it
    stands as whose data or whom the request is for (WHOSE, VERB_BEFORE, GENITIVE, ACCUSATIVE),
    who is not the sender on record (any name is someone else's from an address not on record,
    as in names_another_person), nor the reader it addresses (addressee.py)."""
    own = own_stems(own_names)
    spans = list(NAME_WORD.finditer(text or ""))
    tokens = [span[0] for span in spans]
    folded = [fold((words(token) or [""])[0]) for token in tokens]
    operator = _operator_words()
    for at, word in enumerate(folded):
        # The word before, past an aside («Отпишите, пожалуйста, Ерлана»: sentences.ASIDE).
        before = next((w for w in reversed(folded[:at]) if w not in ASIDE), "")
        after = folded[at + 1] if at + 1 < len(folded) else ""
        if (
            not capitalised(tokens[at])
            or quoted(text, spans[at].start())  # a title: «Отпишите «Вестник»» (titles.py)
            or (after and capitalised(tokens[at + 1]))  # a run: names_another_person's
            or before in GREETING
            or before in PLACE_BEFORE
            or _addressed(text, spans[at], spans[at], ())
            or word.startswith(NOT_NAMES)
            or a_place(tokens[at])  # «отпишите из рассылки Өскемен»: where, not whom
            or name_key(tokens[at]) in operator
            or _no_person(tokens[at])
            or word.startswith(WHOSE)
            # A title's, owning the news or what it is deleted from (titles.py): «Отключите
            # Кинопоиска рассылку», «Деректерімді Кинопоисктен өшіріңіз».
            or (after.startswith(MAILING) and _owns_the_news(tokens[at], word))
            or ABLATIVE.fullmatch(word)
            or any(same_word(w, word) for phrase in table for w in phrase.words)
        ):
            continue  # a word of the request itself: «Отзыв согласия / Келісімді қайтарып алу»
        # Or a name right after the news, whose they are or whom they go to: «Отпишите от
        # рассылки Ерлана», «Хабарламаларды Ерланға жібермеңіз» (a title stands there too:
        # only a given name is known there, name_forms.GIVEN).
        news_before = at > 0 and folded[at - 1].startswith(MAILING) and a_person(tokens[at])
        news_before = news_before and not text[spans[at - 1].end() : spans[at].start()].strip()
        russian = before.startswith(WHOSE) or VERB_BEFORE.fullmatch(before) or news_before
        # The accusative not first in its sentence: a noun's capital there tells nothing
        # («Хаттарды жібермеңіз»); the genitive before what is held is whose wherever it stands.
        kazakh = (GENITIVE.fullmatch(word) and after.startswith(WHOSE)) or (
            at > 0 and ACCUSATIVE.fullmatch(word) and not OWN_NOUN.search(word)
        )
        # Whose news or whom it goes to, in Cyrillic (a Latin word is a brand: «Kaspi'дің»):
        # «Асельдің рассылкасын тоқтатыңыз», «Ерланға хабарлама жібермеңіз».
        cased = GENITIVE.fullmatch(word) or DATIVE.fullmatch(tokens[at].casefold())
        kazakh = kazakh or (cased and after.startswith(MAILING) and not tokens[at][:1].isascii())
        if (russian or kazakh) and not (own and _is_sender(name_keys(tokens[at]), own)):
            return True
    return False


def _owns_the_news(token: str, word: str) -> bool:
    """Whether a capitalised word right before a word of the news is a title's genitive, its
    owner («Отключите Кинопоиска рассылку»: titles.genitive_owner), and no form a person's name
    takes there: a Kazakh case («Асельдің», «Ерланға», «Ерланды»), a surname («Ивановой»), a
    name that does not decline or in the dative, whom the news go to («Айгерим», «Ерлану»), a
    given name in any case («Ерлана»: name_forms.a_person)."""
    kazakh = KAZAKH_LETTER.search(token.casefold()) or DATIVE.fullmatch(token.casefold())
    named = kazakh or ACCUSATIVE.fullmatch(word) or a_person(token)
    return genitive_owner(word) and not named


def named_elsewhere(
    text: str, own_names: tuple[str, ...], unowned: bool, *, after: bool = False, table: Table = ()
) -> bool:
    """Whether `text`, a sentence of the letter that names no request, names whom it is about:
    the writer introducing themselves by a name that is not the sender's on record («Меня
    зовут Иван Петров» from Әсел's address), or, when the request names no one's own data
    (`unowned`: «Удалите данные», «Отпишите его»), a person who is not the sender («Пишу о
    Ерлане Асқарове.»). From an address not on record a line that signs, `after` the request,
    is the writer's: only a name, or a line a name opens («Ахметов Ерлан, e-mail …»); from one
    on record, a name not the sender's is someone else's wherever it signs."""
    own = own_stems(own_names)
    # A signature's initials («Иванова А.К.») are in capitals, and no less a name's.
    tokens = [t for t in NAME_WORD.findall(text or "") if not (len(t) == 1 and t.isupper())]
    if not own and (all(map(capitalised, tokens)) or (after and all(map(capitalised, tokens[:2])))):
        return False
    for keys, writer in people_named(text, table):
        if own and _is_sender(keys, own):
            continue
        if (writer and own) or (unowned and not writer):
            return True
    return False


def introduced(text: str, own_names: tuple[str, ...]) -> bool:
    """Whether the writer of `text` names themselves (NAMING) by a name that is not the
    sender's on record, `own_names` («Меня зовут Айгерим» from Әсел's address: a family's one
    mailbox). Unknown without a record."""
    own = own_stems(own_names)
    tokens = NAME_WORD.findall(text or "")
    return bool(own) and any(
        fold(word.casefold()) in NAMING and capitalised(name)
        and not _is_sender(name_keys(name), own)
        for word, name in pairwise(tokens)
    )  # fmt: skip


def _own_data(text):
    """Whether a request's sentence names the writer's own («мои данные», «деректерімді»,
    «свои», «меня»: sentences.OWN, OWN_NOUN)."""
    return any(s.own for s in sentences(text)) or any(w.startswith(SELF) for w in words(text))


def names_another(table: list[Phrase], texts: list[str], own_names: tuple[str, ...]) -> bool:
    """Whether a sentence of `texts` that names a request names a person who is not the sender
    (names_another_person), or by a first name alone (first_name_named); or another sentence
    names whom the request is about (named_elsewhere), or a line signs a name that is not the
    sender's on record (signed_by_another). A greeting's name is no one's."""
    said = [piece for text in texts for piece in pieces(text)]
    asked = [at for at, piece in enumerate(said) if find_each(table, piece)]
    unowned = any(not _own_data(said[at]) for at in asked)
    if any(introduced(piece, own_names) for piece in said):
        return True
    return any(
        names_another_person(piece, own_names, table) or first_name_named(piece, table, own_names)
        if at in asked
        else signed_by_another(piece, own_names, table)
        or named_elsewhere(
            piece, own_names, unowned, after=bool(asked) and at > asked[0], table=table
        )
        for at, piece in enumerate(said)
    )
