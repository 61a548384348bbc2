"""Shared by the rights desk's tests: a consenting person, and the steps a requester and an
officer take."""

import imaplib
import io
import os
import re
import shutil
import ssl
from email.message import EmailMessage

import pytest
from post_office.models import Email

from consent.core import gate
from consent.core.ledger import consent_grant
from consent.core.models import LedgerEntry, Source, Subject
from consent.core.purposes import MARKETING, SERVICE
from consent.rights.models import Ticket
from tests.conftest import aged_token
from tests.live import dovecot
from tests.staff import verified_login

Type, Status = Ticket.Type, Ticket.Status


@pytest.fixture
def person(texts, make_subject):
    s = make_subject(full_name="Әсел Қасымова", email="asel@example.kz", phone="+77011234567")
    consent_grant(s, texts[SERVICE], language="kk", source=Source.CONTACT_FORM)
    consent_grant(s, texts[MARKETING], language="kk", source=Source.NEWSLETTER_FORM)
    return s


@pytest.fixture
def privacy_officer(db):
    """Olga, a privacy officer: staff in the `privacy_officer` group, not a superuser."""
    from django.contrib.auth.models import Group, User

    user = User.objects.create_user("olga", "olga@example.kz", "pw-olga-123456", is_staff=True)
    user.groups.add(Group.objects.get(name="privacy_officer"))
    return user


@pytest.fixture
def desk(client, privacy_officer):
    """The served admin as Olga, signed in with a confirmed authenticator. Her admin language is
    the `django_language` cookie; `verified_login(desk, privacy_officer)` signs her in again
    after the clock has moved past the staff idle limit."""
    return verified_login(client, privacy_officer)


# What a correction or a question from the form says when a test gives no words of its own: the
# form refuses either without words (forms_app/details.py).
WORDS = {"correct": "Тегім қате: Қасымова", "other": "Деректерім қалай сақталады?"}


def web_request(client, lang, ticket_type, email="asel@example.kz", **extra):
    if ticket_type in WORDS:
        extra.setdefault("message", WORDS[ticket_type])
    data = {"token": aged_token(), "type": ticket_type, "email": email, **extra}
    return client.post(f"/{lang}/requests/new/", data)


def news_only_stopped(ticket, person):
    """The letter stopped `person`'s news (unsubscribed, or that consent withdrawn), no more."""
    withdrawn = (ticket.type, ticket.purpose) == (Type.WITHDRAW, MARKETING)
    asked = ticket.type == Type.UNSUBSCRIBE or withdrawn
    return asked and not gate.may_process(person, MARKETING) and gate.may_process(person, SERVICE)


def untouched(person):
    """Nothing was done to `person`'s record: held whole, nothing withdrawn, every purpose on."""
    return (
        Subject.objects.filter(pk=person.pk).exists()
        and not LedgerEntry.objects.filter(subject=person, kind="withdraw").exists()
        and gate.may_process(person, SERVICE)
        and gate.may_process(person, MARKETING)
    )


def mails_to(address):
    return list(Email.objects.filter(to__icontains=address).order_by("id"))


def confirm_link(address="asel@example.kz"):
    """The path of the confirmation link in the last email to `address` that holds one."""
    mail = next(m for m in reversed(mails_to(address)) if "/requests/confirm/" in m.message)
    return re.search(r"https?://[^/\s]+(/\S+/requests/confirm/\S+/)", mail.message).group(1)


def address_corrected(person, new_address):
    """The desk corrects the person's address on a confirmed correction request (their old
    mailbox is no longer theirs)."""
    from consent.rights.answers import ticket_correct
    from consent.rights.tickets import ticket_open, ticket_verify

    ticket = ticket_open(kind=Type.CORRECT, email=person.email, language="kk", channel="email")
    ticket_verify(ticket)
    ticket_correct(Ticket.objects.get(pk=ticket.pk), changes={"email": new_address},
                   document="Удостоверение № 0451", actor=None)  # fmt: skip
    person.refresh_from_db()
    return person


def confirm(client, lang="kk"):
    """Follow the link in the last verification email, as the person would."""
    path = confirm_link()
    assert client.get(path).status_code == 200  # a GET (a link scanner) changes nothing
    assert Ticket.objects.filter(verified_at__isnull=False).count() == 0
    assert client.post(path).status_code == 200
    return Ticket.objects.get()


def act(officer_client, ticket, action="do", **data):
    return officer_client.post(
        f"/admin/rights/ticket/{ticket.pk}/act/", {"desk_action": action, **data}, follow=True
    )


def message(subject_line, sender="asel@example.kz", message_id="<m1@example.kz>", body="Сәлем"):
    msg = EmailMessage()
    msg["From"] = f"Әсел <{sender}>"
    msg["To"] = "em.alu.plus@mail.kz"
    msg["Subject"] = subject_line  # non-ASCII: the policy writes it RFC 2047 encoded
    if message_id:
        msg["Message-ID"] = message_id
    msg.set_content(body)
    return msg.as_bytes()


def raw(*headers, body=b"body", content_type=None):
    """A message as bytes, exactly as written: for what EmailMessage would refuse to build."""
    lines = [h if isinstance(h, bytes) else h.encode() for h in headers]
    if content_type:
        lines.append(content_type)
    return b"\r\n".join(lines) + b"\r\n\r\n" + body + b"\r\n"


FROM = b"From: =?utf-8?B?w4Zzw6ts?= <asel@example.kz>"
TEXT = b"Content-Type: text/plain; charset=utf-8"
EIGHT_BIT = b"Content-Transfer-Encoding: 8bit"

# Messages that cannot become a request, each with the reason it is set aside (compliance L7).
BAD_MESSAGES = {
    "from is no address": (raw(b"From: Asel at home", b"Subject: hi", b"Message-ID: <b1@x>"),
                           "no_sender"),
    "two senders": (raw(b"From: a@example.kz, b@example.kz", b"Subject: hi",
                        b"Message-ID: <b2@x>"), "no_sender"),
    "NUL in the address": (raw(b"From: <as\x00el@example.kz>", b"Subject: hi",
                               b"Message-ID: <b3@x>"), "no_sender"),
    "address longer than an address can be": (
        raw(b"From: <" + b"a" * 250 + b"@example.kz>", b"Subject: hi", b"Message-ID: <b4@x>"),
        "no_sender"),
    "Cyrillic before the @": (raw("From: <асел@мысал.kz>", b"Subject: hi", b"Message-ID: <b5@x>"),
                              "no_sender"),
    "unknown charset": (raw(FROM, b"Subject: hi", b"Message-ID: <b6@x>",
                            b"Content-Type: text/plain; charset=x-no-such-charset", EIGHT_BIT,
                            body="Сәлем".encode()), "undecodable"),
    "bytes not in the declared charset": (
        raw(FROM, b"Subject: hi", b"Message-ID: <b7@x>", TEXT, EIGHT_BIT,
            body="Здравствуйте".encode("cp1251")), "undecodable"),
    "8-bit subject that is not UTF-8": (
        raw(FROM, b"Subject: " + "Обновление персональных данных".encode("cp1251"),
            b"Message-ID: <b8@x>"), "undecodable"),
    "broken base64 body": (raw(FROM, b"Subject: hi", b"Message-ID: <b9@x>", TEXT,
                               b"Content-Transfer-Encoding: base64", body=b"!!!!"),
                           "undecodable"),
    "multipart without its boundary": (
        raw(FROM, b"Subject: hi", b"Message-ID: <b10@x>", b"Content-Type: multipart/mixed",
            body=b"the text is somewhere in here"), "unreadable"),
    "text longer than a request holds": (
        raw(FROM, b"Subject: hi", b"Message-ID: <b11@x>", TEXT, body=b"word " * 20_001),
        "too_long"),
    # Too long whatever its markup says, and known so before the markup is read (seconds a
    # megabyte): not "unreadable" for a marked section Python's HTML parser cannot read.
    "HTML longer than a request holds": (
        raw(FROM, b"Subject: hi", b"Message-ID: <b12@x>", b"Content-Type: text/html",
            body=b"<![foo[ x ]]>" + b"<p>word</p>" * 10_000), "too_long"),
}  # fmt: skip

# Messages with bytes a database cannot hold, or should not: cleaned, they open a request (each
# asks when the course starts: a greeting alone asks nothing, asked_nothing.py). (A raw
# NUL byte is not allowed in a message at all: an IMAP server hands it out as 0x80, which is
# then invalid UTF-8 and set aside; encoded, as quoted-printable =00, it reaches the intake.)
DIRTY_MESSAGES = {
    "NUL in the body (quoted-printable =00)": raw(
        FROM, b"Subject: Kurs qashan?", b"Message-ID: <d1@x>", TEXT,
        b"Content-Transfer-Encoding: quoted-printable", body=b"Sa=00lem"),
    "NUL in the subject (encoded word)": raw(
        FROM, b"Subject: =?utf-8?Q?Sa=00lem?=", b"Message-ID: <d2@x>", body=b"Salem. Kurs qashan?"),
    "NUL in the Message-ID": raw(FROM, b"Subject: Kurs qashan?", b"Message-ID: <d3\x00@x>",
                                 body=b"Salem"),
    "terminal escapes and a bell": raw(
        FROM, b"Subject: Sal\x1b[31mem", b"Message-ID: <d4@x>", body=b"Sal\x07em\x0c Kurs qashan?"),
    "NUL in an HTML-only body": raw(
        FROM, b"Subject: Kurs qashan?", b"Message-ID: <d5@x>",
        b"Content-Type: text/html; charset=utf-8", b"Content-Transfer-Encoding: quoted-printable",
        body=b"<p>Sal=00em</p>"),
}  # fmt: skip


@pytest.fixture
def refuse_insert(db):
    """A real database error on inserting into `table` when the SQL condition `when` holds for
    the new row: a trigger, created as the owner inside the test's transaction (rolled back
    with it)."""
    from django.db import connection

    def install(table="consent_request", when="true"):
        name = f"test_refuse_{table}"
        with connection.cursor() as cursor:
            cursor.execute("RESET ROLE")
            cursor.execute(
                f"CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                f"IF {when} THEN RAISE EXCEPTION 'refused'; END IF; RETURN NEW; END $$"
            )
            cursor.execute(f"CREATE TRIGGER {name} BEFORE INSERT ON {table} "
                           f"FOR EACH ROW EXECUTE FUNCTION {name}()")  # fmt: skip
            cursor.execute("SET ROLE emalu_app")

    return install


def report(sender=b"From: Mail Delivery System <MAILER-DAEMON@mx.example.com>"):
    """A delivery report (RFC 3464) returning one of our mails, which named a route."""
    parts = [
        b"Content-Type: text/plain; charset=us-ascii\r\n\r\nYour message could not be delivered.",
        b"Content-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mx.example.com\r\n\r\n"
        b"Final-Recipient: rfc822; gone@example.com\r\nAction: failed\r\nStatus: 5.1.1",
        b"Content-Type: message/rfc822\r\n\r\nFrom: noreply@emaluplus-vko.kz\r\n"
        b"Subject: =?utf-8?B?0J7RgtC60LDQtyDQvtGCINGA0LDRgdGB0YvQu9C60Lg=?=\r\n\r\nbody",
    ]
    body = b"".join(b"--B\r\n" + part + b"\r\n" for part in parts) + b"--B--"
    return raw(sender, b"Subject: Undelivered Mail Returned to Sender", b"Message-ID: <r@x>",
               b"MIME-Version: 1.0",
               b'Content-Type: multipart/report; report-type=delivery-status; boundary="B"',
               body=body)  # fmt: skip


def auto(*headers, sender="Әсел <asel@example.kz>", subject_line="Отказ от рассылки", body="Сәлем"):
    """A message as `message()` writes it, with headers a machine adds."""
    msg = EmailMessage()
    msg["From"] = sender
    msg["Subject"] = subject_line
    msg["Message-ID"] = "<auto@x>"
    for header in headers:
        name, _, value = header.partition(": ")
        msg[name] = value
    msg.set_content(body)
    return msg.as_bytes()


# Mail no person wrote, or written in our own name: never a request, never answered (a reply
# to a machine, or to ourselves, starts a loop), kept for the officers to look at.
AUTOMATED_MESSAGES = {
    "vacation reply (RFC 3834)": auto("Auto-Submitted: auto-replied",
                                      subject_line="Автоответ: Отказ от рассылки"),
    "robot (auto-generated)": auto("Auto-Submitted: auto-generated"),
    "X-Autoreply": auto("X-Autoreply: yes"),
    "Precedence: bulk": auto("Precedence: bulk"),
    "Precedence: junk": auto("Precedence: junk"),
    "mailing list": auto("List-Id: <people.lists.example.kz>"),
    "delivery report": report(),
    "report without the usual headers": report(b"From: postmaster@mx.example.com"),
    "bounce written as a letter": auto(sender="Почтовый робот <MAILER-DAEMON@corp.mail.ru>",
                                       subject_line="Письмо не доставлено"),
    # Auto-replies and reports that say so only in their subject line or envelope: the subject
    # they answer named a withdrawal, which was carried out and answered.
    "vacation reply with no headers": auto(
        subject_line="Автоответ: Re: Отзыв согласия на обработку персональных данных"),
    "Kazakh vacation reply": auto(
        subject_line="Автожауап: Жеке деректерді өңдеуге келісімді қайтарып алу"),
    "Outlook rule's reply": auto(subject_line="Automatic reply: Отказ от рассылки"),
    "Russian Outlook's reply": auto(subject_line="Автоматический ответ: Отказ от рассылки"),
    "null reverse-path": auto("Return-Path: <>"),
    "X-Autogenerated": auto("X-Autogenerated: Reply"),
    "Exchange report without the usual headers": auto(
        sender="Microsoft Outlook <bounces@mail.example.com>",
        subject_line="Недоставленное сообщение: Отказ от рассылки"),
    "Gmail report as a letter": auto(sender="Mail Delivery Subsystem <bounce@googlemail.com>",
                                     subject_line="Delivery Status Notification (Failure)"),
    "forged: our own requests address": auto(sender="em.alu.plus@mail.kz"),
    # Our own mailboxes under a subaddress, which their providers deliver to them: answered, the
    # answer came back to the requests mailbox (or to the sender's own).
    "our requests address with a tag": auto(sender="em.alu.plus+R-1@mail.kz"),
    "our sender address with a tag, in capitals": auto(sender="NoReply+loop@EmAluPlus-VKO.kz"),
    "our own mail come back": auto(sender="«ЕМ АЛУ плюс» <noreply@emaluplus-vko.kz>",
                                   subject_line="Пожалуйста, подтвердите запрос"),
}  # fmt: skip


USER, PASSWORD = "requests", "imap-test-pw"


@pytest.fixture(scope="module")
def imap_server():
    """One Dovecot for the module (starting one is ~0.5 s of CPU): (port, certificate)."""
    if not shutil.which("dovecot") and not os.path.exists("/usr/sbin/dovecot"):
        if os.environ.get("CI"):
            pytest.fail("CI must have dovecot-imapd (.ci/run installs it)")
        pytest.skip("dovecot-imapd is not installed")
    with dovecot(USER, PASSWORD) as server:
        yield server


@pytest.fixture
def mailbox(imap_server, settings, monkeypatch):
    """The mailbox, empty: whatever an earlier test left in it is expunged first."""
    port, cert = imap_server
    monkeypatch.setenv("SSL_CERT_FILE", str(cert))  # trust the test certificate
    settings.IMAP_URL = f"imaps://{USER}:{PASSWORD}@127.0.0.1:{port}/INBOX"
    client = imaplib.IMAP4_SSL("127.0.0.1", port, ssl_context=ssl.create_default_context())
    client.login(USER, PASSWORD)
    client.select("INBOX")
    if client.search(None, "ALL")[1][0]:
        client.store("1:*", "+FLAGS", "(\\Deleted)")
        client.expunge()
    assert left(client) == 0
    yield client
    client.logout()


def deliver(client, raw):
    client.append("INBOX", None, None, raw)


def left(client):
    """How many messages the mailbox still holds, deleted-flagged ones included."""
    client.select("INBOX")
    return len(client.search(None, "ALL")[1][0].split())


def unbroken(shown: str) -> str:
    """A phone number as a page shows it, written here with plain spaces: its groups, and an
    extension's word and digits, joined by no-break spaces («+7 7232 12 34 56, доб. 12»)."""
    return shown.replace(" ", "\N{NO-BREAK SPACE}").replace(",\N{NO-BREAK SPACE}", ", ")


def _jpeg():
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (40, 30), (200, 30, 60)).save(out, "JPEG")
    return out.getvalue()


# A photo as the forms store one after re-encoding: a small JPEG (40 × 30).
PHOTO = _jpeg()
