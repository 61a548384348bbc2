"""How a person's name is compared with what an officer types at the desk (the people's search,
rights/admin/people.py): a name heard on the phone or read from a passport is written in
whichever alphabet the officer or the person had at hand. «Қасымова» is «Касымова» on a keyboard
without Kazakh letters, «Qasymova» in the 2021 Kazakh Latin alphabet, «Kasymova» or «Kassymova»
in a passport; «Жанар» is «Zhanar» or «Janar»; «Бақытжан» is «Bakhytzhan»; «Фёдор Сергеев» is
«Fyodor Sergeyev» or «Fedor Sergeev».

Each is reduced to one key, the same for all its spellings: the stored name's is kept beside it
(`Subject.name_key`, written by `Subject.save()`, so that the search is a plain comparison of a
short column, 100,000 people a sequential scan of milliseconds), the typed words' is made as they
are searched (`name_keys`). One function makes both, word by word:

Before the words are told apart, an accent NFKC leaves without a letter of its own is dropped (a
stress mark, «Ка́сымова»: it split the word in two);

0. a word of Cyrillic letters with a Latin one among them reads the Latin one as the Cyrillic it
   looks like (`common.lookalikes`: a Latin «C» or «i» a keyboard's layout left in the word);
1. `LETTERS`: casefolded, every Latin and Cyrillic letter as a Cyrillic one, Kazakh letters as the
   Russian letters typed for them (қ as к, і as и, ...), the letters Latin spellings do not tell
   apart made one (и, й, ы, і, i, y; е, ё, э), the soft and hard signs dropped («Ольга»), as
   apostrophes are («Ol'ga»), and any other sign between words (a hyphen, a comma, quotes);
2. `SEQUENCES`: what Latin writes with two letters as the one letter it stands for (sh, zh, ch,
   kh, gh, ts: «сх» is ш, ...), я and ю as the и and а, и and у Latin writes for them, х as к
   (Kazakh қ is written «kh» in passports: «Bakhytzhan»), «ие» and «ио» as е («Sergeyev»,
   «Yerlan», «Fyodor»);
3. a letter written twice as once («Kassymova», «Assel», «Мариия»).

The key is coarse on purpose: two different names may share one («Хан», «Кан»), and the officer
reads the list; a spelling that missed the person would let the officer conclude that nothing
is held about them.
"""

import re
import unicodedata

from consent.common.lookalikes import LOOKALIKES

_LATIN = {
    "a": "а", "b": "б", "c": "ц", "d": "д", "e": "е", "f": "ф", "g": "г", "h": "х", "i": "и",
    "j": "ж", "k": "к", "l": "л", "m": "м", "n": "н", "o": "о", "p": "п", "q": "к", "r": "р",
    "s": "с", "t": "т", "u": "у", "v": "в", "w": "в", "x": "x", "y": "и", "z": "з",
    # Kazakh's Latin alphabets (2021, 2018, 1929) and what passports and other languages add
    "ä": "а", "á": "а", "à": "а", "â": "а", "ə": "а", "é": "е", "è": "е", "ë": "е", "ê": "е",
    "ğ": "г", "ǵ": "г", "ƣ": "г", "ı": "и", "í": "и", "ì": "и", "î": "и", "ï": "и", "ñ": "н",
    "ń": "н", "ŋ": "н", "ö": "о", "ó": "о", "ò": "о", "ô": "о", "ɵ": "о", "ş": "ш", "š": "ш",
    "ç": "ч", "č": "ч", "ž": "ж", "ü": "у", "ú": "у", "ù": "у", "û": "у", "ū": "у", "ű": "у",
    "ý": "у",
}  # fmt: skip
_CYRILLIC = dict(zip(
    "абвгдежзийклмнопрстуфхцчшщыэюя" "әғқңөұүһіё",
    "абвгдежзииклмнопрстуфхцчшшиеюя" "агкноуухие",
    strict=True,
))  # fmt: skip
_DROPPED = "ъь\u0307"  # the signs; the dot «İ» leaves when casefolded


# Of a casefolded word; «x» stays, to become «кс» below.
LETTERS = str.maketrans(_LATIN | _CYRILLIC | dict.fromkeys(_DROPPED))
SEQUENCES = [
    ("x", "кс"), ("я", "иа"), ("ю", "иу"),
    ("сх", "ш"), ("зх", "ж"), ("цх", "ч"), ("гх", "г"), ("шч", "ш"), ("тс", "ц"), ("х", "к"),
    ("ие", "е"), ("ио", "е"),
]  # fmt: skip
DOUBLED = re.compile(r"(.)\1+")

_WORD = re.compile(r"[^\W_]+")
_APOSTROPHES = str.maketrans(dict.fromkeys("'’ʼ`"))
_CYRILLIC_LETTER = re.compile(r"[\u0400-\u04ff]")
_LATIN_LETTER = re.compile(r"[A-Za-z]")


def name_keys(text: str) -> list[str]:
    """The key of each word of a name, or of the words typed to find one (see the module)."""
    keys = []
    # Words as letters and digits: a name pasted with the comma or the quotes of its sentence
    # («Қасымова, Әсел») or written with a hyphen («Қасымова-Жақсыбекова») is its words; an
    # apostrophe inside one («Ol'ga») is no break.
    # NFKC: a name stored before names were folded (common.text.clean_name), «Ａｓｅｌ» or «𝐀𝐬𝐞𝐥»,
    # is found by «Asel», and the reverse.
    # An accent over a letter that has no letter of its own with it (a stress mark, «Ка́сымова»,
    # as Russian texts and dictionaries write names) is no break: it split the word in two keys,
    # and the desk's search for «Касымова» missed the person who wrote it so, and the reverse.
    text = unicodedata.normalize("NFKC", text or "").translate(_APOSTROPHES)
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Mn")
    for word in _WORD.findall(text):
        if _CYRILLIC_LETTER.search(word) and _LATIN_LETTER.search(word):
            word = word.translate(LOOKALIKES)
        word = word.casefold().translate(LETTERS)
        for old, new in SEQUENCES:
            word = word.replace(old, new)
        keys.append(DOUBLED.sub(r"\1", word))
    return [key for key in keys if key]


def name_key(text: str) -> str:
    """What `Subject.name_key` holds for a name: its words' keys, one space between them (a
    word typed is found inside one, not across two)."""
    return " ".join(name_keys(text))
