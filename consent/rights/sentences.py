"""A text cut into the sentences and clauses a phrase is matched in (phrases.py), and what a
sentence or a clause does to the requests it names: asks about them («Можно ли удалить мои
данные?», «Деректерімді жоюға бола ма»), supposes them («Если я отзову согласие, что будет»,
«келісімді қайтарып алсам») or declines them after naming them («Отписываться от рассылки не
хочу», «бас тарту қажет емес»). Such a sentence names no request: the mailbox is the operator's
general address, and a withdrawal or an unsubscribe from an address on record takes effect as
it arrives (compliance L7).
"""

import re
from dataclasses import dataclass

from .spelling import FUNCTION_WORDS, fold, words

_UPPER = "A-ZА-ЯЁӘҒҚҢӨҰҮҺІ"
# Where a sentence ends: after «?», «!», «;» or «…»; after a full stop before a capital or the
# end (not «перс. данных», «т.е.»); at a line break before a blank line or a capital (a line
# wrapped by the mail program goes on in small letters).
SENTENCE_END = re.compile(
    rf"(?<=[?!;…])|(?<=\.)(?=\s+[{_UPPER}\d]|\s*$)|\n(?=[ \t]*\n|[ \t]*[{_UPPER}])"
)
CLAUSE_END = re.compile(r",")
ASKED = re.compile(r"\?[\s\"'»“”)\]]*$")
# Question particles, written as words of their own: Russian «ли» («можно ли удалить»), and
# after the phrase Kazakh «ма», «ме», «ба», «бе», «па», «пе» («жоюға бола ма»); before it one is
# most often the greeting («Сәлеметсіз бе, келісімімді қайтарып аламын»).
ASKING = "ли"
QUESTION_PARTICLES = frozenset({"ма", "ме", "ба", "бе", "па", "пе"})
# A clause that begins «если» (if) supposes what follows in it; «Если можно, удалите мои данные»
# asks in the clause after the comma.
SUPPOSING = frozenset({"если", "ежели", "коли", "егер", "if"})
# «не хочу, чтобы вы удаляли»: a «не» before «чтобы» denies what follows it.
SO_THAT = frozenset({"чтобы", "чтоб"})
# After a phrase, in its clause (DECLINED_AFTER words): a Kazakh auxiliary negated, as a verb made
# of a converb and an auxiliary is negated in it («қайтарып алмаймын», I will not take back), a
# wish or a possibility too («қайтарып алғым келмейді», «жоюға болмайды»); «не» with a word of
# wanting or needing («не хочу», «не надо», «не требуется»); «нет»; Kazakh «емес» («керек
# емес», «қажет емес») and «жоқ» («қажеті жоқ»). All folded (spelling.fold).
AUXILIARIES = "ал|бер|жибер|таста|кой|сал|шыгар|кет|кел|бол"
NEGATED_AUXILIARY = re.compile(rf"^({AUXILIARIES})(ма|ме|ба|бе|па|пе)")
# Right after a phrase, an auxiliary in the conditional supposes it: «қайтарып алсам» (if I take
# back), as the phrase's own verb would (phrases.CONDITIONAL).
SUPPOSING_AUXILIARY = re.compile(rf"^({AUXILIARIES})с[ае]")
DECLINING = frozenset({"нет", "емес", "жок"})
WANTING = ("хоч", "хот", "жела", "прош", "надо", "нуж", "треб", "стоит", "буд", "собира", "обяз")
DECLINED_AFTER = 2  # words after a phrase read for the decline


@dataclass(frozen=True)
class Sentence:
    """One sentence: its key words (spelling.key_words), the clause each belongs to, and
    whether it asks a question."""

    tokens: tuple[str, ...]
    clauses: tuple[int, ...]
    asked: bool
    # (key word index, clause) of each Kazakh question particle: it asks in its clause, after
    # the phrase
    particles: tuple[tuple[int, int], ...]
    supposed_from: tuple[int, ...]  # per clause: the key word index «если» stands at, or -1


def sentences(text: str) -> list[Sentence]:
    """The sentences of `text`, in order (a text without one yields none)."""
    found = []
    for piece in SENTENCE_END.split(text or ""):
        tokens, clauses, supposed_from, particles, asking = [], [], [], [], False
        for number, clause in enumerate(CLAUSE_END.split(piece)):
            supposed_from.append(-1)
            for word in map(fold, words(clause)):
                asking = asking or word == ASKING
                if word in QUESTION_PARTICLES:
                    particles.append((len(tokens), number))
                if word in SUPPOSING and supposed_from[-1] < 0:
                    supposed_from[-1] = len(tokens)
                if word not in FUNCTION_WORDS:
                    tokens.append(word)
                    clauses.append(number)
        if tokens:
            asked = asking or bool(ASKED.search(piece.strip()))
            found.append(
                Sentence(
                    tuple(tokens), tuple(clauses), asked, tuple(particles), tuple(supposed_from)
                )
            )
    return found


def withheld(sentence: Sentence, start: int, end: int) -> bool:
    """Whether the phrase at tokens[start..end] of `sentence` names no request: the sentence
    asks, its clause supposes it, a «не … чтобы» comes before it, or its clause declines it
    right after."""
    tokens, clause = sentence.tokens, sentence.clauses[start]
    if sentence.asked or (any(at > end and c == clause for at, c in sentence.particles)):
        return True
    if 0 <= sentence.supposed_from[clause] <= start:
        return True
    before = tokens[:start]
    if "не" in before and SO_THAT & set(before[before.index("не") :]):
        return True
    if end + 1 < len(tokens) and SUPPOSING_AUXILIARY.match(tokens[end + 1]):
        return True
    after = [
        at for at in range(end + 1, min(len(tokens), end + 1 + DECLINED_AFTER))
        if sentence.clauses[at] == clause
    ]  # fmt: skip
    for at in after:
        following = tokens[at + 1] if at + 1 < len(tokens) else ""
        if (
            tokens[at] in {"нет", "емес", "жок"}
            or NEGATED_AUXILIARY.match(tokens[at])
            or (tokens[at] == "не" and following.startswith(WANTING))
        ):
            return True
    return False
