"""The charset a mail program names for a letter's text or its subject line, as old programs
spell it: read by any of its labels, or the letter set aside as undecodable when the label names
no charset. Each message is built as bytes and taken in by ingest(), as the IMAP fetch and the MTA
pipe hand it over."""

import base64

import pytest

from consent.core import gate
from consent.core.purposes import MARKETING
from consent.rights.intake import ingest

# Labels mail programs write for the Cyrillic code pages, beside the standard names, and a
# label that names a codec of bytes to bytes, not a charset.
LABELS = {"cp-1251": "cp1251", "win-1251": "cp1251", "x-cp1251": "cp1251",
          "windows-1251": "cp1251", "cp-866": "cp866", "x-mac-cyrillic": "mac_cyrillic",
          "koi8-r": "koi8_r"}  # fmt: skip


@pytest.mark.parametrize("label", LABELS)
def test_a_letter_in_a_cyrillic_code_page_is_read_by_any_label(person, label):
    """A letter from an old mail program declares its code page as «cp-1251» or
    «x-mac-cyrillic», which Python knows only as «cp1251» and «mac_cyrillic»: it was set aside
    as undecodable, and the person's withdrawal waited for an officer instead of stopping the
    processing as it arrived."""
    body = "Прошу отозвать моё согласие на обработку персональных данных.".encode(LABELS[label])
    raw = (b"From: asel@example.kz\r\nSubject: =?utf-8?B?0J7RgtC30YvQsg==?=\r\n"
           b"Message-ID: <cp@x>\r\nContent-Type: text/plain; charset=" + label.encode()
           + b"\r\nContent-Transfer-Encoding: 8bit\r\n\r\n" + body + b"\r\n")  # fmt: skip
    ticket = ingest(raw)
    assert (ticket.type, ticket.language) == ("withdraw", "ru")
    assert "отозвать моё согласие" in ticket.message
    assert not gate.may_process(person, MARKETING)


@pytest.mark.parametrize("label", LABELS)
def test_a_subject_line_in_a_cyrillic_code_page_is_read_by_any_label(person, label):
    """The same labels on the subject line's encoded words («=?win-1251?B?…?=»), which the
    email package looks up in Python's spelling alone: read in a body, they set the letter
    aside as undecodable in a subject line, and «Отказ от рассылки» waited for an officer
    while the news went on."""
    word = base64.b64encode("Отказ от рассылки".encode(LABELS[label]))
    subject_line = b"Subject: =?" + label.encode() + b"?B?" + word + b"?="
    raw = b"\r\n".join([b"From: asel@example.kz", subject_line, b"Message-ID: <cp@x>",
                         b"Content-Type: text/plain; charset=utf-8", b"", b""])  # fmt: skip
    ticket = ingest(raw)
    assert (ticket.type, ticket.language, ticket.status) == ("unsubscribe", "ru", "done")
    assert not gate.may_process(person, MARKETING)


@pytest.mark.parametrize("label", ["base64", "rot13", "x-no-such-charset"])
def test_a_label_that_is_no_charset_sets_the_letter_aside(person, label):
    raw = (b"From: asel@example.kz\r\nSubject: hi\r\nMessage-ID: <nc@x>\r\n"
           b"Content-Type: text/plain; charset=" + label.encode()
           + b"\r\nContent-Transfer-Encoding: 8bit\r\n\r\nhello\xd0\r\n")  # fmt: skip
    entry = ingest(raw)
    assert entry.reason == "undecodable"


# Charsets of more than a byte a letter, as some Windows programs and scripts write a letter
# (UTF-16 without a byte order mark, as «utf-16le» and «utf-16be» declare it; UTF-7, RFC 2152).
WIDE = ["utf-16le", "utf-16be", "utf-32le", "utf-7"]


@pytest.mark.parametrize("label", WIDE)
def test_a_letter_in_a_charset_of_more_than_a_byte_a_letter_is_read_in_it(person, label):
    """«Отпишите меня от рассылки» in UTF-16LE is all bytes below 0x80, which read as UTF-8
    without an error: taken for UTF-8 under a wrong label and «mended», it was stored as
    «B?8H8B5 <5=O …» and opened as "other", the news going on, the person asked to confirm a
    request they could not recognise."""
    text = "Отпишите меня от рассылки, пожалуйста."
    raw = (b"From: asel@example.kz\r\nSubject: hi\r\nMessage-ID: <w@x>\r\n"
           b"Content-Type: text/plain; charset=" + label.encode()
           + b"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
           + base64.encodebytes(text.encode(label)) + b"\r\n")  # fmt: skip
    ticket = ingest(raw)
    assert (ticket.type, ticket.language, ticket.status) == ("unsubscribe", "ru", "done")
    assert text in ticket.message
    assert not gate.may_process(person, MARKETING)


@pytest.mark.parametrize("label", WIDE)
def test_a_subject_line_in_a_charset_of_more_than_a_byte_a_letter_is_read_in_it(person, label):
    word = base64.b64encode("Отказ от рассылки".encode(label))
    subject_line = b"Subject: =?" + label.encode() + b"?B?" + word + b"?="
    raw = b"\r\n".join([b"From: asel@example.kz", subject_line, b"Message-ID: <ws@x>",
                         b"Content-Type: text/plain; charset=utf-8", b"", b""])  # fmt: skip
    ticket = ingest(raw)
    assert (ticket.type, ticket.language, ticket.status) == ("unsubscribe", "ru", "done")
    assert ticket.message.startswith("Отказ от рассылки")
