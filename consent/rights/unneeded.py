"""A letter that says the news is not wanted, naming no verb of a request (compliance L7, L15):
«Мне не нужна ваша рассылка», «Рассылка не нужна», «Письма мне больше не нужны», «Хабарлама
керек емес», «Хаттарыңыз қажет емес». Each opened "other", due in fifteen working days, while
the news went on: the policy stops them before the next send for whoever objects, in any words.

Read in one clause: a word of the news (NEWS), and «не» before a word of needing or wanting
(«нужна», «интересна»), or Kazakh «керек»/«қажет» then «емес», or «қажеті жоқ». Not when a verb
of a request or an infinitive stands in that clause: «Отписываться от рассылки не нужно»,
«Хабарламалардан бас тарту қажет емес», «Не надо приостанавливать рассылку» decline what they
name (sentences.withheld); nor in a question or a supposition («Если рассылка не нужна, что
делать?»)."""

from itertools import pairwise

from . import limits
from .sentences import INFINITIVE, sentences

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


def news_unneeded(texts: list[str]) -> bool:
    """Whether a sentence of `texts` says the news is not needed (see the module)."""
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
    return False


def _unneeded(words: list[str]) -> bool:
    news = any(w.startswith(NEWS) or w in LETTERS for w in words)
    if not news or any(w.startswith(REQUEST_VERBS) or INFINITIVE.search(w) for w in words):
        return False
    return any(
        (first == "не" and second.startswith(NEEDING))
        or (first.startswith(KAZAKH_NEEDING) and second.startswith(KAZAKH_NOT))
        for first, second in pairwise(words)
    )
