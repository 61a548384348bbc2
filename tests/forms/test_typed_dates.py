"""A date of birth as people give it: from a phone's date picker (1990-05-17) or typed by hand,
day first, with whatever separator the keyboard offers. Every such spelling is the same day on
the person's record; what cannot be read gets a message saying how to write it, what does not
exist (31.04.1990) says so, and nothing is stored."""

import re

import pytest

from consent.core.models import Subject, Submission


@pytest.fixture
def texts(texts_read_only):  # published once for the module (tests/forms/conftest.py)
    return texts_read_only


TYPED = {
    "1990-05-17": "1990-05-17",  # the date picker
    "17.05.1990": "1990-05-17",
    "17.5.1990": "1990-05-17",
    "17/05/1990": "1990-05-17",
    "17-05-1990": "1990-05-17",
    "17 05 1990": "1990-05-17",
    "17,05,1990": "1990-05-17",  # a phone's decimal keypad in a ru or kk locale has a comma
    " 17. 05. 1990 ": "1990-05-17",
    "17.05.1990 г.": "1990-05-17",
    "17.05.1990 ж.": "1990-05-17",
    "17.05.1990 жылғы": "1990-05-17",  # the year as the site writes it
    "17.05.1990.": "1990-05-17",  # the end of a sentence
    "17.05.1990 года": "1990-05-17",
    "１７.０５.１９９０": "1990-05-17",  # full-width digits
    "17.05.90": "1990-05-17",
    # a two-digit year is the latest one not after today: Python read 65 as 2065, and a woman
    # born in 1965 was told her birthday was in the future
    "17.05.65": "1965-05-17",
    "29.02.28": "1928-02-29",  # 2028 is to come (until then), 1928 was a leap year
    "29.02.2000": "2000-02-29",
    # the digits alone, day first, as a keypad of digits gives them: refused with «enter the
    # date as day.month.year» under what the visitor had typed day, month, year
    "17051990": "1990-05-17",
    "170590": "1990-05-17",
    "１７０５１９９０": "1990-05-17",
    # the month in words, as a letter or a document writes it: refused with «enter the date as
    # day.month.year», which the visitor had written, in words
    "17 мая 1990": "1990-05-17",
    "17 мая 1990 г.": "1990-05-17",
    "17 мамыр 1990": "1990-05-17",
    "17 мамыр 1990 ж.": "1990-05-17",
    "1990 жылғы 17 мамыр": "1990-05-17",  # Kazakh's own order, the year first
    "17-мамыр 1990": "1990-05-17",
    "17 Мамыр, 1990 жыл": "1990-05-17",
    "5 қаңтар 2001": "2001-01-05",
    "5 кантар 2001": "2001-01-05",  # typed without Kazakh letters
    "3 сәуір 1985": "1985-04-03",
    "1 желтоқсан 1979": "1979-12-01",
    "1 декабря 1979 года": "1979-12-01",
    "21 сент. 1999": "1999-09-21",
    "17 May 1990": "1990-05-17",
    "May 17, 1990": "1990-05-17",
}


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("typed", TYPED)
def test_a_birth_date_typed_by_hand_is_the_same_day(client, texts, application_data, lang, typed):
    response = client.post(f"/{lang}/apply/", application_data(birth_date=typed))
    assert response.status_code == 302
    assert str(Subject.objects.get().birth_date) == TYPED[typed]
    assert Submission.objects.get().data["birth_date"] == TYPED[typed]


# (what is typed, what the visitor is told, in each language)
FORMAT = {"kk": "күн.ай.жыл", "ru": "день.месяц.год"}
NO_SUCH = {"kk": "Мұндай күн жоқ", "ru": "Такой даты нет"}
REFUSED = {
    "17 мая": FORMAT,  # no year
    "17 мая 1990 или 1991": FORMAT,
    "туған күнім 17 мамыр 1990": FORMAT,
    "17 мамыр маусым 1990": FORMAT,
    "17 Марина 1990": FORMAT,  # a word that begins as a month's abbreviation is no month
    "31 сәуір 1990": NO_SUCH,
    "05/17/1990 12:00": FORMAT,
    "1990": FORMAT,
    "31.04.1990": NO_SUCH,
    "29.02.1991": NO_SUCH,
    "29.02.25": NO_SUCH,  # neither 2025 nor 1925 had one
    "1990-02-30": NO_SUCH,
    "32.01.1990": NO_SUCH,
    "31041990": NO_SUCH,  # a day and a month, of no date
    "19900517": FORMAT,  # never read year first; no day and month to check
}


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("typed", REFUSED)
def test_a_date_that_cannot_be_read_says_how_to_write_it(
    client, texts, application_data, lang, typed
):
    """Django's «Enter a valid date» was all anyone was told, for «31.04.1990» as for «17 мая»."""
    response = client.post(f"/{lang}/apply/", application_data(birth_date=typed))
    assert response.status_code == 200
    assert REFUSED[typed][lang] in response.context["form"].errors["birth_date"][0]
    assert Submission.objects.count() == Subject.objects.count() == 0


def test_eighteen_today_typed_with_a_two_digit_year(client, texts, application_data, time_machine):
    """31 May in UTC, 1 June in Almaty: «01.06.09» is 2009, eighteen today, no guardian asked."""
    time_machine.move_to("2027-06-01 00:10+05:00", tick=False)
    assert client.post("/kk/apply/", application_data(birth_date="01.06.09")).status_code == 302
    assert str(Subject.objects.get().birth_date) == "2009-06-01"


YEAR = {"kk": "Туған жылын тексеріңіз", "ru": "Проверьте год рождения"}


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("typed", ["01.01.1900", "1907-05-31"])
def test_a_birth_date_no_one_living_has_is_asked_again(
    client, texts, application_data, time_machine, lang, typed
):
    """«01.01.1900», a picker's or a form's placeholder more often than a birth date, made its
    sender 126; only a date before 1900 was asked again. More than 120 years ago is asked
    again, counted back from today in Almaty (1 June 2027 there, 31 May in UTC)."""
    time_machine.move_to("2027-06-01 00:10+05:00", tick=False)
    response = client.post(f"/{lang}/apply/", application_data(birth_date=typed))
    assert response.status_code == 200
    assert YEAR[lang] in response.context["form"].errors["birth_date"][0]
    assert Submission.objects.count() == Subject.objects.count() == 0


def test_a_birth_date_120_years_ago_today_is_taken(client, texts, application_data, time_machine):
    """The oldest date taken is today's, 120 years back, in Almaty: the day before is not."""
    time_machine.move_to("2027-06-01 00:10+05:00", tick=False)
    assert client.post("/kk/apply/", application_data(birth_date="31.05.1907")).status_code == 200
    assert client.post("/kk/apply/", application_data(birth_date="01.06.1907")).status_code == 302


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_date_that_does_not_exist_is_shown_again_as_typed(client, texts, application_data, lang):
    """The field was the browser's date input: Chromium sends an empty value for «31.02.1990»
    typed into it, and the person read «this field is required» under their date, in a field
    the page then showed empty (a browser drops any value not in ISO form). The field is a
    text box on a phone's number keypad: the date reaches the server, is answered, and stays."""
    response = client.post(f"/{lang}/apply/", application_data(birth_date="31.02.1990"))
    assert NO_SUCH[lang] in response.context["form"].errors["birth_date"][0]
    field = re.search(r"<input[^>]*id=\"id_birth_date\"[^>]*>", response.content.decode())[0]
    assert 'value="31.02.1990"' in field
    assert 'type="text"' in field and 'inputmode="decimal"' in field
    assert 'aria-describedby="id_birth_date_error id_birth_date_helptext"' in field
    assert Submission.objects.count() == Subject.objects.count() == 0
