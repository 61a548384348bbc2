"""The breach register (compliance L21): the regulator's deadline in working days."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from consent.rights.breaches import breach_record
from consent.rights.models import Breach
from tests.staff import verified_login

ALMATY = ZoneInfo("Asia/Almaty")


def test_breach_deadline_lands_after_the_holiday(officer_client, officer, db, time_machine):
    # Detected on Tuesday 15 December 2026, the eve of Independence Day (Wednesday 16).
    breach = breach_record(Breach(detected_at=datetime(2026, 12, 15, 18, tzinfo=ALMATY),
                                  description="Lost laptop", people_affected=12))  # fmt: skip
    assert breach.regulator_due == date(2026, 12, 17)
    html = officer_client.get(f"/admin/rights/breach/{breach.pk}/change/").content.decode()
    assert "123456789012" in html and "Test Responsible" in html and "dpo@example.kz" in html
    # The draft notice to the regulator names the zone in each language's words, not its code.
    notice = html[html.index("<pre") : html.index("</pre>")]
    assert "(Алматы уақыты)" in notice and "(время Алматы)" in notice
    assert "Asia/Almaty" not in notice
    time_machine.move_to("2026-12-16 12:00+05:00")
    verified_login(officer_client, officer)  # the session would have expired meanwhile
    assert 'class="overdue"' not in officer_client.get("/admin/rights/breach/").content.decode()
    time_machine.move_to("2026-12-17 09:00+05:00")  # due today, no one notified yet
    verified_login(officer_client, officer)  # an idle staff session ends after an hour
    assert 'class="overdue"' in officer_client.get("/admin/rights/breach/").content.decode()


def digest_on(time_machine, moment):
    """The officers' digest the daily command sends at `moment`; None when it sends none."""
    from django.core.management import call_command
    from post_office.models import Email

    Email.objects.all().delete()
    time_machine.move_to(moment, tick=False)
    call_command("send_request_digest", stdout=open("/dev/null", "w"))  # noqa: SIM115
    return Email.objects.filter(to=["alice@example.kz"]).first()


@pytest.mark.parametrize(
    "moment,listed",
    [
        ("2026-12-09 23:30+05:00", False),  # the day before: not due yet
        ("2026-12-10 00:30+05:00", True),  # still 9 December in UTC, the due day in Almaty
        ("2026-12-10 23:30+05:00", True),
        ("2026-12-11 09:00+05:00", True),  # overdue, and still not reported
    ],
)
def test_a_breach_due_and_not_yet_reported_is_in_the_officers_digest(
    officer, db, time_machine, moment, listed
):
    """The regulator is to hear of a breach within one working day of detection (Art. 25(2)(8)):
    the digest listed requests only, so a breach due today reached no one's inbox. It is now in
    every digest from its due day (the local date in Almaty) until the regulator is told."""
    time_machine.move_to("2026-12-09 15:00+05:00", tick=False)
    breach = breach_record(Breach(detected_at=datetime(2026, 12, 9, 15, tzinfo=ALMATY),
                                  description="Lost laptop", people_affected=3))  # fmt: skip
    assert breach.regulator_due == date(2026, 12, 10)
    mail = digest_on(time_machine, moment)
    due = "2026\xa0жылғы\xa010\xa0желтоқсан"  # the long date, as every mail writes it
    assert (mail is not None and f"{breach}, {due}" in mail.message) is listed
    if listed:
        assert "/admin/rights/breach/" in mail.message
        assert mail.subject.startswith(
            "Уәкілетті органға хабарланатын дербес деректер қауіпсіздігінің бұзылулары: 1;"
        )
        Breach.objects.filter(pk=breach.pk).update(regulator_notified_at=datetime.now(ALMATY))
        time_machine.move_to("2026-12-14 09:00+05:00", tick=False)  # the next working day
        assert digest_on(time_machine, "2026-12-14 09:00+05:00") is None


BREACH = {"detected_at_0": "01.12.2026", "detected_at_1": "10:00", "description": "Утечка",
          "people_affected": "21", "data_affected": "email", "measures": "пароли",
          "regulator_notified_at_0": "", "regulator_notified_at_1": "",
          "subjects_notified_at_0": "", "subjects_notified_at_1": ""}  # fmt: skip


@pytest.mark.parametrize("change, field, message", [
    # a year mistyped: the deadline moved to 2027 and "notify now" went quiet
    ({"detected_at_0": "01.12.2027"}, "detected_at",
     "Время обнаружения не может быть в\xa0будущем"),
    # a year mistyped the other way: due centuries ago, or (year 1 at midnight, before year 1
    # in UTC) a 500
    ({"detected_at_0": "01.12.1026"}, "detected_at",
     "Проверьте год: рабочие дни считаются с\xa01991"),
    ({"detected_at_0": "01.01.0001", "detected_at_1": "00:00"}, "detected_at", "Проверьте год"),
    ({"regulator_notified_at_0": "30.11.2026", "regulator_notified_at_1": "09:00"},
     "regulator_notified_at", "раньше обнаружения нарушения безопасности"),
    ({"regulator_notified_at_0": "03.12.2026", "regulator_notified_at_1": "09:00"},
     "regulator_notified_at", "ещё не наступило"),
    ({"subjects_notified": "on"}, "subjects_notified_at", "Укажите, когда затронутые лица"),
])  # fmt: skip
def test_the_register_refuses_times_it_could_not_hold(
    privacy_officer_client, time_machine, change, field, message
):
    time_machine.move_to("2026-12-02 12:00+05:00")
    privacy_officer_client.cookies["django_language"] = "ru"
    page = privacy_officer_client.post("/admin/rights/breach/add/", {**BREACH, **change})
    assert page.status_code == 200 and not Breach.objects.exists()
    assert message in str(page.context["adminform"].form.errors[field])
    recorded = privacy_officer_client.post("/admin/rights/breach/add/", BREACH)
    assert recorded.status_code == 302
    assert Breach.objects.get().regulator_due == date(2026, 12, 2)


def test_an_edit_leaves_the_regulators_date_as_the_law_judged_it(
    privacy_officer, privacy_officer_client, time_machine
):
    """The deadline was counted again on every save: after a decree made the due day a day off,
    recording the people told (weeks after the regulator was) moved the regulator's date of a
    breach already reported, silently, where the recount keeps it (compliance L8, L21). Adding
    stores the row once; the date moves only with the detection time."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from consent.workdays.models import CalendarOverride

    time_machine.move_to("2026-12-09 12:00+05:00")
    client = verified_login(privacy_officer_client, privacy_officer)
    added = {
        **BREACH,
        "detected_at_0": "08.12.2026",
        "detected_at_1": "15:00",
        "regulator_notified_at_0": "09.12.2026",
        "regulator_notified_at_1": "10:00",
    }
    with CaptureQueriesContext(connection) as queries:
        assert client.post("/admin/rights/breach/add/", added).status_code == 302
    writes = [q["sql"] for q in queries if "consent_breach" in q["sql"]
              and q["sql"].startswith(("INSERT", "UPDATE"))]  # fmt: skip
    assert len(writes) == 1 and writes[0].startswith("INSERT")
    breach = Breach.objects.get()
    assert breach.regulator_due == date(2026, 12, 9)

    CalendarOverride.objects.create(date=date(2026, 12, 9), is_working_day=False, note="decree")
    breach.refresh_from_db()
    assert breach.regulator_due == date(2026, 12, 9)  # reported: the recount leaves it
    time_machine.move_to("2026-12-21 12:00+05:00")
    client = verified_login(privacy_officer_client, privacy_officer)
    told = {
        **added,
        "subjects_notified": "on",
        "subjects_notified_at_0": "21.12.2026",
        "subjects_notified_at_1": "09:00",
    }
    assert client.post(f"/admin/rights/breach/{breach.pk}/change/", told).status_code == 302
    breach.refresh_from_db()
    assert breach.subjects_notified and breach.regulator_due == date(2026, 12, 9)

    corrected = {**told, "detected_at_0": "07.12.2026"}  # a mistyped detection corrected
    assert client.post(f"/admin/rights/breach/{breach.pk}/change/", corrected).status_code == 302
    breach.refresh_from_db()
    assert breach.regulator_due == date(2026, 12, 8)
