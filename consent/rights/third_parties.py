"""A letter about passing the writer's data to third parties (compliance L7): «Не передавайте мои
данные третьим лицам», «Отзываю согласие на передачу данных третьим лицам», «Деректерімді үшінші
тұлғаларға бермеңіз». (A question whether or to whom they are passed asks for access:
own_questions.py.)

Law 94-V Art. 24(1)(5) lets a person withdraw consent separately for transfer to third parties.
The site asks no separate consent for it: the service consent names its one third party (the
hosting provider in Kazakhstan, which holds the data rather than receiving it per act;
docs/compliance.md, L16), and the cross-border one its processors abroad. Such a letter opened
"other" with nothing to tell the officer what it was about; or, with «отзываю согласие», a
withdrawal of every consent as it arrived, which ends far more than the writer asked (the service
they use). Decided: it opens "other", acting on nothing, marked (Ticket.limits["transfers"]) so
that the desk says in the officer's language what it asks and what to answer: to whom the policy
passes the data; and a withdrawal of the service or cross-border consent opened from the
person's page if that is what they want."""

import re
from itertools import pairwise

from .own_questions import asks_about_own
from .pieces import pieces
from .spelling import fold, words

# «третьим лицам», «третьи стороны», «үшінші тұлғаларға», «үшінші жаққа», «third parties».
THIRD = ("трет", "ушинши", "third")
PARTIES = ("лиц", "сторон", "тулга", "жак", "part")
# Passing on: «передавайте», «передачу», «предоставлять», «раскрывать», «продавать», «беру»,
# «бермеңіз», «жібермеңіз», «share», «transfer», «disclose», «sell». Folded beginnings.
PASSING = ("переда", "передач", "предостав", "раскры", "прода", "бер", "жибер", "тапсыр",
           "share", "transfer", "disclos", "sell")  # fmt: skip


def about_transfers(texts: list[str]) -> bool:
    """Whether the writer's words name third parties (THIRD, then PARTIES) and passing data on
    to them (PASSING); not in a sentence that asks whether or to whom their data is passed
    («Передаёте ли вы мои данные третьим лицам?»): that is an access request (own_questions.py).
    A sentence beside it that objects («Не передавайте мои данные третьим лицам. Кому вы уже
    их передали?») still does: the whole letter's question hid the objection."""
    texts = [_unasked(text) for text in texts]
    said = [fold(word) for text in texts for word in words(text)]
    # English as written: words() reads a Latin word as the Cyrillic one it may stand for.
    said += [word for text in texts for word in re.findall(r"[a-z]+", (text or "").casefold())]
    third = any(
        word.startswith(THIRD) and following.startswith(PARTIES)
        for word, following in pairwise(said)
    )
    return third and any(word.startswith(PASSING) for word in said)


def _unasked(text: str) -> str:
    """`text` without its sentences that ask about the writer's own data (own_questions.py)."""
    return " ".join(piece for piece in pieces(text) if not asks_about_own(piece))
