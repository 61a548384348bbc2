"""A picture pasted into a letter's HTML text as a data: URI (`<img src="data:image/jpeg;base64,
…">`), as some mail programs send one: a file, as the same picture attached is, and never kept
with the request. The request kept it in its text, base64 and all: a scan of an identity card
pasted under «Прошу удалить мои данные» stayed in the database, where the same scan attached was
not kept; and a large one set the letter aside as too long to read, unanswered, its request
waiting for an officer to find it."""

import base64
import itertools
import os

import pytest
from django.core.management import call_command

from consent.rights.intake import ingest
from consent.rights.models import QuarantinedMessage, Ticket
from tests.growth import grows_linearly

from .conftest import deliver, left, mails_to, raw

pytestmark = pytest.mark.live

FROM = b"From: =?utf-8?B?0JDRgdC10LvRjA==?= <asel@example.kz>"
HTML = b"Content-Type: text/html; charset=utf-8"


def pasted(size, text_first=True):
    """An HTML-only letter with a photo of `size` random bytes pasted into its text (as base64,
    in lines of 76 characters, as some programs wrap it), and what it asks."""
    photo = base64.encodebytes(os.urandom(size)).decode()
    img = f'<div><img src="data:image/jpeg;base64,{photo}" alt="IMG_2041.jpg"></div>'
    asked = "<div>Здравствуйте! Прошу удалить мои персональные данные.</div>"
    body = f"<html><body>{asked + img if text_first else img + asked}</body></html>"
    letter = raw(FROM, b"Subject: ", b"Message-ID: <pasted@example.kz>", HTML,
                 b"Content-Transfer-Encoding: 8bit", body=body.encode())  # fmt: skip
    return letter, photo.replace("\n", "")[:64]


@pytest.mark.parametrize("text_first", [True, False], ids=["text above", "text below"])
def test_a_photo_pasted_into_the_text_is_not_kept_with_the_request(person, text_first):
    letter, photo = pasted(60_000, text_first)
    ticket = ingest(letter)
    assert (ticket.type, ticket.language) == ("destroy", "ru")
    assert "Прошу удалить мои персональные данные" in ticket.message
    assert photo not in ticket.message and "base64" not in ticket.message


def test_a_ten_megabyte_letter_with_a_photo_above_its_text_is_read(mailbox, person):
    """Fetched from the mailbox as any letter: the request opens and the person is asked to
    confirm it, in Russian, rather than the letter waiting set aside as too long."""
    letter, photo = pasted(7_500_000, text_first=False)
    assert len(letter) > 10_000_000
    deliver(mailbox, letter)
    call_command("fetch_request_mail")
    assert not QuarantinedMessage.objects.exists() and left(mailbox) == 0
    ticket = Ticket.objects.get()
    assert (ticket.type, ticket.language, ticket.status) == ("destroy", "ru", "unverified")
    assert photo not in ticket.message
    (mail,) = mails_to("asel@example.kz")
    assert "подтвердите" in mail.subject


def test_a_letter_of_data_uri_beginnings_is_read_at_once(person):
    """«data:;x» over and over, no picture in it: each «data:» began a pattern whose parameters
    ran on over the next ones to the letter's end, so a letter of 100 KB kept the intake a
    quarter of a minute, one of a megabyte half an hour, reading nothing else meanwhile."""
    ids = itertools.count()

    def letter(n):  # a Message-ID of its own each: a letter read again is not read twice
        asked = "<div>Прошу удалить мои персональные данные.</div>"
        body = f"<html><body>{asked}<p>{'data:;x' * n}</p></body></html>"
        message_id = f"Message-ID: <uris{next(ids)}@example.kz>".encode()
        return ingest(raw(FROM, b"Subject: ", message_id, HTML,
                          b"Content-Transfer-Encoding: 8bit", body=body.encode()))  # fmt: skip

    assert grows_linearly(letter, 12_000).type == "destroy"
