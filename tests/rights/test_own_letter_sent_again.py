"""A person forwarding their own earlier letter again, with a line of their own above it
(«Повторно отправляю, ответа нет», «Хатымды қайта жіберемін»): only the line was read, and the
request in the letter they forwarded went unread: «other» for an officer, a link to confirm
«another question» mailed, the news and the processing going on. Forwarded with no line above
it, the same letter was read and done. A reply quoting the writer's own earlier letter is no
new request («Рахмет, жауабыңызды күтемін»)."""

import pytest

from consent.core import gate
from consent.core.purposes import MARKETING, SERVICE
from consent.rights.intake import ingest
from consent.rights.models import Ticket

from .conftest import message, untouched

GMAIL = (
    "---------- Forwarded message ---------\nОт: Әсел Қасымова <asel@example.kz>\n"
    "Date: пн, 30 нояб. 2026 г. в 09:12\nSubject: {subject}\nTo: <em.alu.plus@mail.kz>\n\n\n"
)
OUTLOOK = (
    "________________________________\nОт: Әсел Қасымова <asel@example.kz>\n"
    "Отправлено: 30 ноября 2026 г. 9:12\nКому: em.alu.plus@mail.kz\nТема: {subject}\n\n"
)
SENT_AGAIN = {
    "Gmail, ru, an unsubscribe": (
        "Fwd: Без темы", "Повторно отправляю, ответа нет.\n\n" + GMAIL.format(subject="Без темы")
        + "Отпишите меня от рассылки.\n", Ticket.Type.UNSUBSCRIBE, "ru"),
    "Outlook, ru, a withdrawal": (
        "FW: письмо", "Добрый день! Ответа так и не получила.\n\n"
        + OUTLOOK.format(subject="письмо") + "Отзываю согласие на обработку персональных данных.\n",
        Ticket.Type.WITHDRAW, "ru"),
    "Gmail, kk, a withdrawal": (
        "Fwd: Өтініш", "Хатымды қайта жіберемін, жауап болмады.\n\n"
        + GMAIL.format(subject="Өтініш") + "Деректерімді өңдеуге келісімімді қайтарып аламын.\n",
        Ticket.Type.WITHDRAW, "kk"),
}  # fmt: skip


@pytest.mark.parametrize("subject_line, body, kind, language", SENT_AGAIN.values(), ids=SENT_AGAIN)
def test_a_persons_own_letter_sent_again_under_a_line_is_read(
    person, subject_line, body, kind, language
):
    ticket = ingest(message(subject_line, body=body))
    assert (ticket.type, ticket.language, ticket.about_someone_else) == (kind, language, False)
    assert not gate.may_process(person, MARKETING)
    assert gate.may_process(person, SERVICE) == (kind == Ticket.Type.UNSUBSCRIBE)


def test_a_reply_quoting_the_writers_own_letter_asks_nothing_new(person):
    body = (
        "Рахмет, жауабыңызды күтемін.\n\n"
        + OUTLOOK.format(subject="Жою")
        + "Деректерімді жойыңыз.\n"
    )
    entry = ingest(message("RE: Жою", body=body))
    assert not isinstance(entry, Ticket) and entry.reason == "nothing_asked"
    assert untouched(person)
