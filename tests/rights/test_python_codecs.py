"""Letters labelled with one of Python's own codecs (its documentation's «Python Specific
Encodings»), which no mail program writes or reads: what the intake reads in them is not what
the person's mail program shows, so they are set aside for the officers, never acted on."""

import base64

import pytest

from consent.core import gate
from consent.core.purposes import MARKETING
from consent.rights.intake import ingest
from consent.rights.models import Ticket
from tests.rights.conftest import FROM, TEXT, raw

WITHDRAWAL = "Отзыв согласия на обработку персональных данных"
# How each codec writes the withdrawal: what a mail program shows is these ASCII bytes as they are.
WRITTEN = {
    "unicode_escape": WITHDRAWAL.encode("unicode_escape"),
    "raw_unicode_escape": WITHDRAWAL.encode("raw_unicode_escape"),
    "punycode": WITHDRAWAL.encode("punycode"),
    "undefined": WITHDRAWAL.encode("unicode_escape"),
    "palmos": b"Otzyv soglasiya",
    "idna": b"xn--80ak6aa92e",
}


def letter(where, label):
    data = WRITTEN[label]
    if where == "subject":
        subject = b"Subject: =?" + label.encode() + b"?B?" + base64.b64encode(data) + b"?="
        return raw(FROM, subject, b"Message-ID: <py@x>", TEXT, body="Сәлем".encode())
    return raw(FROM, b"Subject: hi", b"Message-ID: <py@x>",
               b"Content-Type: text/plain; charset=" + label.encode(), body=data)  # fmt: skip


@pytest.mark.parametrize("where", ["subject", "body"])
@pytest.mark.parametrize("label", list(WRITTEN))
def test_a_letter_in_a_codec_no_mail_program_reads_is_set_aside(person, where, label):
    """A subject line «=?unicode_escape?B?…?=» or a body labelled «unicode_escape», whose mail
    program shows «\\u041e\\u0442\\u0437…», was read as «Отзыв согласия…»: a withdrawal
    carried out as it arrived, on words the person never saw."""
    entry = ingest(letter(where, label))
    assert entry.reason == "undecodable"
    assert not Ticket.objects.exists()
    assert gate.may_process(person, MARKETING)
