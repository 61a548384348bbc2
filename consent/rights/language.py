"""The language a message is written in (compliance L7): Kazakh or Russian, by the evidence of
its words."""

from . import translit
from .spelling import CYRILLIC, FOLD, KAZAKH_LETTERS, WORD, word_set, words

LANGUAGE_SAMPLE = 20_000  # characters read for the language: enough for any letter
# A letter in words of neither language («Please delete my data», «Bitte löschen Sie meine
# Daten») from a writer who has never told us theirs is answered in Russian, wholly: Kazakh, the
# site's default, is what its writer is least likely to read (compliance L7, "Language of a
# letter in another language"). A letter with no words at all (a file, «👍») tells nothing
# of its writer: the site's default.
OTHER_LANGUAGE = "ru"
# Evidence of Russian in a text: common words Kazakh does not use. Kazakh evidence is any word
# with a Kazakh-only letter, and the words and stems below (folded), which need none of them
# («Хабарламалардан бас тарту» has no Kazakh-only letter). In Latin letters, the words and stems
# as transliterated («derekterimdi», «sälemetsız»), and a letter only Kazakh writes (ǵ, ŋ, ə);
# a letter Kazakh shares with German, Turkish or Spanish (ö, ü, ğ, ñ) counts only beside them:
# «Bitte löschen Sie meine Daten. Schöne Grüße» was Kazakh by its ö and ü, and its writer was
# answered in Kazakh, not by the rule for other languages (OTHER_LANGUAGE).
RUSSIAN_WORDS = word_set(
    "и в во не на я что с со по от из к у о об для меня мне мои моих мой моя моё мое моей "
    "прошу пожалуйста здравствуйте добрый день спасибо уважением данных данные персональных "
    "это как вы вас ваш вашей ваших вам был была были бы но или если чтобы при же уже больше "
    "хочу можно нужно есть нет все всех также мою свои своё свое новый новая номер а когда где "
    "сколько какой какие какая почему зачем вопрос "
    # what a short reply says: «Хорошо, жду», «Понятно, благодарю»
    "хорошо жду понятно ясно конечно благодарю подтверждаю согласна согласен ладно отлично "
    "договорились получила получил получено принято"
)
KAZAKH_WORDS = word_set(
    "мен жане туралы бойынша ушин маган менин мени сиз сизге сиздин биз бизге рахмет салем "
    "салеметсиз саламатсыз бе ба ма ме па пе жок емес керек бар осы бул мына жеке алу бас "
    "тарту кайтарып кери "
    # what a short reply says: «Жақсы, рақмет», «Түсінікті», «Растаймын»
    "ракмет жаксы тусиникти растаймын келисемин куттим кутемин "
    # and the short replies Kazakh writes with no Kazakh-only letter, or typed without them:
    # «Жарайды», «Болады», «Иә» (typed «Иа», «Ия»), «Мақұл», «Түсіндім», «Дұрыс», «Алдым»
    "жарайды болады бопты иа ия иэ макул тусиндим тусиндик дурыс солай алдым алдык кабылдадым "
    "кабылданды келистик рахмат рахмеет кешириниз"
)
KAZAKH_STEMS = (
    "деректер", "хабарлама", "келисим", "жанарт", "кайтар", "тартам", "отиниш", "отинем",
    "сурайм", "жазылым", "таратылым", "озгерт", "тузет", "жибер", "шыгар", "салемет", "нактыл",
)  # fmt: skip


def language_evidence(text: str) -> tuple[float, float]:
    """(Kazakh, Russian) evidence in `text`: a word with a Kazakh-only letter, or a Kazakh word
    or stem, counts for Kazakh; a common Russian word counts for Russian. A capitalised word with
    a Kazakh letter counts half: in a Russian letter it is most often a name («Әсел»)."""
    kazakh = russian = marked = 0.0
    for raw in WORD.findall(text or ""):
        word = words(raw)[0] if words(raw) else ""
        if not word:
            continue
        folded = word.translate(FOLD)
        weight = 0.5 if raw[:1].isupper() else 1
        letters = set(raw.casefold())
        if KAZAKH_LETTERS & set(word) or translit.KAZAKH_ONLY_LATIN & letters:
            kazakh += weight
        elif folded in KAZAKH_WORDS or folded.startswith(KAZAKH_STEMS):
            kazakh += 1
        elif translit.KAZAKH_LATIN & letters:
            marked += weight  # Kazakh only beside Kazakh words (see RUSSIAN_WORDS)
        elif word in RUSSIAN_WORDS:
            russian += 1
    return kazakh + (marked if kazakh else 0), russian


def language_of(
    text: str,
    *,
    fallback_text: str = "",
    phrase_language: str = "",
    known: str = "",
    chosen: str = "",
) -> str:
    """ "kk" or "ru" for a message whose person-written part is `text`: the language with more
    evidence; the phrase the message names counts for its language. Without any evidence in
    `text`, the language the writer is `known` to write in (their thread's, their last letter's:
    «Ок» under a Kazakh thread), else the rest of the message (`fallback_text`: quoted and
    forwarded parts) decides; then Kazakh letters mean Kazakh, other Cyrillic Russian; then the
    language the person on record at the address `chosen` for our letters («Please delete my
    data» from them), else words of another language OTHER_LANGUAGE, and no words the site's
    default, Kazakh."""
    text, fallback_text = text[:LANGUAGE_SAMPLE], fallback_text[:LANGUAGE_SAMPLE]
    kazakh, russian = language_evidence(text)
    if not kazakh and not russian and not phrase_language and known in ("kk", "ru"):
        return known
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
    if KAZAKH_LETTERS & set(lowered):
        return "kk"
    if CYRILLIC.search(lowered):
        return "ru"
    if chosen in ("kk", "ru"):
        return chosen
    return OTHER_LANGUAGE if any(map(str.isalpha, lowered)) else "kk"
