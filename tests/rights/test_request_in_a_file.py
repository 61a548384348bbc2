"""A letter whose request is only in a file it carries (compliance L7): «Заявление во вложении»
with a PDF, a phone's photo of a handwritten form with no words at all. No file is kept, only the
text (letters.py), so nothing tells what the file asked: the letter opens "other" for an officer,
and the person was told only that the file was not kept, never that we cannot read what it asks.
They are told to write it in the text, wholly in their language; a request written in the text
beside a file is read as any other, and its mail does not say so."""

from email.message import EmailMessage

import pytest
from post_office.models import Email

from consent.rights.intake import ingest
from consent.rights.models import Ticket

from .conftest import PHOTO, untouched

WRITE_IT = {"ru": "напишите его нам в\xa0тексте письма",
            "kk": "оны бізге хаттың мәтінінде жазыңыз"}  # fmt: skip
OTHER = {"ru": "kk", "kk": "ru"}


def with_file(subject_line, body, name, data, kind):
    msg = EmailMessage()
    msg["From"], msg["To"] = "Әсел <asel@example.kz>", "em.alu.plus@mail.kz"
    msg["Subject"], msg["Message-ID"] = subject_line, "<file@example.kz>"
    msg.set_content(body)
    msg.add_attachment(data, maintype=kind[0], subtype=kind[1], filename=name)
    return msg.as_bytes()


PDF = (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", ("application", "pdf"))
JPEG = (PHOTO, ("image", "jpeg"))
IN_A_FILE = {
    "ru, a statement attached": ("Заявление", "Добрый день, заявление во вложении.", "ru", PDF),
    "kk, a statement attached": ("Өтініш", "Сәлеметсіз бе, өтініш тіркелген файлда.", "kk", PDF),
    "a photo and no words": ("", "", "kk", JPEG),
}


@pytest.mark.parametrize("subject, body, language, file", IN_A_FILE.values(), ids=IN_A_FILE)
def test_a_request_only_in_a_file_is_left_for_an_officer_and_the_person_asked_to_write_it(
    person, subject, body, language, file
):
    ticket = ingest(with_file(subject, body, "otinish.pdf", *file))
    assert ticket.type == Ticket.Type.OTHER and ticket.language == language
    assert untouched(person)
    [mail] = Email.objects.all()
    assert WRITE_IT[language] in mail.message and WRITE_IT[OTHER[language]] not in mail.message
    assert WRITE_IT[language] in mail.html_message


def test_a_request_written_beside_a_file_is_read_and_not_asked_again(person):
    ticket = ingest(with_file("", "Удалите мои персональные данные. Паспорт во вложении.",
                              "pasport.jpg", *JPEG))  # fmt: skip
    assert ticket.type == Ticket.Type.DESTROY
    [mail] = Email.objects.all()
    assert "файл" in mail.message and WRITE_IT["ru"] not in mail.message
