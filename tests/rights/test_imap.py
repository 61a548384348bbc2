"""Requests by email, read from a real IMAP server (Debian's Dovecot) over TLS."""

import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils.timezone import now

from consent.core.models import JobRun
from consent.rights import intake
from consent.rights.models import QuarantinedMessage, Ticket
from consent.rights.quarantine import MAX_BYTES
from tests.live import free_port
from tests.rights.conftest import (
    BAD_MESSAGES,
    DIRTY_MESSAGES,
    PASSWORD,
    USER,
    deliver,
    left,
    mails_to,
    message,
)

pytestmark = pytest.mark.live


def test_fetch_opens_requests_and_removes_them_from_the_mailbox(mailbox, person):
    deliver(mailbox, message("Обновление персональных данных", message_id="<a@x>"))
    deliver(mailbox, message("Жаңа өнімдер мен қызметтер және арнайы ұсыныстар туралы "
                             "хабарламалардан бас тарту", message_id="<b@x>"))  # fmt: skip
    deliver(mailbox, message("Сұрақ", message_id="<c@x>"))
    call_command("fetch_request_mail")
    assert sorted(Ticket.objects.values_list("type", "language")) == [
        ("correct", "ru"), ("other", "kk"), ("unsubscribe", "kk")]  # fmt: skip
    assert left(mailbox) == 0


def test_a_duplicate_message_makes_no_second_request(mailbox, person):
    raw = message("Жеке деректерді жаңарту", message_id="<dup@x>")
    deliver(mailbox, raw)
    deliver(mailbox, raw)
    call_command("fetch_request_mail")
    deliver(mailbox, raw)
    call_command("fetch_request_mail")
    assert Ticket.objects.count() == 1 and left(mailbox) == 0


def test_malformed_message_is_reported_and_the_rest_processed(mailbox, person):
    deliver(mailbox, b"Subject: =?utf-8?B?!!!?=\r\n\r\n\xff\xfe no sender at all")
    deliver(mailbox, message("Отзыв согласия на обработку персональных данных", message_id="<w@x>"))
    call_command("fetch_request_mail")
    assert list(Ticket.objects.values_list("type", flat=True)) == ["withdraw"]
    assert QuarantinedMessage.objects.get().reason == "no_sender"
    assert left(mailbox) == 0


def flags(client):
    """{Message-ID line of each message: its flags}, for every message in the mailbox."""
    client.select("INBOX")
    _, data = client.fetch("1:*", "(FLAGS BODY.PEEK[HEADER.FIELDS (MESSAGE-ID)])")
    items = [part for part in data if isinstance(part, tuple)]
    return {body.strip(): head for head, body in items}


def test_bad_messages_between_good_ones_are_set_aside_and_the_rest_taken_in(
    mailbox, person, officer, refuse_insert
):
    """Issue 16: one message the intake cannot store stopped it for good. Every kind of bad
    message, each between good ones, is set aside exactly once; every good one opens; the
    command exits 0, and a second run changes nothing."""
    refuse_insert(when="NEW.message LIKE '%refuse-me%'")
    bad = {name: raw for name, (raw, _) in BAD_MESSAGES.items()}
    bad["refused by the database"] = message("Сұрақ", message_id="<db@x>", body="refuse-me")
    good = {f"<good{i}@x>": message("Жеке деректерді жаңарту", message_id=f"<good{i}@x>")
            for i in range(len(bad) + 1)}  # fmt: skip
    good_ids = iter(good)
    for raw in bad.values():
        deliver(mailbox, good[next(good_ids)])
        deliver(mailbox, raw)
    deliver(mailbox, good[next(good_ids)])
    for raw in DIRTY_MESSAGES.values():  # NUL and control bytes: cleaned, and taken in
        deliver(mailbox, raw)

    out = io.StringIO()
    call_command("fetch_request_mail", stdout=out)  # a non-zero exit raises here
    opened = len(good) + len(DIRTY_MESSAGES)
    assert out.getvalue() == f"opened {opened}, skipped 0, quarantined {len(bad)}\n"
    assert set(good) <= set(Ticket.objects.values_list("message_id", flat=True))
    assert Ticket.objects.count() == opened
    reasons = sorted(QuarantinedMessage.objects.values_list("reason", flat=True))
    assert reasons == sorted([reason for _, reason in BAD_MESSAGES.values()] + ["store_failed"])
    assert left(mailbox) == 0
    notices = [m for m in mails_to("alice@example.kz") if "Q-" in m.subject]
    assert len(notices) == 1  # the first at once; the others in a summary after the hour
    assert QuarantinedMessage.objects.filter(told_at=None).count() == len(bad) - 1

    # A second run finds nothing new; the same bad message delivered again is not set aside twice.
    deliver(mailbox, bad["two senders"])
    out = io.StringIO()
    call_command("fetch_request_mail", stdout=out)
    assert out.getvalue() == "opened 0, skipped 1, quarantined 0\n"
    assert QuarantinedMessage.objects.count() == len(bad) and Ticket.objects.count() == opened
    assert left(mailbox) == 0


def test_without_a_database_the_message_stays_in_the_mailbox(mailbox, person, refuse_insert):
    """Only when not even the quarantine can be written does the run stop; that message and the
    ones after it stay in the mailbox for the next run."""
    deliver(mailbox, message("Жеке деректерді жаңарту", message_id="<first@x>"))
    deliver(mailbox, message("Жеке деректерді жаңарту", message_id="<down@x>", body="refuse-me"))
    deliver(mailbox, message("Жеке деректерді жаңарту", message_id="<after@x>"))
    refuse_insert(when="NEW.message LIKE '%refuse-me%'")
    refuse_insert("rights_quarantinedmessage")
    with pytest.raises(Exception, match="refused"):
        call_command("fetch_request_mail")
    assert list(Ticket.objects.values_list("message_id", flat=True)) == ["<first@x>"]
    assert left(mailbox) == 2


def test_a_crash_mid_batch_loses_nothing(mailbox, person, monkeypatch):
    for i in range(4):
        deliver(mailbox, message("Жеке деректерді жаңарту", message_id=f"<crash{i}@x>"))
    real_ingest, calls = intake.ingest, []

    def crash_on_third(raw, received_at=None):
        calls.append(raw)
        if len(calls) == 3:
            raise RuntimeError("power cut")
        return real_ingest(raw, received_at)

    with monkeypatch.context() as patch, pytest.raises(RuntimeError):
        command = "consent.rights.management.commands.fetch_request_mail"
        patch.setattr(f"{command}.ingest", crash_on_third)
        call_command("fetch_request_mail")
    assert Ticket.objects.count() == 2 and left(mailbox) == 2
    call_command("fetch_request_mail")
    assert Ticket.objects.count() == 4 and left(mailbox) == 0


def test_a_withdrawal_fetched_from_the_mailbox_stops_processing_at_once(mailbox, person):
    """Issue 17 item 4: the gate closes when the mail is taken in, before any link is used;
    nothing is destroyed until the person confirms."""
    from consent.core import gate
    from consent.core.models import LedgerEntry, Subject
    from consent.core.purposes import MARKETING, SERVICE

    deliver(mailbox, message("", message_id="<wd@x>",
                             body="Сәлеметсіз бе!\nКелісімімді қайтарып аламын."))  # fmt: skip
    call_command("fetch_request_mail")
    ticket = Ticket.objects.get()
    assert (ticket.type, ticket.language, ticket.status) == ("withdraw", "kk", "unverified")
    assert not gate.may_process(person, SERVICE) and not gate.may_process(person, MARKETING)
    assert LedgerEntry.objects.filter(subject=person, kind="withdraw").count() == 2
    assert Subject.objects.filter(pk=person.pk).exists()
    assert "/kk/requests/confirm/" in mails_to("asel@example.kz")[-1].message
    assert left(mailbox) == 0


def test_a_latin_script_withdrawal_with_a_file_is_read_from_the_mailbox(mailbox, person):
    """Written on a Latin keyboard, with a scanned application attached: the withdrawal stops
    processing as it is fetched, and the answer says the file was not kept."""
    from email.message import EmailMessage

    from consent.core import gate
    from consent.core.purposes import SERVICE

    msg = EmailMessage()
    msg["From"], msg["Subject"], msg["Message-ID"] = "asel@example.kz", "Ötınış", "<lat@x>"
    msg.set_content("Sälemetsız be!\nKelisimimdi qaitaryp alamyn. Ötınışım hatqa tırkeldı.")
    msg.add_attachment(b"%PDF-1.4", maintype="application", subtype="pdf", filename="ötınış.pdf")
    deliver(mailbox, msg.as_bytes())
    call_command("fetch_request_mail")
    ticket = Ticket.objects.get()
    assert (ticket.type, ticket.language) == ("withdraw", "kk")
    assert not gate.may_process(person, SERVICE)
    assert "Хатыңызға тіркелген файл: 1." in mails_to("asel@example.kz")[-1].message
    assert left(mailbox) == 0


def test_a_letter_taken_in_leaves_no_copy_in_the_mailbox(mailbox, person):
    """Destroying a person's data reaches the letters they wrote only if the database holds the
    one copy: once stored, a letter is deleted and expunged from the mailbox, none left flagged
    \\Deleted for some later expunge."""
    body = "Менің деректерімді жойыңыз. Әсел Қасымова, Абай даңғылы 10, marker-7731"
    deliver(mailbox, message("", message_id="<gone@x>", body=body))
    deliver(mailbox, BAD_MESSAGES["two senders"][0])  # set aside: the quarantine holds it
    call_command("fetch_request_mail")
    assert "marker-7731" in Ticket.objects.get().message
    assert QuarantinedMessage.objects.count() == 1
    assert left(mailbox) == 0
    assert mailbox.search(None, "TEXT", "marker-7731")[1] == [b""]


def test_only_the_letters_taken_in_are_expunged(mailbox, person):
    """UID EXPUNGE removes the stored letter alone: a message someone else flagged \\Deleted
    (an officer, in a mail program that lets them undo it) is left as it was."""
    deliver(mailbox, message("Сұрақ", message_id="<taken@x>"))
    deliver(mailbox, message("Сұрақ", message_id="<flagged@x>"))
    mailbox.store("2", "+FLAGS", "(\\Deleted)")
    call_command("fetch_request_mail")
    assert list(Ticket.objects.values_list("message_id", flat=True)) == ["<taken@x>"]
    assert [b"<flagged@x>" in line for line in flags(mailbox)] == [True]


def test_a_crash_between_the_commit_and_the_removal_takes_no_letter_twice(
    mailbox, person, monkeypatch
):
    """The letter is removed only after it is stored: a crash in between leaves it in the
    mailbox, and the next run finds it stored and removes it without a second request."""
    deliver(mailbox, message("Жеке деректерді жаңарту", message_id="<once@x>"))
    command = "consent.rights.management.commands.fetch_request_mail"
    with monkeypatch.context() as patch, pytest.raises(RuntimeError):
        patch.setattr(f"{command}.remove", lambda client, uid: (_ for _ in ()).throw(
            RuntimeError("power cut")))  # fmt: skip
        call_command("fetch_request_mail")
    assert Ticket.objects.count() == 1 and left(mailbox) == 1
    out = io.StringIO()
    call_command("fetch_request_mail", stdout=out)
    assert out.getvalue() == "opened 0, skipped 1, quarantined 0\n"
    assert Ticket.objects.count() == 1 and left(mailbox) == 0


def test_a_letter_an_officer_opened_first_is_still_taken_in(mailbox, person):
    """Reading the mailbox in a mail program marks a letter \\Seen; it is still a request."""
    deliver(mailbox, message("Жеке деректерді жаңарту", message_id="<read@x>"))
    mailbox.store("1", "+FLAGS", "(\\Seen)")
    call_command("fetch_request_mail")
    assert Ticket.objects.get().message_id == "<read@x>" and left(mailbox) == 0


def test_a_letter_larger_than_kept_stays_in_the_mailbox_read_once(mailbox, person):
    """Only the beginning of a letter over quarantine.MAX_BYTES is stored: the mailbox keeps
    it, flagged, for the officers to read whole; later runs do not fetch it again. It goes
    with its entry (retention's, here): it stayed in the mailbox until an officer deleted it
    by hand, for ever if none did, and after its sender's destruction."""
    deliver(mailbox, message("Сұрақ", message_id="<big@x>", body="x" * (MAX_BYTES + 10)))
    deliver(mailbox, message("Сұрақ", message_id="<other@x>", body="y" * (MAX_BYTES + 20)))
    call_command("fetch_request_mail")
    assert QuarantinedMessage.objects.filter(truncated=True).count() == 2
    assert [b"$Quarantined" in f and b"\\Seen" in f for f in flags(mailbox).values()] == [True] * 2
    out = io.StringIO()
    call_command("fetch_request_mail", stdout=out)
    assert out.getvalue() == "opened 0, skipped 0, quarantined 0\n" and left(mailbox) == 2
    entry = QuarantinedMessage.objects.order_by("pk").first()
    QuarantinedMessage.objects.filter(pk=entry.pk).update(received_at=now() - timedelta(days=31))
    call_command("enforce_retention", stdout=io.StringIO())
    call_command("fetch_request_mail", stdout=io.StringIO())
    assert left(mailbox) == 1 and QuarantinedMessage.objects.count() == 1  # the other stays


def test_a_destroyed_person_s_letter_left_by_an_earlier_version_is_removed_not_taken_again(
    mailbox, person
):
    """An earlier version only flagged letters \\Seen. Read again now, the letter of a person
    destroyed since (their request keeps only a hash of its Message-ID) opened a new request
    in their name; it is known as taken in, and removed."""
    from consent.rights.erasure import subject_destroy

    raw = message("Жеке деректерді жаңарту", message_id="<old@x>")
    deliver(mailbox, raw)
    mailbox.store("1", "+FLAGS", "(\\Seen)")
    ticket = intake.ingest(raw)  # taken in by the earlier version
    subject_destroy(person, request_ref=ticket.reference)
    out = io.StringIO()
    call_command("fetch_request_mail", stdout=out)
    assert out.getvalue() == "opened 0, skipped 1, quarantined 0\n"
    assert list(Ticket.objects.values_list("pk", flat=True)) == [ticket.pk] and left(mailbox) == 0


def test_a_mailbox_that_cannot_be_read_is_named_in_one_line(mailbox, db, settings, monkeypatch):
    """IMAP_URL as an operator mistypes it, or as the server refuses it: the run stops with the
    one line that names IMAP_URL and what went wrong, never the password, and nothing is taken
    in or recorded as a run (/healthz counts from the last real one). Each was a traceback in
    the journal every 5 minutes; a wrong mailbox name's said "SEARCH illegal in state AUTH"."""
    deliver(mailbox, message("Жеке деректерді жаңарту", message_id="<kept@x>"))
    right = settings.IMAP_URL
    wrong_pw = "s3cret-pw-71"
    for url, expected in [
        (right.replace(PASSWORD, wrong_pw), "AUTHENTICATIONFAILED"),
        (right.replace("/INBOX", "/Requests"), "no mailbox 'Requests'"),
        (right.replace("/INBOX", "x/INBOX"), "must be imaps://"),  # the port is no number
        (f"imaps://{USER}:{wrong_pw}@127.0.0.1:{free_port()}/INBOX", "refused"),
        (right, "CERTIFICATE_VERIFY_FAILED"),  # the server's certificate not trusted
    ]:
        if expected == "CERTIFICATE_VERIFY_FAILED":
            monkeypatch.delenv("SSL_CERT_FILE")
        settings.IMAP_URL = url
        with pytest.raises(CommandError) as failed:
            call_command("fetch_request_mail")
        said = str(failed.value)
        assert said.startswith("IMAP_URL") and expected in said and "\n" not in said, said
        assert wrong_pw not in said and PASSWORD not in said, said
    assert not JobRun.objects.filter(job="intake").exists() and not Ticket.objects.exists()
    assert left(mailbox) == 1  # nothing taken in, nothing removed
