"""A letter that takes back an earlier request of the writer's (compliance L7): «Отмените моё
удаление», «Отзываю свою просьбу об удалении», «Не надо меня удалять, я передумал»,
«Деректерімді жоюды тоқтатыңыз, ойымнан қайттым», «Жазылымнан шығару туралы өтінішімді кері
қайтарамын». It names the request it calls off as an instruction would (the subject line
«Удаление данных», a phrase's words in its own), and it opened that request: a destruction
mailed a link to confirm the end the writer had just called off, the same request joined as if
asked again (joining.file_repeat), «Отзываю свой отзыв согласия» withdrew every consent as it
arrived.

Decided: a letter that takes back a request is about that request, never the request itself. It
opens "other" for an officer, acting on nothing (no destruction, no unsubscribe, no withdrawal),
marked with the type it takes back (Ticket.limits["takes_back"]; "" when its words name none,
«Отмените мою заявку»), and about the sender's open request of that type when they have one
(intake.ingest, `taken_request`), which the desk names. The officer closes that request without
action once the letter is shown to be the person's (its own confirmation link: anyone can write
in their name, and a forged letter must not end someone's erasure), or answers it. A stop
already done (an unsubscribe) is not undone by a letter: the person subscribes again.

Taking back, read in a clause (sentences.py) of the writer's own lines:
- a verb of cancelling or stopping with the act of a request as its object: «отмените удаление»,
  «прекратите удаление», «отмените отписку», «жоюды тоқтатыңыз», «шығаруды болдырмаңыз» (not
  «отмените подписку», «тоқтатыңыз хабарламаларды»: those ask to stop the news);
- a request's noun with a verb of cancelling or taking back: «отзываю свою просьбу», «отменяю
  заявку», «забираю заявление», «отзываю свой отзыв согласия»; Kazakh the noun in the accusative
  or the ablative before its verb, «өтінішімді кері қайтарамын», «өтінішімнен бас тартамын»
  (not «қайтарып алу туралы өтініш», a withdrawal's own heading);
- a change of mind («передумал», «ойымнан қайттым», «райымнан қайттым») in the clause of a
  request's act («я передумал удалять данные»), or beside a request the letter names only to
  deny it («не надо меня удалять, я передумал»), or beside none it asks (a subject line names
  it). «Удалите мои данные … но я передумала подписывать договор» still asks, and a change of
  mind about what its infinitive names takes back nothing («Я передумала учиться»)."""

import re
from itertools import pairwise

from consent.core.models import Subject

from .models import Ticket
from .phrases import Match, Phrase, denied, find_each
from .pieces import pieces
from .sentences import INFINITIVE, sentences
from .spelling import fold

DESTROY, UNSUBSCRIBE, WITHDRAW = "destroy", "unsubscribe", "withdraw"
KINDS = (DESTROY, WITHDRAW, UNSUBSCRIBE)  # the one a letter that names more takes back first
# The act of each request as a noun (or a Kazakh verbal noun), folded (spelling.fold): what a
# verb of cancelling takes back. Not «подписка» or «рассылка», whose cancelling is the
# unsubscribe itself, nor «обработка» (processing), whose stop is the withdrawal.
ACT_NOUNS = {
    DESTROY: re.compile(r"(удалени|стирани|уничтожени|жойу|оширу)\w*"),
    UNSUBSCRIBE: re.compile(r"(отписк|отписывани|исключени|шыгару)\w*"),
    WITHDRAW: re.compile(r"отзыв(а|у|ом|е)?"),
}
# And the verbs, for a change of mind about them: «передумал удалять», «отписываться».
ACT_VERBS = {
    DESTROY: re.compile(r"(удал|стир|стер|уничтож|жой|ошир)\w*"),
    UNSUBSCRIBE: re.compile(r"(отпис|исключ|шыгар)\w*"),
    WITHDRAW: re.compile(r"(отзыв|отозв)\w*"),
}
# A verb of cancelling or stopping, folded: «отмените», «отменяю», «отмена», «прекратите»,
# «остановите», «аннулируйте»; «тоқтатыңыз», «болдырмаңыз». Its object at most NEAR words away
# («отмените удаление моих данных», «деректерімді жоюды тоқтатыңыз»): «прекратите обработку в
# связи с отзывом согласия» stops the processing.
CANCELLING = ("отмен", "прекрат", "прекращ", "останов", "аннулир", "токтат", "болдырма")
NEAR = 2
# A request's noun: «просьба», «заявка», «заявление», «запрос», «обращение», «требование»;
# «өтініш», «сұраныс».
REQUEST_NOUNS = tuple(map(fold, ("просьб", "заявк", "заявлен", "запрос", "обращени", "требовани",
                                 "өтініш", "сұраныс")))  # fmt: skip
# A verb of taking back a thing asked, right beside it (not the noun «отзыв»): «отзываю свою
# просьбу», «забираю заявление», «отказываюсь от заявки», «отзываю свой отзыв согласия»
# («отзываю согласие по заявлению от 5 мая» withdraws).
TAKING_BACK = re.compile(r"(отзыва(йу|ем|ть|йте)|отозв\w+|забира\w*|забер\w*|отказыва\w*|откаж\w*)")
# Kazakh, the noun in the accusative or the ablative, its verb at most NEAR words after it:
# «өтінішімді кері қайтарамын», «…кері аламын», «…қайтарып аламын», «өтінішімнен бас тартамын»,
# «өтінішімді жойыңыз» (right after it: «өтінішімді қарап деректерімді жойыңыз» asks).
KAZAKH_TAKING_BACK = ("кери", "кайтар", "тарт", "токтат", "болдырма")
KAZAKH_DELETE = "жойыныз"
KAZAKH_OBJECT = re.compile(r"\w+([дт][ыи]|[дтн][ае]н)")
# A change of mind: «передумал(а)», «передумали»; «ойымнан қайттым», «райымнан қайттым»,
# «ойым өзгерді», «шешімімді өзгерттім».
CHANGED_MIND = re.compile(r"передума\w*")
KAZAKH_MIND = ("ойым", "райым", "шешимим")
KAZAKH_TURNED = ("кайт", "озгер")

# English, read in a sentence's own words (words() reads them as transliterated Russian): a verb
# of cancelling, then within ENGLISH_NEAR words a request, a letter or an act's noun («cancel my
# request», «withdraw my previous email», «ignore my request to delete my data», «cancel the
# deletion»; not «withdraw my consent», «cancel my subscription»: those ask); a change of mind
# as the Russian one («I changed my mind», «I've changed my mind about deleting»).
ENGLISH_CANCELLING = re.compile(
    r"\b(?:cancel\w*|withdraw|retract|revoke|disregard|ignore|call off|take back)"
    r"((?: [\w']+){0,4}?) (?:request|email|e-mail|letter|message|application|deletion|erasure"
    r"|removal|unsubscription|withdrawal)s?\b"
)
# Words that make the noun our mail or the consent, not the writer's request: «withdraw consent
# for marketing emails», «cancel your newsletter emails» ask to stop them.
ENGLISH_OURS = re.compile(
    r"\b(?:consent|your|marketing|promotional|advertising|news|newsletters?)\b"
)
ENGLISH_CHANGED_MIND = re.compile(r"\bchanged? (?:of )?my mind\b|\bchange of mind\b")
ENGLISH_CLAUSES = re.compile(r"[,;:—–]|\s-\s|\b(?:but|and|so)\b")
ENGLISH_ACTS = {
    DESTROY: re.compile(r"\b(?:delet|eras|remov)\w*"),
    UNSUBSCRIBE: re.compile(r"\bunsubscri\w*"),
    WITHDRAW: re.compile(r"\bwithdrawal\b"),
}


def takes_back(
    phrases: list[Phrase], written: list[str], body: str, named: list[Match]
) -> str | None:
    """The type of request the letter's own words (`written`: its subject line and its first
    lines, `body` those lines) take back: "destroy", "unsubscribe" or "withdraw"; when they say
    none, the first the phrases `named` in them name, "" when they name none either. None when
    they take back nothing."""
    found = None
    for sentence in (sentence for text in written for sentence in sentences(text)):
        kind = _taken(sentence, phrases, body)
        if kind is not None:
            found = kind or found or ""
    for piece in (piece for text in written for piece in pieces(text)):
        kind = _taken_in_english(" ".join(piece.casefold().split()), phrases, body)
        if kind is not None:
            found = kind or found or ""
    if not found:
        kinds = {match.phrase.kind for match in named}
        return found if found is None else next((k for k in KINDS if k in kinds), "")
    return found


def _taken(sentence, phrases, body) -> str | None:
    tokens, clauses = sentence.tokens, sentence.clauses
    for clause in dict.fromkeys(clauses):
        own = [tokens[at] for at in range(len(tokens)) if clauses[at] == clause]
        cancelled = _cancelled(own)
        if cancelled is not None:
            return cancelled
        if _changed_mind(own) and not _of_something_else(own):
            acted = _act(own, ACT_VERBS)
            if acted is not None:
                return acted
            denials = denied(phrases, body)
            if denials or not find_each(phrases, body):  # «ойым өзгерді, ештеңе жоймаңыз»
                acts = [word for read in sentences(body) for word in read.tokens]
                return next((k for k in KINDS if k in denials), None) or _act(acts, ACT_VERBS) or ""
    return None


def _taken_in_english(text, phrases, body) -> str | None:
    """The type an English sentence takes back (ENGLISH_CANCELLING, ENGLISH_CHANGED_MIND), read
    as _taken reads a Russian one; None when it takes back nothing."""
    for cancelled in ENGLISH_CANCELLING.finditer(text):
        if not ENGLISH_OURS.search(cancelled[1]):
            return _english_act(text[cancelled.start(1) :]) or ""
    changed = ENGLISH_CHANGED_MIND.search(text)
    if changed is None:
        return None
    clause = next(c for c in ENGLISH_CLAUSES.split(text[changed.start() :]) if c)
    before = ENGLISH_CLAUSES.split(text[: changed.start()])[-1]
    if (acted := _english_act(before + clause)) is not None:  # «I changed my mind about deleting»
        return acted
    denials = denied(phrases, body)
    if denials or not find_each(phrases, body):  # «Changed my mind, keep me subscribed»
        return next((k for k in KINDS if k in denials), None) or _english_act(body.casefold()) or ""
    return None


def _english_act(text) -> str | None:
    return next((kind for kind, act in ENGLISH_ACTS.items() if act.search(text)), None)


def _act(words, acts) -> str | None:
    return next((kind for kind, act in acts.items() if any(act.fullmatch(w) for w in words)),
                None)  # fmt: skip


def _cancelled(words) -> str | None:
    """The type a clause's words cancel (an act's noun, ACT_NOUNS), "" for a request's noun
    (REQUEST_NOUNS) whose words name no act; None when they cancel nothing."""
    for at, word in enumerate(words):
        near = words[max(0, at - NEAR) : at] + words[at + 1 : at + 1 + NEAR]
        beside = words[max(0, at - 1) : at] + words[at + 1 : at + 2]
        act = _act([word], ACT_NOUNS)
        request = word.startswith(REQUEST_NOUNS)
        if act is None and not request:
            continue
        if any(w.startswith(CANCELLING) for w in near) or any(map(TAKING_BACK.fullmatch, beside)):
            return act or _act(words, ACT_NOUNS) or ""
        after = words[at + 1 : at + 1 + NEAR]
        if (
            request
            and KAZAKH_OBJECT.fullmatch(word)
            and (
                any(w.startswith(KAZAKH_TAKING_BACK) for w in after) or after[:1] == [KAZAKH_DELETE]
            )
        ):
            return _act(words, ACT_NOUNS) or ""
    return None


def _of_something_else(words) -> bool:
    """Whether a change of mind names what it is about by the infinitive after it, no act of a
    request: «Я передумала учиться. Прошу удалить мою анкету» took back a destruction, the
    person told not to press a link she never had, her request to delete read by no rule."""
    return any(
        CHANGED_MIND.fullmatch(word)
        and INFINITIVE.search(following)
        and _act([following], ACT_VERBS) is None
        for word, following in pairwise(words)
    )


def _changed_mind(words) -> bool:
    if any(CHANGED_MIND.fullmatch(word) for word in words):
        return True
    return any(
        word.startswith(KAZAKH_MIND)
        and words[at + 1 : at + 2]
        and words[at + 1].startswith(KAZAKH_TURNED)
        for at, word in enumerate(words)
    )


def taken_request(holder: Subject | None, sender: str, limits: dict | None) -> Ticket | None:
    """The request a letter whose `limits` say it takes back one of a type (limits["takes_back"],
    "" for any but a question) is about: the person's on record (`holder`), else the address's;
    the latest open, else the latest of that type answered (an unsubscribe, done as it
    arrived); None for a letter that takes back nothing, or when there is none."""
    if "takes_back" not in (limits or {}):
        return None
    kind = limits["takes_back"]
    found = Ticket.objects.exclude(type=Ticket.Type.OTHER)
    found = found.filter(type=kind) if kind else found
    if holder is not None:
        found = found.filter(subject=holder)
    else:
        found = found.filter(subject=None, email__address=sender)
    latest = found.order_by("-received_at", "-id")
    return latest.filter(status__in=Ticket.OPEN_STATUSES).first() or (
        latest.first() if kind else None
    )
