"""Kazakh and Russian written in Latin letters, read as the Cyrillic the intake's phrases are
written in (spelling.py): Kazakh's Latin alphabets (the 2021 one with diacritics, «meniñ
derekterimdi joiyñyz»; the 2018 one with acute accents, «tarátyńyz»; the 1929 one's ə, ŋ),
Kazakh typed without them the way Russian is transliterated («menin derekterimdi zhoiynyz»),
and Russian transliterated («otpishite menya ot rassylki», «soglasiia», «dannyh»).

Each Latin letter becomes the Cyrillic letter it stands for, a Kazakh one as the Russian letter
people type for it without a Kazakh keyboard (spelling.FOLD: қ as к, ң as н, і as и, ...), so a
word compares with a phrase as if typed in Cyrillic. What the alphabets write alike is read
alike: «i» (и, й or і) is й after a vowel and и elsewhere; «y» (ы, or й after a vowel in
Russian) likewise; «j» is ж (Kazakh) but й after a vowel and я, ю after a consonant before a,
u (Russian: «otzyvaju», «menja»); «c» ц, «h» and «kh» х, «gh» ғ, «sh» ш, «ch» ч, «zh» ж, «ya»
я, «yu» ю. A letter it does not know keeps its base letter, without its marks. A word of Latin
and Cyrillic letters has its Latin ones read so (mixed).
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
DIGRAPHS = re.compile(r"shch|sh|ch|zh|kh|gh|ya|yu|yo")
DIGRAPH = {"shch": "щ", "sh": "ш", "ch": "ч", "zh": "ж", "kh": "х", "gh": "г", "ya": "я",
           "yu": "ю", "yo": "е"}  # fmt: skip
IOTATED_J = {"a": "я", "u": "ю", "o": "е"}  # «ja», «ju», «jo» after a consonant
VOWELS = frozenset("аеиоуыэюяёәіөұү")  # after one of these, i and y are й
# Letters of Kazakh's Latin alphabets. Most are other languages' too: German writes ä, ö, ü
# («Bitte löschen Sie meine Daten»), Turkish ğ, ı, ö, ü, Spanish ñ, Czech ú, ý, Polish ń, ó: alone
# they tell no language (language.py reads them beside Kazakh words). Only the 1929 alphabet's
# and the 2018 one's letters below no other language in use writes.
KAZAKH_LATIN = frozenset("äğǵıñńŋöóūüúýəɵƣ")
KAZAKH_ONLY_LATIN = frozenset("ǵŋəɵƣ")
# The marks typed for an apostrophe; one inside a word (between two letters) is dropped.
APOSTROPHE_MARKS = "'’ʼ`"
APOSTROPHES = re.compile(rf"(?<=[^\W\d_])[{APOSTROPHE_MARKS}](?=[^\W\d_])")
# A run of Latin letters inside a word that has Cyrillic ones too (mixed).
LATIN_RUN = re.compile(r"([^\W\d_\u0400-\u04ff]+)")


def latin(word: str) -> bool:
    """Whether a word (casefolded) is written in Latin letters: a letter and no Cyrillic one."""
    return bool(_LETTER.search(word)) and not _CYRILLIC_BLOCK.search(word)


_LETTER, _CYRILLIC_BLOCK = re.compile(r"[^\W\d_]"), re.compile(r"[\u0400-\u04ff]")


def without_apostrophes(text: str) -> str:
    """Apostrophes inside words gone: a Russian soft sign («otpisat'sya»), the 2017 Kazakh
    alphabet's marks («men'in»), one word each, not two."""
    if not _APOSTROPHE.search(text):  # a scan for the mark alone, far cheaper than the pattern
        return text
    return APOSTROPHES.sub("", text)


_APOSTROPHE = re.compile(f"[{APOSTROPHE_MARKS}]")


def mixed(word: str) -> str:
    """A casefolded word of Latin and Cyrillic letters as all Cyrillic: each run of Latin letters
    read as to_cyrillic reads it, after the letter before it. People type Kazakh letters in Latin
    text with the Kazakh keyboard's «і», «ң», «ө» («Menіñ derekterіmdі öşіrіñіz», «shygaryңyz»),
    or switch the layout mid-word («jaзылымнан»)."""
    parts = LATIN_RUN.split(word)
    out = ""
    for at, part in enumerate(parts):
        out += to_cyrillic(part, before=out[-1:]) if at % 2 else part
    return out


def to_cyrillic(word: str, before: str = "") -> str:
    """A casefolded Latin word as the Cyrillic word it stands for (see the module); `before`,
    the Cyrillic letter it follows inside a word (mixed)."""
    # «İ» casefolds to i and a combining dot; other marks it does not know are dropped.
    word = unicodedata.normalize("NFC", word.replace("\u0307", ""))
    out = list(before)
    i = 0
    while i < len(word):
        letter = word[i]
        after_vowel = bool(out) and out[-1] in VOWELS  # as read: «zhoyy» is жойы, not жойй
        digraph = DIGRAPHS.match(word, i)
        if digraph:
            out.append(DIGRAPH[digraph[0]])
            i += len(digraph[0])
            continue
        if letter == "j" and (after_vowel or (out and word[i + 1 : i + 2] in IOTATED_J)):
            # Russian written the German or ISO way: «otzyvaju», «pozhalujsta», «menja»; Kazakh's
            # ж («jіberіñіz», «jazylym») begins its words or follows a consonant before ы, і.
            if after_vowel:
                out.append("й")
            else:
                out.append(IOTATED_J[word[i + 1]])
                i += 1
            i += 1
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
    return "".join(out)[len(before) :]
