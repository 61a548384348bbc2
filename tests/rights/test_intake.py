"""Requests by email: the policy's subject phrases, encodings, duplicates and malformed messages
(compliance L7)."""

import pytest
from django.core.management import call_command

from consent.rights.intake import classify, ingest
from consent.rights.models import Ticket

from .conftest import Status, act, confirm, mails_to, message


@pytest.mark.parametrize(
    "subject,expected",
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
def test_subject_phrases(subject, expected):
    assert classify(subject) == expected


def test_encoded_subject_opens_a_typed_request(person):
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
    "raw",
    [b"\x00\xff garbage", b"From: nobody\r\n\r\nno address", b"Subject: =?bogus?Q?x?=\r\n\r\n",
     b"From: =?utf-8?B?!!!?= <x@example.kz>\r\nSubject: =?utf-8?B?0J/RgNC40LLQtdGC?=\r\n\r\nhi"],
)  # fmt: skip
def test_malformed_messages_never_crash(db, texts, raw):
    result = ingest(raw)
    assert result is None or result.type == "other"


def test_ingest_command_reads_standard_input(person, monkeypatch, capsys):
    import io
    import sys

    stdin = io.TextIOWrapper(io.BytesIO(message("Жеке деректерді жаңарту")))
    monkeypatch.setattr(sys, "stdin", stdin)
    call_command("ingest_request_mail")
    assert Ticket.objects.get().type == "correct"


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
