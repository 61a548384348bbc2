"""The breach register as staff read it: a breach the regulator is still to hear of is on the
dashboard with its deadline (compliance L21), and the draft notice is built from the breach as
saved, never from a value the form refused."""

import re
from datetime import datetime
from html import unescape
from zoneinfo import ZoneInfo

import pytest

from consent.rights.breaches import breach_record
from consent.rights.models import Breach
from tests.rights.test_breaches import BREACH

ALMATY = ZoneInfo("Asia/Almaty")
SAID = {"kk": "қазір хабарлаңыз", "ru": "уведомите сейчас"}


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_breach_to_report_is_first_on_the_dashboard(privacy_officer_client, time_machine, lang):
    """Breach #1 detected Friday 27.11.2026 17:00 was due Monday 30.11, «notify now» in the
    register, and absent from /admin/, which listed requests only."""
    time_machine.move_to("2026-12-01 10:00+05:00")
    late = breach_record(Breach(detected_at=datetime(2026, 11, 27, 17, tzinfo=ALMATY),
                                description="Lost laptop", people_affected=3))  # fmt: skip
    soon = breach_record(Breach(detected_at=datetime(2026, 12, 1, 9, tzinfo=ALMATY),
                                description="Wrong recipient", people_affected=1))  # fmt: skip
    told = breach_record(Breach(detected_at=datetime(2026, 11, 26, 9, tzinfo=ALMATY),
                                description="Told", regulator_notified_at=datetime(
                                    2026, 11, 26, 12, tzinfo=ALMATY)))  # fmt: skip
    privacy_officer_client.cookies["django_language"] = lang
    html = privacy_officer_client.get("/admin/").content.decode()
    summary = html[html.index('id="breach-summary"') : html.index('id="desk-summary"')]
    assert f'/admin/rights/breach/{late.pk}/change/"' in summary
    assert "27.11.2026 17:00" in summary
    assert f"30.11.2026 · {SAID[lang]}" in summary
    assert f'/admin/rights/breach/{soon.pk}/change/"' in summary  # due tomorrow: listed
    assert "02.12.2026" in summary and summary.count(SAID[lang]) == 1
    assert f"/admin/rights/breach/{told.pk}/change/" not in summary


def test_staff_who_do_not_keep_the_register_do_not_see_it(content_editor_client, db):
    breach_record(Breach(detected_at=datetime(2026, 11, 27, 17, tzinfo=ALMATY), description="x"))
    assert "breach-summary" not in content_editor_client.get("/admin/").content.decode()


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_draft_notice_keeps_the_saved_detection_when_a_new_one_is_refused(
    privacy_officer_client, time_machine, lang
):
    time_machine.move_to("2026-12-03 12:00+05:00")
    privacy_officer_client.cookies["django_language"] = lang
    assert privacy_officer_client.post("/admin/rights/breach/add/", BREACH).status_code == 302
    breach = Breach.objects.get()
    refused = {**BREACH, "detected_at_0": "15.12.2026", "detected_at_1": "10:00"}
    page = privacy_officer_client.post(f"/admin/rights/breach/{breach.pk}/change/", refused)
    assert page.status_code == 200 and page.context["adminform"].form.errors["detected_at"]
    html = page.content.decode()
    notice = html[html.index("<pre") : html.index("</pre>")].replace("\u00a0", " ")
    assert "15 желтоқсан" not in notice and "15 декабря" not in notice and "15.12" not in notice
    assert ("1 желтоқсан" if lang == "kk" else "1 декабря") in notice
    breach.refresh_from_db()
    assert breach.detected_at == datetime(2026, 12, 1, 10, tzinfo=ALMATY)


def test_the_policy_drafts_preview_is_of_the_saved_draft_when_an_edit_is_refused(
    content_editor_client, db
):
    """The same rule for every preview beside a form (consent.core.admin.saved)."""
    from django.forms.models import model_to_dict

    from consent.core.models import PolicyVersion

    draft = PolicyVersion.objects.get(number=2)
    typed = {k: v for k, v in model_to_dict(draft).items() if v is not None}
    typed.update(template_kk="ҚАБЫЛДАНБАҒАН МӘТІН", effective_date="99.99.2026")
    page = content_editor_client.post(f"/admin/consent/policyversion/{draft.pk}/change/", typed)
    assert page.status_code == 200 and page.context["adminform"].form.errors
    html = page.content.decode()
    assert html.count("ҚАБЫЛДАНБАҒАН МӘТІН") == 1  # in the field as typed, not the preview


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_register_lists_what_happened_short_and_escaped(privacy_officer_client, db, lang):
    """The register listed «#1», «#2» and dates: the officer opened each entry to find the
    lost laptop. Its description shows, cut to one short line, markup as typed."""
    long = "Ноутбук <b>бухгалтера</b> утерян\nв такси; " + "подробности " * 20
    breach = breach_record(Breach(detected_at=datetime(2026, 11, 27, 17, tzinfo=ALMATY),
                                  description=long))  # fmt: skip
    privacy_officer_client.cookies["django_language"] = lang
    html = privacy_officer_client.get("/admin/rights/breach/").content.decode()
    row = html[html.index(f"/admin/rights/breach/{breach.pk}/change/") :]
    row = row[: row.index("</tr>")]
    assert "Ноутбук &lt;b&gt;бухгалтера&lt;/b&gt; утерян в такси;" in row
    assert "<b>" not in row
    shown = re.search(r'<span title="([^"]*)">([^<]*)</span>', row)
    assert shown.group(1).count("подробности") == 20  # the whole of it in the title
    assert shown.group(2).endswith("…") and len(unescape(shown.group(2))) <= 60
    assert ("Не болды" if lang == "kk" else "Что произошло") in html
