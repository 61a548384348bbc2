"""How the intake reads a word (compliance L7): casefolded, ё as е, punctuation and quotes gone;
Kazakh letters compared with the Russian letters people type for them without a Kazakh keyboard
(і as и, ң as н, қ as к, ...); a word in Latin letters read as the Cyrillic one it stands for
(translit.py); and the function words (prepositions, pronouns, "please") left out. Phrases are
matched over these words in phrases.py; the language is read from them in language.py.
"""

import re
import unicodedata
from functools import lru_cache, wraps

from consent.common.lookalikes import LOOKALIKES

from . import translit

KAZAKH_LETTERS = frozenset("әғқңөұүһі")
# What a Kazakh letter is typed as without a Kazakh keyboard; ё is written е as often as not.
KAZAKH_TYPED, TYPED_AS = "әғқңөұүһіё", "агкноуухие"
FOLD = str.maketrans(KAZAKH_TYPED, TYPED_AS)
# я and ю after a vowel are й and а, й and у, as Latin writes them («joiu» is «жою», «soglasiia»
# «согласия»): the Kazakh infinitive «жою» is then the stem «жой» and -у, like «алу».
IOTATED = re.compile(r"(?<=[аеиоуыэюя])([яю])")


def short_words_kept(read):
    """`read` (a function of one word) remembered for words of up to SHORT letters: a letter's
    words repeat, within it and from one letter to the next, and each line is read again for
    each question the intake asks of it. A longer one, rare and as long as a letter may be, is
    read each time: kept, a few such letters would fill the memory."""
    kept = lru_cache(maxsize=1 << 16)(read)

    @wraps(read)
    def reading(word):
        return kept(word) if len(word) <= SHORT else read(word)

    return reading


SHORT = 64


@short_words_kept
def fold(word: str) -> str:
    """A word as compared: Kazakh letters as typed without a Kazakh keyboard (FOLD), я and ю
    after a vowel as й and а, й and у (IOTATED)."""
    return IOTATED.sub(lambda m: "йа" if m[1] == "я" else "йу", word.translate(FOLD))


CYRILLIC = re.compile(r"[а-яёәғқңөұүһі]")
WORD = re.compile(r"[^\W_]+")


# A link or an email address written in a letter (compliance L7, L15): a scheme and «://», «www.»,
# or a run of non-spaces with an «@» inside. Each begins only where a run of its letters does,
# so a long run without one is read once, not once from each of its letters (its square).
WRITTEN_ADDRESS = re.compile(
    r"(?<![a-z0-9+.-])[a-z][a-z0-9+.-]*+://\S*|\bwww\.\S*|(?<!\S)\S(?=\S*?@\S)\S*", re.IGNORECASE
)
# The marks closing a link are the sentence's: «…?t=abc.», «(https://…)», «<…?x=1>», «…kz?».
LINK_CLOSED = ".,;:!?)]}>»\"'“”…"


def unlinked(text: str) -> str:
    """`text` with each link and email address written in it blanked, its words' places kept:
    what is read as the letter's own words (a brand's title, a question's «?» or a sentence's
    «.») is not in one; the marks after it are the sentence's (LINK_CLOSED)."""
    if "@" not in text and "://" not in text and "www." not in text.lower():
        return text  # most letters hold none: three scans, far cheaper than the pattern's
    return WRITTEN_ADDRESS.sub(_blanked, text)


def _blanked(link: re.Match) -> str:
    written = link[0].rstrip(LINK_CLOSED)
    return " " * len(written) + link[0][len(written) :]


def word_set(text: str) -> frozenset[str]:
    """The words of a list written as one string, separated by spaces."""
    return frozenset(text.split())


# Words that carry no request: left out of phrases and texts alike, so that «отказ от рассылки»
# also matches «отказаться от вашей рассылки». "не" is not among them (see BLOCKERS).
FUNCTION_WORDS = word_set(
    # Russian
    "и а в во на о об от из с со по к ко за для у же бы ли "
    "я мы мне меня мой моя мое мои моих моим моей мою мною свой свое свои своих свою своей "
    "вы вас вам ваш ваша ваше ваши вашей вашу ваших вашего всех все весь "
    "прошу пожалуйста также еще это больше "
    # Kazakh (folded, see FOLD)
    "мен жане да де та те менин маган мени сиз сизден сиздин сизге биз бизге бизди "
    "отинемин сураймын рахмет "
    # English
    "the a an to of from me my please i"
)
FUNCTION_WORDS = frozenset(map(fold, FUNCTION_WORDS))
# A phrase right after these words, or with one of them between its words, names no request:
# «я не отписывалась от рассылки», «почему вы прекратили присылать рассылку?», «как отозвать
# согласие?», «келісімді қалай қайтарып алуға болады?». The mailbox is the operator's general
# address, so complaints and questions arrive there too, and a withdrawal or an unsubscribe from
# an address on record takes effect as it arrives: a question must not. (Folded, see FOLD.)
# English says «not» as Russian «не»: «please do not delete my data», «I don't withdraw».
BLOCKERS = frozenset({"не", "ни", "почему", "зачем", "как", "каким", "неге", "калай", "why", "how",
                      "not", "dont", "didnt", "never"})  # fmt: skip
# A word in the Kazakh ablative, «from»: «тізімнен», «рассылкадан», «Кинопоисктен» (-дан, -ден,
# -тан, -тен, -нан, -нен), folded. Read whole (fullmatch) by every rule that asks from what.
ABLATIVE = re.compile(r"\w+[дтн][ае]н")
# English words kept as written rather than read as transliterated: those the rules name, and
# common ones that would read as Russian or Kazakh words («no» as «но», «was» as «вас»), and
# the words of a polite English question (asking.POLITE_ENGLISH: «Can you stop emailing me?»).
# Not «men» and «bar», Kazakh's «I» and «there is» in Latin letters far more often than English
# words: kept, «Men turaly qandai derekter saqtalğan?», «…mälimetter bar?» asked for nothing.
ENGLISH = frozenset(word for word in FUNCTION_WORDS | BLOCKERS if word.isascii()) | word_set(
    "no so by was be can could would will you mine myself it them"
)


# Marks that stand inside a word without ending it: a soft hyphen (Word's optional hyphen, HTML's
# «&shy;», pasted with the text: «Отпи\u00adшите» read as «отпи» and «шите»), the joiners.
INSIDE_WORDS = dict.fromkeys(map(ord, "\u00ad\u200c\u200d\u2060\ufeff"))


def words(text: str) -> list[str]:
    """The words of `text`: casefolded, ё as е, without punctuation or quotes; a Latin letter
    that looks Cyrillic, inside a Cyrillic word, read as the Cyrillic one; a word in Latin
    letters as the Cyrillic one it stands for (translit.py: Kazakh's Latin alphabets, Kazakh
    and Russian transliterated), but for the English words the rules below name."""
    # NFC, so that a letter and its marks are one; «İ» casefolds to i and a combining dot.
    text = unicodedata.normalize("NFC", text or "")
    if _INSIDE_MARK.search(text):  # a scan, far cheaper than a translation
        text = text.translate(INSIDE_WORDS)
    text = translit.without_apostrophes(text)
    return _auxiliaries_joined([_word(written) for written in WORD.findall(text)])


_INSIDE_MARK = re.compile(f"[{''.join(map(chr, INSIDE_WORDS))}]")


@short_words_kept
def _word(written: str) -> str:
    """One word of words(), as written, read."""
    word = written.casefold().replace("\u0307", "")
    if CYRILLIC.search(word) and translit.LATIN_RUN.search(word):
        # Mostly Cyrillic: a Latin letter in it looks like the Cyrillic one, read before
        # casefolding, since a capital M, H, B or T looks Cyrillic, its small letter not
        # («Mожно ли удалить»); the Latin letters left are read as translit reads them
        # («jaзылымнан»). Mostly Latin: Latin text with a Kazakh keyboard's letters in it
        # («Menіñ derekterіmdі öşіrіñіz»), its Latin letters read so (translit.mixed).
        latin_letters = sum(len(run) for run in translit.LATIN_RUN.findall(word))
        if 2 * latin_letters <= len(CYRILLIC.findall(word)) + latin_letters:
            word = written.translate(LOOKALIKES).casefold()
        word = translit.mixed(word)
    elif translit.latin(word) and word not in ENGLISH:
        word = translit.to_cyrillic(word)
    return word.replace("ё", "е")


# Kazakh says «keep doing» with a converb and an auxiliary, and negates the auxiliary: «хабарлама
# жібере бермеңдер» (stop sending messages), «хат жаза көрмеңіз» (never write). Read as the verb
# negated itself («жібермеңдер»): read apart, the phrase's «жібермеу» found a «жібере» that is not
# negated and a «бермеңдер» that sends nothing. The converb ends in -а or -е, not in a dative's
# -ға, -ге, -қа, -ке, -на, -не, -ма («үшінші тарапқа бермеңіз», «анама бермеңіз»: do not hand
# it over), nor in a noun's -ма, -ба, -па («жарнама», «ескертпе»).
NEGATED_AUXILIARY = re.compile(r"(бер|көр|кор)(ме|ма)(\w*)")
CONVERB = re.compile(r"\w{2,}[^аеәоөұүыіуияюгғкқмбпн][ае]")
BACK_VOWELS, VOWELS = set("аоұуы"), set("аеәоөұүыіиуэюя")
TO_BACK, TO_FRONT = str.maketrans("еіөү", "аыоұ"), str.maketrans("аыоұ", "еіөү")


def _auxiliaries_joined(found):
    joined = []
    for word in found:
        negated = NEGATED_AUXILIARY.fullmatch(word)
        if negated and joined and CONVERB.fullmatch(joined[-1]):
            joined[-1] = _negated(joined[-1][:-1], negated[3])
        else:
            joined.append(word)
    return joined


def _negated(stem, ending):
    """A verb stem negated as Kazakh does: -ма/-ме after a vowel, р, й, у, л; -ба/-бе after м, н,
    ң, з, ж; -па/-пе after the other consonants («жібер-ме», «жаз-ба», «айт-па»)."""
    last = stem[-1]
    back = next((letter in BACK_VOWELS for letter in reversed(stem) if letter in VOWELS), False)
    initial = "м" if last in VOWELS or last in "рйул" else "б" if last in "мнңзж" else "п"
    # The auxiliary's ending in the stem's vowel harmony («жаз-ба-ңыз», not «-ңіз»).
    ending = ending.translate(TO_BACK if back else TO_FRONT)
    return f"{stem}{initial}{'а' if back else 'е'}{ending}"


def normalise(text: str) -> str:
    """The text as the intake compares it: its words, single spaces."""
    return " ".join(words(text))


@lru_cache(maxsize=8192)
def key_words(text: str) -> tuple[str, ...]:
    """The words that matter for matching: folded (і as и, ...), function words left out.
    Kept for the texts read again: every phrase of the table at each letter (intake.active_phrases),
    a letter's lines for each question asked of it."""
    folded = (fold(word) for word in words(text))
    return tuple(word for word in folded if word not in FUNCTION_WORDS)


def common_prefix(a, b):
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def one_slip(a, b):
    """One slip of the hand: a wrong letter, two neighbours swapped, or a doubled letter written
    once or a letter doubled («расылки», «рассылкки»). Not any missing letter: in Kazakh one
    missing syllable letter is the negation («келмейді» / «келеді»)."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    i = common_prefix(a, b)
    if len(a) == len(b):
        wrong_letter = a[i + 1 :] == b[i + 1 :]
        swapped = a[i : i + 2] == b[i : i + 2][::-1] and a[i + 2 :] == b[i + 2 :]
        return wrong_letter or swapped
    longer, shorter = (a, b) if len(a) > len(b) else (b, a)
    doubled = i > 0 and longer[i] == longer[i - 1]
    return doubled and longer[i + 1 :] == shorter[i:]


def doubled_slip(phrase_word: str, word: str, same) -> bool:
    """Whether `word` is `phrase_word` with a doubled letter of it written once, and `same` (the
    phrase's rule of one word) takes it with the pair written whole: «даных», «даные» for
    «данных», the commonest Russian slip beside an unstressed vowel's, in words too short for
    one_slip's, so that «Удаление персональных даных» opened "other". The word goes on past the
    pair as the phrase's does, so a name that begins so is not it: «Данияр» is no «данных»."""
    at = common_prefix(phrase_word, word)
    if not 0 < at < len(phrase_word) - 1 or phrase_word[at] != phrase_word[at - 1]:
        return False
    whole = word[:at] + phrase_word[at] + word[at:]
    return common_prefix(phrase_word, whole) > at + 1 and same(phrase_word, whole)
