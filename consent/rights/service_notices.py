"""Notices of an order, a delivery or a payment are no news (compliance L7, L15): «Отключите
уведомления о заказах», «Не присылайте письма о доставке», «Тапсырыс туралы хабарламаларды
тоқтатыңыз», «Төлем хабарламаларын өшіріңіз» unsubscribed the writer from our news and offers
as they arrived, read by the noun «уведомления», «хабарлама» alone, while they asked to stop
messages of a service they use, which the news consent does not cover. Notices about what we
teach or announce («уведомления о занятиях», «курстар туралы хабарламалар») are the news.

Decided: a stop whose every word of the news is a notice (NOTICES) about an order, a delivery
or a payment (TOPICS: after «о», «по» in Russian, before «туралы», «бойынша» or as the noun's
owner in Kazakh) stops nothing: it opens "other" for an officer (limits.narrowed,
Ticket.Limit.NOTICES). A letter naming the news beside them («рекламу и уведомления о
заказах») still stops the news.

Nor is a stop of a service's papers, «Перестаньте слать счета на оплату» (PAPERS), nor of
letters about «this» one, the matter of the mail it answers («Re: Оплата за
декабрь» / «Спасибо, оплатила. Больше не пишите мне по этому поводу», «Бұл туралы енді
жазбаңыз»): the intake cannot tell what the matter was, and read as the news it unsubscribed the
writer. Named so, with no word of the news, it opens "other" for an officer (about_this,
Ticket.Limit.THIS_MATTER)."""

import re

from .asking import INFINITIVE, imperative
from .pieces import pieces
from .spelling import fold, words

# Words of the news that may be a service's notice rather than the news. Folded beginnings.
NOTICES = ("уведомлен", "оповещен", "сообщен", "письм", "писем", "смс", "хабарлам", "хабарланды",
           "хат", "ескерт", "напомин")  # fmt: skip
# What they are about when they are a service's: an order, its delivery, its payment, a receipt,
# a password or a code to sign in. Folded beginnings (spelling.fold: «жеткізу» as «жеткизу»).
TOPICS = ("заказ", "доставк", "оплат", "платеж", "задолж", "посылк", "трек", "чек", "квитанц",
          "пароль", "тапсырыс", "жеткизу", "толем", "салемдеме", "тубиртек",
          "купиясоз")  # fmt: skip
# A service's own papers, news by no reading: an invoice, a receipt («счета», «квитанции»,
# «шот», «түбіртек»). Folded beginnings.
PAPERS = ("счет", "квитанц", "накладн", "шот", "тубиртек")
# A paper, or «this» matter, is what is stopped only beside a verb of sending or writing asked
# in the imperative or the infinitive («Не присылайте мне больше счета», «слать счета», «не
# пишите мне по этому поводу», «Бұл туралы енді жазбаңыз», «шоттарды жіберуді тоқтатыңыз»): not
# one the letter mentions beside a plain stop («Отпишите меня. Счёт я оплатила», «Отпишите меня.
# Я уже писала вам об этом»), which opened "other" while the news went on. Folded beginnings.
SENDING = ("сла", "присыл", "присла", "высыл", "высла", "отправ", "пиш", "писа")
SENDING_KAZAKH = ("жибер", "жаз")
KAZAKH_VERBAL_NOUN = re.compile(r"у(д[ыи]|[ыи]н|ге)?$")  # «жіберу», «жіберуді», «жазуын»
NEAR = 3  # words before the paper or the matter, and after it, its verb may stand
ABOUT = frozenset({"о", "об", "по", "про", "насчет", "касательно"})  # before the topic
ABOUT_KAZAKH = frozenset({"туралы", "жайлы", "бойынша", "жонинде"})  # after the topic
TOPIC_WORDS = 2  # words between «о» and the topic: «о статусе заказа», «о моих заказах»


# A notice of a service too is what is stopped only in a sentence that asks something of it: a
# verb asked (the imperative, the infinitive: «отключите», «не хочу получать», «тоқтатыңыз»,
# «жібермеңіз»), a Kazakh wish it not come («келмесін») or a word of not needing it («не
# нужны», «керек емес»). Not one the letter mentions beside a plain stop, told in the past or
# the present («Отпишите меня. Уведомление об оплате я получила», «Жазылымнан шығарыңыз.
# Тапсырыс туралы хабарлама келді»), which opened "other" while the news went on, as a paper
# did (_sent). Folded beginnings, and the Kazakh forms.
TYPED_END = re.compile(r"(?<=[.!?])\s+")
NOT_NEEDED = ("нужн", "надо", "керек", "кажет")
STOPPING_KAZAKH = (*SENDING_KAZAKH, "токтат", "ошир", "догар", "шыгар", "тастау", "тарт", "жолда")
KAZAKH_WISHED = re.compile(r"\w+(ме|ма|пе|па|бе|ба)(син|сын)")


def of_service(text: str, news: tuple[str, ...]) -> bool:
    """Whether every word of the news in `text` (`news`, folded beginnings) is a notice about
    an order, a delivery or a payment, and one is; a notice in a sentence that asks nothing of
    it (_asked) is no word of what is stopped."""
    # Each sentence, and each one typed in small letters after a full stop («отпишите.
    # квитанцию получила»), which pieces() reads as one.
    said = [part for piece in pieces(text) for part in TYPED_END.split(piece)]
    read = [[fold(word) for word in words(part)] for part in said]
    folded = [word for piece in read for word in piece]
    named = [
        at
        for at, word in enumerate(folded)
        if word.startswith((*news, *NOTICES)) or (word.startswith(PAPERS) and _sent(folded, at, at))
    ]
    told = _told(read, news)
    named = [at for at in named if not (_about_service(folded, at) and at in told)]
    return bool(named) and all(_about_service(folded, at) for at in named)


def _told(read: list[list[str]], news: tuple[str, ...]) -> set[int]:
    """The places, among the folded words of the sentences `read`, of the notices (NOTICES,
    `news`) in a sentence that asks nothing (_asked): mentioned, not stopped."""
    told, offset = set(), 0
    for folded in read:
        if not _asked(folded):
            told |= {offset + at for at, word in enumerate(folded)
                     if word.startswith((*news, *NOTICES))}  # fmt: skip
        offset += len(folded)
    return told


def _asked(folded: list[str]) -> bool:
    return any(
        imperative(word) or INFINITIVE.fullmatch(word) or word.startswith(NOT_NEEDED)
        or KAZAKH_WISHED.fullmatch(word)
        or (word.startswith(STOPPING_KAZAKH) and KAZAKH_VERBAL_NOUN.search(word))
        for word in folded
    )  # fmt: skip


def _sent(folded: list[str], first: int, last: int) -> bool:
    """Whether a verb of sending or writing, asked (SENDING), stands NEAR folded[first..last]."""
    near = [*folded[max(0, first - NEAR) : first], *folded[last + 1 : last + 1 + NEAR]]
    return any(
        (word.startswith(SENDING) and (imperative(word) or INFINITIVE.fullmatch(word)))
        or (
            word.startswith(SENDING_KAZAKH)
            and (imperative(word) or KAZAKH_VERBAL_NOUN.search(word))
        )
        for word in near
    )


def _about_service(folded: list[str], at: int) -> bool:
    if folded[at].startswith(PAPERS):
        return True  # «Перестаньте слать счета на оплату»: a service's paper itself
    if not folded[at].startswith(NOTICES):
        return False
    after = folded[at + 1 : at + 2 + TOPIC_WORDS]
    if after[:1] and after[0] in ABOUT and any(w.startswith(TOPICS) for w in after[1:]):
        return True  # «уведомления о заказах», «письма по оплате»
    # «Тапсырыс туралы хабарламалар», «Тапсырыстар бойынша…», «Төлем хабарламаларын»
    before = folded[max(0, at - 2) : at]
    return bool(before) and (
        before[-1].startswith(TOPICS)
        or (before[-1] in ABOUT_KAZAKH and before[0].startswith(TOPICS))
    )


# «По этому поводу», «по этому вопросу», «об этом», «на эту тему», «насчёт этого», «про это»;
# «бұл туралы», «осы туралы», «осы мәселе бойынша», «бұл жайлы». Folded, in a row.
THIS = (("по", "этому", "поводу"), ("по", "этому", "вопросу"), ("об", "этом"),
        ("на", "эту", "тему"), ("насчет", "этого"), ("про", "это"), ("бул", "туралы"),
        ("осы", "туралы"), ("осы", "маселе"), ("бул", "жайлы"), ("осы", "жайлы"))  # fmt: skip


def about_this(folded: list[str], news: tuple[str, ...]) -> bool:
    """Whether the letter's words (`folded`) stop letters about «this» matter (THIS) and name
    no word of the news (`news`, folded beginnings) to say it is the news."""
    if any(word.startswith(news) for word in folded):
        return False
    return any(
        tuple(folded[at : at + len(words)]) == words and _sent(folded, at, at + len(words) - 1)
        for words in THIS
        for at in range(len(folded))
    )
