"""A letter saying we sent its writer someone else's data, or a letter meant for someone else
(compliance L7, L21): «Вы прислали мне чужие данные», «Мне пришло письмо для другого человека,
с его паспортными данными», «Сіздер маған басқа адамның деректерін жібердіңіздер».

It is a possible breach: the data of the person it was meant for went to the wrong address, and
the law gives the operator one working day from detection to tell the regulator (Art. 25(2)(8),
breaches.py). It asks nothing of the writer's own record, even where it adds «удалите их» or
«удалите это письмо у себя»: «их» is the other person's data, held in the writer's mailbox and in
ours. Read as a destruction, such a letter opened one of the writer's own record (carried out,
it ended her data and her consents); read as "other", it waited fifteen working days among the
questions with nothing to tell the officer what it was. Decided: it opens "other", acting on
nothing, marked (Ticket.limits["misdirected"]) so that the officers are told at once that it may
be a breach (alerts.notify_new_ticket), the desk says so on its page and the writer is answered
at once in her language with a receipt and no link to confirm (analytics_letters.py).

Other people who get our mail themselves are not someone else's data sent to the writer: «Другие
клиенты получают рассылку», «Басқа клиенттер де хабарлама алып жатыр», «Рассылка приходит и
другим людям» tell of our news reaching others (RECEIVING: the others named as who gets it, not
whose it is). Marked all the same where the sentence names the writer's own as what they got
(«Другой клиент получил мои данные»: a breach of hers)."""

import re

from .pieces import pieces
from .sentences import OWN, OWN_NOUN
from .someone_else import PERSON, someone_else
from .spelling import fold, words

# The others as who gets the mail, not whose it is: the Russian nominative or dative («другие
# клиенты получают», «другим людям приходит»), the Kazakh nominative or dative («басқа
# клиенттер алып жатыр», «басқа адамдарға келеді»), but for the dative of what is meant for
# someone («басқа адамға арналған хат», «адресованное другому клиенту»). Folded.
RECEIVING = ("другие", "другая", "другим", "другому")
KAZAKH_RECEIVING = re.compile(
    r"(адам|кисин?|биреу|тулга|пайдаланушы|алушы|клиент|абонент)([лдт][ае]р)?([гк][ае]|н[ае])?"
)
MEANT = ("арнал", "адресов", "предназнач")
# «Другой клиент», «другой человек»: the masculine nominative, the person's stem alone.
BARE = re.compile(r"(клиент|человек|пользователь|покупатель|получатель|адресат|абонент)ы?")
# Sent to the writer, or come to her: «прислали», «отправили», «пришло», «получила», «попало»;
# «жібердіңіздер», «жолдадыңыз», «келді», «келіп тұр», «алдым». Folded beginnings, none of which
# begins «келісім» (consent). Not a person's noun («получатель»: someone_else.PERSON).
SENT = ("присл", "присыл", "отправ", "высл", "высыл", "пришл", "пришел", "приход", "получ",
        "направ", "попал", "переслал", "жибер", "жолда", "келд", "келип", "келет",
        "алдым")  # fmt: skip


def misdirected(texts: list[str]) -> bool:
    """Whether a sentence of the writer's words names someone else, in any case («чужие данные»,
    «письмо другому клиенту»: someone_else.someone_else) and says something was sent or came to
    them (SENT), a person's noun no verb of it («данные другого получателя»)."""
    for text in texts:
        for piece in pieces(text or ""):
            said = [fold(word) for word in words(piece)]
            sent = any(w.startswith(SENT) and not PERSON.fullmatch(w) for w in said)
            mine = any(word in OWN - {"мне", "меня", "маган"} or OWN_NOUN.fullmatch(word)
                       for word in said)  # fmt: skip
            if sent and someone_else(said, counts=None if mine else _not_receiving(said)):
                return True
    return False


def _not_receiving(said):
    """Which of someone_else's pairs count, «another person» at `at` of the folded words `said`:
    one not named as who gets our mail (RECEIVING)."""

    def counts(at, other, person):
        near = said[max(0, at - 1) : at + 3]
        if any(word.startswith(MEANT) for word in near):
            return True
        if other == "баска":
            return KAZAKH_RECEIVING.fullmatch(person) is None
        return other not in RECEIVING and not (other == "другой" and BARE.fullmatch(person))

    return counts
