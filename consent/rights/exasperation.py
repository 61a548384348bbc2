"""Exasperation written as a question (compliance L7, L15): «Сколько раз просить отписать меня
от рассылки?», «Сколько можно?! Прекратите слать спам», «Қанша рет айту керек, мені
таратылымнан шығарыңыз!». The writer has asked before and asks again, angrier; read as a
question, the request was withheld (sentences.questioned) and nothing was stopped, or the
unsubscribe was opened for an officer as if it asked something more (besides.py).

The frame, «сколько раз просить», «сколько можно», «в который раз», «доколе», «қанша рет айту
керек», «қашанға дейін», is taken out of the subject line and the first lines as the intake reads
them for a request (intake.recognise), and the «?» that closes its sentence read as the «!» it
stands for. Only so framed: «Сколько раз в неделю занятия?», «Сколько можно пропустить
занятий?», «Қашанға дейін тіркелуге болады?» still ask. Whether a letter asks anything at all
(asked_nothing.py) is read on the words as written: «Сколько можно?!» alone asks an officer.
"""

import re

# «Сколько (же) раз», «в который раз», «қанша рет», then at most three words («я должна», «вам
# ещё») before a verb of asking, reminding or writing again (not «письма», «жазылым»).
_AGAIN = (
    r"(?:сколько\s+(?:же\s+)?(?:раз|можно)|в\s+(?:который|какой)\s+раз|[қк]анша\s+рет)"
    r"(?:\s+[^\W\d_]+){0,3}?"
    r"\s+(?:(?:по)?прос|писат|писал|пишу|напис|напомин|повтор|говор|объясн|жалов|айт|жазу|жазд"
    r"|жазам|с[ұу]ра|өтін|отин|ескерт)[^\W\d_]*(?:\s+керек)?(?:\s+пе)?"
)
# «Сколько можно», «доколе», «қашанға дейін» as a sentence of their own («Сколько можно
# присылать эти письма?» asks on: for an officer to read).
_ENOUGH = (
    r"(?:сколько\s+(?:же\s+)?можно|доколе|[қк]ашан[ғг]а\s+(?:дейін|дейин))"
    r"(?:\s+(?:уже|же|ещё|еще))*(?=\s*[?!.…])"
)
FRAME = re.compile(
    rf"(?<![^\W\d_])(?:{_AGAIN}|{_ENOUGH})(?![^\W\d_])(?P<rest>[^?!.…\n]*)(?P<end>[?!.…]*)",
    re.IGNORECASE,
)


def calmed(text: str) -> str:
    """`text` without the frame of exasperation, its sentence ending as an exclamation."""
    return FRAME.sub(lambda m: m["rest"] + ("!" if "?" in m["end"] else m["end"]), text)
