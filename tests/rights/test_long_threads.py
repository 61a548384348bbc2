"""A request written on top of a long thread (a million characters of earlier letters quoted
under it) opens from the person's own words above the quote (compliance L7): the thread is
neither read for a phrase nor a reason to set the letter aside, and reading it takes no longer
than reading its length once."""

from email.message import EmailMessage

import pytest
from django.core.management import call_command

from consent.core import gate
from consent.core.purposes import MARKETING, SERVICE
from consent.rights.intake import ingest
from consent.rights.models import QuarantinedMessage, Ticket

from .conftest import deliver, left

OWN = "Отзыв согласия на обработку персональных данных.\nАсель Касымова"
# One earlier letter of the thread: a newsletter with its unsubscribe footer, quoted again and
# again down the thread.
EARLIER = ("Новости курсов: набор в группы открыт.\nОтказ от новостей и специальных "
           "предложений\nЖазылымнан бас тарту\n")  # fmt: skip
LONG = 1_000_000


def thread(quote_line, head=""):
    """A million characters of earlier letters, each line quoted with `quote_line`."""
    block = "".join(f"{quote_line}{line}\n" for line in EARLIER.splitlines())
    return head + block * (LONG // len(block) + 1)


def letter(body, subtype="plain", subject_line="Re: Новости курсов", message_id="<long@x>"):
    msg = EmailMessage()
    msg["From"] = "Асель <asel@example.kz>"
    msg["To"] = "em.alu.plus@mail.kz"
    msg["Subject"] = subject_line
    msg["Message-ID"] = message_id
    msg.set_content(body, subtype=subtype)
    return msg.as_bytes()


THREADS = {
    "quoted with >": f"{OWN}\n\n1 дек. 2026 г., ЕМ АЛУ <news@emalu.kz> написал(а):\n"
    + thread("> "),
    "quoted with > at every depth": f"{OWN}\n\n" + thread("> > > "),
    "Outlook's head, the thread pasted below": (
        f"{OWN}\n________________________________\nОт: ЕМ АЛУ <news@emalu.kz>\n"
        "Отправлено: 1 декабря 2026 г. 10:00\nТема: Новости курсов\n\n" + thread("")),
    "attribution, the thread pasted below": (
        f"{OWN}\n\nOn Tue, 1 Dec 2026 at 10:00, EM ALU <news@emalu.kz> wrote:\n" + thread("")),
}  # fmt: skip


@pytest.mark.parametrize("body", THREADS.values(), ids=THREADS.keys())
def test_a_request_above_a_long_thread_opens_from_the_own_words(person, body):
    assert len(body) > LONG
    ticket = ingest(letter(body))
    assert isinstance(ticket, Ticket)
    assert (ticket.type, ticket.language) == (Ticket.Type.WITHDRAW, "ru")
    assert not gate.may_process(person, SERVICE)  # stopped as the letter arrived
    # The desk keeps the beginning: the own words and the start of the thread, marked as cut.
    assert ticket.message.startswith(f"Re: Новости курсов\n\n{OWN}")
    assert len(ticket.message) <= Ticket.MESSAGE_MAX_LENGTH
    assert ticket.message.endswith("[…]")


def test_an_html_reply_above_a_long_blockquote(person):
    quoted = "".join(f"<p>{line}</p>" for line in EARLIER.splitlines()) * (LONG // 150)
    body = ("<html><body><p>Отзыв согласия на обработку персональных данных.</p>"
            f"<p>Асель</p><blockquote>{quoted}</blockquote></body></html>")  # fmt: skip
    ticket = ingest(letter(body, subtype="html"))
    assert isinstance(ticket, Ticket) and ticket.type == Ticket.Type.WITHDRAW


def test_the_quoted_thread_asks_for_nothing(person):
    """«Спасибо» above a million characters quoting an unsubscribe footer: it asks nothing, so
    it is set aside for the officers (asked_nothing.py), and the news keep coming."""
    entry = ingest(letter("Спасибо, всё получила.\n\n" + thread("> ")))
    assert isinstance(entry, QuarantinedMessage) and entry.reason == "nothing_asked"
    assert gate.may_process(person, MARKETING)


def test_own_words_below_a_long_thread_are_set_aside_whole(person):
    """Written under the thread, the words would be cut off: the letter waits for the officers
    whole, as any letter longer than a request holds."""
    entry = ingest(letter(thread("> ") + "\nОтзыв согласия на обработку персональных данных"))
    assert isinstance(entry, QuarantinedMessage) and entry.reason == "too_long"
    assert gate.may_process(person, SERVICE)


MANY_QUOTES = {
    "an attribution on every other line": "a@b.kz:\n> x\n" * (LONG // 10),
    "an attribution before a long run of quoted lines": "1 дек. a@b.kz:\n" + "> x\n" * (LONG // 4),
    "header lines on every line": "From: x\n" * (LONG // 8),
    "one line a million letters long": "ж" * LONG,
}


@pytest.mark.parametrize("body", MANY_QUOTES.values(), ids=MANY_QUOTES.keys())
def test_a_million_characters_of_quote_marks_are_read_once(person, body):
    """What the intake reads line by line is read in time growing with the length: a letter
    of such lines held the intake (and every request behind it)."""
    found = ingest(letter(f"Отзыв согласия на обработку персональных данных\n\n{body}"))
    assert isinstance(found, Ticket | QuarantinedMessage)


@pytest.mark.live
def test_a_long_thread_fetched_from_the_mailbox(mailbox, person):
    deliver(mailbox, letter(THREADS["quoted with >"]))
    call_command("fetch_request_mail")
    assert Ticket.objects.get().type == Ticket.Type.WITHDRAW
    assert left(mailbox) == 0


def test_words_written_below_a_quoted_sign_off_are_the_persons(person):
    """Written below the thread, under its quoted «С уважением»: the quote's sign-off is not
    the person's, and what follows it is what they wrote."""
    body = f"> Новости курсов.\n> С уважением,\n> ЕМ АЛУ\n\n{OWN}"
    ticket = ingest(letter(body, message_id="<below@x>"))
    assert ticket.type == Ticket.Type.WITHDRAW


def test_a_subject_line_of_many_reply_prefixes_is_read_at_once(person):
    """Each reply prefix taken off («Re: Re: …») copied the rest of the line, a time growing
    with the square of its length: the subject line of a letter (64 KB a header field may hold)
    and of a letter forwarded inside one (as long as a letter). What follows them is read."""
    from base64 import b64encode

    from consent.rights.intake import without_reply_prefixes
    from tests.growth import grows_linearly

    from .conftest import FROM, TEXT, raw

    assert grows_linearly(lambda n: without_reply_prefixes("Re: " * n + "x"), 128_000) == "x"
    words = b64encode("Отписаться от рассылки".encode()).decode()
    subject_line = f"Subject: {'Re: ' * 16_000}=?utf-8?b?{words}?="  # on one line, as it came
    letter = raw(FROM, subject_line, "Message-ID: <re@x>", TEXT)
    assert ingest(letter).type == Ticket.Type.UNSUBSCRIBE
