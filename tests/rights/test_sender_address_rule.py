"""A letter's sender is an address by the one rule a form's address follows (clean_email): an
address that reads as someone else's on the desk is no sender to open a request for (compliance
L7: set aside for the officers, never lost)."""

import pytest

from consent.rights.intake import ingest
from consent.rights.models import QuarantinedMessage, Ticket

from .conftest import raw
from .test_quarantine import privacy_officer, set_aside  # noqa: F401 (fixtures)

DESTROY = "Удалите мои данные, пожалуйста.".encode()
TEXT = b"Content-Type: text/plain; charset=utf-8"


def letter(sender: str, number: int) -> bytes:
    return raw(f"From: Әсел <{sender}>", b"Subject: =?utf-8?B?0KPQtNCw0LvQuNGC0LU=?=",
               f"Message-ID: <s{number}@example.kz>", TEXT, body=DESTROY)  # fmt: skip


# Each reads on a page as an address it is not, or is no mailbox a person writes from.
MISLEADING = {
    # RIGHT-TO-LEFT OVERRIDE: the browser draws «asel@mail.kz».
    "a bidi override in the domain": "asel@\u202ezk.liam",
    # FIRST STRONG ISOLATE, which Python's IDNA codec lets through: drawn «asel@example.kz».
    "a bidi isolate in the domain": "asel@exam\u2068ple.kz",
    # A Cyrillic «а» in a Latin label: another host, drawn as «mail.kz».
    "a Cyrillic letter in a Latin label": "asel@m\u0430il.kz",
    "an IP address": "asel@[10.0.0.1]",
    "a dotless host": "asel@localhost",
    # RFC 2606's: no mailbox can be there, so no answer could reach it (consent/core/domains.py)
    "a name set aside for examples": "asel@mail.example.com",
}


@pytest.mark.parametrize("name", list(MISLEADING))
def test_a_sender_that_reads_as_another_address_is_set_aside(person, name):
    entry = ingest(letter(MISLEADING[name], 1))
    assert isinstance(entry, QuarantinedMessage) and entry.reason == "no_sender"
    assert not Ticket.objects.exists()


@pytest.mark.parametrize(
    "sender", ["asel@example.kz", '"asel"@example.kz', "Asel@EXAMPLE.KZ", "asel@ex\u200bample.kz"]
)
def test_the_person_s_own_address_however_written_opens_their_request(person, sender):
    """A quoted local part, capitals, a zero-width space a mail program pasted: the mailbox on
    record, as a form reads it."""
    ticket = ingest(letter(sender, 2))
    assert isinstance(ticket, Ticket) and ticket.subject == person
    assert ticket.email.casefold() == "asel@example.kz"  # the local part's case as written


def test_an_officer_cannot_open_a_request_for_such_an_address_either(privacy_officer, set_aside):  # noqa: F811
    entry, _ = set_aside
    url = f"/admin/rights/quarantinedmessage/{entry.pk}/open/"
    form = {"email": MISLEADING["a bidi override in the domain"], "kind": "destroy",
            "language": "ru", "message": "Удалите"}  # fmt: skip
    response = privacy_officer.post(url, form)
    assert response.status_code == 200 and not Ticket.objects.exists()
    assert response.context["open_form"].errors["email"]
    response = privacy_officer.post(url, {**form, "email": "asel@example.kz"})
    assert response.status_code == 302 and Ticket.objects.get().email == "asel@example.kz"
