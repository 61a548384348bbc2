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
from itertools import pairwise

from .pieces import pieces
from .sentences import OWN, OWN_NOUN
from .spelling import fold, words

# Someone else's: «чужие», «чужое», «чужого»; «бөтен»; «басқа біреудің», «өзгенің».
FOREIGN = ("чуж", "ботен", "биреудин", "озгенин")
# «другого/другому человеку, клиенту, лицу, получателю», «басқа адамның/адамға, клиенттің».
OTHER = ("друг", "баска")
PERSON = ("человек", "клиент", "лиц", "пользовател", "покупател", "получател", "адресат",
          "абонент", "адам", "киси", "кисин", "биреу", "тулга", "люд")  # fmt: skip
# The others as who gets the mail, not whose it is: the Russian nominative or dative («другие
# клиенты получают», «другим людям приходит»), the Kazakh nominative or dative, but for the
# dative of what is meant for someone («басқа адамға арналған хат», «адресованное другому
# клиенту»). Folded.
RECEIVING = ("другие", "другая", "другим", "другому")
KAZAKH_RECEIVING = re.compile(r"([лдт][ае]р)?([гк][ае]|н[ае])?")
MEANT = ("арнал", "адресов", "предназнач")
# «Другой клиент», «другой человек»: the masculine nominative, the person's stem alone.
BARE = re.compile(r"(клиент|человек|пользователь|покупатель|получатель|адресат|абонент)ы?")
# Sent to the writer, or come to her: «прислали», «отправили», «пришло», «получила», «попало»;
# «жібердіңіздер», «жолдадыңыз», «келді», «келіп тұр», «алдым». Folded beginnings, none of which
# begins «келісім» (consent).
SENT = ("присл", "присыл", "отправ", "высл", "высыл", "пришл", "пришел", "приход", "получ",
        "направ", "попал", "переслал", "жибер", "жолда", "келд", "келип", "келет",
        "алдым")  # fmt: skip


def misdirected(texts: list[str]) -> bool:
    """Whether a sentence of the writer's words says that someone else's data or letter (FOREIGN,
    or OTHER before PERSON) was sent or came to them (SENT)."""
    for text in texts:
        for piece in pieces(text or ""):
            said = [fold(word) for word in words(piece)]
            mine = any(word in OWN - {"мне", "меня", "маган"} or OWN_NOUN.fullmatch(word)
                       for word in said)  # fmt: skip
            foreign = any(word.startswith(FOREIGN) for word in said) or any(
                word.startswith(OTHER)
                and following.startswith(PERSON)
                and (mine or not _receiving(word, following, said[max(0, at - 1) : at + 3]))
                for at, (word, following) in enumerate(pairwise(said))
            )
            if foreign and any(word.startswith(SENT) for word in said):
                return True
    return False


def _receiving(other, person, near):
    """Whether «other person» (folded) names who gets the mail, not whose it is (RECEIVING): not
    beside a word of what is meant for them (MEANT), among the words `near` it."""
    if any(word.startswith(MEANT) for word in near):
        return False
    if other == "баска":
        stem = next(stem for stem in PERSON if person.startswith(stem))
        return KAZAKH_RECEIVING.fullmatch(person[len(stem) :]) is not None
    return other in RECEIVING or (other == "другой" and BARE.fullmatch(person) is not None)
