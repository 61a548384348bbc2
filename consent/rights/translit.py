"""Kazakh and Russian written in Latin letters, read as the Cyrillic the intake's phrases are
written in (spelling.py): Kazakh's Latin alphabets (the 2021 one with diacritics, «meniñ
derekterimdi joiyñyz»; the 2018 one with acute accents, «tarátyńyz»; the 1929 one's ə, ŋ),
Kazakh typed without them the way Russian is transliterated («menin derekterimdi zhoiynyz»),
and Russian transliterated («otpishite menya ot rassylki», «soglasiia», «dannyh»).

Each Latin letter becomes the Cyrillic letter it stands for, a Kazakh one as the Russian letter
people type for it without a Kazakh keyboard (spelling.FOLD: қ as к, ң as н, і as и, ...), so a
word compares with a phrase as if typed in Cyrillic. What the alphabets write alike is read
alike: «i» (и, й or і) is й after a vowel and и elsewhere; «y» (ы, or й after a vowel in
Russian) likewise; «j» is ж (Kazakh), «c» ц, «h» and «kh» х, «sh» ш, «ch» ч, «zh» ж, «ya» я,
«yu» ю. A letter it does not know keeps its base letter, without its marks.
"""

import re
import unicodedata

# One letter each, folded as spelling.FOLD folds the Kazakh Cyrillic letters.
LETTERS = str.maketrans({
    "a": "а", "ä": "а", "á": "а", "ə": "а", "b": "б", "c": "ц", "ç": "ч", "č": "ч", "d": "д",
    "e": "е", "é": "е", "è": "е", "ë": "е", "f": "ф", "g": "г", "ğ": "г", "ǵ": "г", "ƣ": "г",
    "h": "х", "j": "ж", "k": "к", "l": "л", "m": "м", "n": "н", "ñ": "н", "ń": "н", "ŋ": "н",
    "o": "о", "ö": "о", "ó": "о", "ɵ": "о", "p": "п", "q": "к", "r": "р", "s": "с", "ş": "ш",
    "š": "ш", "t": "т", "u": "у", "ü": "у", "ú": "у", "ū": "у", "ý": "у", "ű": "у", "v": "в",
    "w": "в", "x": "х", "z": "з", "ž": "ж",
})  # fmt: skip
# Letters before the single ones: ş, ç and the 2018 alphabet's sh, ch; «shch» before «sh».
DIGRAPHS = re.compile(r"shch|sh|ch|zh|kh|ya|yu|yo")
DIGRAPH = {"shch": "щ", "sh": "ш", "ch": "ч", "zh": "ж", "kh": "х", "ya": "я", "yu": "ю",
           "yo": "е"}  # fmt: skip
VOWELS = frozenset("аеиоуыэюяё")  # after one of these, i and y are й
# Letters of Kazakh's Latin alphabets. Most are other languages' too: German writes ä, ö, ü
# («Bitte löschen Sie meine Daten»), Turkish ğ, ı, ö, ü, Spanish ñ, Czech ú, ý, Polish ń, ó: alone
# they tell no language (language.py reads them beside Kazakh words). Only the 1929 alphabet's
# and the 2018 one's letters below no other language in use writes.
KAZAKH_LATIN = frozenset("äğǵıñńŋöóūüúýəɵƣ")
KAZAKH_ONLY_LATIN = frozenset("ǵŋəɵƣ")
APOSTROPHES = re.compile(r"(?<=[^\W\d_])['’ʼ`](?=[^\W\d_])")


def latin(word: str) -> bool:
    """Whether a word (casefolded) is written in Latin letters: a letter and no Cyrillic one."""
    return bool(re.search(r"[^\W\d_]", word)) and not re.search(r"[\u0400-\u04ff]", word)


def without_apostrophes(text: str) -> str:
    """Apostrophes inside words gone: a Russian soft sign («otpisat'sya»), the 2017 Kazakh
    alphabet's marks («men'in»), one word each, not two."""
    return APOSTROPHES.sub("", text)


def to_cyrillic(word: str) -> str:
    """A casefolded Latin word as the Cyrillic word it stands for (see the module)."""
    # «İ» casefolds to i and a combining dot; other marks it does not know are dropped.
    word = unicodedata.normalize("NFC", word.replace("\u0307", ""))
    out = []
    i = 0
    while i < len(word):
        letter = word[i]
        after_vowel = bool(out) and out[-1] in VOWELS  # as read: «zhoyy» is жойы, not жойй
        digraph = DIGRAPHS.match(word, i)
        if digraph:
            out.append(DIGRAPH[digraph[0]])
            i += len(digraph[0])
            continue
        if letter in "iı":
            out.append("й" if after_vowel else "и")
        elif letter == "y":
            # Russian «moy», «novyy», «zdravstvuyte»; Kazakh writes й as i, and ы after a vowel
            # («auyl») is rare, and after a word's stem where a phrase no longer looks.
            out.append("й" if after_vowel else "ы")
        else:
            base = letter.translate(LETTERS)
            if base == letter:  # a letter with marks it does not know: its base letter
                stripped = unicodedata.normalize("NFD", letter)[0]
                base = stripped.translate(LETTERS)
            out.append(base)
        i += 1
    return "".join(out)
