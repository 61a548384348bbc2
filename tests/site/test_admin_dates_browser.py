"""The admin's date widgets as a privacy officer meets them in Kazakh and Russian, in a real
browser (Debian's headless Chromium): Django's calendar.js and DateTimeShortcuts.js write their
words in the browser, from the JavaScript catalogue, so only a browser shows what they say.

- The note beside a date field of an officer whose computer keeps another zone's time names the
  site's zone in the page's language («Алматы уақыты», «время Алматы»), not «Asia/Almaty».
- A day's name in the calendar (what a screen reader reads out for each day and for «Today»)
  has its month lower-case, in Russian in the genitive: «2027 ж. 5 наурыз», «5 марта 2027 г.».
"""

import re

import pytest

from tests.live import gunicorn, live_database, shell
from tests.rights.test_desk_browser import KEY, new_page

# No django_db mark: Playwright runs an event loop in this thread and the ORM refuses to run
# beside one. Set-up goes through `manage.py shell` against the served site's database.
pytestmark = [pytest.mark.live, pytest.mark.browser]
SETUP = f"""
from django.contrib.auth.models import User
from django_otp.plugins.otp_totp.models import TOTPDevice
u = User.objects.create_superuser("dates", "dates@example.kz", "dates-officer-pass-123")
TOTPDevice.objects.create(user=u, name="phone", key="{KEY}", confirmed=True)
"""


@pytest.fixture(scope="module")
def site(django_db_blocker, tmp_path_factory):
    with (
        django_db_blocker.unblock(),
        live_database() as url,
        gunicorn(url, tmp_path_factory.mktemp("dates")) as (port, server),
    ):
        shell(SETUP, server.env)
        # A breach as the officer records it: when it was found, a date and a time.
        yield f"http://127.0.0.1:{port}", "/admin/rights/breach/add/"


@pytest.fixture(scope="module")
def officer(site, browser):
    """The officer's signed-in session, once (a TOTP code works once)."""
    from django_otp.oath import totp

    base, _ = site
    page = new_page(browser, "kk")
    page.goto(base + "/admin/login/")
    page.fill("#id_username", "dates")
    page.fill("#id_password", "dates-officer-pass-123")
    page.fill("#id_otp_token", f"{totp(bytes.fromhex(KEY)):06d}")
    page.click("input[type=submit], button[type=submit]")
    page.wait_for_url(base + "/admin/")
    state = page.context.storage_state()
    page.context.close()
    return state


def change_form(site, browser, officer, lang, zone="Asia/Almaty"):
    base, path = site
    page = new_page(browser, lang, storage_state=officer, timezone_id=zone)
    page.goto(base + path)
    page.wait_for_selector("#id_detected_at_0 ~ .datetimeshortcuts")  # the widgets are drawn
    return page


NOTE = {
    "kk": "Ескерту: уақытты Алматы уақыты бойынша енгізіңіз. (Сіздің уақытыңыз одан {} сағат {}.)",
    "ru": "Внимание: вводите время Алматы. (Ваше время {}.)",
}
RU_WAY = {"ahead": "опережает его на {}", "behind": "отстаёт от него на {}"}
KK_WAY = {"ahead": "алда", "behind": "артта"}


# The officer's computer in Tokyo (UTC+9), Moscow (UTC+3), London (UTC+0 in December, UTC+1 in
# summer): the note says which zone to enter and how far theirs is from it.
@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("zone", ["Asia/Tokyo", "Europe/Moscow", "Europe/London"])
def test_the_note_names_the_zone_in_the_page_language(site, browser, officer, lang, zone):
    page = change_form(site, browser, officer, lang, zone)
    hours = page.evaluate("DateTimeShortcuts.timezoneOffset / 3600")
    way, n = ("ahead", hours) if hours > 0 else ("behind", -hours)
    note = page.locator(".field-detected_at .timezonewarning").inner_text()
    if lang == "kk":
        assert note == NOTE["kk"].format(n, KK_WAY[way])
    else:
        form = "час" if n % 10 == 1 and n % 100 != 11 else "часа" if 2 <= n % 10 <= 4 else "часов"
        assert note == NOTE["ru"].format(RU_WAY[way].format(f"{n} {form}"))
    assert "Asia" not in note and "Almaty" not in note
    page.context.close()


def test_no_note_for_an_officer_in_almaty(site, browser, officer):
    page = change_form(site, browser, officer, "kk")
    assert page.locator(".timezonewarning").count() == 0
    page.context.close()


# Days in the past: the calendar adds «(today)» to today's label, so a day that can be today
# (7 December 2026 was, and the test failed on it) would make the test depend on the date it runs.
DAY = {  # 7 March 2025 and 7 December 2025 as the calendar names them
    ("kk", "03"): "2025\N{NO-BREAK SPACE}ж. 7 наурыз",
    ("kk", "12"): "2025\N{NO-BREAK SPACE}ж. 7 желтоқсан",
    ("ru", "03"): "7 марта 2025\N{NO-BREAK SPACE}г.",
    ("ru", "12"): "7 декабря 2025\N{NO-BREAK SPACE}г.",
}
IN_A_DATE = {
    "kk": ["қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз", "қыркүйек",
           "қазан", "қараша", "желтоқсан"],
    "ru": ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября",
           "октября", "ноября", "декабря"],
}  # fmt: skip
NAV = {  # the previous and next month's buttons for March 2025
    "kk": (
        "Алдыңғы ай (2025\N{NO-BREAK SPACE}ж. ақпан)",
        "Келесі ай (2025\N{NO-BREAK SPACE}ж. сәуір)",
    ),
    "ru": ("Предыдущий месяц (февраль 2025)", "Следующий месяц (апрель 2025)"),
}


@pytest.mark.parametrize("month", ["03", "12"])
@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_day_in_the_calendar_has_its_month_lower_case(site, browser, officer, lang, month):
    page = change_form(site, browser, officer, lang)
    page.fill("#id_detected_at_0", f"05.{month}.2025")
    page.click("#calendarlink0")  # opens on the month of the date in the box
    day = page.locator("#calendarin0 td a").filter(has_text=re.compile(r"^7$"))
    assert day.get_attribute("aria-label") == DAY[lang, month]
    if month == "03":
        box = page.locator("#calendarbox0")
        labels = [box.locator(f".calendarnav-{way}").get_attribute("aria-label")
                  for way in ("previous", "next")]  # fmt: skip
        assert tuple(labels) == NAV[lang]
    # The «Today» link beside the box names today the same way: a lower-case month.
    today = page.locator("#id_detected_at_0 ~ .datetimeshortcuts a").first
    today = today.get_attribute("aria-label")
    date = today[today.index("(") + 1 : -1]
    assert date == date.lower() and any(name in date for name in IN_A_DATE[lang])
    page.context.close()


HEADING = {"kk": "2027\N{NO-BREAK SPACE}ж. наурыз", "ru": "Март 2027"}  # over March 2027


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_calendar_heads_each_column_with_its_own_day(site, browser, officer, lang):
    """The calendar's heads are its days' short names, each a column's own: one letter a day
    read «Ж Д С С Б Ж С» in Kazakh, «В П В С Ч П С» in Russian. Two letters keep within the
    box, which scrolls sideways at no width. Over them the month is named as the language says
    it, the year first in Kazakh («2027 ж. наурыз», like the buttons beside it); Django's
    heading said «Наурыз 2027»."""
    page = change_form(site, browser, officer, lang)
    page.fill("#id_detected_at_0", "05.03.2027")
    page.click("#calendarlink0")
    heads = page.locator("#calendarin0 th").all_inner_texts()
    assert len(heads) == 7 and len(set(heads)) == 7, heads
    box = page.locator("#calendarbox0")
    assert box.evaluate("box => box.scrollWidth <= box.clientWidth")
    assert page.locator("#calendarin0 caption").text_content() == HEADING[lang]
    box.locator(".calendarnav-next").click()  # a month drawn again names itself alike
    assert page.locator("#calendarin0 caption").text_content().endswith(("сәуір", "Апрель 2027"))
    page.context.close()
