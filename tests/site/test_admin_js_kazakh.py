"""The admin's JavaScript catalogue (jsi18n) is complete in Kazakh and Russian.

Django's own kk djangojs catalogue is incomplete, so the calendar, clock, SelectFilter and
actions counter would show English; locale/{kk,ru}/LC_MESSAGES/djangojs.po fill it in.
"""

import json
import re
from pathlib import Path

import django
import polib
import pytest
from django.test import Client
from django.urls import reverse

from emalu.formats.kk import formats as kk_formats
from tests.staff import verified_login

ENGLISH = Path(django.__file__).parent / "contrib/admin/locale/en/LC_MESSAGES/djangojs.po"
PLACEHOLDER = re.compile(r"%\([a-z]+\)s|%s")
KAZAKH_ONLY_LETTERS = set("әғқңөұүһіӘҒҚҢӨҰҮҺІ")


def english_entries():
    return [entry for entry in polib.pofile(str(ENGLISH)) if entry.msgid]


def served(client):
    """The catalogue and formats as the admin's jsi18n view serves them to the browser."""
    response = client.get(reverse("admin:jsi18n"))
    assert response.status_code == 200
    js = response.content.decode()
    decoder = json.JSONDecoder()
    catalogue = decoder.raw_decode(js, js.index("const newcatalog = ") + 19)[0]
    formats = decoder.raw_decode(js, js.index("django.formats = ") + 17)[0]
    return catalogue, formats


@pytest.fixture(params=["kk", "ru"])
def staff_js(request, officer):
    client = verified_login(Client(headers={"accept-language": request.param}), officer)
    return request.param, *served(client)


def test_every_admin_js_string_is_translated(staff_js):
    lang, catalogue, _ = staff_js
    problems = []
    for entry in english_entries():
        key = f"{entry.msgctxt}\x04{entry.msgid}" if entry.msgctxt else entry.msgid
        value = catalogue.get(key)
        forms = value if entry.msgid_plural else [value]
        english = {entry.msgid, entry.msgid_plural}
        placeholders = sorted(PLACEHOLDER.findall(entry.msgid))
        if not isinstance(forms, list) or not all(isinstance(f, str) and f for f in forms):
            problems.append((key, "missing", value))
        elif any(form in english for form in forms):
            problems.append((key, "English", value))
        elif any(sorted(PLACEHOLDER.findall(form)) != placeholders for form in forms):
            problems.append((key, "placeholders", value))
        elif lang == "ru" and any(KAZAKH_ONLY_LETTERS & set(form) for form in forms):
            problems.append((key, "Kazakh fallback in Russian", value))
    assert problems == []


def test_kazakh_words(staff_js):
    lang, catalogue, _ = staff_js
    if lang == "kk":
        assert catalogue["Today"] == "Бүгін"
        assert catalogue["Now"] == "Қазір"
        assert [catalogue[m] for m in ("January", "March", "April", "September")] == [
            "Қаңтар", "Наурыз", "Сәуір", "Қыркүйек"]  # fmt: skip
        assert catalogue["abbrev. day Monday\x04Mon"] == "Дс"
        # the numbers stand alone: «5 ішінен» wanted «5-тің ішінен», glued to the number
        assert catalogue["%(sel)s of %(cnt)s selected"] == ["Таңдалды: %(sel)s / %(cnt)s"] * 2
    else:
        assert catalogue["Today"] == "Сегодня"
        assert catalogue["January"] == "Январь"
        assert len(catalogue["%(sel)s of %(cnt)s selected"]) == 4  # Russian has four forms


def test_the_calendar_gets_the_kazakh_date_format(staff_js):
    """DateTimeShortcuts writes the picked day with DATE_INPUT_FORMATS[0]; weeks start Monday."""
    lang, _, formats = staff_js
    assert formats["DATE_INPUT_FORMATS"][0] == "%d.%m.%Y"
    assert formats["FIRST_DAY_OF_WEEK"] == 1
    if lang == "kk":
        assert formats["DATE_INPUT_FORMATS"] == kk_formats.DATE_INPUT_FORMATS
        assert formats["DECIMAL_SEPARATOR"] == ","


MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]  # fmt: skip


def test_a_month_inside_a_date_is_lower_case(staff_js):
    """static/js/admin-dates.js names a calendar day with these, «2026 ж. 5 желтоқсан», «5 декабря
    2026 г.»: Kazakh the heading's nominative lower-case, Russian a lower-case genitive (every
    month: a screen reader reads each day's name out)."""
    lang, catalogue, _ = staff_js
    in_a_date = [catalogue[f"month in a date\x04{month}"] for month in MONTHS]
    headings = [catalogue[month] for month in MONTHS]
    assert in_a_date == [name.lower() for name in in_a_date]
    if lang == "kk":
        assert in_a_date == [name.lower() for name in headings]
    else:
        assert in_a_date[2] == "марта" and in_a_date[11] == "декабря"
        assert all(name[-1] in "ая" and name != heading.lower()
                   for name, heading in zip(in_a_date, headings, strict=True))  # fmt: skip
        day = catalogue["%(month)s %(day)s, %(year)s"]
        assert day == "%(day)s %(month)s %(year)s\N{NO-BREAK SPACE}г."
