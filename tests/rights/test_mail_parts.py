"""What a mail to the requests address carries beside its text, as mail programs write it: files
(not kept with a request: the person is told so, in their language, for any number of them), a
photo between two paragraphs, a blank plain-text part beside the HTML one shown, a signature's
logo. Each message is built with the email package and taken in by ingest(), as the IMAP fetch
and the MTA pipe hand it over."""

import itertools
from email.message import EmailMessage

import pytest

from consent.core import gate
from consent.core.purposes import MARKETING
from consent.rights.intake import ingest
from tests.growth import cpu_seconds, grows_linearly

from .conftest import mails_to

PDF = b"%PDF-1.4\n% a scanned document\n"
PNG = b"\x89PNG\r\n\x1a\n" + bytes(32)


def letter(subject_line, text="", *, files=0, sender="asel@example.kz", message_id="<parts@x>"):
    msg = EmailMessage()
    msg["From"] = f"Әсел <{sender}>"
    msg["To"] = "em.alu.plus@mail.kz"
    if subject_line is not None:
        msg["Subject"] = subject_line
    msg["Message-ID"] = message_id
    if text:
        msg.set_content(text)
    for n in range(files):
        msg.add_attachment(PDF, maintype="application", subtype="pdf", filename=f"құжат-{n}.pdf")
    return msg.as_bytes()


def said(address="asel@example.kz"):
    """The last mail to `address`: its text and HTML, each on one line."""
    mail = mails_to(address)[-1]
    return " ".join(mail.message.split()), " ".join(mail.html_message.split())


# What the answer says of the files, by number: one form for one, Russian's others for few and
# many (21 takes the form of 1: «был приложен 21 файл», and no pronoun that would say «it» of
# 21 files), Kazakh's one noun for every number but the pronoun.
SAYS = {
    ("ru", 1): "К вашему письму был приложен 1 файл. Вложения мы не сохранили",
    ("ru", 2): "К вашему письму были приложены 2 файла. Вложения мы не сохранили",
    ("ru", 5): "К вашему письму было приложено 5 файлов. Вложения мы не сохранили",
    ("ru", 21): "К вашему письму был приложен 21 файл. Вложения мы не сохранили",
    ("kk", 1): "Хатыңызға тіркелген файл: 1. Біз оны сақтамадық",
    ("kk", 2): "Хатыңызға тіркелген файлдар: 2. Біз оларды сақтамадық",
    ("kk", 5): "Хатыңызға тіркелген файлдар: 5. Біз оларды сақтамадық",
    ("kk", 21): "Хатыңызға тіркелген файлдар: 21. Біз оларды сақтамадық",
}
DOCUMENTS = {"ru": "укажите в тексте его реквизиты", "kk": "құжаттың деректемелерін"}
REQUEST = {
    "ru": ("Обновление персональных данных", "Моя фамилия изменилась, свидетельство во вложении."),
    "kk": ("Жеке деректерді жаңарту", "Тегім өзгерді, куәлік хатқа тіркелген."),
}


@pytest.mark.parametrize("count", [1, 2, 5, 21])
@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_request_with_files_is_told_they_were_not_kept(person, lang, count):
    """Asel sends her correction with the certificate attached. Only the text is kept with the
    request, and she was never told: she waited for a correction backed by a document the
    officer never saw. The confirmation mail now says, in her language, that the files were not
    kept, and how to give the document's details instead."""
    subject_line, text = REQUEST[lang]
    ticket = ingest(letter(subject_line, text, files=count))
    assert (ticket.type, ticket.language) == ("correct", lang)
    assert ticket.message == f"{subject_line}\n\n{text}"  # the text only
    plain, html = said()
    for shown in (plain, html):
        assert SAYS[lang, count] in shown and DOCUMENTS[lang] in shown
        assert "/requests/confirm/" in shown


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_letter_without_files_says_nothing_of_them(person, lang):
    subject_line, text = REQUEST[lang]
    ingest(letter(subject_line, text))
    plain, html = said()
    assert "файл" not in plain + html and DOCUMENTS[lang] not in plain + html


def test_a_mail_that_is_only_a_file_is_a_request_and_is_told(person):
    """No subject, no text, a scanned application attached: the request opens for staff to
    read, and the answer says the file was not kept (in Kazakh, the site's default)."""
    ticket = ingest(letter(None, files=1))  # a file says something: not a letter asking nothing
    assert (ticket.type, ticket.language, ticket.message) == ("other", "kk", "")
    plain, _html = said()
    assert SAYS["kk", 1] in plain


def test_an_unsubscribe_with_a_file_is_done_and_told(person):
    ticket = ingest(letter("Отписаться от рассылки", "Спасибо.", files=2))
    assert ticket.status == "done" and not gate.may_process(person, MARKETING)
    plain, _html = said()
    assert SAYS["ru", 2] in plain
    assert DOCUMENTS["ru"] not in plain  # nothing left to support


def test_an_unknown_address_is_told_too_without_a_reply_to_give(db, texts):
    ingest(letter("Обновление персональных данных", "Новый номер.", files=1,
                  sender="stranger@example.kz"))  # fmt: skip
    plain, _html = said("stranger@example.kz")
    assert SAYS["ru", 1] in plain and DOCUMENTS["ru"] not in plain


def test_a_reply_filed_with_its_request_is_told_too(person):
    first = ingest(letter("Обновление персональных данных", "Новая фамилия."))
    ingest(letter(f"Re: Пожалуйста, подтвердите запрос № {first.reference}",
                  "Вот свидетельство.", files=1, message_id="<reply@x>"))  # fmt: skip
    plain, _html = said()
    assert first.reference in plain and SAYS["ru", 1] in plain and DOCUMENTS["ru"] in plain


def test_text_photo_text_is_read_whole(person):
    """Apple Mail writes «text, a photo, more text» as three parts; only the first was kept and
    read, so the correction asked below the photo opened as "other" and was lost from the
    request's text. Both texts are kept and read; the photo is a file not kept."""
    msg = EmailMessage()
    msg["From"], msg["Subject"], msg["Message-ID"] = "asel@example.kz", "Вопрос", "<apple@x>"
    msg.make_mixed()
    for part in ("Здравствуйте! Вот фото моего свидетельства:", None,
                 "Прошу исправить мою фамилию на Иванова."):  # fmt: skip
        inner = EmailMessage()
        if part is None:
            inner.set_content(PNG, maintype="image", subtype="png", disposition="inline",
                              filename="IMG_0001.png")  # fmt: skip
        else:
            inner.set_content(part)
            del inner["MIME-Version"]
        msg.attach(inner)
    ticket = ingest(msg.as_bytes())
    assert (ticket.type, ticket.language) == ("correct", "ru")
    assert ticket.message.split("\n\n")[1:] == [
        "Здравствуйте! Вот фото моего свидетельства:",
        "Прошу исправить мою фамилию на Иванова.",
    ]
    assert SAYS["ru", 1] in said()[0]


def html_letter(plain, html, *, logo=False, message_id="<html@x>"):
    msg = EmailMessage()
    msg["From"], msg["Subject"], msg["Message-ID"] = "asel@example.kz", "Сәлем", message_id
    msg.set_content(plain)
    msg.add_alternative(html, subtype="html")
    if logo:  # the signature's logo, embedded in the HTML by its Content-ID
        msg.get_payload()[1].add_related(PNG, "image", "png", cid="<logo@x>")
    return msg.as_bytes()


@pytest.mark.parametrize("plain", ["", "\n", "   \n\n"])
def test_a_blank_plain_part_beside_the_html_one_is_not_the_letter(person, plain):
    """Some mail programs send an empty text/plain part and show the HTML: the plain one was
    read, the unsubscribe in the HTML never seen, and the letter opened as "other"."""
    ticket = ingest(html_letter(plain, "<p>Хабарламалардан бас тартамын.</p>"))
    assert (ticket.type, ticket.language, ticket.status) == ("unsubscribe", "kk", "done")
    assert "Хабарламалардан бас тартамын" in ticket.message


@pytest.mark.parametrize("junk", ["<a '", "<!--"])
def test_malformed_markup_in_the_html_is_read_at_once(person, junk):
    """Python's HTMLParser read malformed markup in time growing with its square: an HTML part
    of «<a '» 24,000 times took 50 s of the intake, «<!--» so 4 s, each letter, each run."""
    read_at_once_under_a_request(junk, 24_000)


@pytest.mark.parametrize("nested", ["<div>", "<x><div></div>", "<blockquote>"])
def test_markup_nested_deep_in_the_html_is_read_at_once(person, nested):
    """The HTML parser looks through every element still open at most tags: «<div>» 100,000
    times under a request (500 kB, where a letter may have 25 MB) held the intake for 35 s, a
    million for hours, at every run until it was through, and no other letter was read. Only
    the first tags are read as tags (reading.MOST_TAGS); the request above them still is."""
    read_at_once_under_a_request(nested, 80_000)


def read_at_once_under_a_request(markup, most):
    """An HTML part asking to unsubscribe, then `markup` repeated up to `most` times: read in
    time growing no faster than its length, and the request still read."""
    ids = itertools.count()

    def letter(n):
        html = "<p>Хабарламалардан бас тартамын.</p>" + markup * n
        return ingest(html_letter("", html, message_id=f"<html{next(ids)}@x>"))

    ticket = grows_linearly(letter, most)
    assert (ticket.type, ticket.status) == ("unsubscribe", "done")


def test_a_quote_cut_where_its_tags_stop_being_read_stays_a_quote():
    """What follows the last tag read is read inside the blocks open there: a long newsletter
    quoted under a reply is still a quote to its end, and the reply above it the person's."""
    from consent.rights.reading import MOST_TAGS, html_text

    html = ("<div>Жазылымнан шығарыңыз</div><blockquote>" + "<div>ескі хат</div>" * MOST_TAGS
            + "<div>Деректерімді жойыңыз</div></blockquote>")  # fmt: skip
    lines = html_text(html).splitlines()
    assert lines[0] == "Жазылымнан шығарыңыз"
    assert all(line.startswith("> ") for line in lines[1:] if line)
    assert "Деректерімді жойыңыз" in lines[-1]


def test_a_signature_logo_is_no_file(person):
    ticket = ingest(html_letter("Жеке деректерді жаңарту", "<p>Жеке деректерді жаңарту</p>"
                                '<p><img src="cid:logo@x"></p>', logo=True))  # fmt: skip
    assert ticket.type == "correct"
    assert "файл" not in " ".join(said())


def signed(text):
    """A clear-signed S/MIME message (RFC 8551), as Outlook sends one: the text, and the
    signature beside it as «smime.p7s»."""
    from email.mime.application import MIMEApplication
    from email.mime.multipart import MIMEMultipart
    from email.mime.text import MIMEText

    msg = MIMEMultipart("signed", protocol="application/pkcs7-signature", micalg="sha-256")
    msg["From"], msg["Subject"], msg["Message-ID"] = "asel@example.kz", "Өтініш", "<signed@x>"
    msg.attach(MIMEText(text, "plain", "utf-8"))
    signature = MIMEApplication(b"0\x82\x05\x00", "pkcs7-signature", name="smime.p7s")
    signature.add_header("Content-Disposition", "attachment", filename="smime.p7s")
    msg.attach(signature)
    return msg.as_bytes()


def test_a_signed_letter_is_read_and_its_signature_is_no_file(person):
    """The signature of a signed mail is not a file the person sent: telling them «1 file was
    not kept» would only puzzle them."""
    ticket = ingest(signed("Жеке деректерді жаңарту: тегім өзгерді."))
    assert (ticket.type, ticket.language) == ("correct", "kk")
    assert "файл" not in " ".join(said())


def opaque(content_type):
    """The whole message one S/MIME part (RFC 8551 signed-data or enveloped-data)."""
    return (b"From: asel@example.kz\r\nSubject: =?utf-8?b?0pLQuNGC0ZbQvdGW0Yg=?=\r\n"
            b"Message-ID: <wrapped@x>\r\nMIME-Version: 1.0\r\nContent-Type: "
            + content_type.encode() + b'\r\nContent-Disposition: attachment; filename="smime.p7m"'
            b"\r\nContent-Transfer-Encoding: base64\r\n\r\nMIIFAA==\r\n")  # fmt: skip


def pgp_encrypted():
    """PGP/MIME (RFC 3156): the version part, and the encrypted message."""
    from email.mime.application import MIMEApplication
    from email.mime.multipart import MIMEMultipart

    msg = MIMEMultipart("encrypted", protocol="application/pgp-encrypted")
    msg["From"], msg["Subject"], msg["Message-ID"] = "asel@example.kz", "Өтініш", "<pgp@x>"
    msg.attach(MIMEApplication(b"Version: 1\n", "pgp-encrypted"))
    msg.attach(MIMEApplication(b"-----BEGIN PGP MESSAGE-----\n...\n", "octet-stream",
                               name="encrypted.asc"))  # fmt: skip
    return msg.as_bytes()


@pytest.mark.parametrize(
    "raw",
    [opaque('application/pkcs7-mime; smime-type=signed-data; name="smime.p7m"'),
     opaque('application/x-pkcs7-mime; smime-type=enveloped-data; name="smime.p7m"'),
     pgp_encrypted()],
)  # fmt: skip
def test_a_letter_wrapped_whole_is_set_aside_for_the_officers(person, officer, raw):
    """An opaque-signed or encrypted mail holds its text inside the wrapping: it opened an
    "other" request with no text at all, and what the person asked was lost. It is set aside
    whole for the officers, whose mail program opens it."""
    from consent.rights.models import QuarantinedMessage, Ticket

    entry = ingest(raw)
    assert isinstance(entry, QuarantinedMessage) and entry.reason == "unreadable"
    assert not Ticket.objects.exists()
    assert entry.reference in mails_to("alice@example.kz")[-1].subject


def encoded_words(n):
    return "=?utf-8?q?a?= " * n  # 14 characters each


@pytest.mark.parametrize(
    "where", ["Subject", "Auto-Submitted", "a file's name", "a file's name in sections"]
)
def test_a_header_field_no_person_writes_is_set_aside_at_once(person, officer, where):
    """The email package read a field of encoded words, or of RFC 2231 sections, in time growing
    with the square of its length: each of these letters held the intake 1.5 to 4 s, and one
    of 2 MB (the mailbox takes 25) for hours, every run, while nothing behind it was read."""
    from .conftest import FROM, TEXT, raw

    ids = itertools.count()

    def letter(n):  # n encoded words (210,000 characters at 15,000), or n * 4 / 5 sections
        message_id = f"Message-ID: <f{next(ids)}@x>".encode()
        if where in ("Subject", "Auto-Submitted"):
            return ingest(raw(FROM, f"{where}: {encoded_words(n)}".encode(), message_id, TEXT))
        sections = "".join(f"filename*{k}=a; " for k in range(n * 4 // 5))
        disposition = f'filename="{encoded_words(n)}"' if where == "a file's name" else sections
        return ingest(raw(FROM, b"Subject: hi", message_id,
                          b"Content-Type: multipart/mixed; boundary=b",
                          body=(f"--b\r\nContent-Type: text/plain\r\n\r\nSalem\r\n--b\r\n"
                                "Content-Type: application/pdf\r\nContent-Disposition: "
                                f"attachment; {disposition}\r\n\r\nPDF\r\n--b--"
                                ).encode()))  # fmt: skip

    entry = grows_linearly(letter, 15_000)
    assert entry.reason == "unreadable"  # for the officers to read, as any letter set aside


# Every line break the email package reads: a part's lines ended by a CR alone were counted as
# no part, and 20,000 of them (660 KB) held the intake for a minute and a half.
@pytest.mark.parametrize("eol", [b"\r\n", b"\n", b"\r"], ids=["CR LF", "LF", "CR"])
def test_a_letter_of_a_hundred_thousand_parts_is_set_aside_at_once(person, officer, eol):
    """The email package takes 0.2 ms a part, and our reading 0.5 ms more: 100,000 parts of
    «hi» (4 MB) held the intake a minute, 25 MB of them several. Now it costs less than a
    letter of 900 parts, which is read."""
    from .conftest import FROM, raw

    def letter(parts, message_id):
        part = b"--b" + eol + b"Content-Type: text/plain" + eol + eol + b"hi" + eol
        return raw(FROM, b"Subject: hi", f"Message-ID: <{message_id}@x>".encode(),
                   b"Content-Type: multipart/mixed; boundary=b",
                   body=part * parts + b"--b--")  # fmt: skip

    ingest(letter(900, "warm"))  # what is done once in a process is counted in neither
    read, kept = cpu_seconds(lambda: ingest(letter(900, "p2")))
    assert kept.reason == "nothing_asked"  # hi × 900: read through, a letter asking nothing
    set_aside, entry = cpu_seconds(lambda: ingest(letter(100_000, "p")))
    assert entry.reason == "unreadable"
    assert set_aside < read, f"{set_aside:.3f} s of CPU for 100,000 parts, {read:.3f} s for 900"


def test_a_letter_copied_to_many_is_still_a_request(person):
    msg = EmailMessage()
    msg["From"] = "Әсел <asel@example.kz>"
    msg["To"] = "em.alu.plus@mail.kz"
    msg["Cc"] = ", ".join(f"Әріптес {n} <colleague{n}@example.kz>" for n in range(500))
    msg["Subject"] = "Жазылымнан бас тарту"
    msg["Message-ID"] = "<many@x>"
    msg.set_content("Сәлеметсіз бе!")
    assert ingest(msg.as_bytes()).type == "unsubscribe"
