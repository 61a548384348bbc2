"""Mail a machine wrote (consent/rights/machines.py): out-of-office replies in Kazakh, Russian
and English, delivery reports and bounces however they are packed, read receipts. None opens a
request or is answered: an answer to a machine draws another answer, in a loop."""

from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path

import pytest
from django.core.management import call_command
from post_office.models import Email

from consent.core import gate
from consent.core.purposes import MARKETING, SERVICE
from consent.rights.intake import ingest
from consent.rights.models import QuarantinedMessage, Ticket

from .conftest import auto, deliver, left, message, raw

SET = Path(__file__).parent / "intake_mail"  # the measured set (test_recognition.py)
# What the site sent (a confirmation mail, a newsletter) as the machine quotes it back.
OURS = "Отзыв согласия на обработку персональных данных"


def mixed_bounce(
    sender=b"From: Mail System <bounces@mx.example.com>",
    subject_line=b"Delivery failure",
    report=b"delivery-status",
):
    """A bounce packed as a multipart/mixed, not a multipart/report, from a sender no rule
    names: only its delivery-status part says what it is."""
    parts = [
        b"Content-Type: text/plain; charset=utf-8\r\n\r\nThe message could not be delivered.",
        b"Content-Type: message/" + report + b"\r\n\r\nReporting-MTA: dns; mx.example.com\r\n\r\n"
        b"Final-Recipient: rfc822; asel@example.kz\r\nAction: failed\r\nStatus: 5.2.2",
        b"Content-Type: text/rfc822-headers\r\n\r\nFrom: noreply@emaluplus-vko.kz\r\n",
    ]
    body = b"".join(b"--B\r\n" + part + b"\r\n" for part in parts) + b"--B--"
    return raw(sender, b"Subject: " + subject_line, b"Message-ID: <mixed@x>", b"MIME-Version: 1.0",
               b'Content-Type: multipart/mixed; boundary="B"', body=body)  # fmt: skip


MACHINE_MAIL = {
    "Exchange's out of office (en)": auto(subject_line=f"Out of Office AutoReply: {OURS}"),
    "Outlook's out of office (ru)": auto(subject_line=f"Нет на месте: {OURS}"),
    "Outlook's out of office (kk)": auto(subject_line=f"Кеңседен тыс: {OURS}"),
    "Kazakh Outlook's automatic reply": auto(subject_line=f"Автоматты жауап: {OURS}"),
    "Outlook's read receipt (ru)": auto(subject_line=f"Прочитано: {OURS}"),
    "Outlook's read receipt (kk)": auto(subject_line=f"Оқылды: {OURS}"),
    "Outlook's read receipt (en)": auto(subject_line=f"Read: {OURS}"),
    "Exchange's delivery report (ru)": auto(
        subject_line="Уведомление о состоянии доставки (ошибка)", body=OURS),
    "Yahoo's bounce": auto(sender="MAILER-DAEMON@yahoo.com", subject_line="Failure Notice"),
    "Exim's bounce with its header": auto("X-Failed-Recipients: asel@example.kz",
                                          sender="Mail System <bounce@mx.example.com>",
                                          subject_line="Message not sent", body=OURS),
    "Precedence written with a hyphen": auto("Precedence: auto-reply"),
    "a bounce packed as multipart/mixed": mixed_bounce(),
    # RFC 6533's reports for internationalised mail (Postfix, Exchange with SMTPUTF8).
    "an international bounce as multipart/mixed": mixed_bounce(report=b"global-delivery-status"),
    "an international read receipt as multipart/mixed": mixed_bounce(
        report=b"global-disposition-notification"),
    # Reports written as plain letters, from an address and a Return-Path no rule names: only
    # their subject line and a server's words in their text say what they are.
    "Exchange's report as a plain letter": auto(
        "Return-Path: <MicrosoftExchange329e@corp.kz>", sender="Microsoft Outlook "
        "<MicrosoftExchange329e@corp.kz>", subject_line=f"Не удается доставить: {OURS}",
        body="Диагностические сведения для администраторов:\nRemote Server returned "
        "'550 5.1.1 RESOLVER.ADR.RecipNotFound; not found'"),
    "a hosting server's report as a plain letter": auto(
        "Return-Path: <bounce@srv.hoster.kz>", sender="bounce@srv.hoster.kz",
        subject_line="Delivery failure", body="<aliya@old.kz>: 550 5.7.1 Mailbox disabled"),
    "a Kazakh report as a plain letter": auto(
        sender="Пошта жүйесі <robot@mx.kz>", subject_line=f"Хат жеткізілмеді: {OURS}",
        body="Final-Recipient: rfc822; aliya@old.kz\nStatus: 5.1.1"),
    "a sender that takes no answer": auto(sender="Notifications <no-reply@service.example.kz>",
                                          subject_line="Отказ от рассылки"),
    # A shop's newsletter with its way out and no List-Id (RFC 2369, RFC 8058): opened as a
    # request, and the shop was mailed our confirmation (attack5).
    "a newsletter with List-Unsubscribe": auto(
        "List-Unsubscribe: <https://unsub.example.kz/x>, <mailto:unsub@shop.example.kz>",
        "List-Unsubscribe-Post: List-Unsubscribe=One-Click", sender="Shop <news@shop.example.kz>",
        subject_line="Скидки недели", body="Скидки до 50%. Отписаться от рассылки: по ссылке."),
    "a newsletter's mailto way out alone": auto(
        "List-Unsubscribe: <mailto:unsub@shop.example.kz?subject=unsubscribe>",
        sender="Магазин <hello@shop.example.kz>", subject_line="Вопрос недели",
        body="Здравствуйте! Хотите участвовать в вебинаре о налогах?"),
}  # fmt: skip


@pytest.mark.parametrize("name", list(MACHINE_MAIL))
def test_machine_mail_opens_nothing_and_is_never_answered(person, officer, name):
    entry = ingest(MACHINE_MAIL[name])
    assert isinstance(entry, QuarantinedMessage) and entry.reason == "automated"
    assert not Ticket.objects.exists() and not Email.objects.exists()
    assert gate.may_process(person, MARKETING) and gate.may_process(person, SERVICE)


PEOPLE = {
    "a question about an auto-reply": "Почему мне пришёл автоответ: отзыв согласия?",
    "a complaint that the letter was not read": "Письмо не прочитано? Отзыв согласия",
    "reading in the subject, no colon": "Read me: отказ от рассылки",
}


@pytest.mark.parametrize("subject_line", PEOPLE.values(), ids=PEOPLE.keys())
def test_a_person_naming_such_things_is_still_answered(person, subject_line):
    assert isinstance(ingest(auto(subject_line=subject_line)), Ticket)


# A bounce's words in a person's subject line, above what they ask: theirs, and answered.
BOUNCE_SUBJECT = {
    "not delivered, delete": ("Письмо не доставлено", "Ваше письмо не пришло. Прошу удалить мои "
                              "персональные данные.", "destroy"),
    "undeliverable, unsubscribe": ("Undeliverable", "Отпишите меня от рассылки", "unsubscribe"),
    "kk not delivered, correct": ("Хат жеткізілмеді", "Менің жеке деректерімді жаңартыңыз, "
                                  "нөмірім өзгерді", "correct"),
}  # fmt: skip


@pytest.mark.parametrize("subject_line,body,kind", BOUNCE_SUBJECT.values(), ids=BOUNCE_SUBJECT)
def test_a_person_under_a_bounce_subject_is_still_answered(person, subject_line, body, kind):
    ticket = ingest(auto("Return-Path: <asel@example.kz>", subject_line=subject_line, body=body))
    assert isinstance(ticket, Ticket) and ticket.type == kind


@pytest.mark.live
def test_a_plain_report_in_the_mailbox_opens_nothing(mailbox, person):
    """Exchange's report of a withdrawal that did not reach a colleague, fetched from the real
    IMAP mailbox: set aside for the officers, nothing opened, withdrawn or mailed, and the
    mailbox emptied as for any letter taken in."""
    raw_report = (SET / "ru-ndr-exchange-plain.eml").read_bytes()
    deliver(mailbox, raw_report)
    call_command("fetch_request_mail")
    assert not Ticket.objects.exists() and not Email.objects.exists()
    assert QuarantinedMessage.objects.get().reason == "automated"
    assert gate.may_process(person, MARKETING) and left(mailbox) == 0


@pytest.mark.live
def test_an_out_of_office_reply_to_our_answer_ends_the_exchange(mailbox, person):
    """The person's request is answered; their mailbox's out-of-office answers our answer, in
    Kazakh, with no header to say so; the intake reads it and writes nothing back."""
    deliver(mailbox, message("Жеке деректерді жаңарту"))
    call_command("fetch_request_mail")
    ticket = Ticket.objects.get()
    answers = Email.objects.count()
    deliver(mailbox, auto(subject_line=f"Кеңседен тыс: Сұрауыңызды растаңыз {ticket.reference}",
                          body="Мен 15 желтоқсанға дейін демалыстамын."))  # fmt: skip
    deliver(mailbox, mixed_bounce())
    call_command("fetch_request_mail")
    assert Ticket.objects.count() == 1 and Email.objects.count() == answers
    assert QuarantinedMessage.objects.filter(reason="automated").count() == 2
    assert left(mailbox) == 0


@pytest.mark.parametrize("report", ["delivery-status", "disposition-notification"])
def test_a_person_forwarding_a_report_is_still_heard(person, report):
    """A person who writes «your letter bounced / was read, withdraw my consent» and attaches
    the report as it came (forwarded as an attachment) wrote a letter: the report is inside what
    they attached, not what they sent. Their withdrawal was set aside unanswered as a machine's."""
    part = b"Content-Type: message/" + report.encode() + b"\r\n\r\nReporting-MTA: dns; mx.kz\r\n"
    body = b"--B\r\n" + part + b"\r\n--B--"
    attached = message_from_bytes(
        raw(b"From: MAILER-DAEMON@mx.kz", b"Subject: Delivery failure", b"MIME-Version: 1.0",
            b'Content-Type: multipart/mixed; boundary="B"', body=body),
        policy=policy.default,
    )  # fmt: skip
    letter = EmailMessage()
    letter["From"], letter["Subject"] = "Әсел <asel@example.kz>", "Отказ от рассылки"
    letter["Message-ID"] = "<forward@example.kz>"
    letter.set_content("Ваше письмо вернулось, отчёт во вложении. Отпишите меня от рассылки.")
    letter.add_attachment(attached)

    ticket = ingest(letter.as_bytes())

    assert isinstance(ticket, Ticket) and ticket.type == "unsubscribe"
    assert not gate.may_process(person, MARKETING)
