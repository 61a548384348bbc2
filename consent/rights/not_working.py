"""A feature of ours said not to work (compliance L7): «Выгрузка данных на сайте не работает»,
«Исправление данных в личном кабинете не работает», «Выгрузка данных перестала работать»,
«Деректерге қол жеткізу жұмыс істемейді», «Деректерді түзету ашылмайды». The phrase of a request
names the feature («выгрузка данных» is an access request's words), and the letter opened that
request: a link to confirm it mailed, a clock of three working days started, where the writer
reported a fault. A complaint that something does not work is not a request to use it: it names
no request (phrases._position), and opens "other" for an officer to read and answer, as a button
or a link said not to work does (sentences.CONTROLS: «кнопка отписаться не работает»).

Read after the phrase in its clause, within FAILING_AFTER words («…на сайте не работает»): «не»
before a verb of working, opening or loading (WORKING), a verb of breaking or stopping
(BROKEN); Kazakh's verb of working, opening or loading negated inside it (KAZAKH_FAILING),
«істен шықты» (broke down). Only where the phrase names the feature by a noun: a verb asking
(«Выгрузите мои данные, на сайте не работает», «Деректерімді жүктеп беріңіз») still asks, an
infinitive too («прошу выгрузить данные, кнопка не работает»); a Kazakh verbal noun in -у is the
feature's name («деректерді түзету жұмыс істемейді»). Nor a stop of the news: «Отписка от рассылки
не работает» objects to the news, which stop as the letter arrives whatever its words
(still_sent.py, unneeded.py)."""

import re

from .asking import imperative
from .verb_forms import NEGATION_SYLLABLES, VERB

FAILING_AFTER = 4  # words after the phrase read for its failing, «на сайте» between (folded)
# After «не»: works, opens, loads, downloads, happens («не получается»), responds. Folded.
WORKING = ("работа", "сработа", "функционир", "открыва", "откры", "грузи", "загружа", "скачива",
           "получа", "действу", "срабатыва", "отвеча", "нажима", "проход")  # fmt: skip
BROKEN = ("сломал", "перестал", "глючит", "завис", "барахлит")
# Kazakh: «істемейді», «ашылмайды», «жүктелмейді», «шықпайды»; «істен шықты». Folded.
KAZAKH_FAILING = re.compile(
    rf"(исте|ашыл|жуктел|жукте|шык|ис+ке\s?ас)({'|'.join(NEGATION_SYLLABLES)})\w*|истен"
)


def out_of_order(tokens, clauses, start: int, end: int) -> bool:
    """Whether the phrase at tokens[start..end] (each word's clause in `clauses`) names a feature
    said not to work (see the module)."""
    if any(VERB.search(tokens[at]) or imperative(tokens[at]) for at in range(start, end + 1)):
        return False
    after = [at for at in range(end + 1, min(len(tokens), end + 1 + FAILING_AFTER))
             if clauses[at] == clauses[end]]  # fmt: skip
    return any(
        KAZAKH_FAILING.fullmatch(tokens[at])
        or tokens[at].startswith(BROKEN)
        or (tokens[at] in ("не", "ни") and "".join(tokens[at + 1 : at + 2]).startswith(WORKING))
        for at in after
    )
