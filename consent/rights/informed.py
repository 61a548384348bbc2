"""A letter that asks to be told about a deletion or a processing asks for information, not for
the act (compliance L7): «Информацию об удалении данных пришлите», «Пришлите подтверждение
удаления», «Сообщите, удалены ли мои данные», «Деректерімнің жойылғаны туралы хабарлаңыз». The
request's noun («удалении») stood as the object of the information asked for and opened a
destruction, which ends the person's record once confirmed; or it opened "other", due in fifteen
working days, though whether and how their data is held is what an access request answers
(Law 94-V Art. 24(1)(1), three working days). Such a letter opens an access request."""

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
# Kazakh: what it is about, then «туралы» and a word of telling or information after it
# («жойылғаны туралы хабарлаңыз», «жою туралы ақпарат беріңіз», «растауын жіберіңіз»).
ABOUT = "туралы"
KAZAKH_TELLING = ("хабарла", "акпарат", "малимет", "растау", "растап", "аныктама", "жауап")
# What it is about: an end of the data, or its processing (only beside a word of the data:
# «как проходит обработка заказа» asks about an order).
ENDING = ("удал", "уничтож", "стерт", "стер", "жой")
PROCESSING = ("обработ", "обрабат", "ондел", "ондеу")
WITHIN = 3  # words after «туралы» read for a word of telling


def about_it(sentence: Sentence, start: int, end: int) -> bool:
    """Whether the phrase at tokens[start..end] of `sentence` is what information is asked
    about: a noun of INFORMATION right before it in its clause, or (Kazakh) «туралы» right after
    it with a word of telling (KAZAKH_TELLING) following."""
    tokens, clause = sentence.tokens, sentence.clauses[start]
    before = tokens[start - 1] if start and sentence.clauses[start - 1] == clause else ""
    if before.startswith(INFORMATION):
        return True
    after = tokens[end + 1 : end + 1 + WITHIN]  # «туралы» is a function word: not a key word
    return sentence.following[end] == ABOUT and any(w.startswith(KAZAKH_TELLING) for w in after)


def informed(text: str) -> bool:
    """Whether a sentence of `text` asks to be told about an end of the data or its processing
    (ENDING, PROCESSING beside a data word): after a word of telling or information in Russian,
    before «туралы» and a word of telling in Kazakh."""
    for sentence in sentences(text):
        tokens = sentence.tokens
        data = any(word.startswith(DATA_NOUNS) for word in tokens)
        for at, word in enumerate(tokens):
            if not (word.startswith(ENDING) or (data and word.startswith(PROCESSING))):
                continue
            # A noun of information before the end asked for as a verb is what is ended:
            # «Информацию обо мне удалите», «Сведения обо мне удалите» ask for a destruction.
            named = TELLING if ASKED_VERB.search(word) else TELLING + INFORMATION
            if any(_asks(t, named) for t in tokens[:at]):
                return True
            if about_it(sentence, at, at):
                return True
    return False


def _asks(word: str, named: tuple[str, ...]) -> bool:
    """Whether `word` is one of `named`, asked of us: not the writer's own telling."""
    return word.startswith(named) and not (word.startswith(TELLING) and OWN_TELLING.search(word))
