"""A reply in the writer's own thread: «Re:» and the subject line of the letter they wrote
before, which opened a request («Re: Деректеріме қол жеткізу», «Re: Отписка»). That subject line
was read as asked again: «Рахмет, жауабыңызды күтемін» (thanks, I await your answer) was filed
as the request come again, and the person was mailed that it had; under «Re: Отписка» a second
unsubscribe was opened and answered «done». The reply's subject line is the request's it
answers; what the reply asks is in its own words."""

import pytest

from consent.rights.intake import ingest
from consent.rights.models import Ticket

from .conftest import mails_to, message

FIRST = "<first@example.kz>"


def reply(subject_line, body, first_body):
    """A reply to the writer's own letter, as Gmail writes it, in its thread."""
    quote = "\n".join(f"> {line}" for line in first_body.splitlines())
    text = f"{body}\n\nпн, 30 нояб. 2026 г. в 09:12, Әсел Қасымова <asel@example.kz>:\n\n{quote}\n"
    raw = message(f"Re: {subject_line}", message_id="<reply@example.kz>", body=text)
    return raw.replace(
        b"\nSubject:", f"\nIn-Reply-To: {FIRST}\nReferences: {FIRST}\nSubject:".encode(), 1
    )


THANKS = {
    "kk, an access request": ("Деректеріме қол жеткізу", "Деректерімнің көшірмесін жіберіңіз.",
                              "Рахмет, жауабыңызды күтемін."),
    "ru, a withdrawal asked": ("Отзыв согласия", "Можете ли вы отозвать моё согласие?",
                               "Спасибо, жду ответа."),
    "ru, an unsubscribe and more": ("Отписка", "Отпишите меня от рассылки и удалите мой телефон.",
                                    "Спасибо, жду ответа."),
}  # fmt: skip


@pytest.mark.parametrize("subject_line, first_body, body", THANKS.values(), ids=THANKS)
def test_thanks_in_the_writers_own_thread_is_filed_unanswered(
    person, subject_line, first_body, body
):
    first = ingest(message(subject_line, message_id=FIRST, body=first_body))
    told = len(mails_to("asel@example.kz"))
    filed = ingest(reply(subject_line, body, first_body))
    assert (filed.status, filed.regarding_id) == (Ticket.Status.FILED, first.pk)
    assert Ticket.objects.exclude(status=Ticket.Status.FILED).count() == 1
    assert len(mails_to("asel@example.kz")) == told  # nobody told it came again


def test_a_new_request_in_a_reply_in_the_writers_own_thread_opens(person):
    ingest(message("Отписка", message_id=FIRST, body="Отпишите меня от рассылки."))
    ticket = ingest(reply("Отписка", "И ещё удалите мои данные полностью.", "Отпишите меня."))
    assert (ticket.type, ticket.status) == (Ticket.Type.DESTROY, Ticket.Status.UNVERIFIED)
