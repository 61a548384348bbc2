"""Depersonalised statistics (compliance L23): counts only, no one recognisable."""

import csv
import io
import re
from datetime import date
from zoneinfo import ZoneInfo

import pytest

from consent.core.ledger import consent_grant, consent_withdraw, consent_withdraw_if_given
from consent.core.models import Source
from consent.core.purposes import MARKETING, SERVICE
from tests.staff import verified_login

ALMATY = ZoneInfo("Asia/Almaty")


CONSENTS = "/admin/rights/ticket/statistics-consents.csv"
REQUESTS = "/admin/rights/ticket/statistics-requests.csv"


def consents(body):
    return list(csv.reader(io.StringIO(body)))


STATISTICS = {
    "kk": (["ай", "мақсат", "тіл", "жас тобы", "берілген келісімдер",
            "кері қайтарып алынған келісімдер"],
           "Хабарламалар мен өтінімдерге жауап беру", "белгісіз"),
    "ru": (["месяц", "цель", "язык", "возрастная группа", "дано согласий", "отозвано согласий"],
           "Ответы на обращения и заявки", "неизвестно"),
}  # fmt: skip

# The month and the language as the staff member writes them (NBSP inside, emalu/formats).
MONTHS_AND_LANGUAGES = {
    "kk": [["2026 жылғы қараша", "Қазақша"], ["2026 жылғы желтоқсан", "Орысша"]],
    "ru": [["ноябрь 2026 г.", "Казахский"], ["декабрь 2026 г.", "Русский"]],
}


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_statistics_read_in_the_staff_members_language(officer_client, texts, make_subject, lang):
    """The statistics had English headers and purpose codes ("service"), unlike the evidence
    export beside them: each is now in the language the staff member reads the admin in."""
    known = make_subject(email="known@example.kz", birth_date=date(1990, 5, 17))
    unknown = make_subject(email="unknown@example.kz")
    for person in (known, unknown):
        consent_grant(person, texts[SERVICE], language="kk", source=Source.APPLICATION_FORM)
    officer_client.cookies["django_language"] = lang
    body = officer_client.get(CONSENTS).content.decode("utf-8-sig")
    header, *rows = consents(body)
    names, purpose, unknown_band = STATISTICS[lang]
    assert header == names
    assert {row[1] for row in rows} == {purpose}
    assert sorted(row[3] for row in rows) == sorted(["30-44", unknown_band])


def test_statistics_have_no_direct_identifiers(officer_client, texts, make_subject):
    s = make_subject(full_name="Zq Person", email="zq@example.kz", phone="+77011112233",
                     birth_date=date(1990, 5, 17))  # fmt: skip
    consent_grant(s, texts[SERVICE], language="ru", source=Source.APPLICATION_FORM)
    response = officer_client.get(CONSENTS)
    body = response.content.decode("utf-8-sig")
    _header, *rows = consents(body)
    assert rows and rows[0][3:] == ["30-44", "1", "0"]
    for trace in ["Zq", "zq@", "7011112233", "1990", "05-17"]:
        assert trace not in body
    assert not re.search(r"\d{4}-\d{2}-\d{2}", body)  # months only, never a day


def test_a_consent_given_on_the_18th_birthday_counts_among_adults(
    client, officer, texts, make_subject, time_machine
):
    """The age band is the age on the day the consent was given, as the gate counts it: on the
    18th birthday (in Almaty) the person is 18, and the day before 17 (their parent consents
    with them: ledger.consent_grant)."""
    from consent.core.models import Guardian

    time_machine.move_to("2026-12-10 09:00+05:00", tick=False)
    for born in (date(2008, 12, 10), date(2008, 12, 11)):  # 18 today; 18 tomorrow
        person = make_subject(birth_date=born)
        parent = Guardian.objects.create(subject=person, full_name="Гүлнар Серікова",
                                         contact="+77010000000")  # fmt: skip
        consent_grant(person, texts[SERVICE], language="kk", source=Source.APPLICATION_FORM,
                      guardian=parent if born > date(2008, 12, 10) else None)  # fmt: skip
    staff = verified_login(client, officer)  # signed in on that day, not an idle week before
    body = staff.get(CONSENTS).content.decode("utf-8-sig")
    _header, *rows = consents(body)
    assert sorted(row[3:] for row in rows) == [["18-29", "1", "0"], ["<18", "1", "0"]]


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_month_and_the_language_read_as_words(officer_client, texts, make_subject,
                                                  time_machine, lang):  # fmt: skip
    """The month was «2026-11» and the language its code («kk»): both are now in the staff
    member's words. The month is the local one: a consent given at 01:30 on 1 December in
    Almaty (20:30 on 30 November in UTC) counts in December."""
    time_machine.move_to("2026-11-30 12:00+05:00", tick=False)
    consent_grant(make_subject(), texts[SERVICE], language="kk", source=Source.CONTACT_FORM)
    time_machine.move_to("2026-12-01 01:30+05:00", tick=False)
    consent_grant(make_subject(), texts[SERVICE], language="ru", source=Source.CONTACT_FORM)
    officer_client.cookies["django_language"] = lang
    body = officer_client.get(CONSENTS).content.decode("utf-8-sig")
    _header, *rows = consents(body)
    assert [row[0:3:2] for row in rows] == MONTHS_AND_LANGUAGES[lang]
    assert not re.search(r"\d{4}-\d{2}|\b(kk|ru)\b", body)


REQUESTS_HEADER = {
    "kk": ["ай", "өтініш түрі", "түскен өтініштер", "жауап берілген өтініштер",
           "оның ішінде мерзімінен кеш"],
    "ru": ["месяц", "тип запроса", "поступило запросов", "дано ответов", "из них с опозданием"],
}  # fmt: skip


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_each_table_is_a_file_of_its_own_that_a_spreadsheet_reads_whole(
    privacy_officer_client, texts, make_subject, lang
):
    """The consents and the requests were one file, an empty row and a second header between
    them, which a spreadsheet program reads as one table (its columns typed, sorted and
    filtered across both). Each is now a file of its own, linked from the admin index: for
    Excel a BOM, then the header in the officer's language, then rows as wide as it, no gap."""
    from consent.core.models import AuditEvent
    from consent.rights.tickets import ticket_open

    consent_grant(make_subject(email="a@example.kz"), texts[SERVICE], language="ru",
                  source=Source.APPLICATION_FORM)  # fmt: skip
    ticket_open(kind="access", email="a@example.kz", language="ru", channel="web")
    desk = privacy_officer_client
    desk.cookies["django_language"] = lang
    index = desk.get("/admin/").content.decode()
    for url, header in [(CONSENTS, STATISTICS[lang][0]), (REQUESTS, REQUESTS_HEADER[lang])]:
        assert f'href="{url}"' in index
        response = desk.get(url)
        assert response.status_code == 200
        assert response["Content-Disposition"].startswith("attachment")
        assert response.content.startswith(b"\xef\xbb\xbf")
        rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
        assert rows[0] == header
        assert len(rows) == 2 and all(len(row) == len(header) for row in rows)
    assert AuditEvent.objects.filter(action=AuditEvent.Action.STATISTICS_EXPORT).count() == 2


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_withdrawal_is_counted_under_the_language_of_the_consent_it_withdrew(
    client, officer, texts, make_subject, time_machine, lang
):
    """The index's chart counts consents given and withdrawn; the export beside it had those
    given alone, and every withdrawal was counted under no language (its ledger row has none:
    no text is shown). Each is counted under its grant's language, in its own column."""
    time_machine.move_to("2026-12-10 09:00+05:00", tick=False)
    asel, bolat = make_subject(), make_subject()
    consent_grant(asel, texts[MARKETING], language="kk", source=Source.NEWSLETTER_FORM)
    consent_grant(bolat, texts[MARKETING], language="ru", source=Source.NEWSLETTER_FORM)
    consent_grant(bolat, texts[SERVICE], language="ru", source=Source.CONTACT_FORM)
    consent_withdraw_if_given(asel, MARKETING, source=Source.UNSUBSCRIBE)
    consent_withdraw(bolat, MARKETING, source=Source.UNSUBSCRIBE)
    staff = verified_login(client, officer)
    staff.cookies["django_language"] = lang
    body = staff.get(CONSENTS).content.decode("utf-8-sig")
    header, *rows = consents(body)
    assert header == STATISTICS[lang][0]
    news = [[row[2], *row[4:]] for row in rows if row[1] != STATISTICS[lang][1]]
    kazakh, russian = MONTHS_AND_LANGUAGES[lang][0][1], MONTHS_AND_LANGUAGES[lang][1][1]
    assert sorted(news) == sorted([[kazakh, "1", "1"], [russian, "1", "1"]])
