"""The person's PDF and the consent evidence's PDF as their reader reads them, in kk and ru:
dates as the site's pages and letters write them, the long local date in Almaty time, not
«04.12.2026 21:35»; and a yes or a no written as the lower-case label beside it is («қазір
өңделеді: Иә» read as two sentences glued). The spreadsheets keep their short dates, which a
program sorts (test_register, test_evidence)."""

import re
import subprocess
from datetime import date

import pytest

from consent.core.ledger import consent_grant, consent_withdraw
from consent.core.models import Source, Submission
from consent.core.purposes import MARKETING, SERVICE

from .test_selfservice import ask_link, link_path

LONG = {
    # the grant, 30 November 13:12:44 in Almaty; the date of birth; the export, 4 December 21:35
    "kk": ("2026 жылғы 30 қараша, 13:12", "1990 жылғы 14 наурыз", "2026 жылғы 4 желтоқсан, 21:35"),
    "ru": ("30 ноября 2026 г., 13:12", "14 марта 1990 г.", "4 декабря 2026 г., 21:35"),
}
PROCESSED = {"kk": ("қазір өңделеді", {"иә", "жоқ"}), "ru": ("обрабатываются сейчас",
                                                           {"да", "нет"})}  # fmt: skip
SHORT = re.compile(r"\b\d{2}\.\d{2}\.\d{4}\b")


def pdf_text(data):
    out = subprocess.run(["pdftotext", "-layout", "-", "-"], input=data, capture_output=True,
                         check=True).stdout.decode()  # fmt: skip
    return out.replace("\xa0", " ")


@pytest.fixture
def history(client, make_subject, texts, time_machine):
    time_machine.move_to("2026-11-30 08:12:44+00:00", tick=False)  # 13:12:44 in Almaty
    person = make_subject(email="asel@example.kz", birth_date=date(1990, 3, 14))
    consent_grant(person, texts[SERVICE], language="kk", source=Source.CONTACT_FORM)
    consent_grant(person, texts[MARKETING], language="kk", source=Source.NEWSLETTER_FORM)
    consent_withdraw(person, MARKETING, source=Source.SELF_SERVICE)
    time_machine.move_to("2026-12-04 16:35:00+00:00", tick=False)  # 21:35 in Almaty
    return person


@pytest.mark.requires_tool("pdftotext", apt="poppler-utils")
@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_persons_pdf_reads_as_the_site_writes(client, history, lang):
    ask_link(client, lang)
    client.post(link_path())
    text = pdf_text(client.post(f"/{lang}/my-data/export/", {"format": "pdf"}).content)
    for written in LONG[lang]:
        assert written in text
    assert not SHORT.findall(text)
    label, values = PROCESSED[lang]
    said = re.findall(rf"^\s*{label}\s+(\S+)\s*$", text, re.MULTILINE)
    assert said and set(said) == values  # one purpose processed, the other withdrawn


@pytest.mark.requires_tool("pdftotext", apt="poppler-utils")
@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_evidence_pdf_reads_as_the_site_writes(desk, history, lang):
    desk.cookies["django_language"] = lang
    text = pdf_text(desk.get(f"/admin/consent/subject/{history.pk}/evidence.pdf").content)
    grant, _born, exported = LONG[lang]
    assert f"{grant}:44" in text and exported in text  # the ledger to the second
    assert not SHORT.findall(text)


# The names of the two purposes, as a form's boxes ticked list them.
BOTH = {"kk": ("Хабарламалар мен өтінімдерге жауап беру", "Жаңалықтар және арнайы ұсыныстар"),
        "ru": ("Ответы на обращения и заявки", "Новости и специальные предложения")}  # fmt: skip


@pytest.mark.requires_tool("pdftotext", apt="poppler-utils")
@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_purposes_a_form_ticked_are_each_in_quotes_in_the_persons_pdf(
    client, make_subject, lang
):
    """A purpose's name is a label with a capital letter (docs/glossary.md): the PDF's «consent
    given» of a form with both boxes ticked read «согласие дано: Ответы на обращения и заявки,
    Новости и специальные предложения», one sentence with a capital in its middle. Each name
    stands in «», parted by «; », as the site's pages and mails write them."""
    person = make_subject(email="asel@example.kz")
    Submission.objects.create(
        subject=person, source=Source.CONTACT_FORM, language=lang,
        data={"message": "Сәлеметсіз бе", "consents": {SERVICE: True, MARKETING: True}},
    )  # fmt: skip
    ask_link(client, lang)
    client.post(link_path())
    text = pdf_text(client.post(f"/{lang}/my-data/export/", {"format": "pdf"}).content)
    words = " ".join(text.split())
    service, marketing = BOTH[lang]
    assert f"{service}, {marketing}" not in words
    assert f"«{service}»; «{marketing}»" in words, text
