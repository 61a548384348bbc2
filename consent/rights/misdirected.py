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
at once in her language with a receipt and no link to confirm (analytics_letters.py)."""

from .pieces import pieces
from .someone_else import PERSON, someone_else
from .spelling import fold, words

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
            if sent and someone_else(said):
                return True
    return False
