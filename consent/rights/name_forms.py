"""A person's name or a place, in the forms a letter writes it (compliance L7): whom a request is
about (about_whom.py), and no company's title where a title may stand (titles.py). A capital
alone cannot tell them apart: a Russian genitive is a title's («Отключите Кинопоиска рассылку»)
and a name's («Отключите Ерлана рассылку»), a word after the news a title's («от рассылки
Кинопоиска»), a name's («от рассылки Ерлана») or a place's («из рассылки Өскемен»). The forms a
name alone takes (a surname's, a patronymic's), the given names and places people write most,
and the sender's own names on record do; a word known as none of these is read by where it
stands, as before. Keys: consent.core.names, so any alphabet and spelling («Асель», «Әсел»,
«Asel»)."""

import re
from functools import lru_cache

from consent.core.names import name_keys

from .spelling import FUNCTION_WORDS, fold, word_set

# Case endings of a name's key (names.name_keys: й, ы, і as и; ң as н; қ as к; ғ as г; a letter
# twice as once): Russian («Иванова», «Петровой», «Анну», «Достоевского») and Kazakh (the
# genitive «-тың», the accusative «-ты», the dative «-ға», the locative, the ablative, «-мен»).
ENDINGS = (
    "а", "у", "е", "и", "ом", "ем", "ои", "еи", "ого", "ему", "им", "ими", "их", "иу", "иа",
    "нин", "тин", "дин", "ин", "ни", "ди", "ти", "га", "ге", "ка", "ке", "на", "не", "да", "де",
    "та", "те", "дан", "ден", "тан", "тен", "нан", "нен", "мен", "бен", "пен",
    "мин", "бин", "пин",  # I am: «Қасымовамын»
)  # fmt: skip
# Not «-ин», «-ын»: Kazakh words end so as often as Russian names («Ағылшын курсына …»).
SURNAME = re.compile(r".{3,}(ов|ев)|.{3,}(ович|евич|овн|евн|ичн)|.{2,}(ули|кизи)")
PATRONYMIC = re.compile(r".{3,}(ович|евич|овн|евн|ичн)|.{2,}(ули|кизи)")
# Given names people in Kazakhstan write most, Kazakh and Russian; none a common word, a brand
# or a place («Арман» is a cinema, «Самал» a district). Keys.
GIVEN = frozenset(name_keys(
    "Ерлан Нурлан Асхат Бауыржан Данияр Марат Ержан Серик Канат Нурсултан Айдос Алмас Арсен "
    "Тимур Руслан Дамир Азамат Санжар Бекзат Ерболат Жандос Алихан Нуржан Ермек Талгат Болат "
    "Даурен Ильяс Асылбек Бекжан Жасулан Кайрат Мухтар Ринат Рустам Саят Ерасыл Диас Айбек "
    "Ерген Олжас Аслан Темирлан Абай Аскар Айгерим Асель Әсел Аружан Айжан Динара Гульнара "
    "Жанар Салтанат Меруерт Алия Камила Аяулым Жансая Назерке Акбота Томирис Мадина Асем "
    "Гаухар Айнур Индира Карлыгаш Перизат Балжан Молдир Дильназ Гульмира Жазира Анель Зарина "
    "Мария Елена Ольга Татьяна Наталья Ирина Светлана Екатерина Юлия Анастасия Дарья Оксана "
    "Александр Сергей Андрей Дмитрий Алексей Иван Михаил Николай Владимир Евгений Павел "
    "Максим Игорь Олег Виктор Артём Денис Антон"
))  # fmt: skip
# Cities and regions of Kazakhstan and its neighbours, in the names people use for them; a
# hyphened one as one word («Усть-Каменогорск»), whose first part alone, as it stands, is one
# too: a title's word is read up to a hyphen (titles.TOKEN). Not «Абай»: a name (GIVEN).
_PLACES = word_set(
    "Алматы Алма-Ата Алмата Астана Нур-Султан Нурсултан Акмола Целиноград Шымкент Чимкент "
    "Караганда Қарағанды Актобе Актюбинск Ақтөбе Тараз Джамбул Жамбыл Павлодар Өскемен "
    "Усть-Каменогорск Семей Семипалатинск Атырау Костанай Кустанай Қостанай Кызылорда Қызылорда "
    "Уральск Орал Петропавловск Петропавл Актау Ақтау Темиртау Туркестан Түркістан Кокшетау "
    "Көкшетау Талдыкорган Талдықорған Экибастуз Екібастұз Рудный Жезказган Жезқазған Жанаозен "
    "Жаңаөзен Балхаш Балқаш Байконур Қонаев Конаев Капшагай Сатпаев Степногорск Риддер Жаркент "
    "Щучинск Аксай Ақсай Мангистау Маңғыстау Жетысу Жетісу Улытау Ұлытау Москва Бишкек "
    "Ташкент Новосибирск Омск"
)  # fmt: skip
PLACES = frozenset(key for place in _PLACES for key in name_keys(place.replace("-", "")))
HYPHENED = frozenset(name_keys(place)[0] for place in _PLACES if "-" in place)
# What may follow a place's key: its case endings, stacked in Kazakh («Алматыдағы»). Letters.
PLACE_ENDING = 5
PLACE_KEY = re.compile(
    f"(?:{'|'.join(sorted(PLACES, key=len, reverse=True))})\\w{{0,{PLACE_ENDING}}}"
    f"|{'|'.join(HYPHENED)}"
)
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


# Qualifiers and adverbs a phone capitalises after a sentence it thought ended, or a writer
# for stress («…моих данных Только для рассылки», «Удалите мои данные Полностью», «Тек
# жаңалықтарға»): no one's name, where «Только» after «данных» read as whose data they were,
# someone else's, and the withdrawal went to an officer. Folded, whole words.
QUALIFIERS = frozenset(map(fold, word_set(
    "только лишь именно тоже также полностью целиком навсегда насовсем совсем вообще сразу "
    "срочно немедленно незамедлительно окончательно более даже кроме всего всё впредь отныне "
    "сегодня завтра заранее спасибо "
    "тек ғана толық толығымен барлық барлығын бәрін мүлдем енді қазір бүгін тез дереу рахмет"
)))  # fmt: skip


def capitalised(word: str) -> bool:
    """A word written with a capital that may be a name: not in capitals («ЕМ АЛУ»), nor a
    pronoun or another function word («Вас», «Ваши», «Прошу»: spelling.FUNCTION_WORDS), nor a
    qualifier (QUALIFIERS)."""
    folded = fold(word.casefold())
    return (
        word[:1].isupper()
        and not word.isupper()
        and folded not in FUNCTION_WORDS
        and folded not in QUALIFIERS
    )


def stems(key: str) -> set[str]:
    """A name word's key and the key without each case ending it may carry (ENDINGS)."""
    return {key} | {key[: -len(e)] for e in ENDINGS if key.endswith(e) and len(key) > len(e) + 1}


def name_like(key: str) -> bool:
    """Whether a word's key has a surname's or a patronymic's form, in any case."""
    return any(SURNAME.fullmatch(stem) for stem in stems(key))


@lru_cache(maxsize=256)
def own_stems(own_names: tuple[str, ...]) -> tuple[frozenset[str], ...]:
    """The stems of each word of the sender's names on record (the same for each sentence and
    rule a letter is read by: kept)."""
    return tuple(frozenset(stems(key)) for name in own_names for key in name_keys(name))


@lru_cache(maxsize=4096)
def a_place(word: str) -> bool:
    """Whether `word` is a place's name (PLACES) in any case: «Өскемен», «Алматыдан»."""
    return any(PLACE_KEY.fullmatch(key) for key in name_keys(word))


def a_person(word: str, own: tuple[frozenset[str], ...] = ()) -> bool:
    """Whether `word` is a person's name in any case: a surname's or a patronymic's form, a
    given name (GIVEN), or a word of the sender's own names on record (`own`: own_stems)."""
    return any(
        name_like(key) or stems(key) & GIVEN or any(stems(key) & mine for mine in own)
        for key in name_keys(word)
    )


def abbreviated(token: str) -> bool:
    """Whether a word's first part is in capitals, or a part has a capital inside (CHANNELS)."""
    parts = [part for part in PART.split(token) if part]
    if parts and len(parts[0]) > 1 and parts[0].isupper():
        return True
    return any(part[1:] != part[1:].lower() for part in parts)


def channel(word: str) -> bool:
    """A channel's name with any ending («Телеграмға»); not its hyphened parts («sms-ka»)."""
    named = [channel for channel in CHANNELS if len(channel) > 2]
    return any(key.startswith(channel) for key in name_keys(word) for channel in named)
