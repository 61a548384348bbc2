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
данные» is the writer's request, and so is a line that says more than Outlook's sentence
(`_outlook_sentence`): «Хочу отозвать письмо с согласием и прошу удалить мои данные» under
«Отзыв: Отзыв согласия» was set aside as asking nothing."""

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
# What may follow the quoted title in Outlook's sentence: its end, or the Kazakh verb.
AFTER_TITLE = re.compile(r"\W*(?:(?:хабарды|хатты) кері шақыр\w*(?:\s+келеді)?\W*)?", re.IGNORECASE)
INITIAL = re.compile(r"\b\w\.")
QUOTES = "\"“”«»„'"
MESSAGE_CLASS = b"IPM.Outlook.Recall"
EARLIER = 20  # the sender's latest requests looked through for the recalled subject line


def recall_of(letter: Letter, raw: bytes) -> tuple[bool, Ticket | None]:
    """Whether `letter` is an Outlook recall, and the sender's request it recalls (None when it
    names none of theirs)."""
    head = SUBJECT.match(letter.subject_line or "")
    if head is None:
        return False, None
    lines = [line for line in (letter.body or "").splitlines() if line.strip()]
    recalled = _line(head["recalled"])
    said = [line for line in lines if _outlook_sentence(line, recalled)]
    if not (said or MESSAGE_CLASS in raw) or len(said) != len(lines):
        return False, None
    earlier = Ticket.objects.filter(from_sender(letter.sender)).order_by("-received_at", "-pk")
    for ticket in earlier[:EARLIER]:
        if _line(ticket.message.split("\n", 1)[0]) == recalled:
            return True, ticket.regarding if ticket.is_filed and ticket.regarding_id else ticket
    return True, None


def _outlook_sentence(line: str, recalled: str) -> bool:
    """Whether `line` is Outlook's sentence and nothing more: a name and the recall's words
    around the recalled subject line in quotes, one sentence ending there. A person's sentence
    that says «отозвать письмо» and goes on, or quotes no title, is theirs."""
    folded = _line(line)
    for start in (i for i, c in enumerate(folded) if c in QUOTES):
        end = start + 1 + len(recalled)
        if folded[start + 1 : end] != recalled or end >= len(folded) or folded[end] not in QUOTES:
            continue
        before, after = folded[:start], folded[end + 1 :]
        # A sentence ended before it is the person's; an initial's stop, «Оспанова Ж.К.», is not.
        if re.search(r"[.!?]", INITIAL.sub("", before)) or not AFTER_TITLE.fullmatch(after):
            return False
        return bool(SENTENCE.search(before) or SENTENCE.search(after))
    return False


def _line(text):
    return " ".join(text.split()).casefold()
