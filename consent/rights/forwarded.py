"""A letter that passes on someone else's (compliance L7, L9): a colleague forwarding a
customer's letter («Fwd:» with the customer's own letter under a forwarded head), or pasting it
under «Пересылаю письмо клиента», «Клиенттің хатын жіберемін», «Forwarding a customer's email».

It was read as the forwarder's: a forwarded head read the forwarder's own words only, found none
and answered them «we hold no personal data linked to this address»; a pasted letter was read
as the forwarder's own request («Отзываю согласие…» withdrew the colleague's consent if they were
on record). Neither is what the letter is.

Decided: such a letter is no request of the sender's. It opens "other" for an officer, marked
written about someone else (nothing done on the sender's record) and forwarded
(Ticket.limits["forwarded"]); the sender is told only that it was received and will be read,
nothing of the person it concerns. The officer opens that person's own request from their page
with the letter's received time, so that it is confirmed by a link to the address we hold for
them, never answered to the forwarder. What the sender asks in their own words above a
forwarded head («Отпишите меня от рассылки») is still their own request."""

import re

from consent.core.subjects import address_lookup_key

from .limits import ADDRESS
from .spelling import WORD, fold, words

# A verb of passing on, folded: «пересылаю», «переслала», «перешлю», «форвардю»; «forwarding».
FORWARD_VERB = re.compile(r"пересыла\w*|пересл\w*|перешл\w*|форвард\w*|forward\w*")
# Kazakh passes a letter on with «хатын» (their letter) and a verb of sending: «клиенттің хатын
# жіберемін», «хатын жолдап отырмын».
KAZAKH_THEIR_LETTER = ("хатын", "хаттарын", "отинишин")
KAZAKH_SENDING = ("жибер", "жолда")
# Whose letter it is: someone the sender serves or works with, not the sender.
SOMEONE = re.compile(
    r"(клиент|покупател|заказчи|абонент|пользовател|заявител|учени|студент|родител|коллег"
    r"|сотрудник|тутынушы|окушы|ата-ана|customer|client|user|subscriber|student|parent"
    r"|colleague)\w*"
)
NEAR = 5  # words between the verb and whose letter it is
# Not whom it was passed on to: a Russian dative («Коллеге переслала ваше письмо», «переслала
# клиенту», «родителям»), or after «to» («forwarded it to my colleague»): the sender's stop below
# it went to an officer as someone else's, their news going on.
RECIPIENT = re.compile(r"\w+(у|ю|ам|ям|ге)")
TO = frozenset({"to", "кому"})
# A reply's subject line, not a forward's («Re:», «AW:», «Ответ:», «Отв.:», «Жауап:»).
REPLY = re.compile(r"\s*(re|aw|ответ|отв|жауап)\.?\s*(\[\d+\]\s*)?:", re.IGNORECASE)
# A forward's («Fwd:», «FW:», «Пересл.:», «Переслано:»).
FORWARD = re.compile(r"\s*(fwd?|пересл|переслано)\.?\s*(\[\d+\]\s*)?:", re.IGNORECASE)


def passes_on(subject_line: str, own: str, head_of_another: bool, asked: bool) -> bool:
    """Whether a letter passes on someone else's: its sender's `own` first lines say so
    (announces_forward), or it forwards a letter under a head naming another address
    (`head_of_another`, from_someone_else) and its sender asks nothing themselves (not `asked`).
    Not a reply («Re: …»): it quotes a letter to answer it, and what it asks is read so."""
    if announces_forward(own):
        return True
    return head_of_another and not asked and not REPLY.match(subject_line or "")


def announces_forward(text: str) -> bool:
    """Whether the sender's own words say the letter below is someone else's they pass on."""
    # Folded, then as written: folding reads an English word as the Cyrillic it would spell.
    written = [word.casefold() for word in WORD.findall(text or "")]
    folded = [fold(word) for word in words(text)] + written
    for at, word in enumerate(folded):
        near = folded[max(0, at - NEAR) : at + NEAR + 1]
        if FORWARD_VERB.fullmatch(word) and any(_whose(near, place) for place in range(len(near))):
            return True
        if word in KAZAKH_THEIR_LETTER and any(w.startswith(KAZAKH_SENDING) for w in near):
            return True
    return False


def _whose(near, at) -> bool:
    """Whether the word at `at` of `near` names someone whose letter it is (SOMEONE), not whom it
    was passed on to (RECIPIENT, TO)."""
    word = near[at]
    return bool(SOMEONE.fullmatch(word)) and not (
        RECIPIENT.fullmatch(word) or TO & set(near[max(0, at - 2) : at])
    )


def from_someone_else(forwarded_sender: str, sender: str, operator) -> bool:
    """Whether the forwarded head names an address, none of them the sender's or ours."""
    named = {address_lookup_key(address) for address in ADDRESS.findall(forwarded_sender)}
    return bool(named) and not named & {address_lookup_key(sender), *operator}


def forwarded_read(subject_line: str, reading, sender: str):
    """The reading (reading.py) whose forwarded letter is read as the sender's own words, or None:
    a letter forwarded with no word around it; or under a line of theirs, their own earlier
    letter sent again as a forward («Fwd:», its head naming their address and no other),
    «Повторно отправляю, ответа нет» above «Отпишите меня от рассылки»: only the line was read,
    and the request went unread, as it was not with no line above it. A reply quoting their own
    letter («Рахмет, жауабыңызды күтемін») asks it again no more than it asks ours."""
    if reading.forwarded is not None:
        return reading
    below = reading.below
    if below is None or below.forwarded is None or not FORWARD.match(subject_line or ""):
        return None
    named = {address_lookup_key(address) for address in ADDRESS.findall(reading.forwarded_sender)}
    return below if named == {address_lookup_key(sender)} else None
