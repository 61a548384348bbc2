"""A letter's Reply-To was not shown on the desk: the officer answering by hand could not see that
the letter asked for answers to go elsewhere (a phone's second account, someone else). It is
shown now, with the rule beside it: the sender's address decides whose request it is, and the
request's mail goes only to the address on record, never to a Reply-To."""

from post_office.models import Email

from consent.rights.forgetting import requests_forget
from consent.rights.intake import ingest
from consent.rights.models import Ticket

from .conftest import message


def letter(reply_to, subject_line="Удалите мои данные"):
    raw = message(subject_line, body="")
    return ingest(raw.replace(b"Subject:", f"Reply-To: {reply_to}\r\nSubject:".encode(), 1))


def test_reply_to_is_shown_and_never_written_to(person, officer_client):
    ticket = letter("Марат <marat@example.com>")
    assert isinstance(ticket, Ticket) and ticket.subject == person  # the sender's request
    assert ticket.reply_to == "marat@example.com"
    assert not Email.objects.filter(to__icontains="marat").exists()  # never the Reply-To
    assert Email.objects.filter(to=["asel@example.kz"]).count() == 1  # the sender's link

    for lang, rule in (("kk", "хатты жіберушінің"), ("ru", "адрес отправителя")):
        officer_client.cookies["django_language"] = lang
        page = officer_client.get(f"/admin/rights/ticket/{ticket.pk}/change/").content.decode()
        assert "marat@example.com" in page and rule in page


def test_a_reply_to_of_the_sender_themselves_is_not_shown_as_another(person):
    assert letter("Әсел <ASEL@example.kz>").reply_to == ""


def test_reply_to_goes_with_the_persons_data(person):
    ticket = letter("marat@example.com")
    requests_forget(Ticket.objects.filter(pk=ticket.pk))
    ticket.refresh_from_db()
    assert ticket.reply_to == ""


def test_reply_to_is_shown_as_it_reads(person):
    """A right-to-left override drew «marat@» U+202E «moc.elpmaxe» as «marat@example.com», an
    address the officer took for another; its invisible characters are not kept."""
    raw = message("Удалите мои данные", body="")
    written = "Reply-To: marat@\u202emoc.elpmaxe\r\nSubject:".encode()
    ticket = ingest(raw.replace(b"Subject:", written, 1))
    assert ticket.reply_to == "marat@moc.elpmaxe"
