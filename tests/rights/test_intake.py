"""Requests by email: the policy's subject phrases, encodings, duplicates and malformed messages
(compliance L7)."""

import io
import re
import sys

import pytest
from django.core.management import call_command
from post_office.models import Email

from consent.rights.intake import classify, ingest
from consent.rights.models import QuarantinedMessage, Ticket
from consent.rights.quarantine import MAX_BYTES, quarantine_read

from .conftest import (
    AUTOMATED_MESSAGES,
    BAD_MESSAGES,
    DIRTY_MESSAGES,
    Status,
    act,
    auto,
    confirm,
    mails_to,
    message,
)


@pytest.mark.parametrize(
    "subject_line,expected",
    [
        ("Жеке деректерді жаңарту", ("correct", "kk")),
        ("Re: «Жеке деректерді жаңарту»", ("correct", "kk")),
        ("  ОБНОВЛЕНИЕ   персональных данных ", ("correct", "ru")),
        ("Fwd: Ответ: \"Обновление персональных данных\"", ("correct", "ru")),
        ("« Жаңа өнімдер мен қызметтер және арнайы ұсыныстар туралы хабарламалардан бас тарту »",
         ("unsubscribe", "kk")),
        ("Отказ от уведомлений о новых продуктах и услугах и специальных предложениях",
         ("unsubscribe", "ru")),
        ("Жеке деректерді өңдеуге келісімді қайтарып алу деректер", ("withdraw", "kk")),
        ("RE: Отзыв согласия на обработку персональных данных.", ("withdraw", "ru")),
        ("Сұрақ бар", ("other", "kk")),
        ("Вопрос по услугам", ("other", "ru")),
        ("", ("other", "kk")),
    ],
)  # fmt: skip
def test_subject_line_phrases(db, subject_line, expected):
    assert classify(subject_line) == expected


def test_an_encoded_subject_line_opens_a_typed_request(person):
    raw = message("Обновление персональных данных")
    assert b"=?utf-8?" in raw
    ticket = ingest(raw)
    assert (ticket.type, ticket.language, ticket.channel) == ("correct", "ru", "email")
    assert ticket.subject == person
    assert "/ru/requests/confirm/" in mails_to("asel@example.kz")[-1].message


def test_one_message_never_makes_two_requests(person):
    raw = message("Жеке деректерді жаңарту")
    assert ingest(raw) is not None
    assert ingest(raw) is None
    assert Ticket.objects.count() == 1


def test_message_without_message_id_is_deduplicated_by_content(person):
    raw = message("Жеке деректерді жаңарту", message_id=None)
    ingest(raw)
    ingest(raw)
    assert Ticket.objects.count() == 1


@pytest.mark.parametrize(
    "raw,outcome",
    [(b"\x00\xff garbage", "no_sender"), (b"From: nobody\r\n\r\nno address", "no_sender"),
     (b"Subject: =?bogus?Q?x?=\r\n\r\n", "no_sender"),
     (b"From: =?utf-8?B?!!!?= <x@example.kz>\r\nSubject: =?utf-8?B?0J/RgNC40LLQtdGC?=\r\n\r\nhi",
      "nothing_asked")],
)  # fmt: skip
def test_malformed_messages_never_crash(db, texts, raw, outcome):
    result = ingest(raw)
    assert getattr(result, "type", None) or result.reason == outcome


@pytest.mark.parametrize("name", list(BAD_MESSAGES))
def test_a_message_that_cannot_be_a_request_is_set_aside_once(person, officer, name):
    raw, reason = BAD_MESSAGES[name]
    entry = ingest(raw)
    assert isinstance(entry, QuarantinedMessage) and entry.reason == reason
    assert not Ticket.objects.exists()
    assert quarantine_read(entry) == raw and entry.size == len(raw) and not entry.truncated
    assert raw not in bytes(entry.content)  # encrypted at rest
    notice = mails_to("alice@example.kz")[-1]
    assert entry.reference in notice.subject and "/quarantinedmessage/" in notice.message
    assert "asel" not in notice.subject + notice.message  # no personal data in the notice
    assert ingest(raw) is None  # read again: not set aside twice, nobody told twice
    assert QuarantinedMessage.objects.count() == 1 and len(mails_to("alice@example.kz")) == 1


@pytest.mark.parametrize("name", list(DIRTY_MESSAGES))
def test_control_characters_are_cleaned_and_the_request_opens(person, name):
    ticket = ingest(DIRTY_MESSAGES[name])
    assert isinstance(ticket, Ticket) and ticket.email == "asel@example.kz"
    assert "Salem" in ticket.message.replace("<p>", "")
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]", ticket.message + ticket.message_id)
    assert ingest(DIRTY_MESSAGES[name]) is None  # its key still tells it apart
    assert not QuarantinedMessage.objects.exists()


def test_undeclared_utf8_and_raw_utf8_headers_are_read(person):
    raw = ("From: Әсел <asel@example.kz>\r\nSubject: Обновление персональных данных\r\n"
           "Message-ID: <u8@x>\r\n\r\nМой новый телефон\r\n").encode()  # fmt: skip
    ticket = ingest(raw)
    assert (ticket.type, ticket.language) == ("correct", "ru")
    assert ticket.message.endswith("Мой новый телефон")


def test_a_message_id_longer_than_the_column_still_keeps_one_request(person):
    raw = message("Жеке деректерді жаңарту", message_id="<" + "x" * 400 + "@example.kz>")
    ticket = ingest(raw)
    assert ticket.message_id.startswith("sha256:")
    assert ingest(raw) is None and Ticket.objects.count() == 1


def test_a_message_larger_than_kept_is_set_aside_with_its_beginning(person):
    raw = message("Жеке деректерді жаңарту", body="x" * (MAX_BYTES + 10))
    entry = ingest(raw)
    assert (entry.reason, entry.size, entry.truncated) == ("too_large", len(raw), True)
    assert quarantine_read(entry) == raw[:MAX_BYTES]
    assert not Ticket.objects.exists()


def test_a_database_refusing_the_request_sets_the_message_aside(person, officer, refuse_insert):
    refuse_insert(when="NEW.message LIKE '%refuse-me%'")
    entry = ingest(message("Жеке деректерді жаңарту", body="refuse-me"))
    assert entry.reason == "store_failed" and not Ticket.objects.exists()
    assert ingest(message("Жеке деректерді жаңарту", message_id="<next@x>")).type == "correct"


def test_without_a_database_the_pipe_asks_the_mta_to_retry(person, refuse_insert, monkeypatch):
    """Not even the quarantine can be written: exit 75 (EX_TEMPFAIL), and nothing half-stored."""
    from django.core.management.base import CommandError

    refuse_insert()
    refuse_insert("rights_quarantinedmessage")
    stdin(monkeypatch, message("Жеке деректерді жаңарту"))
    with pytest.raises(CommandError) as failure:
        call_command("ingest_request_mail")
    assert failure.value.returncode == 75
    assert not Ticket.objects.exists() and not QuarantinedMessage.objects.exists()


def test_the_log_names_no_one(person, caplog):
    raw, _ = BAD_MESSAGES["Cyrillic before the @"]
    ingest(raw)
    ingest(BAD_MESSAGES["from is no address"][0])
    text = caplog.text
    assert "Q-" in text and "асел" not in text and "Asel" not in text and "<b" not in text


def stdin(monkeypatch, raw):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(raw)))


def test_ingest_command_reads_standard_input(person, monkeypatch, capsys):
    stdin(monkeypatch, message("Жеке деректерді жаңарту"))
    call_command("ingest_request_mail")
    assert Ticket.objects.get().type == "correct"


@pytest.mark.parametrize(
    "raw", [BAD_MESSAGES["Cyrillic before the @"][0], DIRTY_MESSAGES["NUL in an HTML-only body"]]
)
def test_ingest_command_exits_0_for_any_message(person, monkeypatch, raw):
    """An MTA bounces on a non-zero exit, with the person's message in the bounce."""
    out = io.StringIO()
    stdin(monkeypatch, raw)
    call_command("ingest_request_mail", stdout=out)  # raises CommandError on a non-zero exit
    assert Ticket.objects.count() + QuarantinedMessage.objects.count() == 1
    assert re.fullmatch(r"(R-\d+|set aside as Q-\d+ \(\w+\))\n", out.getvalue())


@pytest.mark.parametrize(
    "subject_line,lang,greeting",
    [("Re: «Жеке деректерді жаңарту»", "kk", "Сәлеметсіз бе"),
     ("Обновление персональных данных", "ru", "Здравствуйте")],
)  # fmt: skip
def test_email_request_to_closed_ticket(
    client, officer_client, person, subject_line, lang, greeting
):
    ticket = ingest(message(subject_line, message_id=f"<e2e-{lang}@x>"))
    assert (ticket.type, ticket.language, ticket.status) == ("correct", lang, "unverified")
    ticket = confirm(client, lang)
    act(officer_client, ticket, phone="+7 705 765 43 21", document="letter of 25.11.2026")
    ticket.refresh_from_db()
    assert ticket.status == Status.DONE
    person.refresh_from_db()
    answer = mails_to("asel@example.kz")[-1]
    assert greeting in answer.message and ticket.reference in answer.message


@pytest.mark.parametrize("name", list(AUTOMATED_MESSAGES))
def test_mail_no_person_wrote_is_set_aside_and_never_answered(person, officer, name):
    """An auto-reply, a delivery report, a list, or mail in our own name: answering it writes to
    a machine or to ourselves, which may answer again, for ever. Nobody is mailed, nothing is
    withdrawn; the officers find it among the emails set aside."""
    from consent.core import gate
    from consent.core.purposes import MARKETING

    entry = ingest(AUTOMATED_MESSAGES[name])
    assert isinstance(entry, QuarantinedMessage) and entry.reason == "automated"
    assert not Ticket.objects.exists() and not Email.objects.exists()
    assert gate.may_process(person, MARKETING)


@pytest.mark.parametrize(
    "header",
    [
        "Auto-Submitted: no",
        "X-Auto-Response-Suppress: All",
        "Precedence: first-class",
        "Return-Path: <asel@example.kz>",
    ],
)
def test_a_person_s_mail_with_such_headers_is_still_a_request(person, header):
    """Outlook asks others not to auto-answer it (X-Auto-Response-Suppress): a person wrote it."""
    assert ingest(auto(header)).type == "unsubscribe"


@pytest.mark.parametrize(
    "subject_line",
    [
        "Письмо не доставлено, прошу отписать от рассылки",
        "Re: Автоответ на ваше письмо: отказ от рассылки",
        "Отказ от рассылки (out of office: нет)",
    ],
)
def test_a_person_writing_about_undelivered_mail_is_still_a_request(person, subject_line):
    """Only a machine's head («Автоответ:», «Undeliverable:») sets a letter aside unanswered."""
    assert isinstance(ingest(auto(subject_line=subject_line)), Ticket)


def test_what_the_site_sends_asks_not_to_be_auto_answered(person, officer):
    ingest(message("Жеке деректерді жаңарту"))
    sent = Email.objects.all()
    assert len(sent) == 2  # the confirmation link, the officer's notice
    assert all(mail.headers["Auto-Submitted"] == "auto-generated" for mail in sent)


def test_a_person_on_vacation_stays_subscribed(person):
    """«отпуске» (on vacation) was «отписка» with one slip: the unsubscribe was carried out as
    the mail arrived, without the person asking."""
    from consent.core import gate
    from consent.core.purposes import MARKETING

    ticket = ingest(message("Вопрос", body="Здравствуйте! Я в отпуске до 10 января.\nКурсы?"))
    assert (ticket.type, ticket.language, ticket.status) == ("other", "ru", "unverified")
    assert gate.may_process(person, MARKETING)


@pytest.mark.parametrize(
    "subject_line,body,expected",
    [("Отписаться от рассылки", "Также прошу отозвать согласие на обработку персональных данных.",
      "withdraw"),
     ("Жеке деректерді жаңарту", "Хабарламалардан бас тартамын.", "correct"),
     ("Отписаться от рассылки", "И поменяйте номер телефона, пожалуйста.", "correct"),
     # both in the text: the first alone was taken
     ("Вопрос", "Больше не хочу получать ваши письма. Удалите мои данные", "destroy"),
     ("Вопрос", "Отпишите меня от рассылки; прошу отозвать согласие на обработку данных",
      "withdraw"),
     ("Сұрақ", "Хабарламалардан бас тартамын. Жеке деректерімді жаңартыңыз", "correct")],
)  # fmt: skip
def test_a_letter_asking_for_two_things_loses_neither(person, subject_line, body, expected):
    """The subject's request alone dropped the body's: an unsubscribe was carried out and closed
    while the withdrawal beside it was never seen, or a correction opened and the unsubscribe was
    lost. The other request is opened, and an unsubscribe beside it still stops marketing as the
    letter arrives (compliance L15); of two requests that are neither, the one that must be
    done first opens, the other listed on it (test_two_rights.py).
    So it is for two requests in the text: only the first was taken, and «Больше не хочу
    получать ваши письма. Удалите мои данные» was an unsubscribe done and closed on arrival,
    the destruction in it read by nobody."""
    from consent.core import gate
    from consent.core.purposes import MARKETING, SERVICE
    from consent.rights.models import IntakePhrase

    IntakePhrase.objects.create(phrase="уничтожьте фотографии", type="destroy", language="ru")
    ticket = ingest(message(subject_line, body=body))
    assert ticket.type == expected and ticket.status == "unverified"
    assert gate.may_process(person, SERVICE) is (expected != "withdraw")
    assert gate.may_process(person, MARKETING) is (expected == "other")


@pytest.mark.parametrize(
    "subject_line,body,lang,told",
    [("Жеке деректерді жаңарту", "Хабарламалардан бас тартамын. Телефоным өзгерді.", "kk",
      "жаңалықтар мен ұсыныстар жіберуді тоқтаттық"),
     ("Изменение персональных данных", "И отпишите меня от рассылки, пожалуйста.", "ru",
      "перестали присылать вам новости и предложения")],
)  # fmt: skip
def test_an_unsubscribe_beside_a_correction_stops_marketing_as_it_arrives(
    person, subject_line, body, lang, told
):
    """Asel asks by email to correct her data and to stop the newsletter. The letter opened an
    "other" request and the newsletter went on until an officer read it; now the correction is
    opened as a correction (due in one working day) and marketing stops as the letter arrives,
    which the confirmation mail tells her in her language."""
    from consent.core import gate
    from consent.core.purposes import MARKETING, SERVICE

    from .conftest import mails_to

    ticket = ingest(message(subject_line, body=body))
    assert (ticket.type, ticket.language, ticket.status) == ("correct", lang, "unverified")
    assert not gate.may_process(person, MARKETING) and gate.may_process(person, SERVICE)
    mail = mails_to("asel@example.kz")[-1]
    assert told in " ".join(mail.message.split()) and "/requests/confirm/" in mail.message


def test_a_sender_at_an_internationalised_domain_is_answered(db, texts):
    """A raw UTF-8 From (RFC 6532) at a Cyrillic domain came out of the email package as
    escaped bytes; the database refused them and the request was set aside as a store failure."""
    raw_message = ("From: Әсел <asel@мысал.kz>\r\nSubject: Сұрақ\r\nMessage-ID: <idn@x>\r\n\r\n"
                   "Сәлем\r\n").encode()  # fmt: skip
    ticket = ingest(raw_message)
    assert isinstance(ticket, Ticket) and ticket.email == "asel@мысал.kz"
    assert mails_to("asel@")[-1].to == ["asel@мысал.kz"]
