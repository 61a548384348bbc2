"""A breach whose notice to the authorised body is cleared (recorded on the wrong entry) is
unreported again (compliance L8, L21): its date to notify is the law's as the working-day
calendar now stands, as every unreported breach's is (recount.deadlines_recount). Reported, it
kept the date it was judged by through a change of the calendar; cleared, it kept that date
too, a day the calendar no longer gave, until the next change of any day moved it."""

from datetime import date

from django.test import Client

from consent.core.models import AuditEvent
from consent.rights.models import Breach
from tests.rights.test_breaches import BREACH
from tests.staff import verified_login

# Detected on Wednesday 6 January 2027 at 17:00, the eve of Orthodox Christmas: one working day,
# Friday 8 January.
DETECTED = {**BREACH, "detected_at_0": "06.01.2027", "detected_at_1": "17:00"}


def test_a_notice_cleared_after_a_calendar_change_leaves_the_breach_due_as_the_calendar_stands(
    privacy_officer, time_machine
):
    time_machine.move_to("2027-01-06 18:00+05:00", tick=False)
    officer = verified_login(Client(), privacy_officer)
    assert officer.post("/admin/rights/breach/add/", DETECTED).status_code == 302
    breach = Breach.objects.get()
    assert breach.regulator_due == date(2027, 1, 8)
    change = f"/admin/rights/breach/{breach.pk}/change/"
    # The notice of another breach, recorded on this one by mistake.
    told = {**DETECTED, "regulator_notified_at_0": "06.01.2027", "regulator_notified_at_1": "17:30"}
    assert officer.post(change, told).status_code == 302

    # Thursday 7 January: a decree, announced late, makes Friday 8 January a day off (moved
    # to a Saturday later in the year). The breach reported keeps the day it was judged by.
    time_machine.move_to("2027-01-07 10:00+05:00", tick=False)
    officer = verified_login(Client(), privacy_officer)
    officer.post("/admin/workdays/calendaroverride/add/",
                 {"date": "2027-01-08", "is_working_day": "", "note": "decree"})  # fmt: skip
    breach.refresh_from_db()
    assert breach.regulator_due == date(2027, 1, 8)

    # The mistake seen, the notice is cleared: the authorised body is still to be told, by
    # Monday 11 January as the calendar now stands, not by Friday 8, a day off now.
    assert officer.post(change, DETECTED).status_code == 302
    breach.refresh_from_db()
    assert breach.regulator_notified_at is None and breach.regulator_due == date(2027, 1, 11)
    cleared = AuditEvent.objects.filter(action=AuditEvent.Action.BREACH_CHANGE).latest("id")
    assert cleared.detail["regulator_due"] == ["2027-01-08", "2027-01-11"]
    assert not Breach.objects.report_now(date(2027, 1, 9)).exists()  # a Saturday, not yet due

    # Another day entered later moves nothing of it: the date it shows is the law's already.
    officer.post("/admin/workdays/calendaroverride/add/",
                 {"date": "2027-05-17", "is_working_day": "", "note": "Құрбан айт"})  # fmt: skip
    breach.refresh_from_db()
    assert breach.regulator_due == date(2027, 1, 11)
    assert not AuditEvent.objects.filter(action=AuditEvent.Action.DUE_RECOUNT).exists()
