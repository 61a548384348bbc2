"""A letter that says the news is not wanted, naming no verb of a request (compliance L7, L15):
«Мне не нужна ваша рассылка», «Рассылка не нужна», «Письма мне больше не нужны», «Хабарлама
керек емес», «Хаттарыңыз қажет емес». Each opened "other", due in fifteen working days, while
the news went on: the policy stops them before the next send for whoever objects, in any words.

Read in one clause: a word of the news (NEWS), and «не» before a word of needing or wanting
(«нужна», «интересна»), or Kazakh «керек»/«қажет» then «емес», or «қажеті жоқ». Not when a verb
of a request or an infinitive stands in that clause: «Отписываться от рассылки не нужно»,
«Хабарламалардан бас тарту қажет емес», «Не надо приостанавливать рассылку» decline what they
name (sentences.withheld); nor in a question or a supposition («Если рассылка не нужна, что
делать?»).

Nor did a letter asking the news not to be sent, in words the phrases hold for other news:
«Не присылайте мне уведомления», «Не отправляйте мне новости», «Не надо мне присылать
предложения», «Пусть мне больше не приходят ваши письма», «Маған ұсыныстарыңызды жібермеңіз»,
«Маған хабарлама келмесін». In one clause, a word of the news and a verb of sending or coming
negated as asked (news_unsent): «не» before the imperative or the infinitive («не
присылайте», «не присылать»), or the present or past after «пусть», «чтобы» («чтобы не
приходили»); Kazakh's negative imperative or wish («жібермеңіз», «келмесін»). Not told in the
past («Вы не прислали мне уведомление о записи» is a complaint), nor asked, nor supposed.

Nor did one asking for nothing more to be sent, or saying writing to the writer is not needed:
«Больше ничего не присылайте», «Не надо мне ничего присылать», «Маған енді ештеңе
жібермеңіз», «Енді маған хат жазудың қажеті жоқ», «Писать мне больше не нужно». They opened
"other" while «Больше не пишите мне» and «Маған хат жазбаңыз» unsubscribed as they arrived
(migration 0034): they mean the same, and stop the news as they do. «Ничего», «ештеңе» (EVERYTHING)
stand for the news there; a verb of sending or writing (SENDING, WRITING) in the infinitive,
Russian or Kazakh, that «не нужно», «қажеті жоқ» says is not needed (_sending_unneeded), with the
news, «nothing», or «to me» and «any more» («больше», «енді») beside it: not the writer's own
writing, «Мне не нужно писать заявление», nor a reply, «Маған жауап жазудың қажеті жоқ».
Naming no news, such a stop is the news only as the whole of what the person wrote, courtesies
aside (nothing_more): «Ничего не присылайте на старый адрес», «Не присылайте ничего лишнего»,
«…до понедельника», «Документы получила. Больше ничего не присылайте» unsubscribed the writer
as they arrived, the news she kept lost; «nothing» there is that, and an officer reads it."""

import re
from itertools import pairwise

from . import limits
from .asked_nothing import beyond_courtesies
from .pieces import ASKED, CLAUSE_END, pieces
from .sentences import INFINITIVE, SUPPOSING, sentences
from .spelling import fold
from .spelling import words as split_words
from .word_order import REPLY

# The news, folded beginnings; «хат» (a letter) as a whole word or with its plural.
# What names the news: limits.NEWS, the one list of it, but «хат» only as a whole word (LETTERS),
# and the genitive «писем», which no stem of «письм» reaches.
NEWS = (*(stem for stem in limits.NEWS if stem != "хат"), "писем")
LETTERS = ("хат", "хаттар", "хаттарыныз", "хаттарды")
NEEDING = ("нужн", "надо", "интересн", "актуальн")
KAZAKH_NEEDING = ("керек", "кажет")
KAZAKH_NOT = ("емес", "жок")
# A verb of a request, whose decline the clause would be; and any infinitive (sentences.INFINITIVE),
# which «не надо» governs: «Не надо приостанавливать рассылку» declines a pause.
REQUEST_VERBS = ("отпис", "отказ", "удал", "отзыв", "отозв", "прекрат", "тарт", "жой", "кайтар",
                 "токтат", "шыгар")  # fmt: skip


# Sending or coming, folded beginnings: Russian, read with the «не» before it and its form
# (SENT_ASKED, SENT_WISHED); Kazakh, read negated inside the word (KAZAKH_UNSENT).
SENDING = ("присыл", "присла", "отправл", "отправ", "шли", "шлит", "слат", "высыл", "присыла",
           "приход", "приш")  # fmt: skip
SENT_ASKED = re.compile(r"\w*(йте|ите|ть)")  # «присылайте», «шлите», «присылать»; not «присылаете»
SENT_WISHED = re.compile(r"\w*(ят|ут|ют|ли|ло|ла)")  # «пусть не приходят», «чтобы не приходили»
WISH_WORDS = frozenset({"пусть", "чтобы", "чтоб"})
BESIDE_VERB = frozenset({"мне", "нам", "больше", "уже", "вообще", "никогда", "ваши", "вашу",
                         "ничего"})  # fmt: skip
EVERYTHING = frozenset({"ничего", "ештене"})  # nothing sent: all of it, the news too. Folded.
# Writing, Russian (the infinitive, SENT_ASKED) and Kazakh (its verbal noun, with «not needed»'s
# case: «жазудың», «жіберудің», «жазу»); sending in Kazakh. Folded.
WRITING = ("пис",)
KAZAKH_SENDING = re.compile(r"(жибер|жаз|жолда)[ыи]?у(д[ыи]н|[ыи]н|д[ыи]|г[ае])?")
KAZAKH_NEEDED = re.compile(r"(кажет|кайет|керег?)[иі]?")  # «қажеті», «керегі»; «qajeti» typed
TO_ME = frozenset({"мне", "нам", "маган", "бизге"})
NO_MORE = frozenset({"больше", "болше", "енди", "впредь"})  # «bolshe» typed in Latin: «болше»
# Beside a verb of sending, no more, asked with nothing named: «Больше не присылайте», «ок спс,
# больше не присылайте», «Енді жібермеңіз». Folded.
QUIET = BESIDE_VERB | NO_MORE | TO_ME | frozenset(map(fold, (
    "не", "пожалуйста", "плиз", "ок", "окей", "спс", "спасибо", "рахмет", "ракмет", "уже",
    "вообще")))  # fmt: skip
NEEDED = frozenset({"надо", "нужно", "стоит"})
KAZAKH_UNSENT = re.compile(r"(жибер|кел)(ил)?(ме|ма)(н[ыи]з|нд[ае]р|н[ыи]зд[ае]р|син)(ши|шы)?")


def news_unneeded(texts: list[str]) -> bool:
    """Whether a sentence of `texts` says the news is not needed, or not to be sent (see the
    module)."""
    for text in texts:
        for sentence in sentences(text):
            if sentence.asked:
                continue
            tokens, clauses = sentence.tokens, sentence.clauses
            for clause in set(clauses):
                if sentence.supposed_from[clause] >= 0:  # «если …», «егер …»
                    continue
                words = [tokens[at] for at in range(len(tokens)) if clauses[at] == clause]
                if _unneeded(words):
                    return True
    return any(map(news_unsent, texts)) or nothing_more(texts)


def news_unsent(text: str) -> bool:
    """Whether a clause of `text` asks the news not to be sent (see the module), outside a
    question or a supposition."""
    for piece in pieces(text):
        if ASKED.search(piece.strip()) or SUPPOSING & {fold(w) for w in split_words(piece)}:
            continue
        for clause in CLAUSE_END.split(piece):
            said = [fold(word) for word in split_words(clause)]
            if any(w.startswith(NEWS) or w in LETTERS for w in said) and (
                _unsent(said) or _sending_unneeded(said)
            ):
                return True
    return False


def nothing_more(texts: list[str]) -> bool:
    """Whether what the person wrote (`texts`), courtesies aside (asked_nothing), is only a bare
    stop naming nothing (_bare_stop): «Больше ничего не присылайте», «Ничего мне больше не
    присылайте, пожалуйста», «ок спс больше не присылайте», «Маған енді жазудың қажеті жоқ».
    Nothing else may stand in the letter: beside a place, a time, an exception or what it tells
    of («…на старый адрес», «…до понедельника», «ничего лишнего», «Документы получила. Больше
    ничего не присылайте»), «nothing» is that, not the news, and an officer reads it."""
    rest = beyond_courtesies(texts)
    if not rest:
        return False
    said = [[fold(word) for word in split_words(piece)] for piece in rest]
    if any(ASKED.search(piece.strip()) for piece in rest):
        return False
    return all(_bare_stop(words) or _news_named(words) for words in said) and any(
        map(_bare_stop, said)
    )


def _news_named(said: list[str]) -> bool:  # a subject line «Рассылка» above the stop
    return all(w.startswith(NEWS) or w in LETTERS or w in QUIET for w in said)


def _bare_stop(said: list[str]) -> bool:
    """Whether the words `said` ask nothing more to be sent, or writing not needed, with nothing
    beside the verb but QUIET, «nothing» (EVERYTHING) and a word of needing."""
    quiet = all(
        word in QUIET or word in EVERYTHING or word in NEEDED or word in KAZAKH_NOT
        or word.startswith(SENDING) or KAZAKH_UNSENT.fullmatch(word)
        or (word.startswith(WRITING) and SENT_ASKED.fullmatch(word))
        or KAZAKH_SENDING.fullmatch(word) or KAZAKH_NEEDED.fullmatch(word)
        for word in said
    )  # fmt: skip
    if not quiet or SUPPOSING & set(said):
        return False
    nothing = bool(EVERYTHING & set(said))
    more = bool(NO_MORE & set(said))
    return (
        ((nothing or more) and _unsent(said))
        or (nothing and _sending_unneeded(said))
        or (more and bool(TO_ME & set(said)) and _sending_unneeded(said, to_me=True))
    )


def _sending_unneeded(said: list[str], *, to_me: bool = False) -> bool:
    """Whether the clause's folded words `said` say a verb of sending or writing is not needed:
    «присылать … не нужно», «жазудың қажеті жоқ», «жіберу керек емес». With `to_me`, only where
    «мне» does not stand before both («Мне больше не нужно писать заявление» is the writer's own
    writing)."""
    if any(word.startswith(REPLY) for word in said):
        return False
    for at, word in enumerate(said):
        russian = word.startswith((*SENDING, *WRITING)) and SENT_ASKED.fullmatch(word)
        if not (russian or KAZAKH_SENDING.fullmatch(word)):
            continue
        rest = said[at + 1 :]
        negated = any(first == "не" and second in NEEDED for first, second in pairwise(rest))
        negated = negated or (russian and _negated(said[:at]))  # «Больше не нужно мне писать»
        kazakh = any(KAZAKH_NEEDED.fullmatch(first) and second in KAZAKH_NOT
                     for first, second in pairwise(rest))  # fmt: skip
        if (negated or kazakh) and not (to_me and russian and _me_first(said, at)):
            return True
    return False


def _me_first(said: list[str], verb: int) -> bool:
    me = next(at for at, word in enumerate(said) if word in TO_ME)
    return me < verb and all(said[at] != "не" for at in range(me))


def _unsent(said: list[str]) -> bool:
    if any(word.startswith(REPLY) for word in said):  # «не отправляйте ответ на это письмо»
        return False  # the letter is one to answer (word_order.replying)
    wished = bool(WISH_WORDS & set(said))
    for at, word in enumerate(said):
        if KAZAKH_UNSENT.fullmatch(word):
            return True
        if not (word.startswith(SENDING) and _negated(said[:at])):
            continue
        if SENT_ASKED.fullmatch(word) or (wished and SENT_WISHED.fullmatch(word)):
            return True
    return False


def _negated(before: list[str]) -> bool:
    """Whether the verb after the words `before` is negated: «не» right before it or before
    «надо», «нужно», a pronoun or «больше» between aside («не надо мне присылать»); not «не
    забудьте прислать»."""
    rest = list(before)
    while rest and rest[-1] in BESIDE_VERB:
        rest.pop()
    if rest and rest[-1] in NEEDED:
        rest.pop()
        while rest and rest[-1] in BESIDE_VERB:
            rest.pop()
    return bool(rest) and rest[-1] == "не"


def _unneeded(words: list[str]) -> bool:
    news = any(w.startswith(NEWS) or w in LETTERS for w in words)
    if not news or any(w.startswith(REQUEST_VERBS) or INFINITIVE.search(w) for w in words):
        return False
    return any(
        (first == "не" and second.startswith(NEEDING))
        or (first.startswith(KAZAKH_NEEDING) and second.startswith(KAZAKH_NOT))
        for first, second in pairwise(words)
    )
