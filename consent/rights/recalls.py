"""A letter recalled by the writer's Outlook (compliance L7): «Recall: Отзыв согласия», «Отзыв:
…», «Кері шақыру: …». Outlook sends a message of class IPM.Outlook.Recall; past its own Exchange
it reaches us as a letter of one sentence, «Асель would like to recall the message, "Отзыв
согласия".», «… хотела бы отозвать сообщение "…"». Read as a letter it opened a second request
like the one it recalls (the phrase quoted in its sentence), fifteen working days more for an
officer and a confirmation link mailed to the writer.

A recall asks nothing of its own: it is filed with the request it recalls (the writer's, opened
from a letter under the subject line it names), closed at once, noting that it recalls, and
never done on the request by itself: whether a recalled request still stands is for an officer
to ask the writer. One that recalls no request of the writer's is set aside as asking nothing
(intake.ingest). Only a letter with nothing else in it is one: «Отзыв: … Прошу удалить мои
данные» is the writer's request."""

import re

from .letters import Letter
from .models import Ticket
from .threads import from_sender

SUBJECT = re.compile(r"^\s*(?:recall|отзыв|кері шақыру)\s*:\s*(?P<recalled>.*\S)", re.IGNORECASE)
SENTENCE = re.compile(
    r"would like to recall the message|(?:хоч\w*|хотел\w*(?: бы)?) отозвать (?:сообщение|письмо)|"
    r"(?:хабарды|хатты) кері шақыр",
    re.IGNORECASE,
)
MESSAGE_CLASS = b"IPM.Outlook.Recall"
EARLIER = 20  # the sender's latest requests looked through for the recalled subject line


def recall_of(letter: Letter, raw: bytes) -> tuple[bool, Ticket | None]:
    """Whether `letter` is an Outlook recall, and the sender's request it recalls (None when it
    names none of theirs)."""
    head = SUBJECT.match(letter.subject_line or "")
    if head is None:
        return False, None
    lines = [line for line in (letter.body or "").splitlines() if line.strip()]
    said = [line for line in lines if SENTENCE.search(line)]
    if not (said or MESSAGE_CLASS in raw) or len(said) != len(lines):
        return False, None
    recalled = _line(head["recalled"])
    earlier = Ticket.objects.filter(from_sender(letter.sender)).order_by("-received_at", "-pk")
    for ticket in earlier[:EARLIER]:
        if _line(ticket.message.split("\n", 1)[0]) == recalled:
            return True, ticket.regarding if ticket.is_filed and ticket.regarding_id else ticket
    return True, None


def _line(text):
    return " ".join(text.split()).casefold()
