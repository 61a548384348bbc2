"""A letter that asks to be told about a deletion or a processing asks for information, not for
the act (compliance L7): «Информацию об удалении данных пришлите», «Пришлите подтверждение
удаления», «Сообщите, удалены ли мои данные», «Деректерімнің жойылғаны туралы хабарлаңыз». The
request's noun («удалении») stood as the object of the information asked for and opened a
destruction, which ends the person's record once confirmed; or it opened "other", due in fifteen
working days, though whether and how their data is held is what an access request answers
(Law 94-V Art. 24(1)(1), three working days). Such a letter opens an access request.

So does a verb of telling asked of us right before the noun: «Прошу сообщить об удалении моих
данных», «Уведомите меня об уничтожении», «Прошу подтвердить удаление», «Деректерімді жою туралы
растама / хабар жіберіңіз» each opened a destruction. Decided: «сообщить об удалении» asked of us
(«сообщите», «прошу сообщить») is to be told of it, as «информацию об удалении» is; the
writer's own telling («Сообщаю / Уведомляю об отзыве согласия», «Подтверждаю удаление», «…
туралы хабарлаймын», «хабарлағым келеді») tells us of their request and asks to be told
nothing: the request its noun names stands, or none when it tells of a deletion done
(«Деректерімнің жойылғаны туралы хабарлаймын»), which opened an access request."""

import re

from .sentences import Sentence, sentences
from .word_order import ASKED_VERB, DATA_NOUNS

# Russian: what is asked for, right before what it is about («информацию об удалении»,
# «подтверждение удаления», «справку об уничтожении»), and a verb of telling anywhere before it
# («сообщите, удалены ли»). Folded beginnings.
# Not «уведомление»: «Уведомление об отзыве согласия» is how a formal withdrawal is titled.
INFORMATION = ("информац", "сведен", "подтвержден", "справк", "отчет")
TELLING = ("сообщ", "уведом", "информир", "подтверд", "подтвержд", "напиш", "ответ")
# But the writer's own telling asks to be told nothing: the first person, present or future
# («Подтверждаю удаление», «Подтверждаю, удаляйте», the answer to our confirmation mail;
# «Сообщаю, что…», «Напишу позже»): -ю after a vowel (folded -йу, spelling.fold), -у after a
# consonant, -сь after either.
OWN_TELLING = re.compile(r"(йу|[^аеиоуыэюяйь]у)(сь)?$")
# Right before the noun, a verb of telling as asked (the infinitive after «прошу», the imperative),
# not its noun: «Уведомление / Сообщение об отзыве согласия» titles a withdrawal.
ASKED_TELLING = re.compile(r"(ть|те)$")
# Nor does the writer's wish to tell: «Хочу сообщить об удалении…», «хотела бы уведомить». Folded.
WISHING = ("хоч", "хот", "жела", "собира")
# Kazakh: what it is about, then «туралы» and a word of telling or information after it
# («жойылғаны туралы хабарлаңыз», «жою туралы ақпарат беріңіз», «растауын жіберіңіз»).
ABOUT = "туралы"
KAZAKH_TELLING = ("хабар", "акпарат", "малимет", "раста", "аныктама", "жауап")
# The writer's own telling in Kazakh: the first person («хабарлаймын», «хабарлаймыз») and its
# wish («хабарлағым келеді»). Folded.
KAZAKH_OWN_TELLING = re.compile(r"(м[ыи]н|м[ыи]з|[гк][ыи]м)$")
# What it is about: an end of the data, or its processing (only beside a word of the data:
# «как проходит обработка заказа» asks about an order).
ENDING = ("удал", "уничтож", "стерт", "стер", "жой", "ошир")
PROCESSING = ("обработ", "обрабат", "ондел", "ондеу")
WITHIN = 3  # words after «туралы» (or a Kazakh participle, KAZAKH_DONE) read for one of telling
# A Kazakh end in its participle, the passive too: «жойғаныңызды», «жойылғанын», «өшірілгенін».
KAZAKH_DONE = re.compile(r"(жой|ошир)(ыл|ил)?[гк][ае]н")


def about_it(sentence: Sentence, start: int, end: int) -> bool:
    """Whether the phrase at tokens[start..end] of `sentence` is what information is asked
    about: a noun of INFORMATION or a verb of TELLING asked of us right before it in its clause,
    or (Kazakh) «туралы» right after it with a word of telling (KAZAKH_TELLING) following, not
    the writer's own."""
    tokens, clause = sentence.tokens, sentence.clauses[start]
    before = tokens[start - 1] if start and sentence.clauses[start - 1] == clause else ""
    if _asks(before, INFORMATION, []) or (
        ASKED_TELLING.search(before) and _asks(before, TELLING, tokens[: start - 1])
    ):
        return True
    after = tokens[end + 1 : end + 1 + WITHIN]  # «туралы» is a function word: not a key word
    return sentence.following[end] == ABOUT and any(
        w.startswith(KAZAKH_TELLING) and not KAZAKH_OWN_TELLING.search(w) for w in after
    )


def told_of(sentence: Sentence, start: int, end: int) -> bool:
    """Whether the phrase at tokens[start..end] of `sentence` is what the writer tells us of: a
    verb of TELLING of their own («Сообщаю», «Хочу сообщить об удалении») right before it in
    its clause, or (Kazakh) «туралы» right after it with their own word of telling following
    («…өшіру туралы хабарлаймын»). A request so told stands (about_it), unless the letter says
    the news still comes after it (still_sent.py)."""
    tokens, clause = sentence.tokens, sentence.clauses[start]
    before = tokens[start - 1] if start and sentence.clauses[start - 1] == clause else ""
    wished = any(w.startswith(WISHING) for w in tokens[max(0, start - 3) : max(0, start - 1)])
    if before.startswith(TELLING) and (OWN_TELLING.search(before) or wished):
        return True
    after = tokens[end + 1 : end + 1 + WITHIN]
    return sentence.following[end] == ABOUT and any(
        w.startswith(KAZAKH_TELLING) and KAZAKH_OWN_TELLING.search(w) for w in after
    )


def informed(text: str) -> bool:
    """Whether a sentence of `text` asks to be told about an end of the data or its processing
    (ENDING, PROCESSING beside a data word): after a word of telling or information in Russian,
    before «туралы» and a word of telling in Kazakh, or in its participle before one."""
    for sentence in sentences(text):
        tokens = sentence.tokens
        data = any(word.startswith(DATA_NOUNS) for word in tokens)
        for at, word in enumerate(tokens):
            if not (word.startswith(ENDING) or (data and word.startswith(PROCESSING))):
                continue
            # A noun of information before the end asked for as a verb is what is ended:
            # «Информацию обо мне удалите», «Сведения обо мне удалите» ask for a destruction.
            named = TELLING if ASKED_VERB.search(word) else TELLING + INFORMATION
            if any(_asks(t, named, tokens[:i]) for i, t in enumerate(tokens[:at])):
                return True
            if about_it(sentence, at, at) or _told_done(word, tokens[at + 1 : at + 1 + WITHIN]):
                return True
    return False


def _told_done(word: str, after: list[str]) -> bool:
    """Whether a Kazakh end in its participle («жойғаныңызды», «жойылғанын», «өшіргеніңізді»:
    that you deleted, that it was deleted) is what a word of telling after it asks to be told
    («растаңыз», «хабарлаңыз»), not the writer's own."""
    return bool(KAZAKH_DONE.match(word)) and any(
        w.startswith(KAZAKH_TELLING) and not KAZAKH_OWN_TELLING.search(w) for w in after
    )


def _asks(word: str, named: tuple[str, ...], before: list[str]) -> bool:
    """Whether `word` (after the words `before` it) is one of `named`, asked of us: not the
    writer's own telling, nor told as their wish (WISHING)."""
    own = OWN_TELLING.search(word) or any(w.startswith(WISHING) for w in before[-2:])
    return word.startswith(named) and not (word.startswith(TELLING) and own)
