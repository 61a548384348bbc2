"""The breach register (compliance L21): the regulator's deadline in working days."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

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
    time_machine.move_to("2026-12-16 12:00+05:00")
    verified_login(officer_client, officer)  # the session would have expired meanwhile
    assert 'class="overdue"' not in officer_client.get("/admin/rights/breach/").content.decode()
    time_machine.move_to("2026-12-17 09:00+05:00")  # due today, no one notified yet
    verified_login(officer_client, officer)  # an idle staff session ends after an hour
    assert 'class="overdue"' in officer_client.get("/admin/rights/breach/").content.decode()
