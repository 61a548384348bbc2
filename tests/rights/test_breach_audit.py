"""The breach register as the operator's proof (compliance L21, L16): each entry recorded and
each change to it is an audit row naming the officer, with the dates before and after. The
entries stay editable, so a detection moved later or a notice to the regulator dated earlier
changed the deadline and its proof with no trace of who did it or what it said before."""

from datetime import date

from consent.core.models import AuditEvent
from consent.rights.models import Breach
from tests.rights.test_breaches import BREACH

Action = AuditEvent.Action


def rows(breach):
    return list(
        AuditEvent.objects.filter(object_type="rights.breach", object_id=str(breach.pk))
        .exclude(action=Action.SUBJECT_VIEW)
        .order_by("id")
    )


def test_recording_and_each_change_of_a_breach_is_audited(
    privacy_officer, privacy_officer_client, time_machine
):
    time_machine.move_to("2026-12-02 12:00+05:00")
    client = privacy_officer_client
    assert client.post("/admin/rights/breach/add/", BREACH).status_code == 302
    breach = Breach.objects.get()
    [recorded] = rows(breach)
    assert recorded.action == Action.BREACH_RECORD
    assert recorded.actor_id == privacy_officer.pk
    assert recorded.actor_label == privacy_officer.username
    assert recorded.detail["detected_at"] == "2026-12-01T05:00:00+00:00"
    assert recorded.detail["regulator_due"] == "2026-12-02"
    assert recorded.detail["regulator_notified_at"] is None

    # Saved again as shown: nothing changed, nothing to audit.
    assert client.post(f"/admin/rights/breach/{breach.pk}/change/", BREACH).status_code == 302
    assert len(rows(breach)) == 1

    # The regulator told, then that time changed to an earlier one, and the detection moved.
    told = {**BREACH, "regulator_notified_at_0": "02.12.2026", "regulator_notified_at_1": "11:00"}
    assert client.post(f"/admin/rights/breach/{breach.pk}/change/", told).status_code == 302
    earlier = {**told, "regulator_notified_at_0": "01.12.2026", "detected_at_1": "09:00",
               "measures": "пароли сброшены"}  # fmt: skip
    assert client.post(f"/admin/rights/breach/{breach.pk}/change/", earlier).status_code == 302
    _, notified, backdated = rows(breach)
    assert notified.action == backdated.action == Action.BREACH_CHANGE
    assert notified.actor_id == backdated.actor_id == privacy_officer.pk
    assert notified.detail == {
        "fields": ["regulator_notified_at"],
        "regulator_notified_at": [None, "2026-12-02T06:00:00+00:00"],
    }
    assert backdated.detail["fields"] == ["detected_at", "measures", "regulator_notified_at"]
    assert backdated.detail["regulator_notified_at"] == [
        "2026-12-02T06:00:00+00:00", "2026-12-01T06:00:00+00:00"]  # fmt: skip
    assert backdated.detail["detected_at"] == [
        "2026-12-01T05:00:00+00:00", "2026-12-01T04:00:00+00:00"]  # fmt: skip
    assert "measures" not in backdated.detail  # the texts by name, never their words
    breach.refresh_from_db()
    assert breach.regulator_due == date(2026, 12, 2)


def test_the_audit_log_names_the_breach_actions_in_the_officers_language(
    privacy_officer_client, time_machine
):
    time_machine.move_to("2026-12-02 12:00+05:00")
    privacy_officer_client.post("/admin/rights/breach/add/", BREACH)
    for lang, said in (
        ("kk", "Дербес деректер қауіпсіздігінің бұзылуы тізілімге енгізілді"),
        ("ru", "Нарушение безопасности персональных данных внесено в\xa0реестр"),
    ):
        privacy_officer_client.cookies["django_language"] = lang
        page = privacy_officer_client.get("/admin/consent/auditevent/?action=breach_record")
        assert said.lower() in page.content.decode().lower()


def test_the_register_lists_the_breaches_the_regulator_is_still_to_hear_of(
    privacy_officer_client, time_machine
):
    time_machine.move_to("2026-12-02 12:00+05:00")
    told = {**BREACH, "regulator_notified_at_0": "01.12.2026", "regulator_notified_at_1": "15:00"}
    privacy_officer_client.post("/admin/rights/breach/add/", told)
    privacy_officer_client.post("/admin/rights/breach/add/", BREACH)
    notified, pending = Breach.objects.order_by("id")
    for query, shown in (("to_notify", pending), ("notified", notified)):
        page = privacy_officer_client.get(f"/admin/rights/breach/?regulator={query}")
        assert list(page.context["cl"].result_list) == [shown]
