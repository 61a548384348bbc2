"""Recognising a request in what people write (compliance L7): phrases matched as words, in
Kazakh and Russian. Pure text functions; the phrases themselves are rows of `IntakePhrase`
(models/intake.py), which staff extend in the admin, and the mail around them is read by
intake.py.

How a phrase matches a text: both are read as words (spelling.py: casefolded, ё as е,
punctuation and quotes gone, Kazakh letters as people type them without a Kazakh keyboard,
function words left out). Then the phrase's words must appear in the text in order, each
at most GAP words after the one before. Two words are the same word when they are equal, when
they share a beginning long enough to be one stem with different endings (Russian inflection,
Kazakh suffixes: «рассылки» / «рассылку», «хабарламалардан» / «хабарламаларды»), or, for long
words, when the stem differs by one typing slip. Nothing matches inside another word: matching
always starts at a word's first letter.
"""

import math
import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from itertools import pairwise

from .informed import about_it, told_of
from .news_stops import writers_own
from .not_working import out_of_order
from .sentences import (
    KAZAKH_ASKING,
    OPENING_QUESTION,
    Sentence,
    asked_of_us,
    questioned,
    sentences,
    unurged,
    withheld,
)
from .spelling import BLOCKERS, common_prefix, doubled_slip, one_slip
from .verb_forms import (
    NEGATION_SYLLABLES,
    able_after,
    kazakh_other_form,
    negates_another,
    own_act,
    present,
    reported,
    supposing,
)
from .whether import HOW_WORDS, asked_whether, joining
from .word_order import GIVEN, asked_verb, elsewhere, from_news, kept, moved, reach, replying

# Words of a request that have another sense, told by the word right after them (a function
# word too; folded, spelling.fold), in which they name no request. «Отписать(ся)» is also to
# write back: followed by to whom (a dative), about what («о», «об», «по») or where to («на»):
# «отпишите мне, когда будет расписание», «прошу отписаться о получении письма», «отпишите по
# результату»; an unsubscribe takes whom («отпишите меня») and from what («от рассылки»).
# «Отзыв» is also a review: «мой отзыв о курсе и согласие на публикацию» (of what, «о», «про»,
# «на»); a withdrawal is the consent's («отзыв согласия», «отзыв моего согласия»). Only the
# noun (REVIEW): the verb takes «на» for the consent's object, «согласие отзываю на рассылку».
# «Келісім» followed by «шарт» is a contract («келісім-шарттан бас тартамын»: I cancel the
# contract), as «келісімшарт» written as one word is (OTHER_WORDS); followed by «бойынша» or
# «сәйкес», according to the agreement («келісім бойынша ақшаны қайтарыңыз»: return the money).
# And «отписаться» in the imperative is writing back but before «меня» and from the news (a slip:
# «отпишитесь меня от рассылки»; «отпишитесь меня, когда…» writes back): «отпишись» (get back to
# me); an unsubscribe is asked for the writer, «отпишите меня», the infinitive the writer's wish.
WRITING_BACK = ("отпис", "отпиш")
REVIEW = re.compile("отзыв(а|у|ом|е|ы|ов|ам|ами|ах)?")
WRITE_BACK, WRITER = re.compile("отпи[сш].*(тесь|ись)"), "меня"
OTHER_SENSE = {
    WRITING_BACK: re.compile("мне|нам|о|об|обо|по|на"),
    ("отзыв",): re.compile("о|об|обо|про|на"),
    ("келисим",): re.compile("шарт.*|бойынша|сайкес"),
}
# Other words that begin as a phrase's word does, or are one with a slip: an agreement or a
# contract is no consent, nor is agreeing. «Отказываюсь от соглашения об оказании услуг»
# («соглаш» is «соглас» with a slip), «отказываюсь от курса, согласна на возврат», «келісімшарттан
# бас тартамын», «келісемін» (I agree; «келісім» with a slip) each withdrew every consent;
# «Уведомляю об отзыве согласия», read as «уведомления», stopped only the news. Folded.
OTHER_WORDS = ("соглаш", "согласн", "согласован", "келисимшарт", "келисе", "уведомля", "уведомит",
               "уведомил", "уведомлю")  # fmt: skip
# And «отписка» is also a brush-off («ваш ответ — просто отписка»): an unsubscribe from
# something («отписка от рассылки»), or alone («Отписка», a subject line).
BRUSH_OFF = "отписк"
FROM = "от"
# But a change of one's data told in the past is the request to correct it: «у меня изменились
# контактные данные». The past counts against the requests that act as they are asked, and a
# block's: «Блокировку данных вчера сняли» tells of a block lifted, it asks for no block.
REPORTED = frozenset({"withdraw", "unsubscribe", "destroy", "block", "unblock"})
# A Kazakh noun of three letters («хат») is a phrase word too short for a stem of 60%: in the
# plural, with «your» or in a case («хаттарды», «хаттарыңызды», «хатты») it matched nothing, and
# «Бұл хаттарды маған жібермеңіз» stopped no news. Its suffixes, folded: plural, possessive, case.
KAZAKH_SUFFIXES = re.compile(
    r"([тдл][аы]р|[тдл]ер)?(ыныз|иниз|ымыз|имиз|ын|ин|ым|им|ы|и)?"
    r"([дтн][ыи]|[дтн][ыи]н|[дтн][ае]н|[гк][ае]|[дт][ае]|н[ае])?"
)
SLIP_MIN_LENGTH = 8  # letters of a phrase word that may be matched with a slip in it
UNSTRESSED = frozenset({frozenset("ао"), frozenset("еи")})  # as it sounds: о for а, и for е
UNSTRESSED_MIN = 6
ENDING = 3  # a phrase word's last letters, where a slip is read as another form


def _inflected(stem: str, word: str) -> bool:
    """Whether `word` is the Kazakh noun `stem` (three letters, a consonant last) with its
    suffixes (KAZAKH_SUFFIXES)."""
    return stem[-1] not in "аеиоуыэюя" and KAZAKH_SUFFIXES.fullmatch(word[len(stem) :]) is not None


@lru_cache(maxsize=65536)
def same_word(phrase_word: str, word: str) -> bool:
    """Whether `word` (from a text) is `phrase_word` in another form, or with one slip."""
    if phrase_word == word:
        return True
    if (word in GIVEN) != (phrase_word in GIVEN) or present(phrase_word, word):
        return False  # «удалите данное письмо» names no data (word_order.GIVEN), «присылаете»
    if word.startswith(OTHER_WORDS) != phrase_word.startswith(OTHER_WORDS):
        return False
    parting = common_prefix(phrase_word, word)
    if writers_own(phrase_word, word) or kazakh_other_form(phrase_word, word, parting):
        return False  # «хабарламамды» (my message); «жібермеңіз», «жіберген», «жібермедім»
    if phrase_word.endswith("у") and parting == len(word) < len(phrase_word) - 2:
        return False  # the word a Kazakh verb is made from: «толық» (fully), «толықтыру»
    if len(phrase_word) <= 4 and phrase_word.endswith("у") and len(phrase_word) >= 3:
        # A short Kazakh verb in the infinitive: «алу» is «аламын», «алуды»; «шығу» «шығамын».
        return word.startswith(phrase_word[:-1]) and len(word) > len(phrase_word) - 1
    if len(phrase_word) == 3 and word.startswith(phrase_word) and _inflected(phrase_word, word):
        return True  # «хат»: «хаттарды», «хатты», «хаттарыңызды»
    if len(phrase_word) < 4 or len(word) < 4:
        return False  # «от», «на»: other short words only as written
    shorter = min(len(phrase_word), len(word))
    # A shared beginning of 60% of the shorter word (at least 4 letters) is one stem: endings
    # and suffixes differ («согласия»/«согласие», «жаңарту»/«жаңартуды»), stems do not.
    stem = max(4, math.ceil(0.6 * shorter))
    if common_prefix(phrase_word, word) >= stem:
        return True
    if _unstressed_slip(phrase_word, word) or doubled_slip(phrase_word, word, same_word):
        return True
    # One slip (spelling.one_slip) in the stem of a long word; the first letter as typed, since a
    # slip there makes another word more often than not. In a shorter word the stem is too
    # short: a slip in it makes another common word («отписка» / «отпуск», "on vacation").
    core = phrase_word[: max(5, math.ceil(0.6 * len(phrase_word)))]
    if len(phrase_word) < SLIP_MIN_LENGTH or phrase_word[0] != word[0]:
        return False
    return any(one_slip(core, word[:k]) for k in range(len(core) - 1, len(core) + 2))


def _unstressed_slip(phrase_word: str, word: str) -> bool:
    """Whether `word` is `phrase_word` (of UNSTRESSED_MIN letters or more) with one unstressed
    vowel written as it sounds, past the first letter and before the ending: «удолите»,
    «сагласие», «отпешите» (о for а, и for е), the commonest Russian slip, in words too short
    for one_slip's."""
    parting = common_prefix(phrase_word, word)
    # Not in the ending, where и and е tell the mood: «пишите» asks, «пишете» tells.
    if len(phrase_word) < UNSTRESSED_MIN or not 0 < parting < len(phrase_word) - ENDING:
        return False
    if frozenset({phrase_word[parting], word[parting]}) not in UNSTRESSED:
        return False
    return same_word(phrase_word, word[:parting] + phrase_word[parting] + word[parting + 1 :])


@dataclass(frozen=True)
class Phrase:
    """One phrase of the table, ready to match."""

    words: tuple[str, ...]
    kind: str
    language: str
    purpose: str = ""  # the one purpose a withdrawal names; "" for every purpose
    initials = cached_property(lambda self: _initials(self.words))  # kept for _possible


@dataclass(frozen=True)
class Match:
    phrase: Phrase
    start: int  # the index of its first word among the text's key words
    end: int  # the index of its last word
    # It is asked as a question («Можете ли вы отписать меня?»): a request all the same
    # (sentences.asked_of_us), but one the person confirms before it acts (intake.recognise).
    asked: bool = False
    whether: bool = False  # it asks whether or how the writer can (whether.py): no instruction yet
    places: tuple[int, ...] = ()  # the index of each of its words among the text's key words
    told: bool = False  # the writer tells of it («Хочу сообщить об удалении»: still_sent.py)


def find(phrases: list[Phrase], text: str) -> Match | None:
    """The phrase `text` names: the one matched earliest in it, and of those the longest (the
    most specific: «отказ от рассылки» before «отказ»). None when no phrase matches."""
    found = find_each(phrases, text)
    return found[0] if found else None


def find_each(phrases: list[Phrase], text: str) -> list[Match]:
    """Every request `text` names, in order, one match a kind: from its start, the phrase
    matched earliest and of those the longest (find), then the next that shares no word with
    one taken («отзыв согласия на рассылку» is an unsubscribe, not a withdrawal too). A phrase
    named only to deny it claims its words (word_order.kept): «Блокировку данных не снимайте»."""
    matched, withheld, offset, tokens = [], set(), 0, []
    for sentence in sentences(text):
        for phrase in _possible(phrases, sentence):
            places = _placed(phrase, sentence)
            if places is None:  # denied, or a Kazakh verb negated («бұғаттаудан шығармаңыз»)
                places = _placed(phrase, sentence, blocked=True) or _placed(
                    phrase, sentence, same=_same_or_negated)  # fmt: skip
                withheld |= {len(matched)} if places else set()
            if places is not None:
                span = places[0], places[-1]
                asked, told = questioned(sentence, *span), told_of(sentence, *span)
                whether = asked_whether(sentence, *span, phrase.kind)
                at = tuple(place + offset for place in places)
                matched.append(Match(phrase, at[0], at[-1], asked, whether, at, told))
        offset += len(sentence.tokens)
        tokens += sentence.tokens
    kinds, asked = set(), kept(matched, withheld, tokens)
    return [m for m in asked if not (m.phrase.kind in kinds or kinds.add(m.phrase.kind))]


def denied(phrases: list[Phrase], text: str) -> set[str]:
    """The kinds of request `text` names only to deny or question them: after a negation or a
    question word («я не хочу отзывать согласие», «как отписаться?»), or with the Kazakh verb
    negated («келісімді қайтарып алмаймын»), or in a sentence that asks, supposes or declines it
    (sentences.py)."""
    read = [
        (sentence, phrase)
        for sentence in sentences(text)
        for phrase in _possible(phrases, sentence)
    ]
    named = {phrase.kind for sentence, phrase in read if _placed(phrase, sentence) is not None}
    # A kind one phrase names only to deny and another asks for is asked: «Отписываюсь от
    # рассылки» is no «отпишите» the writer will do themselves (verb_forms.own_act), but it is
    # «отписаться».
    either = ({"blocked": True}, {"same": _same_or_negated})
    return {
        phrase.kind
        for sentence, phrase in read
        if phrase.kind not in named and any(_placed(phrase, sentence, **how) for how in either)
    }


def _possible(phrases: list[Phrase], sentence: Sentence) -> list[Phrase]:
    """The phrases whose words' first letters each begin a word of the sentence (_initials), in
    order: the others ruled out once for the sentence, not for each way _placed looks."""
    letters = _initials(sentence.tokens)
    return [phrase for phrase in phrases if phrase.initials <= letters]


def _placed(phrase: Phrase, sentence: Sentence, **how):
    """Where the phrase stands in the sentence (_position), its words in their order or moved
    (word_order.moved: «Мои данные удалите»); only asked of a phrase that can (_possible)."""
    places = _position(phrase, sentence, **how)
    turned = (_position(phrase, sentence, w, **how) for w in moved(phrase.words, phrase.language))
    return places or next((p for p in turned if p and asked_verb(sentence, p)), None)


@lru_cache(maxsize=4096)
def _initials(words: tuple[str, ...]) -> frozenset[str]:
    """The first letters of `words`. A word is the same as another (same_word, _same_or_negated)
    only where both begin with the same letter, so a phrase can stand in a sentence only where
    each of its words' first letters begins a word of the sentence: most phrases are ruled out
    by this alone, before the word-by-word search (_position), in any order of their words."""
    return frozenset(word[:1] for word in words)


@lru_cache(maxsize=65536)
def _same_or_negated(phrase_word, word):
    """`word` is `phrase_word`, or that Kazakh verb with a negation syllable inside it."""
    if same_word(phrase_word, word):
        return True
    at = common_prefix(phrase_word, word)
    return (
        phrase_word.endswith("у")
        and at >= 2
        and word[at : at + 2] in NEGATION_SYLLABLES
        and same_word(phrase_word, word[:at] + word[at + 2 :])
    )


def _other_sense(sentence, places):
    """Whether a word at `places` is one of OTHER_SENSE in its other sense, «отписаться» said to
    the reader (WRITE_BACK), «отписка» a brush-off (BRUSH_OFF): not from anything, beside other
    words; or the letter is one to answer, «шығару» to issue, a list another's (word_order)."""
    tokens, following = sentence.tokens, sentence.following
    for at in places:
        if WRITE_BACK.fullmatch(tokens[at]) and not from_news(sentence, at, WRITER):
            return True
        if any(tokens[at].startswith(word) and after.fullmatch(following[at])
               and (word != ("отзыв",) or REVIEW.fullmatch(tokens[at]))
               for word, after in OTHER_SENSE.items()):  # fmt: skip
            return True
        if tokens[at].startswith(BRUSH_OFF) and following[at] != FROM and len(tokens) > 1:
            return True
    return replying(tokens, sentence.clauses, places) or elsewhere(tokens, following, places)


def _position(phrase: Phrase, sentence: Sentence, words=(), *, blocked=False, same=same_word):
    """The index of each of the phrase's words (or of `words`, its words moved) in the
    sentence's, None when nowhere; with `blocked`, where it stands so that it names no request:
    after a word that makes it none (BLOCKERS), with a verb in the conditional, or withheld by
    its sentence (sentences.py)."""
    tokens, phrase_words = sentence.tokens, words or phrase.words
    for start, token in enumerate(tokens):
        if not same(phrase_words[0], token):
            continue
        at, matched, places = start, [token], [start]
        for before, phrase_word in pairwise(phrase_words):
            following = reach(phrase.language, before, sentence, at)
            at = next((i for i in following if same(phrase_word, tokens[i])), None)
            if at is None:
                break
            matched.append(tokens[at])
            places.append(at)
        else:
            if unurged(sentence, phrase_words, tuple(places)):
                continue  # «Я не могу писать вам» is no «не писать»
            # The words before the match (in its clause: «ссылка не работает, отпишите меня» asks;
            # not another verb's «не», verb_forms.negates_another: «Не удаляйте мои данные,
            # заблокируйте их») and between its words (of the clause the word before stands in:
            # a verb sharing its object with another's, word_order._shared_object, reads not that
            # one's «не», «Заблокируйте и не удаляйте мои данные»), not the phrase's own («не
            # хочу получать письма» is a phrase).
            clauses = sentence.clauses
            before = [i for i in range(max(0, start - 2), start)
                      if not (joining(tokens, i) or negates_another(tokens, i, start))]  # fmt: skip
            around = {tokens[i] for i in before if clauses[i] == clauses[start]} | {
                tokens[i]
                for here, there in pairwise(places)
                for i in range(here, there + 1)
                if clauses[i] == clauses[here] or i == there
            }
            around -= set(phrase_words)
            polite = asked_of_us(sentence, start, at, phrase.kind)
            whether = asked_whether(sentence, start, at, phrase.kind)
            no_request = (
                # A Kazakh question word between its words too: «деректерімді сіздер қашан
                # жоясыздар» (when will you delete) asks when, it does not ask to delete.
                (BLOCKERS | KAZAKH_ASKING) & (around - HOW_WORDS if whether else around)
                # A phrase that is itself a question («какие данные хранятся», «қандай
                # мәліметтер бар») asks for access only about the writer's own data.
                or (phrase_words[0] in OPENING_QUESTION and not sentence.own)
                or (not polite and any(map(supposing, phrase_words, matched)))
                or (phrase.kind in REPORTED and not (polite and sentence.wished)
                    and any(map(reported, phrase_words, matched)))
                or (phrase.kind in REPORTED and phrase.language == "ru"
                    and any(map(own_act, phrase_words, matched)))
                or withheld(sentence, start, at, polite=polite, whether=whether)
                or (not (polite or whether) and able_after(tokens[at:], sentence.clauses[at:]))
                or (phrase.kind in REPORTED and about_it(sentence, start, at))  # informed.py
                or _other_sense(sentence, places)
                # A feature said not to work, «Выгрузка данных не работает» (not_working.py).
                or (phrase.kind != "unsubscribe" and out_of_order(tokens, clauses, start, at))
            )  # fmt: skip
            if bool(no_request) == blocked:
                return tuple(places)
    return None
