"""Letters that ask nothing (compliance L7): «Спасибо», «Рахмет!», «ок», «👍», an empty letter,
a signature alone, or only the quote of an earlier mail. Each opened a request of its own,
fifteen working days for an officer to answer a thank-you, and an answer went out, which an
auto-responder or a polite person answered again.

Such a letter, replying to a request of the sender's (its number in the subject line or text,
intake.replied_to; or its thread, threads.thread_request), is kept with that request for the
officer to see: filed with it, closed at once, never reopening a closed one, no mail to anyone.
Any other is set aside unanswered (QuarantinedMessage.Reason.NOTHING_ASKED), the whole message
kept, and listed in the officers' digest: nothing is lost if it meant more than it says.

What counts as asking nothing: every word the person wrote (the subject line, unless it is a
reply's, which is ours; their own lines, without the quote and the signature) is a thanks, an
acknowledgement or a greeting (COURTESY), and a name may sign it off; or it begins by saying
its writer is away («Я в отпуске до 15.12», AWAY) and asks no question. A letter that forwards
or attaches another, or carries a file, asks for it to be read, and is read as a request."""

import re
from datetime import datetime

from django.utils.translation import gettext_lazy as _

from consent.core.guardians import held_at
from consent.core.mail import interpolate
from consent.core.subjects import normalise_email

from .closing import ticket_close
from .models import Ticket
from .spelling import fold, words
from .tickets import ticket_create

# Thanks, acknowledgements, greetings and goodbyes, as Russian, Kazakh (in Cyrillic or Latin
# letters) and English write them; read as spelling.words reads a letter, folded.
COURTESY = frozenset(fold(word) for word in words(
    "спасибо спасибочки спасибки спс сенкс благодарю благодарим благодарна благодарен большое "
    "огромное вам вас всё все ок окей хорошо понятно поняла понял ясно отлично супер класс "
    "принято получила получил получено ага угу да здравствуйте добрый доброго день утро вечер "
    "привет хорошего дня всего до свидания пожалуйста "
    "рахмет рақмет рахмат рахмеет көп сізге сізге алғыс алғысым жақсы түсінікті түсіндім иә ия "
    "жарайды болады алдым сәлеметсіз бе сәлем қайырлы күн таң кеш сау болыңыз "
    "за ответ помощь оперативность информацию жауап жауабыңыз жауабыңызға үшін көмек көмегіңіз "
    "көмегіңізге "
    "thanks thank you thx ok okay got it fine great noted received hello hi for the answer"
))  # fmt: skip
# An out-of-office reply a mail program sends without a header naming it a machine (machines.py
# reads those): the writer says they are away, and asks nothing unless they ask a question.
AWAY = re.compile(
    r"в отпуске|в командировке|на больничном|нет на месте|вне офиса|отсутству|"
    r"демалыс|іссапар|орнымда жоқ|кеңседе жоқ|out of (the )?office|on (vacation|holiday|leave)",
    re.IGNORECASE,
)
SIGNED_WORDS = 3  # a last line of at most this many capitalised words is a name signing off


def asks_nothing(texts: list[str]) -> bool:
    """Whether the person's own words (`texts`: the subject line unless a reply's, then their
    own lines, as intake.recognise reads them) say nothing but courtesies."""
    lines = [line for text in texts for line in (text or "").split("\n") if words(line)]
    if any(map(AWAY.search, lines[:2])) and not any("?" in line for line in lines):
        return True
    if len(lines) > 1 and _signed(lines[-1]):
        lines = lines[:-1]
    return all(fold(word) in COURTESY for line in lines for word in words(line))


def _signed(line):
    """Whether a line is a name: a few words, each capitalised, nothing else («Асель»,
    «Иванова Мария»)."""
    written = line.split()
    return len(written) <= SIGNED_WORDS and all(
        word.rstrip(".,!").isalpha() and word[0].isupper() for word in written
    )


def file_nothing_asked(
    regarding: Ticket, *, email: str, language: str, message: str, received_at: datetime | None,
    message_id: str, letter_key: str, reply_to: str = "",
) -> Ticket:  # fmt: skip
    """Keep a letter that asks nothing with the request it replies to: a row of its own, as
    joining.file_with_open keeps a reply, filed and closed at once; `regarding` stays as it is,
    open or closed. No one is mailed: neither the person, whose thanks need no answer (and an
    auto-responder's would be answered again), nor the officers, who see it on the request."""
    email = normalise_email(email) or ""
    subject, as_guardian = held_at(email)
    ticket = ticket_create(
        kind=Ticket.Type.OTHER, subject=subject, email=email, language=language,
        channel=Ticket.Channel.EMAIL, received_at=received_at, notify=False,
        as_guardian=as_guardian,
        message=message[: Ticket.MESSAGE_MAX_LENGTH], message_id=message_id,
        letter_key=letter_key, regarding=regarding, reply_to=reply_to,
    )  # fmt: skip
    outcome = interpolate(_("Added to request %(ref)s."), {"ref": regarding.reference})
    detail = {"filed_with": regarding.reference, "asked_nothing": True}
    return ticket_close(ticket, outcome=outcome, status=Ticket.Status.FILED, notify=False,
                        detail=detail)  # fmt: skip
