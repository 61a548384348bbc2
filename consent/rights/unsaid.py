"""A verb of deleting or stopping whose object the letter leaves unsaid, in a letter that names
both the writer's data and the news (compliance L7, L15): «Деректерім бар, хабарлама да келеді,
өшіріңіз», «Хабарлама келеді, деректерім де бар, өшіріңіз», «Мои данные у вас есть, рассылка
тоже приходит, удалите». Read by the table's phrases it was an unsubscribe, closed as it arrived
with no officer reading it, or a destruction of everything held once confirmed, by whichever
noun stood nearer the verb: either was a guess at what the person meant, and an unsubscribe
left a destruction they asked for unread.

Decided: an officer reads it, as one whose pronoun may stand for the data does (pronouns.py):
"other" (Ticket.Limit.UNSAID), the officer asks or changes the type to what it means. Both
readings end the news: they stop as it arrives from an address on record (limits.narrowed,
compliance L14, L15), only the deletion waits for the officer. Not when a clause of the letter
says what it deletes or stops («Деректерімді жойыңыз. Хабарламалар да келеді, өшіріңіз»: the
destruction is named), nor a letter that names only one of the two («Хабарламалар күнде келеді,
өшіріңіз» stops the news)."""

import re

from .sentences import sentences
from .spelling import fold, word_set
from .word_order import DATA_NOUNS, PRONOUN_WORDS

# Verbs that delete or stop either the data or the news, folded beginnings.
VERBS = ("удал", "сотр", "стер", "уничтож", "убер", "отключ", "выключ", "прекрат", "останов",
         "жой", "ошир", "токтат", "тазала", "таста")  # fmt: skip
# Asked: the imperative («удалите», «өшіріңіз», «-шы»), or the infinitive after «прошу» or
# before «сұраймын» («удалить», «өшіруді»). Not «удалили», «өшірілді», «өшірсеңіз». Folded.
ASKED = re.compile(r"\w+(ите|йте|ьте|ть|н[ыи]з|н[ыи]зш[ыи]|н[ыи]здар|ндар|уд[ыи])")
# Words that may stand beside the verb alone in its clause, folded: «отключите уже», «срочно».
FILLERS = frozenset(map(fold, word_set("уже срочно наконец скорее просто плиз немедленно сразу "
                                       "лучше тез тезирек енди")))  # fmt: skip
# Words of a verb of two («алып тастаңыз») and of a request's courtesy, beside the verb alone.
BESIDE = frozenset({"алып", "кери", "тоже", "тагы", "да", "де"})


def object_unsaid(text: str, news: tuple[str, ...]) -> bool:
    """Whether `text` names both the data (DATA_NOUNS) and the news (`news`, folded
    beginnings: limits.MAILING), asks a verb of VERBS with no object in its clause but for a
    pronoun, and says the object of none."""
    alone, said = False, False
    found = sentences(text)
    every = [word for sentence in found for word in sentence.tokens]
    if not any(w.startswith(DATA_NOUNS) for w in every) or not any(
        w.startswith(news) for w in every
    ):
        return False
    besides = FILLERS | BESIDE | PRONOUN_WORDS
    for sentence in found:
        for at, word in enumerate(sentence.tokens):
            if not (word.startswith(VERBS) and ASKED.fullmatch(word)):
                continue
            clause = [w for w, c in zip(sentence.tokens, sentence.clauses, strict=True)
                      if c == sentence.clauses[at] and w != word]  # fmt: skip
            if all(w in besides for w in clause):
                alone = True
            else:
                said = True
    return alone and not said
