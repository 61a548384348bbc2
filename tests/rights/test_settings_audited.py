"""The two tables that steer the desk, the working-day calendar and the intake's phrases, are
audited at every edit, by whom and with the values before and after: a calendar edit was
audited only through the due dates it moved (none when no request ran), a phrase edit never."""

import pytest

from consent.core.models import AuditEvent
from consent.rights.models import IntakePhrase
from consent.workdays.models import CalendarOverride

CAL = "/admin/workdays/calendaroverride/"


def rows(action):
    return list(AuditEvent.objects.filter(action=action).order_by("id"))


def test_every_calendar_edit_is_audited_with_before_and_after(privacy_officer_client):
    """No request is running: nothing moves, and each edit still leaves its row."""
    staff = privacy_officer_client
    form = {"date": "07.12.2026", "is_working_day": "", "note": "decree 1"}
    assert staff.post(f"{CAL}add/", form).status_code == 302
    day = CalendarOverride.objects.get()
    form["note"] = "decree 2"
    assert staff.post(f"{CAL}{day.pk}/change/", form).status_code == 302
    # Saved again unchanged: no edit, no row.
    assert staff.post(f"{CAL}{day.pk}/change/", form).status_code == 302
    staff.post(f"{CAL}{day.pk}/delete/", {"post": "yes"})
    assert not CalendarOverride.objects.exists()
    added, changed, removed = rows(AuditEvent.Action.CALENDAR_CHANGE)
    assert {r.actor_label for r in (added, changed, removed)} == {"olga"}
    assert added.detail == {"change": "added", "calendar_date": "2026-12-07",
                            "working_day": False, "note": "decree 1"}  # fmt: skip
    assert changed.detail == {"change": "changed", "calendar_date": "2026-12-07",
                              "working_day": False, "note": "decree 2",
                              "old_note": "decree 1"}  # fmt: skip
    assert removed.detail == {"change": "removed", "old_calendar_date": "2026-12-07",
                              "old_working_day": False, "old_note": "decree 2"}  # fmt: skip
    assert not rows(AuditEvent.Action.DUE_RECOUNT)


# What the edit was is a noun: the Russian row read «Изменить: изменено», a button's verb.
@pytest.mark.parametrize(
    "lang, said",
    [
        ("kk", ["Алдыңғы ескертпе", "Өзгерту: өзгертілді"]),
        ("ru", ["Прежнее примечание", "Изменение: изменено"]),
    ],
)
def test_a_phrase_added_and_changed_is_audited_and_read_in_words(
    privacy_officer_client, officer_client, lang, said
):
    staff = privacy_officer_client
    form = {"phrase": "вычеркните меня", "type": "destroy", "language": "ru",
            "active": "on", "note": "seen in mail"}  # fmt: skip
    assert staff.post("/admin/rights/intakephrase/add/", form).status_code == 302
    phrase = IntakePhrase.objects.get(phrase="вычеркните меня")
    form.update(active="", note="too broad")
    assert staff.post(f"/admin/rights/intakephrase/{phrase.pk}/change/", form).status_code == 302
    added, changed = rows(AuditEvent.Action.PHRASE_CHANGE)
    assert added.detail["change"] == "added" and added.detail["phrase"] == "вычеркните меня"
    assert changed.actor_label == "olga" and changed.object_id == str(phrase.pk)
    assert changed.detail["old_active"] is True and changed.detail["active"] is False
    assert changed.detail["old_note"] == "seen in mail" and changed.detail["note"] == "too broad"
    officer_client.cookies["django_language"] = lang
    page = officer_client.get(f"/admin/consent/auditevent/{changed.pk}/change/")
    text = page.content.decode()
    assert [words for words in said if words not in text] == []
