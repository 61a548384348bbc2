"""A question of whether, or how, the writer can use a right (compliance L7, L8): «Можно ли
удалить мои данные?», «Могу ли я отозвать согласие», «Как отписаться от рассылки?», «Что нужно
сделать, чтобы удалить мои данные», «Деректерімді жоюға бола ма?», «Келісімімді қайтарып ала
аламын ба?», «Деректерімді қалай жоюға болады?», «бас тарту үшін не істеу керек».

The law gives the person the right however they phrase it, so such a question is about the
request of its phrase: it opens as that type, due when the law says for it, for the officer to
see. But a question is not yet an instruction: the request does nothing as it arrives, and the
person is told that they can and how (intake.recognise, tickets.ticket_open). What still
withholds the phrase withholds it here too (sentences.withheld): a negation («можно ли не
удалять»), a supposition («что будет, если отозвать»), the past («вы уже отписали меня?»), and
questions of when, why or how long («когда вы удалите», «қанша уақыт алады»), which ask about
a request rather than whether to make one.
"""

from itertools import pairwise

from .asking import DOING, KAZAKH_PAST_YOU, YOU_CONDITIONAL, imperative
from .sentences import (
    ACCESS,
    QUESTION_PARTICLES,
    Sentence,
    asked_of_us,
    questioned,
    sentences,
)
from .spelling import fold, word_set

# Russian, before the phrase in its clause: can I, is it possible, have I the right, may I
# («можно ли», «могу ли я», «возможно ли», «имею ли я право», «вправе ли я»), how
# («как», «каким образом»). Folded (spelling.fold).
CAN = word_set("можно могу смогу можем возможно вправе право права")
HOW = word_set("как каким калай")
# «Как можно скорее удалите мои данные» (as soon as possible), «Можно ли побыстрее?» (hurry)
# ask nothing of the kind. Folded beginnings, of the word after «как» or «можно», or the next.
NOT_HOW = ("скоре", "быстре", "раньше", "поскоре", "побыстре", "пораньше")
# «Что нужно сделать, чтобы отписаться»: a sentence opening with what or how, and «чтобы»
# before the phrase in its clause.
OPENING = word_set("что как каким")
SO_THAT = word_set("чтобы чтоб")
# Kazakh, after the phrase in its clause, asked («?», or a particle after it): «жоюға бола ма»,
# «алуға болады ма», «өшіруге мүмкіндік бар ма», «қайтарып ала аламын ба» (can I).
KAZAKH_CAN = ("бола", "мумкин", "аламын", "аламыз")
# «…бас тарту үшін не істеу керек» (what must be done to): how, with no question mark.
KAZAKH_WHAT = "не"
KAZAKH_DO = ("исте",)
# The words a question of how holds that otherwise make a phrase no request
# (spelling.BLOCKERS, sentences.KAZAKH_ASKING).
HOW_WORDS = HOW | {"how"}
# «Как» joining a clause, no question of how: «после того как», «так как», «тогда как», «в то
# время как» (the word before it), «как только» (after it). «После того как пришлёте копию,
# удалите всё» read the copy as asked how to get; «Удалите мои данные так как я больше не
# клиент» as a question of whether, nothing done. Folded.
JOINING_BEFORE = word_set("того так тогда время")
JOINING_AFTER = word_set("только")


# A doubt after a «but» that follows the phrase: «Я бы хотела отозвать согласие, но боюсь, что
# тогда не смогу учиться», «…, но не знаю как», «…, бірақ қорқамын»: not yet an instruction,
# though no question; acted on as it arrived, it ended the course she feared to lose. Not the
# act done as it is said («Отзываю согласие, но не уверена, что правильно пишу»). Folded.
BUT = word_set("но однако бирак алайда")
DOUBTING = ("бойус", "опасайус", "сомнева", "коркам", "коркып", "билмеймин", "сенимсиз")
NOT_SURE = (("не", "знайу"), ("не", "уверен"), ("не", "уверена"), ("сенимди", "емес"))
# The request asked of us before the «but» is an instruction, whatever doubt follows: «Прошу
# отозвать моё согласие, но боюсь, что поздно», «Отпишите меня, но не уверена, что это
# сработает» (the imperative; «прошу» in its clause, sentences.URGING; the act done as it is
# said, DOING). Only a wish is doubted.


def _instructed(sentence: Sentence, start: int, end: int) -> bool:
    """Whether the phrase at tokens[start..end] is asked of us, or its act done as it is said."""
    clause = sentence.clauses[start]
    return clause in sentence.urged or any(
        DOING.fullmatch(word)
        or (imperative(word) and not (YOU_CONDITIONAL.search(word) or KAZAKH_PAST_YOU.search(word)))
        for at, word in enumerate(sentence.tokens[: end + 1])
        if sentence.clauses[at] == clause
    )


def _doubted(tokens) -> bool:
    """Whether `tokens`, the words after a phrase, hold a «but» and a doubt after it."""
    but = next((at for at, word in enumerate(tokens) if word in BUT), None)
    rest = tokens[but + 1 :] if but is not None else ()
    return any(word.startswith(DOUBTING) for word in rest) or any(
        pair in NOT_SURE for pair in pairwise(rest)
    )


def asked_whether(sentence: Sentence, start: int, end: int, kind: str) -> bool:
    """Whether the phrase at tokens[start..end] of `sentence`, of a request of `kind`, stands in
    a question of whether or how the writer can do it (see the module's docstring; what
    withholds it is read by sentences.withheld); not when it is asked of us politely
    (sentences.asked_of_us: «Могу ли я попросить вас удалить…», «шығарсаңыз бола ма»; of
    access, any question about the writer's own is, but only one of whether we can is polite)."""
    if asked_of_us(sentence, start, end, kind) and (kind != ACCESS or sentence.able):
        return False
    tokens, clause = sentence.tokens, sentence.clauses[start]
    own = [at for at in range(len(tokens)) if sentence.clauses[at] == clause]
    after = [at for at in own if at > end]
    for at in own:
        following = tokens[at + 1] if at + 1 < len(tokens) else ""
        if tokens[at] in HOW and not following.startswith(NOT_HOW) and not joining(tokens, at):
            return True
        if at <= end and tokens[at] in CAN and not following.startswith(NOT_HOW):
            return True
        if at < start and tokens[at] in SO_THAT and tokens[0] in OPENING:
            return True
    said = _instructed(sentence, start, end)  # «Отзываю…, но…», «Прошу…, но…»
    if not said and _doubted(tokens[end + 1 :]):
        return True
    asked = questioned(sentence, start, end)
    for at in after:
        following = tokens[at + 1] if at + 1 < len(tokens) else ""
        if tokens[at] == KAZAKH_WHAT and following.startswith(KAZAKH_DO):
            return True
        if tokens[at].startswith(KAZAKH_CAN) and (asked or following in QUESTION_PARTICLES):
            return True
    return False


def joining(tokens: tuple[str, ...], at: int) -> bool:
    """Whether tokens[at] is a «как» that joins a clause (JOINING_BEFORE, JOINING_AFTER)."""
    if tokens[at] not in HOW:
        return False
    before = tokens[at - 1] if at else ""
    after = tokens[at + 1] if at + 1 < len(tokens) else ""
    return before in JOINING_BEFORE or after in JOINING_AFTER


# A question of how naming no request's words, under a subject line that names it (scoped.py):
# «Как это сделать?», «Каким образом?», «Можно ли?», «Что для этого нужно?», «Бұны қалай жасауға
# болады?», «Ол үшін не істеу керек?». Not how things are («Как дела?», «Жағдайыңыз қалай?»),
# nor exasperation («Сколько можно?», «Как вам не стыдно?»), nor why or when. Folded.
MEANS = frozenset(map(fold, word_set("образом способом нужно надо необходимо требуется")))
# Doing it, unnamed: «сделать», «оформить», «подать», «написать» (not «Как записаться на курс?»,
# a question of something else). Folded beginnings.
DO_VERBS = ("сдела", "делат", "оформ", "пода", "осуществ", "поступ", "написа", "отправ")
NOT_ASKING_HOW = frozenset(map(fold, word_set("сколько почему зачем когда неге кашан")))
# Nor how to understand what was done, nor how «you» could: «Как это понимать?», «Бұны қалай
# түсінуге болады?», «Как вы можете так поступать?» (reproach, not the writer's way to a request).
# Folded beginnings; the word after «как».
UNDERSTANDING = ("понима", "понят", "тусин")
YOU = word_set("вы")
KAZAKH_STATE = ("жагдай", "хал", "истер", "денсаулы")


def asks_how(text: str) -> bool:
    """Whether a sentence of `text` asks how, or whether, the writer can do what it leaves
    unnamed: under a subject line naming a request («Отзыв согласия» above «Как это
    сделать?»), a question about that request, not yet an instruction (scoped.scoped)."""
    for sentence in sentences(text):
        tokens = sentence.tokens
        if NOT_ASKING_HOW & set(tokens) or any(w.startswith(UNDERSTANDING) for w in tokens):
            continue
        doing = any(word.startswith(DO_VERBS) for word in tokens) or bool(MEANS & set(tokens))
        for at, word in enumerate(tokens):
            before, following = tokens[at - 1] if at else "", tokens[at + 1 : at + 2] or [""]
            hurried = any(next_.startswith(NOT_HOW) for next_ in tokens[at + 1 : at + 3])
            if hurried or before.startswith(KAZAKH_STATE):
                continue
            you = at < len(sentence.following) and sentence.following[at] in YOU
            if word in HOW and (doing or word == "калай") and following[0] != "не" and not you:
                return True
            if word in CAN and sentence.asked:
                return True
            if word == "что" and doing and sentence.asked:
                return True
            if word == KAZAKH_WHAT and following[0].startswith(KAZAKH_DO):
                return True
            if word.startswith(KAZAKH_CAN) and (
                sentence.asked or following[0] in QUESTION_PARTICLES
            ):
                return True
    return False
