"""Recognising a request in what people write (compliance L7): phrases matched as words, in
Kazakh and Russian, and the language a message is written in. Pure text functions; the phrases
themselves are rows of `IntakePhrase` (models.py), which staff extend in the admin, and the mail
around them is read by intake.py.

How a phrase matches a text: both are normalised (casefold, ё as е, punctuation and quotes gone,
single spaces), Kazakh letters are compared with the Russian letters people type for them when
they have no Kazakh keyboard (і as и, ң as н, қ as к, ...), and function words (prepositions,
pronouns, "please") are left out. Then the phrase's words must appear in the text in order, each
at most GAP words after the one before. Two words are the same word when they are equal, when
they share a beginning long enough to be one stem with different endings (Russian inflection,
Kazakh suffixes: «рассылки» / «рассылку», «хабарламалардан» / «хабарламаларды»), or, for long
words, when the stem differs by one typing slip. Nothing matches inside another word: matching
always starts at a word's first letter.
"""

import math
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from . import translit

KAZAKH_LETTERS = frozenset("әғқңөұүһі")
# What a Kazakh letter is typed as without a Kazakh keyboard; ё is written е as often as not.
KAZAKH_TYPED, TYPED_AS = "әғқңөұүһіё", "агкноуухие"
FOLD = str.maketrans(KAZAKH_TYPED, TYPED_AS)
# я and ю after a vowel are й and а, й and у, as Latin writes them («joiu» is «жою», «soglasiia»
# «согласия»): the Kazakh infinitive «жою» is then the stem «жой» and -у, like «алу».
IOTATED = re.compile(r"(?<=[аеиоуыэюя])([яю])")


def fold(word: str) -> str:
    """A word as compared: Kazakh letters as typed without a Kazakh keyboard (FOLD), я and ю
    after a vowel as й and а, й and у (IOTATED)."""
    return IOTATED.sub(lambda m: "йа" if m[1] == "я" else "йу", word.translate(FOLD))


# Latin letters that look like Cyrillic ones, typed inside a Cyrillic word (a Latin i for і).
LOOKALIKES = str.maketrans(LATIN_LOOKS := "aeopcxyki", "аеорсхукі")
# Both folded, in both cases, as the desk's search of people by name compares (admin/people.py).
_FROM, _TO = LATIN_LOOKS + KAZAKH_TYPED, "аеорсхуки" + TYPED_AS
SEARCH_FOLD = (_FROM + _FROM.upper(), _TO + _TO.upper())
CYRILLIC = re.compile(r"[а-яёәғқңөұүһі]")
LATIN = re.compile(r"[a-z]")
WORD = re.compile(r"[^\W_]+")
# Words that carry no request: left out of phrases and texts alike, so that «отказ от рассылки»
# also matches «отказаться от вашей рассылки». "не" is not among them (see BLOCKERS).


def _word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


FUNCTION_WORDS = _word_set(
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
BLOCKERS = frozenset({"не", "ни", "почему", "зачем", "как", "каким", "неге", "калай", "why", "how"})
# English words kept as written rather than read as transliterated: those the rules name, and
# common ones that would read as Russian or Kazakh words («no» as «но», «was» as «вас»).
ENGLISH = frozenset(word for word in FUNCTION_WORDS | BLOCKERS if word.isascii()) | _word_set(
    "no so by was be men bar"
)
# Kazakh negates a verb inside it: «тартамын» / «тартпаймын», «жіберіңіз» / «жібермеңіз». A
# phrase's verb (in the infinitive, ending in -у) and a word that part where one of them has a
# negation syllable are different words. Nouns are left alone: «хабарлама» is made with -ма too.
NEGATION_SYLLABLES = ("ма", "ме", "ба", "бе", "па", "пе")
# A Kazakh verb made of a converb and an auxiliary is negated in the auxiliary: «қайтарып
# алмаймын» (I will not take back) is «қайтарып алу» denied. An auxiliary right after a phrase,
# negated (folded, see FOLD), makes the phrase no request.
NEGATED_AUXILIARY = re.compile(r"^(ал|бер|жибер|таста|кой|сал|шыгар|кет)(ма|ме|ба|бе|па|пе)")
# Words that name someone else the letter is about: «удалите данные моей дочери», «ұлымның
# деректерін жойыңыз», «otpishite muzha». What it asks is not the sender's own request, and is
# for an officer to read rather than carried out on the sender's record (a parent may act for a
# minor, once checked). Russian in every form people write; Kazakh with «my» (-ым, -ім, -м) and
# then nothing, the genitive, the accusative or the dative («ұлым», «ұлымның», «ұлымды», «ұлыма
# қатысты»; «балама» only as "alternative"); a Russian word for children in general only beside
# «my», «our» (MY): «курсы для детей» asks nothing about a child. Folded, see FOLD.
OTHER_PERSON = _word_set(
    "сын сына сыну сыном сыне сыновья сыновей дочь доч дочери дочерью дочерей дочка дочки дочке "
    "дочку мать матери мама мамы маме маму отец отца отцу папа папы папе муж мужа мужу жена жены "
    "жене жену брат брата брату сестра сестры сестре сестру бабушка бабушки дедушка дедушки внук "
    "внука внучка внучки атынан"
)
CHILDREN = _word_set("ребенок ребенка ребенку ребенком ребенке дети детей детям детьми")
MY = frozenset(map(fold, _word_set("мой моя мое моего моей моему мою моим моих моими моем наш "
                                    "наша наше нашего нашей нашему нашу нашим наших нашими "
                                    "нашем")))  # fmt: skip
OTHER_PERSON_KAZAKH = re.compile(
    r"(улы|кызы|балалары|ана|аке|куйеуи|айели|ага|ини|апа|синли|карындасы|немере)м"
    r"(нын|нин|ды|ди|а|е)?|балам(нын|нин|ды|ди)?"
)
LANGUAGE_SAMPLE = 20_000  # characters read for the language: enough for any letter
SLIP_MIN_LENGTH = 8  # letters of a phrase word that may be matched with a slip in it
GAP = 2  # words allowed between two words of a phrase («отказ от получения рекламных рассылок»)
# Evidence of Russian in a text: common words Kazakh does not use. Kazakh evidence is any word
# with a Kazakh-only letter, and the words and stems below (folded), which need none of them
# («Хабарламалардан бас тарту» has no Kazakh-only letter).
RUSSIAN_WORDS = _word_set(
    "и в во не на я что с со по от из к у о об для меня мне мои моих мой моя моё мое моей "
    "прошу пожалуйста здравствуйте добрый день спасибо уважением данных данные персональных "
    "это как вы вас ваш вашей ваших вам был была были бы но или если чтобы при же уже больше "
    "хочу можно нужно есть нет все всех также мою свои своё свое новый новая номер а когда где "
    "сколько какой какие какая почему зачем вопрос"
)
KAZAKH_WORDS = _word_set(
    "мен жане туралы бойынша ушин маган менин мени сиз сизге сиздин биз бизге рахмет салем "
    "салеметсиз саламатсыз бе ба ма ме па пе жок емес керек бар осы бул мына жеке алу бас "
    "тарту кайтарып кери"
)
KAZAKH_STEMS = (
    "деректер", "хабарлама", "келисим", "жанарт", "кайтар", "тартам", "отиниш", "отинем",
    "сурайм", "жазылым", "таратылым", "озгерт", "тузет", "жибер", "шыгар", "салемет", "нактыл",
)  # fmt: skip


def words(text: str) -> list[str]:
    """The words of `text`: casefolded, ё as е, without punctuation or quotes; a Latin letter
    that looks Cyrillic, inside a Cyrillic word, read as the Cyrillic one; a word in Latin
    letters as the Cyrillic one it stands for (translit.py: Kazakh's Latin alphabets, Kazakh
    and Russian transliterated), but for the English words the rules below name."""
    found = []
    # NFC, so that a letter and its marks are one; «İ» casefolds to i and a combining dot.
    text = unicodedata.normalize("NFC", text or "").casefold().replace("\u0307", "")
    text = translit.without_apostrophes(text)
    for word in WORD.findall(text):
        if CYRILLIC.search(word) and LATIN.search(word):
            word = word.translate(LOOKALIKES)
        elif translit.latin(word) and word not in ENGLISH:
            word = translit.to_cyrillic(word)
        found.append(word.replace("ё", "е"))
    return found


def normalise(text: str) -> str:
    """The text as the intake compares it: its words, single spaces."""
    return " ".join(words(text))


def key_words(text: str) -> tuple[str, ...]:
    """The words that matter for matching: folded (і as и, ...), function words left out."""
    folded = (fold(word) for word in words(text))
    return tuple(word for word in folded if word not in FUNCTION_WORDS)


@lru_cache(maxsize=65536)
def same_word(phrase_word: str, word: str) -> bool:
    """Whether `word` (from a text) is `phrase_word` in another form, or with one slip."""
    if phrase_word == word:
        return True
    parting = _common_prefix(phrase_word, word)
    if (
        phrase_word.endswith("у")
        and parting >= 2
        and (phrase_word[parting : parting + 2] in NEGATION_SYLLABLES)
        != (word[parting : parting + 2] in NEGATION_SYLLABLES)
    ):
        return False
    if len(phrase_word) <= 4 and phrase_word.endswith("у") and len(phrase_word) >= 3:
        # A short Kazakh verb in the infinitive: «алу» is «аламын», «алуды»; «шығу» «шығамын».
        return word.startswith(phrase_word[:-1]) and len(word) > len(phrase_word) - 1
    if len(phrase_word) < 4 or len(word) < 4:
        return False  # «от», «на»: other short words only as written
    shorter = min(len(phrase_word), len(word))
    # A shared beginning of 60% of the shorter word (at least 4 letters) is one stem: endings
    # and suffixes differ («согласия»/«согласие», «жаңарту»/«жаңартуды»), stems do not.
    stem = max(4, math.ceil(0.6 * shorter))
    if _common_prefix(phrase_word, word) >= stem:
        return True
    # One slip (see _one_slip) in the stem of a long word; the first letter as typed, since a
    # slip there makes another word more often than not. In a shorter word the stem is too
    # short: a slip in it makes another common word («отписка» / «отпуск», "on vacation").
    core = phrase_word[: max(5, math.ceil(0.6 * len(phrase_word)))]
    if len(phrase_word) < SLIP_MIN_LENGTH or phrase_word[0] != word[0]:
        return False
    return any(_one_slip(core, word[:k]) for k in range(len(core) - 1, len(core) + 2))


def _common_prefix(a, b):
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def _one_slip(a, b):
    """One slip of the hand: a wrong letter, two neighbours swapped, or a doubled letter written
    once or a letter doubled («расылки», «рассылкки»). Not any missing letter: in Kazakh one
    missing syllable letter is the negation («келмейді» / «келеді»)."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    i = _common_prefix(a, b)
    if len(a) == len(b):
        wrong_letter = a[i + 1 :] == b[i + 1 :]
        swapped = a[i : i + 2] == b[i : i + 2][::-1] and a[i + 2 :] == b[i + 2 :]
        return wrong_letter or swapped
    longer, shorter = (a, b) if len(a) > len(b) else (b, a)
    doubled = i > 0 and longer[i] == longer[i - 1]
    return doubled and longer[i + 1 :] == shorter[i:]


@dataclass(frozen=True)
class Phrase:
    """One phrase of the table, ready to match."""

    words: tuple[str, ...]
    kind: str
    language: str
    purpose: str = ""  # the one purpose a withdrawal names; "" for every purpose


@dataclass(frozen=True)
class Match:
    phrase: Phrase
    start: int  # the index of its first word among the text's key words


def find(phrases: list[Phrase], text: str) -> Match | None:
    """The phrase `text` names: the one matched earliest in it, and of those the longest (the
    most specific: «отказ от рассылки» before «отказ»). None when no phrase matches."""
    tokens = key_words(text)
    best = None
    for phrase in phrases:
        start = _position(phrase.words, tokens)
        if start is None:
            continue
        if best is None or (start, -len(phrase.words)) < (best.start, -len(best.phrase.words)):
            best = Match(phrase, start)
    return best


def denied(phrases: list[Phrase], text: str) -> set[str]:
    """The kinds of request `text` names only to deny or question them: after a negation or a
    question word («я не хочу отзывать согласие», «как отписаться?»), or with the Kazakh verb
    negated («келісімді қайтарып алмаймын»)."""
    tokens = key_words(text)
    return {
        phrase.kind
        for phrase in phrases
        if _position(phrase.words, tokens) is None
        and (
            _position(phrase.words, tokens, blocked=True) is not None
            or _position(phrase.words, tokens, same=_same_or_negated) is not None
        )
    }


def _same_or_negated(phrase_word, word):
    """`word` is `phrase_word`, or that Kazakh verb with a negation syllable inside it."""
    if same_word(phrase_word, word):
        return True
    at = _common_prefix(phrase_word, word)
    return (
        phrase_word.endswith("у")
        and at >= 2
        and word[at : at + 2] in NEGATION_SYLLABLES
        and same_word(phrase_word, word[:at] + word[at + 2 :])
    )


def _position(phrase_words, tokens, *, blocked=False, same=same_word):
    """Where the phrase starts in `tokens`, None when nowhere; with `blocked`, where it starts
    after a word that makes it no request (BLOCKERS)."""
    for start, token in enumerate(tokens):
        if not same(phrase_words[0], token):
            continue
        at = start
        for phrase_word in phrase_words[1:]:
            following = range(at + 1, min(len(tokens), at + 2 + GAP))
            at = next((i for i in following if same(phrase_word, tokens[i])), None)
            if at is None:
                break
        else:
            # The words before the match and between its words, not the phrase's own («не хочу
            # получать письма» is a phrase).
            around = set(tokens[max(0, start - 2) : at + 1]) - set(phrase_words)
            after = tokens[at + 1] if at + 1 < len(tokens) else ""
            if bool(BLOCKERS & around or NEGATED_AUXILIARY.match(after)) == blocked:
                return start
    return None


# «Me» as the object of a request: «отпишите меня», «не присылайте мне», «мені тізімнен
# шығарыңыз», «маған жібермеңіз» (Latin spellings through words()). Folded, see FOLD.
ME = frozenset(map(fold, _word_set("меня мне мени маган")))


def says_me(text: str) -> bool:
    """Whether `text` asks something for its writer in the first person (ME)."""
    return any(fold(word) in ME for word in words(text))


def names_someone_else(text: str) -> bool:
    """Whether `text` names someone else it is written about: a relative (a Kazakh word with
    «my»), «атынан», or children within two words after «my» or «our», or right before (MY)."""
    folded = [fold(word) for word in words(text)]
    for at, word in enumerate(folded):
        if word in OTHER_PERSON or OTHER_PERSON_KAZAKH.fullmatch(word):
            return True
        if word in CHILDREN and MY & {*folded[max(at - 2, 0) : at], *folded[at + 1 : at + 2]}:
            return True
    return False


def language_evidence(text: str) -> tuple[float, float]:
    """(Kazakh, Russian) evidence in `text`: a word with a Kazakh-only letter, or a Kazakh word
    or stem, counts for Kazakh; a common Russian word counts for Russian. A capitalised word with
    a Kazakh letter counts half: in a Russian letter it is most often a name («Әсел»)."""
    kazakh = russian = 0.0
    for raw in WORD.findall(text or ""):
        word = words(raw)[0] if words(raw) else ""
        if not word:
            continue
        folded = word.translate(FOLD)
        if KAZAKH_LETTERS & set(word) or translit.KAZAKH_LATIN & set(raw.casefold()):
            kazakh += 0.5 if raw[:1].isupper() else 1
        elif folded in KAZAKH_WORDS or folded.startswith(KAZAKH_STEMS):
            kazakh += 1
        elif word in RUSSIAN_WORDS:
            russian += 1
    return kazakh, russian


def language_of(text: str, *, fallback_text: str = "", phrase_language: str = "") -> str:
    """ "kk" or "ru" for a message whose person-written part is `text`: the language with more
    evidence; the phrase the message names counts for its language. Without any evidence in
    `text`, the rest of the message (`fallback_text`: quoted and forwarded parts) decides; then
    Kazakh letters mean Kazakh, other Cyrillic Russian, and no Cyrillic the site's default,
    Kazakh."""
    text, fallback_text = text[:LANGUAGE_SAMPLE], fallback_text[:LANGUAGE_SAMPLE]
    kazakh, russian = language_evidence(text)
    if not kazakh and not russian and not phrase_language and fallback_text:
        kazakh, russian = language_evidence(fallback_text)
        text = fallback_text
    if phrase_language == "kk":
        kazakh += 2
    elif phrase_language == "ru":
        russian += 2
    if kazakh != russian:
        return "kk" if kazakh > russian else "ru"
    if phrase_language:
        return phrase_language
    lowered = (text or "").casefold()
    if KAZAKH_LETTERS & set(lowered) or not CYRILLIC.search(lowered):
        return "kk"
    return "ru"
