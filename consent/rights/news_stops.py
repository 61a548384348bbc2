"""Asking to stop our news, in the words people put it (compliance L7, L15): a noun that names
the news with a verb that stops it. The table held some of each noun's verbs and not the others
(«таратылымды тоқтатыңыз» but not «хабарламаларды тоқтатыңыз», «таратылымнан шығарыңыз» but not
«жаңалықтарыңыздан шығарыңыз», «прекратите присылать рассылку» but not «…уведомления»): a letter
by a pair the table lacked opened "other", fifteen working days for an officer while the news
went on, though a letter by the next pair stopped them as it arrived.

Decided: every noun of the news with every verb that stops them is a phrase of the intake's
(intake.active_phrases, after the rows staff keep). The noun is written as its stem: a phrase's
word matches the word's other forms (phrases.same_word), so one phrase reads the noun in the
plural, with «your» and in the case its verb takes («хабарламаларыңызды тоқтатыңыз»,
«жаңалықтарыңыздан шығарыңыз», «хаттарыңызды жібермеңіз»), and one verb its polite imperative,
its «-уыңызды сұраймын» and its «-шы» («тоқтатуыңызды сұраймын», «шығарыңызшы»). A Kazakh verb of
not sending is its negation, «жібермеу» («жібермеңіз»), which «жіберіңіз» is not. Another
company's news (titles.py) and the writer's own data are none of these nouns, and read as they
did."""

import re

from .models import Ticket
from .spelling import fold

# Kazakh nouns of our news, their stems: a message, a notice, news, a mailing (also as Russian
# «рассылка» is written in Kazakh), a letter of ours («ақпараттық хат», «e-mail хат»: «хат» with
# its suffixes, phrases.KAZAKH_SUFFIXES), advertising.
KK_NEWS = ("хабарлама", "хабарландыру", "жаңалық", "таратылым", "рассылка", "хат", "жарнама",
           "арнайы ұсыныс")  # fmt: skip
# Kazakh verbs that stop them, each with the case of the noun it takes: stop, cease, turn off
# (the news, accusative; or off them, ablative), take out of, remove from, refuse (ablative),
# do not send, I do not want to receive (accusative). «Өшіру» is also to delete a letter
# («хатымды өшіріңіз»): not «хат».
KK_STOPS = {
    "тоқтату": KK_NEWS,
    "доғару": KK_NEWS,
    "өшіру": tuple(noun for noun in KK_NEWS if noun != "хат"),
    "шығару": KK_NEWS,
    "алып тастау": KK_NEWS,
    "бас тарту": KK_NEWS,
    "жібермеу": KK_NEWS,
    "жолдамау": KK_NEWS,
    "алғым келмейді": KK_NEWS,
}
# «My» in the noun's singular, with its case (folded): «хабарламамды өшіріңіз» (delete my
# message), «хатымды алып тастаңыз» (remove my letter), «жарнамамды», «жаңалығым»,
# «хабарландыруымды» (my advertisement on the site) name a thing the writer sent or placed, not
# our news: read as ours, each unsubscribed the writer as it arrived. The plural
# («хабарламаларымды өшіріңіз», which also turns off «my notifications») still names them.
OWN_SINGULAR = re.compile(r"[ыи]?м(?:ды|ди|а|е|да|де|нан|нен|нын|нин)?")
_VOICED = {"к": "г", "п": "б"}  # «жаңалық» + «-ым» is «жаңалығым»
_STEMS = frozenset(
    (noun, stem)
    for noun in map(fold, KK_NEWS)
    for stem in (noun, noun[:-1] + _VOICED.get(noun[-1], noun[-1]))
)


def writers_own(phrase_word: str, word: str) -> bool:
    """Whether `word` (folded) is a Kazakh news noun with «my» in the singular (OWN_SINGULAR),
    the writer's own message, letter or advertisement, where `phrase_word` (folded, in any form:
    «хабарламалардан» of the policy's phrase) is one of our news («хабарлама» read
    «хабарландыруымды» by their shared beginning)."""
    return (
        word != "рассылкам"  # a Russian dative plural
        and any(phrase_word.startswith(noun) for noun, _stem in _STEMS)
        and any(word.startswith(stem) and OWN_SINGULAR.fullmatch(word[len(stem) :])
                for _noun, stem in _STEMS)
    )  # fmt: skip


# Russian nouns of our news, each in the forms whose beginnings differ («письма», «писем»), and
# the offers the policy names beside the news («специальные предложения»; «предложения» alone is
# any proposal).
RU_NEWS = ("рассылку", "новости", "уведомления", "письма", "писем", "сообщения", "рекламу", "спам",
           "специальные предложения", "спецпредложения")  # fmt: skip
# Sending, stopped («прекратите присылать уведомления») or asked not to be done («не присылайте
# новости»); receiving, not wanted («не хочу получать уведомления»); and the verbs whose object
# is the news themselves («отключите уведомления»), for which «сообщения» is too wide a word.
RU_SENDING = ("присылать", "отправлять", "слать", "высылать")
RU_STOPPING = ("прекратить", "перестать")
RU_NOT_SENDING = ("не присылайте", "не отправляйте", "не шлите", "не высылайте")
RU_NOT_WANTING = ("не хочу получать", "не желаю получать")
RU_TURNING_OFF = ("отключить", "выключить", "остановить", "прекратить")
# Refusing them, as the policy's own subject line does («Отказ от новостей и специальных
# предложений»), Kazakh's «бас тарту»: «отказ» reads «отказываюсь» and «откажитесь» too. Only
# the rows staff keep had it, for some nouns: «Отказ от новостей» opened "other".
RU_REFUSING = ("отказ от",)
RU_WIDE = tuple(noun for noun in RU_NEWS if noun != "сообщения")  # the news themselves


def _russian() -> list[str]:
    stopped = [f"{stop} {send}" for stop in RU_STOPPING for send in RU_SENDING]
    verbs = [*stopped, *RU_NOT_SENDING, *RU_NOT_WANTING]
    return [
        *(f"{verb} {noun}" for verb in verbs for noun in RU_NEWS),
        *(f"{verb} {noun}" for verb in (*RU_TURNING_OFF, *RU_REFUSING) for noun in RU_WIDE),
    ]


UNSUBSCRIBE = Ticket.Type.UNSUBSCRIBE.value
# (phrase, type, language, purpose), as the rows of the phrase table are read.
PHRASES = [
    *((f"{noun} {verb}", UNSUBSCRIBE, "kk", "") for verb in KK_STOPS for noun in KK_STOPS[verb]),
    *((text, UNSUBSCRIBE, "ru", "") for text in _russian()),
]
