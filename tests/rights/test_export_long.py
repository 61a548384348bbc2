"""The access answer of a person who wrote to us often and at length (compliance L10): made in
about a second, every word of every letter in it."""

import subprocess

import pytest
from django.core.files.base import ContentFile

from consent.core.models import Source, Submission
from consent.core.photos import photo_encrypt
from consent.rights.readable import export_pdf
from tests.growth import cpu_seconds, grows_linearly

from .conftest import PHOTO

LETTER = "Сәлеметсіз бе! Өтінішімді қарауыңызды сұраймын. " * 100  # the form's 5,000 characters


@pytest.mark.requires_tool("pdftotext", apt="poppler-utils")
def test_a_hundred_long_letters_and_their_photos_are_in_a_pdf_made_at_once(person, tmp_path):
    """fpdf2's multi_cell measured its whole line again for each character it added: the PDF
    of a person with 100 letters of 5,000 characters took 7 s of CPU (the desk's "carry out"
    of an access request, or the person's download, waits on it; 300 letters, 23 s, near a
    worker's timeout). Lines are now broken once, a character measured once: a letter costs
    less than a third of what multi_cell takes to lay it out alone (a sixth, when measured)."""
    letters = [f"№{n} {LETTER}Соңы{n}" for n in range(100)]
    photo = Submission(subject=person)  # one stored photo, as a form stores it, sent with 50
    photo.photo.save("photo.jpg", photo_encrypt(ContentFile(PHOTO)), save=False)
    Submission.objects.bulk_create([
        Submission(subject=person, source=Source.APPLICATION_FORM, language="kk",
                   photo=photo.photo.name if n % 2 else "",
                   data={"message": letter, "consents": {"service": True}})
        for n, letter in enumerate(letters)
    ])  # fmt: skip
    # multi_cell first: what is done once in a process (fpdf imported) is counted in neither.
    by_multi_cell, _ = cpu_seconds(lambda: laid_out_by_multi_cell(letters[:5]))
    made, body = cpu_seconds(lambda: export_pdf(person, "kk"))
    assert made / 100 < by_multi_cell / 5 / 3, f"{made:.2f} s, multi_cell {by_multi_cell:.2f} s"
    (tmp_path / "export.pdf").write_bytes(body)
    text = subprocess.run(["pdftotext", tmp_path / "export.pdf", "-"],
                          capture_output=True, text=True, check=True).stdout  # fmt: skip
    assert text.count("Өтінішімді") == 100 * 100  # no word lost or cut at a line's end
    assert all(f"Соңы{n}" in text for n in range(100))
    # The photo once, as the picture; the other letters with it say it is the same one.
    assert text.count("алынды") >= 1 and text.count("сол фотосурет") == 49


def laid_out_by_multi_cell(letters):
    """The letters as fpdf2's multi_cell lays them out where the export writes a value (right of
    its label's 80 mm), as the export did before, and nothing else: no heading, no label."""
    from fpdf import FPDF

    from consent.common.pdf import FONTS

    pdf = FPDF(orientation="landscape")
    pdf.add_font("Noto", "", FONTS / "NotoSans-Regular.ttf")
    pdf.set_font("Noto", "", 8)
    pdf.add_page()
    for letter in letters:
        pdf.x = pdf.l_margin + 80
        pdf.multi_cell(0, 5, letter, new_x="LMARGIN", new_y="NEXT")
    return pdf.output()


def test_the_export_reads_no_mail_bodies(person):
    """Years of newsletters: the export lists each mail (when, to, subject, status), and read
    every body and its HTML into memory to do so."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from post_office.models import Email

    from consent.rights.export import export_data

    Email.objects.bulk_create([
        Email(from_email="noreply@example.kz", to=[person.email], subject=f"Жаңалықтар {n}",
              message="x" * 20_000, html_message="<p>" + "x" * 40_000 + "</p>", status=0)
        for n in range(20)
    ])  # fmt: skip
    with CaptureQueriesContext(connection) as queries:
        data = export_data(person, "kk")
    assert [m["email_subject"] for m in data["emails"]] == [f"Жаңалықтар {n}" for n in range(20)]
    mail_queries = [q["sql"] for q in queries if 'FROM "post_office_email"' in q["sql"]]
    assert mail_queries and not any('"html_message"' in q for q in mail_queries)


@pytest.mark.requires_tool("pdftotext", apt="poppler-utils")
def test_a_letter_of_one_long_word_is_in_the_pdf_made_at_once(person, tmp_path):
    """An emailed request may hold 100,000 characters with no space (anyone can send one in the
    person's name): the line breaking measured what was left of the word again for each line
    it cut, 6 s of CPU for one such letter, so a few of them kept the person's access answer
    from being made within a worker's timeout. It now takes time in the word's length."""
    from fpdf import FPDF

    from consent.common.pdf import FONTS, wrapped
    from consent.rights.intake import ingest

    from .conftest import message

    word = "Басы" + "ъ" * 99_000 + "Соңы"
    assert ingest(message("Сұрақ", body=word)).subject == person
    (tmp_path / "export.pdf").write_bytes(export_pdf(person, "kk"))
    text = subprocess.run(["pdftotext", tmp_path / "export.pdf", "-"],
                          capture_output=True, text=True, check=True).stdout  # fmt: skip
    assert word in "".join(text.split())  # every letter in its order, only cut into lines

    pdf = FPDF(orientation="landscape")  # as the export writes a value
    pdf.add_font("Noto", "", FONTS / "NotoSans-Regular.ttf")
    pdf.set_font("Noto", "", 8)
    lines = grows_linearly(lambda n: wrapped(pdf, "ъ" * n, 190), 99_000)
    assert "".join(lines) == "ъ" * 99_000 and len(lines) > 100


@pytest.mark.requires_tool("pdftotext", apt="poppler-utils")
@pytest.mark.parametrize("lang,extension", [("kk", "ішкі 12"), ("ru", "доб. 12")])
def test_the_pdf_writes_phone_numbers_as_they_are_dialled(person, tmp_path, lang, extension):
    """The PDF is for reading, and wrote the numbers as held: «+77232123456;ext=12», eleven
    digits in a row the person could not check against their own. The JSON keeps them so."""
    from consent.core.models import Guardian
    from consent.rights.export import export_data

    person.phone = "+77232123456;ext=12"
    person.save(update_fields=["phone"])
    Guardian.objects.create(subject=person, full_name="Гүлнар", contact="+77011234567")
    sent = {"phone": "+77232123456;ext=12", "message": "Сәлем"}
    Submission.objects.create(subject=person, source=Source.CONTACT_FORM, language="kk", data=sent)
    (tmp_path / "export.pdf").write_bytes(export_pdf(person, lang))
    text = subprocess.run(["pdftotext", tmp_path / "export.pdf", "-"],
                          capture_output=True, text=True, check=True).stdout  # fmt: skip
    text = " ".join(text.split())
    assert text.count(f"+7 7232 12 34 56, {extension}") == 2  # the person's, the form's
    assert "+7 701 123 45 67" in text and ";ext=" not in text and "+77011234567" not in text
    assert export_data(person, lang)["data"]["phone"] == "+77232123456;ext=12"


NOTE = {"kk": "Юникод нөмірімен", "ru": "кодами в Юникоде"}


@pytest.mark.requires_tool("pdftotext", apt="poppler-utils")
@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_pdf_keeps_every_letter_the_person_wrote(person, tmp_path, lang):
    """The PDF's font is a subset (Latin-1 and Cyrillic) and the PDF library leaves out a
    character its font lacks without a word: a name in the 2021 Kazakh Latin alphabet lost its
    Ğ, Ş and Ū, and a letter's emoji and its line in Arabic were not in the access answer."""
    person.full_name = "Ğalym Şaripov Ūlan-İlyas Əliyev"
    person.save(update_fields=["full_name"])
    sent = {"message": "Рахмет 👍 شكرا"}
    Submission.objects.create(subject=person, source=Source.CONTACT_FORM, language="kk", data=sent)
    (tmp_path / "export.pdf").write_bytes(export_pdf(person, lang))
    text = subprocess.run(["pdftotext", tmp_path / "export.pdf", "-"],
                          capture_output=True, text=True, check=True).stdout  # fmt: skip
    text = " ".join(text.split())
    assert "Ğalym Şaripov Ūlan-İlyas Əliyev" in text
    assert "Рахмет [U+1F44D] [U+0634][U+0643][U+0631][U+0627]" in text and NOTE[lang] in text


def test_a_pdf_in_kazakh_or_russian_alone_carries_no_fallback_font(person):
    """Each font a PDF is given is embedded in it, drawn with or not: the access answer of a
    person who wrote only in Kazakh and Russian carried the two DejaVu fallbacks besides Noto
    Sans, a quarter of its bytes (and half the CPU of making it). A name the fallback draws
    brings them."""
    sent = {"message": "Сәлеметсіз бе! Здравствуйте."}
    Submission.objects.create(subject=person, source=Source.CONTACT_FORM, language="kk", data=sent)
    made = export_pdf(person, "kk")
    assert b"/BaseFont /MPDFAA+NotoSans" in made and b"DejaVu" not in made
    person.full_name = "Ğalym Şaripov"
    person.save(update_fields=["full_name"])
    assert b"/BaseFont /MPDFAA+DejaVuSans" in export_pdf(person, "kk")
