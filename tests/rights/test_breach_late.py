"""A notice to the regulator sent after its day (Art. 25(2)(8); compliance L21): the register
is the operator's proof that the regulator was told in time, and it showed a notice sent late
as one sent in time, the deadline plain beside it. The day of the notice is its date in Almaty:
at 00:30 on the 18th there it is still the 17th in UTC."""

from datetime import datetime
from html import unescape

import pytest

from consent.rights.breaches import breach_record
from consent.rights.models import Breach
from tests.rights.test_breaches import ALMATY, BREACH
from tests.staff import verified_login

LATE = {"kk": "кеш жіберілді", "ru": "отправлено с\xa0опозданием"}


def breach_told(officer, detected, told):
    """A breach detected at `detected`, its notice recorded by the officer on its page."""
    breach = breach_record(Breach(detected_at=detected, description="Утечка", people_affected=2))
    local = told.astimezone(ALMATY)
    page = officer.post(f"/admin/rights/breach/{breach.pk}/change/", {
        **BREACH, "detected_at_0": detected.strftime("%d.%m.%Y"),
        "detected_at_1": detected.strftime("%H:%M"),
        "regulator_notified_at_0": local.strftime("%d.%m.%Y"),
        "regulator_notified_at_1": local.strftime("%H:%M"),
    })  # fmt: skip
    assert page.status_code == 302
    breach.refresh_from_db()
    assert breach.regulator_notified_at == told
    return breach


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_notice_sent_after_its_day_is_marked_late(
    privacy_officer, privacy_officer_client, time_machine, lang
):
    """Both detected on Tuesday 15.12.2026 at 18:00, the eve of Independence Day: due Thursday
    17.12. One notice went at 23:30 that Thursday, in time; the other at 00:30 on Friday in
    Almaty, still Thursday in UTC."""
    time_machine.move_to("2026-12-21 10:00+05:00")
    verified_login(privacy_officer_client, privacy_officer)  # an idle staff session ends
    privacy_officer_client.cookies["django_language"] = lang
    detected = datetime(2026, 12, 15, 18, tzinfo=ALMATY)
    in_time = breach_told(privacy_officer_client, detected, datetime(2026, 12, 17, 23, 30,
                                                                    tzinfo=ALMATY))  # fmt: skip
    late = breach_told(privacy_officer_client, detected, datetime(2026, 12, 18, 0, 30,
                                                                 tzinfo=ALMATY))  # fmt: skip
    assert in_time.regulator_due == late.regulator_due

    def row(html, breach):
        start = html.index(f"/admin/rights/breach/{breach.pk}/change/", html.index("result_list"))
        return html[start : html.index("</tr>", start)]

    html = unescape(privacy_officer_client.get("/admin/rights/breach/").content.decode())
    assert f"17.12.2026 · {LATE[lang]}" in row(html, late)
    assert LATE[lang] not in row(html, in_time)
    # The register's filter finds the notices sent late, and its choice is in the reader's words.
    listed = privacy_officer_client.get("/admin/rights/breach/?regulator=late")
    assert list(listed.context["cl"].result_list) == [late]
    assert LATE[lang] in unescape(listed.content.decode())
    # The breach's own page says so beside its deadline.
    page = unescape(privacy_officer_client.get(f"/admin/rights/breach/{late.pk}/change/")
                    .content.decode())  # fmt: skip
    assert f"17.12.2026 · {LATE[lang]}" in page
    page = unescape(privacy_officer_client.get(f"/admin/rights/breach/{in_time.pk}/change/")
                    .content.decode())  # fmt: skip
    assert LATE[lang] not in page
