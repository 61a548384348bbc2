"""An HTML-only letter that declares its charset in its markup alone, as a browser reads it
(compliance L7): the Content-Type says «text/html», the page says «windows-1251»."""

import pytest

from consent.core import gate
from consent.core.purposes import MARKETING, SERVICE
from consent.rights.intake import ingest

WITHDRAWAL = "Прошу отозвать моё согласие на обработку персональных данных."
HEADS = {
    "http-equiv": '<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">',
    "HTML5": "<META CHARSET='windows-1251'>",
}


def html_letter(head, body: bytes) -> bytes:
    return (b"From: asel@example.kz\r\nSubject: =?utf-8?B?0JLQvtC/0YDQvtGB?=\r\n"
            b"Message-ID: <meta@x>\r\nMIME-Version: 1.0\r\nContent-Type: text/html\r\n"
            b"Content-Transfer-Encoding: 8bit\r\n\r\n<html><head>" + head.encode()
            + b"</head><body><p>" + body + b"</p></body></html>\r\n")  # fmt: skip


@pytest.mark.parametrize("head", HEADS.values(), ids=HEADS)
def test_a_charset_declared_in_the_markup_is_read(person, head):
    """Set aside as undecodable (read as UTF-8, the default for undeclared 8-bit text), the
    withdrawal waited for an officer instead of stopping the processing as it arrived."""
    ticket = ingest(html_letter(head, WITHDRAWAL.encode("cp1251")))
    assert (ticket.type, ticket.language) == ("withdraw", "ru")
    assert "отозвать моё согласие" in ticket.message
    assert not gate.may_process(person, SERVICE) and not gate.may_process(person, MARKETING)


def test_utf_8_under_a_one_byte_meta_is_read_as_written(person):
    """A mail program that re-encoded the page to UTF-8 and left its <meta>: the text is the
    UTF-8 it is (common.text.as_written), not «Р…» letters in no language."""
    ticket = ingest(html_letter(HEADS["http-equiv"], WITHDRAWAL.encode()))
    assert ticket.type == "withdraw" and "отозвать моё согласие" in ticket.message
