"""An HTML-only letter on the desk: the request keeps it as it came, tags and styles and all
(nothing the person sent is lost), and the request's page showed the officer exactly that, an
Outlook body's head, styles and «<div style=…>» around three lines. The page shows the letter
as it reads; as received, one click away."""

import re
from html import unescape

import pytest

from consent.rights.intake import ingest

from .conftest import raw

OUTLOOK_BODY = (
    '<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">'
    '<style type="text/css" style="display:none;"> P {margin-top:0;margin-bottom:0;} </style>'
    '</head><body dir="ltr"><div style="font-family: Calibri, Arial, Helvetica, sans-serif; '
    'font-size: 12pt; color: rgb(0, 0, 0);">Здравствуйте!</div><div style="font-family: '
    'Calibri; font-size: 12pt">Прошу удалить мои персональные данные.</div><div><br></div>'
    '<div id="Signature"><div style="font-family: Calibri">С уважением, Асель</div></div>'
    "</body></html>"
)


def letter_field(page):
    """The request page's «message» row, as its HTML."""
    return re.search(r'<div class="form-row field-letter">(.*?)</div>\s*</div>\s*</div>', page,
                     re.S)[1]  # fmt: skip


@pytest.mark.parametrize("lang, as_received", [
    ("kk", "Хат келген күйінде, HTML-белгілеуімен"),
    ("ru", "Письмо в\xa0том виде, в\xa0каком пришло, с\xa0HTML-разметкой"),
])  # fmt: skip
def test_the_officer_reads_an_html_only_letter_as_it_shows(desk, person, lang, as_received):
    ticket = ingest(raw(b"From: asel@example.kz", b"Subject: =?utf-8?B?0JfQsNC/0YDQvtGB?=",
                        b"Message-ID: <h1@x>", b"MIME-Version: 1.0",
                        b"Content-Type: text/html; charset=utf-8",
                        b"Content-Transfer-Encoding: 8bit",
                        body=OUTLOOK_BODY.encode()))  # fmt: skip
    assert OUTLOOK_BODY in ticket.message  # stored as it came

    desk.cookies["django_language"] = lang
    field = letter_field(desk.get(f"/admin/rights/ticket/{ticket.pk}/change/").content.decode())
    shown, _, kept = field.partition("<details>")
    assert (
        "Запрос<br><br>Здравствуйте!<br><br>Прошу удалить мои персональные данные.<br><br>"
        "С уважением, Асель"
    ) in shown
    assert "font-family" not in shown and "&lt;" not in shown
    assert as_received in kept
    assert OUTLOOK_BODY in unescape(kept)  # the markup as text, never as markup
    assert "<style" not in kept


def test_a_plain_letter_reads_as_it_is_stored(desk, person):
    body = "Прошу удалить мои данные.\nТег <div> пишу как текст: a < b."
    ticket = ingest(raw(b"From: asel@example.kz", b"Subject: hi", b"Message-ID: <h2@x>",
                        b"Content-Type: text/plain; charset=utf-8",
                        b"Content-Transfer-Encoding: 8bit", body=body.encode()))  # fmt: skip

    field = letter_field(desk.get(f"/admin/rights/ticket/{ticket.pk}/change/").content.decode())
    assert "<details>" not in field
    assert "Прошу удалить мои данные.<br>Тег &lt;div&gt; пишу как текст: a &lt; b." in field
