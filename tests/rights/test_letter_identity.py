"""One letter read twice, or two letters that carry one Message-ID (consent/rights/keys.py), as
the requests mailbox gives them: a real IMAP server (Debian's Dovecot), fetch_request_mail."""

import base64
import io
import quopri

import pytest
from django.core.management import call_command

from consent.core import gate
from consent.core.purposes import SERVICE
from consent.rights import intake
from consent.rights.erasure import subject_destroy
from consent.rights.keys import hashed_key, letter_key, message_key
from consent.rights.models import QuarantinedMessage, Ticket
from consent.rights.quarantine import quarantine_record
from tests.rights.conftest import BAD_MESSAGES, deliver, left, mails_to, message, raw

pytestmark = pytest.mark.live


def fetch():
    out = io.StringIO()
    call_command("fetch_request_mail", stdout=out)
    return out.getvalue().strip()


def delivered(raw, to, *, score="1.2"):
    """The letter as a delivering server stores it for one of the mailbox's addresses: its
    own trace and verdict fields on top."""
    trace = (
        f"Return-Path: <asel@example.kz>\r\nDelivered-To: {to}\r\n"
        f"Received: from mx.example.kz by mx.{to.split('@')[1]}; Wed, 2 Dec 2026 15:04:05 +0500\r\n"
        f"X-Spam-Status: No, score={score}\r\n"
    )
    return trace.encode() + raw


def test_a_letter_with_an_earlier_letter_s_message_id_is_a_request_of_its_own(mailbox, person):
    """A phone mail program that numbers its Message-IDs afresh: the second letter carried the
    first one's, was counted as "taken in before" and expunged from the mailbox, with no request,
    nothing set aside, and no one told."""
    deliver(mailbox, message("Жеке деректерді жаңарту", message_id="<1@phone>"))
    assert fetch() == "opened 1, skipped 0, quarantined 0"
    deliver(mailbox, message("Сұрақ", message_id="<1@phone>", body="Курстар қашан басталады?"))
    assert fetch() == "opened 1, skipped 0, quarantined 0"
    assert sorted(Ticket.objects.values_list("type", "message_id")) == [
        ("correct", "<1@phone>"), ("other", "<1@phone>")]  # fmt: skip
    assert "Курстар қашан басталады?" in Ticket.objects.get(type="other").message
    assert left(mailbox) == 0


def test_a_stranger_s_letter_sent_first_with_someone_s_message_id_drops_nothing(mailbox, person):
    """Whoever copies a person's Message-ID into a letter mailed first cannot make the person's
    own withdrawal vanish: it still stops processing as it arrives."""
    deliver(mailbox, message("Сұрақ", sender="stranger@example.kz", message_id="<a1@example.kz>"))
    deliver(mailbox, message("Отзыв согласия на обработку персональных данных",
                             message_id="<a1@example.kz>"))  # fmt: skip
    assert fetch() == "opened 2, skipped 0, quarantined 0"
    assert sorted(Ticket.objects.values_list("email", "type")) == [
        ("asel@example.kz", "withdraw"), ("stranger@example.kz", "other")]  # fmt: skip
    assert not gate.may_process(person, SERVICE)
    assert left(mailbox) == 0


def test_one_letter_delivered_to_two_addresses_and_fetched_again_is_one_request(mailbox, person):
    """The servers on its way add their own fields to each copy; what the writer wrote is the
    same, so it is one letter, one request, and each copy leaves the mailbox."""
    raw = message("Жеке деректерді жаңарту", message_id="<both@example.kz>")
    deliver(mailbox, delivered(raw, "em.alu.plus@mail.kz"))
    deliver(mailbox, delivered(raw, "privacy@emaluplus-vko.kz", score="-0.1"))
    assert fetch() == "opened 1, skipped 1, quarantined 0"
    deliver(mailbox, raw)  # the same message fetched again (a crash before its removal)
    assert fetch() == "opened 0, skipped 1, quarantined 0"
    assert Ticket.objects.get().letter_key == letter_key(raw) and left(mailbox) == 0


WITHDRAWAL = "Прошу отозвать моё согласие на обработку персональных данных.\r\nАсель".encode()


def written(subject_line, transfer, body):
    return raw(b"From: asel@example.kz", b"Subject: " + subject_line, b"Message-ID: <tw@x.kz>",
               b"Date: Wed, 2 Dec 2026 15:00:00 +0500", b"MIME-Version: 1.0",
               b"Content-Type: text/plain; charset=utf-8",
               b"Content-Transfer-Encoding: " + transfer, body=body)  # fmt: skip


def test_one_letter_carried_again_in_another_encoding_is_one_request(mailbox, person):
    """Delivered to the mailbox's two addresses, one way through a relay that takes only 7 bits
    (Postfix's 8BITMIME downgrade: the text in quoted-printable) and Exchange (the subject
    line's encoded word in Q, not B): the copy was taken for another letter, filed as a second
    request, and the person told «we received this request again» of a letter sent once."""
    words = "Отзыв согласия".encode()
    sent = written(b"=?utf-8?B?" + base64.b64encode(words) + b"?=", b"8bit", WITHDRAWAL)
    carried = written(b"=?UTF-8?Q?" + b"".join(b"=%02X" % c for c in words) + b"?=",
                      b"quoted-printable", quopri.encodestring(WITHDRAWAL))  # fmt: skip
    deliver(mailbox, delivered(sent, "em.alu.plus@mail.kz"))
    deliver(mailbox, delivered(carried, "privacy@emaluplus-vko.kz"))
    assert fetch() == "opened 1, skipped 1, quarantined 0"
    assert Ticket.objects.get().type == "withdraw" and left(mailbox) == 0
    assert len(mails_to("asel@example.kz")) == 1


def test_a_letter_taken_in_before_its_key_read_the_text_is_still_known(mailbox, person):
    """A request stored under the key of the bytes as they came (keys.FORM_CARRIED), the
    letter fetched again after the upgrade (a crash before its removal)."""
    raw = message("Жеке деректерді жаңарту", message_id="<upgrade@example.kz>")
    ticket = intake.ingest(raw)
    Ticket.objects.filter(pk=ticket.pk).update(letter_key=letter_key(raw, carried=True))
    deliver(mailbox, raw)
    assert fetch() == "opened 0, skipped 1, quarantined 0"
    assert Ticket.objects.count() == 1 and left(mailbox) == 0


def test_one_letter_from_the_mailbox_and_from_an_mta_pipe_is_one_request(person):
    """IMAP gives CRLF line ends, a pipe LF; the MTA writes its own «From » line on top."""
    raw = message("Жеке деректерді жаңарту", message_id="<pipe@example.kz>")
    crlf = raw.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
    piped = b"From asel@example.kz Wed Dec  2 15:04:05 2026\n" + raw.replace(b"\r\n", b"\n")
    assert isinstance(intake.ingest(crlf), Ticket)
    assert intake.ingest(piped) is None
    assert Ticket.objects.count() == 1


def test_a_letter_sent_again_is_a_request_of_its_own(person):
    """Sent again as it was (the «Resent-» fields of the mail program's "send again"): a new
    act of sending, perhaps because the first went unanswered."""
    raw = message("Жеке деректерді жаңарту", message_id="<again@example.kz>")
    resent = b"Resent-Date: Thu, 3 Dec 2026 09:00:00 +0500\r\n" + raw
    assert isinstance(intake.ingest(raw), Ticket) and isinstance(intake.ingest(resent), Ticket)


def test_a_destroyed_person_s_letter_read_again_opens_nothing_another_with_its_id_does(
    mailbox, person
):
    """Erasure leaves the letter's key, a hash of it, and hashes the Message-ID: the letter
    fetched again opens no request in the destroyed person's name, and a new letter from the
    same phone, which reuses the Message-ID, is still read."""
    raw = message("Жеке деректерді жаңарту", message_id="<gone@example.kz>")
    ticket = intake.ingest(raw)
    subject_destroy(person, request_ref=ticket.reference)
    ticket.refresh_from_db()
    assert ticket.message_id == hashed_key("<gone@example.kz>") and ticket.email == ""
    assert ticket.letter_key == letter_key(raw)
    deliver(mailbox, raw)
    deliver(mailbox, message("Сұрақ", message_id="<gone@example.kz>", body="Тағы жазамын"))
    assert fetch() == "opened 1, skipped 1, quarantined 0"
    assert Ticket.objects.latest("pk").message == "Сұрақ\n\nТағы жазамын" and left(mailbox) == 0


def stored_before_letter_keys(ticket):
    """The request as migration rights.0011 leaves a row stored before it."""
    Ticket.objects.filter(pk=ticket.pk).update(letter_key=None)


def test_a_request_stored_before_letter_keys_still_knows_its_letter(mailbox, person):
    raw = message("Жеке деректерді жаңарту", message_id="<legacy@example.kz>")
    stored_before_letter_keys(intake.ingest(raw))
    deliver(mailbox, delivered(raw, "em.alu.plus@mail.kz"))
    deliver(mailbox, message("Сұрақ", message_id="<legacy@example.kz>", body="Басқа хат"))
    assert fetch() == "opened 1, skipped 1, quarantined 0"
    assert Ticket.objects.count() == 2 and left(mailbox) == 0


def test_a_letter_set_aside_before_letter_keys_is_still_known(mailbox, person):
    raw, reason = BAD_MESSAGES["from is no address"]
    quarantine_record(raw, reason=reason, key=message_key(raw))  # as it was keyed then
    deliver(mailbox, raw)
    deliver(mailbox, message("Сұрақ", message_id=message_key(raw)))
    assert fetch() == "opened 1, skipped 1, quarantined 0"
    assert QuarantinedMessage.objects.count() == 1 and left(mailbox) == 0


def test_a_letter_like_a_destroyed_one_stored_before_letter_keys_is_set_aside(mailbox, person):
    """Nothing is left to compare it with: it may be that letter read again, or another that
    reuses its Message-ID. Neither opened in the destroyed person's name nor lost: the officers
    read it."""
    raw = message("Жеке деректерді жаңарту", message_id="<old@example.kz>")
    ticket = intake.ingest(raw)
    stored_before_letter_keys(ticket)
    subject_destroy(person, request_ref=ticket.reference)
    deliver(mailbox, raw)
    assert fetch() == "opened 0, skipped 0, quarantined 1"
    assert QuarantinedMessage.objects.get().reason == "reused_id"
    deliver(mailbox, raw)
    assert fetch() == "opened 0, skipped 1, quarantined 0"
    assert Ticket.objects.count() == 1 and left(mailbox) == 0
