"""The breach register as a privacy officer reads it at her desk and on her phone: each row
says who was told and when (the authorised body, the people affected, and how many those are),
every date says what it is where the list has no headers (a phone), and a breach's page says
its deadline first. The list showed a lone tick or cross for the people, no count of them, and
on a phone three dates in a row with nothing to tell which was the detection, the deadline or
the notice; the breach's page put «notify now» below every field, a phone's length away."""

import re
from datetime import datetime
from html import unescape

import pytest

from consent.rights.breaches import breach_record
from consent.rights.models import Breach
from tests.rights.test_breaches import ALMATY
from tests.staff import verified_login

WORDS = {  # (detected, to notify by, authority told, people affected, people told, not told)
    "kk": ("анықталды", "уәкілетті органға хабарлау мерзімі", "уәкілетті орган хабардар етілді",
           "зардап шеккен адамдар (шамамен)", "адамдарды хабардар ету уақыты",
           "хабардар етілмеген"),
    "ru": ("обнаружено", "уведомить уполномоченный орган до", "уполномоченный орган уведомлён",
           "затронутые лица (оценка)", "дата уведомления лиц", "не уведомлены"),
}  # fmt: skip


def row(html, breach):
    start = html.index(f"/admin/rights/breach/{breach.pk}/change/", html.index("result_list"))
    return html[html.rindex("<tr", 0, start) : html.index("</tr>", start)]


def labels(cells):
    """What each cell says it is on a phone, where the list has no headers (admin.css)."""
    return [label.lower() for label in re.findall(r'<span class="phone-label">([^<]*): ', cells)]


@pytest.mark.parametrize(("lang", "affected"), [("kk", 3), ("ru", 21), ("ru", 0), ("kk", 140)])
def test_each_row_says_who_was_told_and_when(
    privacy_officer, privacy_officer_client, time_machine, lang, affected
):
    time_machine.move_to("2026-12-07 10:00+05:00")
    verified_login(privacy_officer_client, privacy_officer)  # an idle staff session ends
    privacy_officer_client.cookies["django_language"] = lang
    told = breach_record(Breach(
        detected_at=datetime(2026, 12, 1, 0, 30, tzinfo=ALMATY), description="Утечка",
        people_affected=affected, regulator_notified_at=datetime(2026, 12, 1, 9, tzinfo=ALMATY),
        subjects_notified=True, subjects_notified_at=datetime(2026, 12, 3, 0, 15, tzinfo=ALMATY),
    ))  # fmt: skip
    untold = breach_record(Breach(detected_at=datetime(2026, 12, 4, 23, 50, tzinfo=ALMATY),
                                  description="Хат", people_affected=affected))  # fmt: skip
    html = unescape(privacy_officer_client.get("/admin/rights/breach/").content.decode())
    detected, by, authority, people, people_told, not_told = WORDS[lang]

    cells = row(html, told)
    assert labels(cells) == [detected, by, people, people_told]
    assert "01.12.2026 00:30" in cells  # local times, not UTC's 30.11 19:30
    # When the authority was told, under its date, in words on every screen.
    assert f"{authority}: 01.12.2026 09:00" in cells.lower() and "03.12.2026 00:15" in cells
    assert f"{people}: </span>{affected}" in cells.lower()

    cells = row(html, untold)
    assert "04.12.2026 23:50" in cells and "07.12.2026" in cells  # due Monday, told neither
    assert not_told in cells


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_breachs_page_says_its_deadline_first(
    privacy_officer, privacy_officer_client, time_machine, lang
):
    time_machine.move_to("2026-12-07 10:00+05:00")
    verified_login(privacy_officer_client, privacy_officer)
    privacy_officer_client.cookies["django_language"] = lang
    breach = breach_record(Breach(detected_at=datetime(2026, 12, 3, 11, tzinfo=ALMATY),
                                  description="Ноутбук", people_affected=3))  # fmt: skip
    html = unescape(privacy_officer_client.get(f"/admin/rights/breach/{breach.pk}/change/")
                    .content.decode())  # fmt: skip
    now = {"kk": "қазір хабарлаңыз", "ru": "уведомите сейчас"}[lang]
    assert html.index(f"04.12.2026 · {now}") < html.index('name="detected_at_0"')
    # A new breach has no deadline yet: its form opens with the detection.
    html = privacy_officer_client.get("/admin/rights/breach/add/").content.decode()
    assert "field-saved_deadline" not in html and "field-draft_notice" not in html
