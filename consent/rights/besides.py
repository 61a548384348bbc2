"""What else a letter asks beside stopping the news (compliance L7, L15). An unsubscribe mailed
from an address on record is carried out and its request closed as it arrives
(self_acting.act_on_arrival): no officer reads it. A letter that asks something more, in words no
phrase of the table names, lost that: «Отпишите меня от рассылки. И подскажите, когда начнётся
курс?», «Отпишите меня и удалите мой номер телефона», «Жаңалықтардан бас тартамын. Телефон
нөмірімді өшіріп беріңізші» were answered «done», the question and the other request with them.

Such a letter still stops the news as it arrives, as an unsubscribe beside a request the table
names does (intake.recognise), and opens "other" for the officer to read and answer.

What asks, outside the words of the unsubscribe: a question (sentences.py reads it: «?», «ли», a
question word, a Kazakh particle, a request's number); a request to us, as Russian and Kazakh
write one: the imperative of «вы» («подскажите», «удалите», «исправьте», «айтыңыз», «өшіріп
беріңіз»), or «прошу», «хочу», «нужно», «өтінемін», «сұраймын». Not a request to stop («больше
не присылайте», «прошу не писать», «жібермеңіз»: what the unsubscribe asks), nor a greeting or
a courtesy («Здравствуйте», «Извините», «Сәлеметсіз бе»). A letter read wrongly so opens for an
officer with its news stopped: nothing is lost, the other way round the person's words were."""

import re

from . import phrases
from .asking import (
    ASKING_WORDS,
    COURTESY,
    INFINITIVE,
    KAZAKH_ASKING_FORM,
    NOUN_LIKE,
    RUSSIAN_ASKING,
    imperative,
)
from .limits import KEEP, MAILING, SEND
from .models import Ticket
from .pieces import pieces
from .pronouns import find_named
from .sentences import KAZAKH_ASKING, QUESTION_PARTICLES, sentences
from .spelling import fold, words

Type = Ticket.Type
# The imperative of «вы» and «сіз», a Russian infinitive (read only in a clause of the
# unsubscribe's sentence: elsewhere «хочу»/«прошу» stands before it), the words of asking and the
# courtesies written as the imperative: asking.py.
# Its negation («жібермеңіз», «жазбаңыз»): a stop, as the unsubscribe asks.
KAZAKH_NOT = re.compile(r"\w*(ма|ме|ба|бе|па|пе)н[ыи]з(дар|дер)?(шы|ши)?")
NEGATIONS = frozenset({"не", "ни"})
# A sentence that asks only for the request itself to be carried out, as a formal letter ends:
# «Прошу исполнить», «Прошу принять к исполнению мою заявку», «Өтінішімді орындауыңызды
# сұраймын», «Орындаңызшы» (folded, its function words and «прошу» aside). It was read as a
# request besides, and the unsubscribe waited for an officer as «another question».
CARRY_OUT = re.compile(r"(ис|вы)полн\w*|рассмотр\w*|прин(я|йа)т\w*|примите|орында\w*")
THE_REQUEST = re.compile(
    r"(зайавк|зайавлени|просьб|запрос|обращени|требовани|отиниш|сурау|талап)\w*|срочно|"
    r"(кратчайш|скорейш|ближайш)\w*|срок(и|ах)?|тезирек|жылдам"
)
# A stop said alone (refused.stopped_alone), folded, whole words: «стоп», «stop» (as spelling.words
# reads it), «хватит», «прекратите», «тоқтат», «тоқтатыңыз(шы)», «тоқтатыңдар». The stop itself,
# never a request besides: «Тоқтатыңызшы!» under a newsletter was read as asking more.
STOP_ALONE = re.compile(r"стоп|хватит|прекрат(и|ите|ить)|токтат(у|ыныз|ыныздар|ындар)?(шы|ши)?")
# An infinitive the writer tells of doing themselves, after their own verb: «я ещё буду у вас
# учиться», «мы планируем ходить на курсы», «собираюсь продолжить»; «хочу», «прошу» ask
# (ASKING_WORDS), these tell.
OWN_DOING = frozenset({
    "буду", "будем", "собираюсь", "собираемся", "планирую", "планируем", "продолжу", "продолжим",
    "продолжаю", "начну", "начнем", "стану", "станем", "люблю", "любим", "умею", "умеем",
})  # fmt: skip


def asks_besides(table: list[phrases.Phrase], written: list[str]) -> bool:
    """Whether the person's own words (`written`: the subject line and the first lines,
    intake.recognise) ask something beside the unsubscribe the table's phrases name."""
    stops = [phrase for phrase in table if phrase.kind == Type.UNSUBSCRIBE]
    read = []  # (sentence, its unsubscribe or None, its words)
    for text in written:
        for piece in pieces(text):
            found = sentences(piece)
            if found:  # the news stopped by a pronoun too: «…, отключите её» (pronouns.py)
                named = find_named(stops, piece, "\n".join(written))
                read.append((found[0], named[0] if named else None, piece))
    # The unsubscribe's own words asked again («…не открывается, отпишите меня вручную»).
    again = {word for _s, match, _p in read if match for word in match.phrase.words}
    # And every other way of the stop its sentence writes, not only the first phrase matched:
    # «Хабарламаларды алғым келмейді, тізімнен шығарыңыз» asks one thing twice, nothing besides.
    # Each in a clause of its own: «отписаться от рассылки и удалить мой номер» is no «удалить
    # из рассылки» read across the «и», its «удалить» asks something besides.
    again |= {
        word
        for sentence, match, piece in read
        if match
        for phrase in stops
        if _apart(phrases.find([phrase], piece), match, sentence.clauses)
        for word in phrase.words
    }
    return any(
        _asks(sentence, words(piece), again)
        if match is None
        else _asks_in_another_clause(sentence, match, again)
        for sentence, match, piece in read
    )


def _apart(other, match, clauses):
    """Whether `other`, a match of another stop, stands in one clause, sharing no word with
    `match`."""
    if other is None or set(other.places) & set(match.places):
        return False
    return len({clauses[at] for at in other.places if at < len(clauses)}) == 1


def asks(piece: str, every: list[str]) -> bool:
    """Whether one sentence (`piece`, read in `every`: its words, or those that count) asks a
    question or asks us anything, as an out-of-office reply may not (asked_nothing.py): read
    more widely than beside an unsubscribe, any imperative or word of asking counts, a stop
    («не присылайте») and what limits.py reads («пришлите договор») too."""
    found = sentences(piece)
    folded = [fold(word) for word in every]
    return bool(found) and (
        _asks(found[0], every, frozenset())
        or any(word in ASKING_WORDS or _imperative(word) for word in folded)
    )


def _imperative(word):
    return imperative(word) and not (
        KAZAKH_ASKING_FORM.fullmatch(word) and word.startswith(MAILING)
    )


def _asks(sentence, every, again):
    """Whether a sentence that holds no unsubscribe asks a question or asks us to do something."""
    folded = [fold(word) for word in every]
    if set(folded) <= COURTESY:  # «Сәлеметсіз бе?»: a greeting, asked as Kazakh asks it
        return False
    if sentence.asked or KAZAKH_ASKING & set(folded):
        return True
    if sentence.tokens and all(map(_carrying_out, sentence.tokens)):
        return False
    # A Kazakh particle asks, but for the greeting's («Сәлеметсіз бе»).
    if any(w in QUESTION_PARTICLES and (at == 0 or folded[at - 1] not in COURTESY)
           for at, w in enumerate(folded)):  # fmt: skip
        return True
    return any(
        (_request(word, again) or word in ASKING_WORDS) and not negated(folded, at)
        for at, word in enumerate(folded)
    )


def negated(folded, at, negations=NEGATIONS):
    """Whether the word at `at` of a sentence's folded words asks to stop: «не присылайте»,
    «прошу не писать», «прошу больше не» (`negations`: the words that make a stop)."""
    before = at and folded[at - 1] in negations
    return bool(before or (folded[at] in ASKING_WORDS and negations & set(folded[at + 1 : at + 3])))


def _carrying_out(token):
    """Whether a sentence's word asks the request itself done, names it (CARRY_OUT), or greets."""
    return bool(CARRY_OUT.fullmatch(token) or THE_REQUEST.fullmatch(token) or token in COURTESY)


def _asks_in_another_clause(sentence, match, again):
    """Whether the unsubscribe's sentence asks something more in a clause of its own: «Отпишите
    меня от рассылки и удалите мой номер телефона», «Отписаться и исправить фамилию»."""
    own = {sentence.clauses[match.start], sentence.clauses[match.end]}
    tokens, clauses = sentence.tokens, sentence.clauses

    def before(at):  # the words before `at` in its clause
        return {tokens[i] for i in range(at) if clauses[i] == clauses[at]}

    # A «не» earlier in its clause makes it a stop: «…, не хочу больше получать письма»; a verb
    # of the writer's own, an infinitive what they will do: «…, я ещё буду у вас учиться».
    return any(
        clauses[at] not in own
        and (_request(word, again) or (_infinitive(word, again) and not OWN_DOING & before(at)))
        and not NEGATIONS & before(at)
        for at, word in enumerate(tokens)
    )


def _infinitive(word, again):
    return bool(INFINITIVE.fullmatch(word)) and not (
        NOUN_LIKE.fullmatch(word) or _said(word, again)
    )


def _said(word, again):
    """Whether the word is one of the unsubscribe's own, in any of its forms."""
    return any(phrases.same_word(phrase_word, word) for phrase_word in again)


def _request(word, again):
    # What the letter keeps or where it wants mail is limits.py's to read («но данные
    # оставьте», «пишите только о моём заказе»): it does not ask for anything else.
    if word in COURTESY or _said(word, again) or KEEP.fullmatch(word) or word.startswith(SEND):
        return False
    if STOP_ALONE.fullmatch(word):
        return False
    if RUSSIAN_ASKING.fullmatch(word):
        return True
    # Kazakh's «your» ends as its imperative does: «хабарламаларыңыз керек емес» (your messages
    # are not needed) names the news, it asks nothing (limits.MAILING).
    return (
        bool(KAZAKH_ASKING_FORM.fullmatch(word))
        and not KAZAKH_NOT.fullmatch(word)
        and not word.startswith(MAILING)
    )
