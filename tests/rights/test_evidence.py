"""Compliance L4: the evidence export holds every ledger row of one subject, no other."""

import csv
import io
import re
from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest

from consent.common.spreadsheet import FORMULA_START
from consent.core.ledger import consent_grant, consent_withdraw
from consent.core.models import AuditEvent, LedgerEntry, Source
from consent.core.purposes import MARKETING, SERVICE
from tests.common.test_spreadsheet import as_excel_in_russian


@pytest.fixture
def two_people(texts, make_subject):
    a, b = make_subject(), make_subject()
    for s in (a, b):
        consent_grant(s, texts[SERVICE], language="kk", source=Source.CONTACT_FORM)
        consent_grant(s, texts[MARKETING], language="ru", source=Source.NEWSLETTER_FORM)
    consent_withdraw(a, MARKETING, source=Source.UNSUBSCRIBE)
    return a, b


def test_csv_has_every_row_of_the_subject(officer_client, two_people):
    a, b = two_people
    response = officer_client.get(f"/admin/consent/subject/{a.pk}/evidence.csv")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    ids = {int(r[0]) for r in rows[1:]}
    assert ids == set(LedgerEntry.objects.filter(subject=a).values_list("pk", flat=True))
    assert len(ids) == 3
    other = set(LedgerEntry.objects.filter(subject=b).values_list("pk", flat=True))
    assert not ids & other
    assert AuditEvent.objects.filter(action="evidence_export", subject_ref=a.pk).count() == 1


@pytest.mark.requires_tool("pdftotext", apt="poppler-utils")
def test_pdf_holds_every_row_of_the_subject_and_no_other(officer_client, two_people):
    a, b = two_people
    response = officer_client.get(f"/admin/consent/subject/{a.pk}/evidence.pdf")
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF")
    text = pdf_text(response.content)
    flat = text.replace("\n", "").replace(" ", "")
    for entry in LedgerEntry.objects.filter(subject=a, kind="grant"):
        assert entry.text_sha256 in flat
    for entry in LedgerEntry.objects.filter(subject=b):
        assert entry.text_sha256 not in flat
    assert text.count("withdraw") + text.count("кері қайтарылды") + text.count("келісім") >= 1
    assert any(letter in text for letter in "әғқңөұүһі")


def pdf_text(data):
    """The text of a PDF, through pdftotext (the test is marked requires_tool)."""
    import subprocess

    result = subprocess.run(["pdftotext", "-", "-"], input=data, capture_output=True, check=True)
    return result.stdout.decode()


def test_anonymous_visitor_gets_no_evidence(client, two_people):
    a, _ = two_people
    response = client.get(f"/admin/consent/subject/{a.pk}/evidence.csv")
    assert response.status_code == 302


FORMULAS = ['=HYPERLINK("http://x","y")', '+HYPERLINK("http://x","y")', "-2+3+cmd|' /C calc'!A0",
            '@SUM(1+1)*cmd|" /C calc"!A0', "\t=1+1", "\r=1+1", ' =HYPERLINK("http://x","y")',
            "\uff1dHYPERLINK(1)",
            # inside the string, where Excel in Russian settings (list separator «;») starts a cell
            "Mozilla/5.0 (Windows NT 10.0; Win64;=cmd|' /C calc'!A0;)",
            'Mozilla/5.0 (X11; Linux;"=HYPERLINK(""http://x"";1);)']  # fmt: skip


@pytest.fixture
def privacy_officer(client, db):
    from django.contrib.auth.models import Group, User

    from tests.staff import verified_login

    user = User.objects.create_user("dana", "dana@example.kz", "pw-dana-123456", is_staff=True)
    user.groups.add(Group.objects.get(name="privacy_officer"))
    return verified_login(client, user)


def test_a_user_agent_cannot_put_a_formula_in_the_csv(privacy_officer, texts, make_subject):
    """Compliance L4 with OWASP's CSV injection rule: the browser string is the visitor's to
    choose, and a spreadsheet runs a cell that starts with = + - @ (or a tab or CR) as a formula,
    so such a cell leaves the export with an apostrophe in front."""
    from django.test import RequestFactory

    subject = make_subject()
    for agent in FORMULAS:
        request = RequestFactory().post("/", headers={"user-agent": agent})
        consent_grant(subject, texts[SERVICE], language="kk", source=Source.CONTACT_FORM,
                      request=request)  # fmt: skip
    response = privacy_officer.get(f"/admin/consent/subject/{subject.pk}/evidence.csv")
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"), newline="")))
    column = rows[0].index("браузер")
    # each string as it came, an apostrophe before each formula's start
    assert [r[column].replace("'", "") for r in rows[1:]] == [a.replace("'", "") for a in FORMULAS]
    for row in rows:  # and no other cell starts a formula either
        assert not any(cell[:1] in ("=", "+", "-", "@", "\t", "\r") for cell in row)
    for row in as_excel_in_russian(response.content):  # nor where a «;» reading starts one
        assert not any(cell.lstrip().startswith(FORMULA_START) for cell in row)


def test_the_expiry_is_shown_on_the_local_day_with_its_time(client, officer, texts, make_subject,
                                                             time_machine):  # fmt: skip
    """Given at 02:00 in Almaty (21:00 the day before in UTC), a consent expires at 02:00 in
    Almaty on the local day its term ends. The evidence gave only the UTC date, a day earlier
    than the person's own download and the admin show: it now gives the moment in both zones,
    as it does for the time the consent was given."""
    from tests.staff import verified_login

    time_machine.move_to("2026-12-10 02:00+05:00", tick=False)
    person = make_subject()
    entry = consent_grant(person, texts[SERVICE], language="kk", source=Source.CONTACT_FORM)
    local = entry.expires_at.astimezone(ZoneInfo("Asia/Almaty"))
    assert local.hour == 2  # and the day before in UTC
    staff = verified_login(client, officer)
    response = staff.get(f"/admin/consent/subject/{person.pk}/evidence.csv")
    header, row = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    shown = dict(zip(header, row, strict=True))
    assert shown["мерзімінің аяқталуы (Алматы)"] == f"{local:%d.%m.%Y} 02:00:00"
    assert shown["мерзімінің аяқталуы (UTC)"] == f"{local - timedelta(days=1):%d.%m.%Y} 21:00:00"


READS = {
    # language: (the columns of the language, the moment, the moment in UTC and the expiry; the
    #            two consent languages by name; the withdrawal; the zone in the heading)
    "kk": (("тіл", "уақыт (Алматы)", "уақыт (UTC)", "мерзімінің аяқталуы (Алматы)"),
           ["Қазақша", "Орысша", ""], "келісім кері қайтарып алынды", "Алматы уақыты"),
    "ru": (("язык", "время (Алматы)", "время (UTC)", "истекает (Алматы)"),
           ["Казахский", "Русский", ""], "согласие отозвано", "время Алматы"),
}  # fmt: skip
LONG_TIMES = {
    "kk": ("2026 жылғы 30 қараша, 13:12:44", "2026 жылғы 1 желтоқсан, 01:30:05"),
    "ru": ("30 ноября 2026 г., 13:12:44", "1 декабря 2026 г., 1:30:05"),
}
CODES = {"kk", "ru", "grant", "withdraw", "service", "marketing", "contact_form", "self_service"}


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_evidence_reads_as_a_person_writes_in_the_staff_members_language(
    officer_client, texts, make_subject, time_machine, lang
):
    """The evidence printed its times as 2026-11-30 13:12:44 beside a column headed
    «Asia/Almaty», the language of each consent as its code («kk»), and the guardian who gave a
    minor's consent as a row number. A regulator now reads, in the staff member's language,
    the local date and time as people write them (the UTC moment beside it to set against a
    log), the language by its name and the guardian by name: in the CSV and in the PDF."""
    from consent.core.models import Guardian

    time_machine.move_to("2026-11-30 08:12:44+00:00", tick=False)  # 13:12:44 in Almaty
    person = make_subject()
    guardian = Guardian.objects.create(
        subject=person, full_name="Гүлнар Қасымова", contact="g@x.kz"
    )
    consent_grant(person, texts[SERVICE], language="kk", source=Source.APPLICATION_FORM,
                  guardian=guardian)  # fmt: skip
    time_machine.move_to("2026-11-30 20:30:05+00:00", tick=False)  # 1 December in Almaty
    consent_grant(person, texts[MARKETING], language="ru", source=Source.NEWSLETTER_FORM)
    consent_withdraw(person, MARKETING, source=Source.SELF_SERVICE)
    (language, at_local, at_utc, expires_local), names, withdrawn, zone = READS[lang]
    officer_client.cookies["django_language"] = lang

    body = officer_client.get(f"/admin/consent/subject/{person.pk}/evidence.csv").content
    header, *rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))
    first, second, third = (dict(zip(header, row, strict=True)) for row in rows)
    assert (first[at_local], first[at_utc]) == ("30.11.2026 13:12:44", "30.11.2026 08:12:44")
    assert (second[at_local], second[at_utc]) == ("01.12.2026 01:30:05", "30.11.2026 20:30:05")
    assert first[expires_local].endswith(" 13:12:44") and third[expires_local] == ""
    assert [row[header.index(language)] for row in rows] == names
    assert "Гүлнар Қасымова" in first.values() and withdrawn in third.values()
    cells = [cell for row in rows for cell in row]
    assert not CODES & set(cells)
    assert not any(re.search(r"\d{4}-\d{2}-\d{2}|T\d{2}:", cell) for cell in cells)

    pdf = officer_client.get(f"/admin/consent/subject/{person.pk}/evidence.pdf").content
    text = pdf_text(pdf).replace("\xa0", " ")
    assert f"({zone})" in text and "Asia/Almaty" not in text
    # The PDF, for reading, in the long date its pages and letters write (test_documents_read).
    for shown_ in (*LONG_TIMES[lang], names[0], names[1], "Гүлнар Қасымова", withdrawn,
                   at_local):  # fmt: skip
        assert shown_ in text
    assert not re.search(r"\d{4}-\d{2}-\d{2}", text)
    assert not CODES & set(re.findall(r"[a-z_]+", text))
