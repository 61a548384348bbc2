"""Compliance L8: two officers enter the same decree in the working-day calendar at the same
instant (both heard the announcement). Both forms checked that the day was not there yet, then
both wrote it: the second broke the date's unique constraint and her page was the 500 error,
what she typed gone. She is now shown the form again, her input kept, saying the day is already
in the calendar, in her language; the calendar holds the colleague's row, once.

Each case runs on two real connections (two threads, each a transaction), in a process apart
(one for the three cases) on a copy of the live tests' database (tests/core/
test_one_at_a_time.py), the first held open until the second waits for it, so the outcome does
not depend on timing."""

import html
import re

import pytest
from django.db import connection

from tests.core.test_one_at_a_time import both_at_once
from tests.live import live_database, run_case

pytestmark = [
    pytest.mark.live,
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="two connections at once"),
]

TAKEN = {
    "kk": "Бұл күн күнтізбеде бұрыннан бар (оны әріптесіңіз жаңа ғана енгізген болуы мүмкін): "
    "оны тізімнен тауып, сонда өзгертіңіз.",
    "ru": "Этот день уже есть в\N{NO-BREAK SPACE}календаре (возможно, его только что внёс "
    "коллега): найдите его в\N{NO-BREAK SPACE}списке и\N{NO-BREAK SPACE}измените там.",
}
ADD = "/admin/workdays/calendaroverride/add/"


def _errors(page) -> list[str]:
    found = re.findall(r'<ul class="errorlist[^"]*"[^>]*>(.*?)</ul>', page.content.decode(), re.S)
    return [html.unescape(re.sub(r"<[^>]+>", "", item)).strip() for item in found]


def one_day_twice(lang, day, moved=""):
    """Dana adds `day` as a day off while Aigerim saves the same day: as a new row too, or
    (`moved`) by changing the date of a row entered earlier for another day."""
    from django.test import Client

    from consent.workdays.models import CalendarOverride
    from tests.staff import staff_member, verified_login

    def officer(name):
        client = Client(HTTP_HOST="127.0.0.1")
        verified_login(client, staff_member(f"{name}-{day}", "privacy_officer"))
        client.cookies["django_language"] = lang
        return client

    dana, aigerim = officer("dana"), officer("aigerim")
    url = ADD
    if moved:
        earlier = CalendarOverride.objects.create(date=moved, is_working_day=False, note="old")
        url = f"/admin/workdays/calendaroverride/{earlier.pk}/change/"

    def save(client, path, note):
        def post():
            page = client.post(path, {"date": day, "note": note})
            return [page.status_code, _errors(page)]

        return post

    first, second = both_at_once(save(dana, ADD, "Dana"), save(aigerim, url, "Aigerim"))
    rows = CalendarOverride.objects.filter(date__in=[day, moved or day]).order_by("date")
    return [first, second, [[str(row.date), row.note] for row in rows]]


# Each case on days of its own and officers named after them: one process runs all three on
# one database (a process is ~1.5 CPU-s of Django to start), each test reads its case's outcome.
CASES = {
    "kk": ("kk", "2027-03-19"),
    "ru": ("ru", "2027-03-26"),
    "moved": ("ru", "2027-04-02", "2027-04-09"),
}


def every_case(cases):
    return {name: one_day_twice(*args) for name, args in cases.items()}


@pytest.fixture(scope="module")
def outcomes(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), live_database() as url:
        yield run_case(url, __name__, "every_case", CASES)


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_same_day_added_by_two_officers_at_once_is_kept_once_and_told(outcomes, lang):
    day = CASES[lang][1]
    first, second, rows = outcomes[lang]
    assert first == [302, []]
    assert second == [200, [TAKEN[lang]]]  # the form again, what she typed kept
    assert rows == [[day, "Dana"]]


def test_a_day_moved_onto_one_a_colleague_adds_at_once_is_refused_and_the_row_kept(outcomes):
    _, day, earlier = CASES["moved"]
    first, second, rows = outcomes["moved"]
    assert first == [302, []]
    assert second == [200, [TAKEN["ru"]]]
    assert rows == [[day, "Dana"], [earlier, "old"]]
