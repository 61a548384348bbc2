"""A reply is answered in the language its writer wrote it in, not in the language of the
subject line it carries (compliance L7): «Re: № R-2 өтінішіңізді растаңыз» is our own words."""

import pytest

from consent.rights.intake import ingest
from consent.rights.models import Ticket

from .conftest import mails_to, message

# (the first letter, in one language; the reply, in the other; what the answer then says). A
# reply that asks something: a thanks and «жду» alone are filed unanswered (asked_nothing.py).
REPLIES = {
    "ru reply to a kk mail": ("Деректерімді жойыңыз", "Спасибо! Когда будет ответ?", "ru",
                              "Мы получили ваше письмо о запросе"),
    "kk reply to a ru mail": ("Удалите мои данные", "Рахмет! Жауап қашан болады?", "kk",
                              "өтінішке қатысты хатыңызды алдық"),
}  # fmt: skip


@pytest.mark.parametrize("first,reply,lang,told", REPLIES.values(), ids=REPLIES)
def test_a_reply_is_answered_in_its_own_language(person, first, reply, lang, told):
    """Asel asked in one language and thanked us in the other under the subject line of our
    confirmation. The words of that subject line outweighed her one or two, and the answer
    that a reply does not confirm went to her in the language she had not written in."""
    ticket = ingest(message("", message_id="<first@x>", body=first))
    confirmation = mails_to("asel@example.kz")[-1]
    quoted = "\n".join(f"> {line}" for line in confirmation.message.splitlines())
    filed = ingest(message(f"Re: {confirmation.subject}", message_id="<reply@x>",
                           body=f"{reply}\n\n{quoted}"))  # fmt: skip
    assert filed.regarding == ticket and filed.status == Ticket.Status.FILED
    assert filed.language == lang
    answer = mails_to("asel@example.kz")[-1]
    assert answer.pk != confirmation.pk and told in " ".join(answer.message.split())
