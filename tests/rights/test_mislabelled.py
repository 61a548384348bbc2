"""Letters whose text is UTF-8 under a one-byte charset's label, as some mail programs write
their default label whatever they encoded, read from a real IMAP server (Debian's Dovecot)."""

import base64

import pytest
from django.core.management import call_command

from consent.rights.models import Ticket
from tests.rights.conftest import deliver, left, raw

pytestmark = pytest.mark.live

WRITTEN = {
    "kk": ("Деректерімді жойыңыз", "destroy"),
    "ru": ("Отзыв согласия на обработку персональных данных", "withdraw"),
}


def letter(where, label, text, data=None):
    """`text` in the subject line (an encoded word) or the body, under `label`; written as
    `data` (the UTF-8 bytes unless given)."""
    data = text.encode() if data is None else data
    if where == "subject":
        subject = b"Subject: =?" + label.encode() + b"?B?" + base64.b64encode(data) + b"?="
        return raw(b"From: asel@example.kz", subject, b"Message-ID: <s@example.kz>",
                   b"Content-Type: text/plain; charset=utf-8", body="Сәлем".encode())  # fmt: skip
    return raw(b"From: asel@example.kz", b"Subject: hi", b"Message-ID: <b@example.kz>",
               b"Content-Type: text/plain; charset=" + label.encode(),
               b"Content-Transfer-Encoding: 8bit", body=data)  # fmt: skip


@pytest.mark.parametrize("where", ["subject", "body"])
@pytest.mark.parametrize(
    "label", ["windows-1251", "koi8-r", "iso-8859-5", "cp866", "iso-8859-1", "iso-8859-2"]
)
@pytest.mark.parametrize("language", ["kk", "ru"])
def test_utf8_under_a_one_byte_label_is_read_as_written(mailbox, person, where, label, language):
    """«Деректерімді жойыңыз» under «windows-1251» was stored as «Р”РµСЂРµРєС‚РµСЂС–РјРґС–
    Р¶РѕР№С‹ТЈС‹Р·»: a request to destroy opened as "other", in Russian, with text no officer
    could read. Under a Latin label («iso-8859-1», the default of many scripts and older mail
    programs), which reads every byte, it stayed so: UTF-8's bytes read as control characters
    that none of the Cyrillic labels writes back."""
    text, kind = WRITTEN[language]
    deliver(mailbox, letter(where, label, text))
    call_command("fetch_request_mail")
    ticket = Ticket.objects.get()
    assert (ticket.type, ticket.language) == (kind, language)
    assert text in ticket.message and left(mailbox) == 0


@pytest.mark.parametrize("label", ["windows-1251", "koi8-r"])
def test_text_written_in_a_one_byte_charset_is_read_in_it(mailbox, person, label):
    text = "Отзыв согласия на обработку персональных данных"
    deliver(mailbox, letter("body", label, text, data=text.encode(label)))
    call_command("fetch_request_mail")
    ticket = Ticket.objects.get()
    assert ticket.type == "withdraw" and text in ticket.message
