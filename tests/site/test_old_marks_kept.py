"""Rows saved before the direction rule (consent/common/directions.py) keep their marks: a
breach recorded with an invisible right-to-left override left open in its description could not
be saved at all once the rule came, and the officer could not record the day the regulator was
told (a legal duty) until she retyped a line she had not changed. The same for every staff text
that gained the rule (pages, services, the company's details, consent texts, campaigns). The
rule refuses a value staff bring in, new or edited; an old value posted back unchanged is kept."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from consent.core.models import ConsentText
from consent.core.purposes import MARKETING
from consent.marketing.models import Campaign
from consent.rights.breaches import breach_record
from consent.rights.models import Breach
from emalu.models import Company, Page, Service
from tests.core.test_editor_mistakes import editor as editor  # the content editor, on a Monday
from tests.core.test_editor_mistakes import monday as monday
from tests.marketing.test_marketer_desk import CHANGELIST, WRITTEN
from tests.site.test_company import COMPANY
from tests.site.test_staff_text_direction import OPEN, PAGE, SAID, SERVICE

ALMATY = ZoneInfo("Asia/Almaty")
# As the register holds it (lines ended by \n) and as a browser posts it back (by \r\n).
DESCRIBED = f"Ноутбук жоғалды {OPEN}"
POSTED = DESCRIBED.replace("\n", "\r\n")
NOTIFIED = {"regulator_notified_at_0": "01.12.2026", "regulator_notified_at_1": "15:00"}


@pytest.fixture
def old_breach(time_machine, db):
    time_machine.move_to("2026-12-03 12:00+05:00")
    return breach_record(Breach(detected_at=datetime(2026, 12, 1, 10, tzinfo=ALMATY),
                                description=DESCRIBED, people_affected=21))  # fmt: skip


def breach_form(breach, **changed):
    """The breach's change form as the officer posts it."""
    return {"detected_at_0": "01.12.2026", "detected_at_1": "10:00", "description": POSTED,
            "people_affected": "21", "data_affected": "", "measures": "",
            "regulator_notified_at_0": "", "regulator_notified_at_1": "",
            "subjects_notified_at_0": "", "subjects_notified_at_1": "", **changed}  # fmt: skip


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_an_old_breach_with_an_open_mark_gets_its_notification_date_saved(
    privacy_officer_client, old_breach, language
):
    privacy_officer_client.cookies["django_language"] = language
    url = f"/admin/rights/breach/{old_breach.pk}/change/"
    assert privacy_officer_client.get(url).status_code == 200
    response = privacy_officer_client.post(url, breach_form(old_breach, **NOTIFIED))
    assert response.status_code == 302, response.content.decode()[-3000:]
    old_breach.refresh_from_db()
    assert old_breach.regulator_notified_at == datetime(2026, 12, 1, 15, tzinfo=ALMATY)
    assert old_breach.description.replace("\r\n", "\n") == DESCRIBED  # kept as it was


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_an_edit_of_an_old_breachs_open_mark_is_still_refused(
    privacy_officer_client, old_breach, language
):
    privacy_officer_client.cookies["django_language"] = language
    edited = breach_form(old_breach, description=POSTED + " Тексерілді.", **NOTIFIED)
    response = privacy_officer_client.post(f"/admin/rights/breach/{old_breach.pk}/change/",
                                           edited)  # fmt: skip
    assert response.status_code == 200 and SAID[language] in response.content.decode()
    old_breach.refresh_from_db()
    assert old_breach.regulator_notified_at is None and old_breach.description == DESCRIBED


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_a_new_breach_with_an_open_mark_is_refused(privacy_officer_client, time_machine, language):
    time_machine.move_to("2026-12-03 12:00+05:00")
    privacy_officer_client.cookies["django_language"] = language
    response = privacy_officer_client.post("/admin/rights/breach/add/",
                                           breach_form(None))  # fmt: skip
    assert response.status_code == 200 and SAID[language] in response.content.decode()
    assert not Breach.objects.exists()


def _stored(form):
    """A form's values as a row saved before the rule holds them."""
    return {k: v for k, v in form.items() if k != "is_published"}


# (model, the form posted, the field holding an old open mark, the field the editor changes)
SITE_ROWS = [
    (Page, PAGE, "body_ru", "title_kk"),
    (Service, SERVICE, "summary_kk", "body_ru"),
    (Company, COMPANY, "hours_kk", "address_ru"),
]


@pytest.mark.parametrize(("model", "form", "old", "edited"), SITE_ROWS,
                         ids=[f"{m.__name__}.{f}" for m, _form, f, _e in SITE_ROWS])  # fmt: skip
def test_an_old_site_text_with_an_open_mark_is_saved_with_another_change(
    content_editor_client, model, form, old, edited
):
    value = OPEN.replace("\n", " ") if old.startswith(("title", "summary", "address")) else OPEN
    row = model.objects.create(**{**_stored(form), old: value})
    url = f"/admin/emalu/{model._meta.model_name}/{row.pk}/change/"
    posted = {**form, old: value.replace("\n", "\r\n"), edited: form[edited] + " 2"}
    response = content_editor_client.post(url, posted)
    assert response.status_code == 302, response.content.decode()[-3000:]
    row.refresh_from_db()
    assert getattr(row, edited) == form[edited] + " 2"
    again = content_editor_client.post(url, {**posted, old: value + " 2"})
    assert again.status_code == 200 and SAID["kk"] in again.content.decode()


def test_an_old_consent_text_draft_with_an_open_mark_is_saved_with_another_change(
    editor, texts, policy
):
    draft = ConsentText.objects.create(purpose=MARKETING, version=99, policy=policy,
                                       other_kk="Қосымша", other_ru=OPEN)  # fmt: skip
    url = f"/admin/consent/consenttext/{draft.pk}/change/"
    posted = {"purpose": MARKETING, "policy": policy.pk, "other_kk": "Қосымша мәлімет",
              "other_ru": OPEN.replace("\n", "\r\n")}  # fmt: skip
    response = editor.post(url, posted)
    assert response.status_code == 302, response.content.decode()[-3000:]
    draft.refresh_from_db()
    assert draft.other_kk == "Қосымша мәлімет" and draft.other_ru.replace("\r\n", "\n") == OPEN
    assert editor.post(url, {**posted, "other_ru": OPEN + " 2"}).status_code == 200


def test_an_old_campaign_draft_with_an_open_mark_is_saved_with_another_change(
    texts, marketer_client
):
    """Saved, still not sent until its text is written again (test_body_direction.py)."""
    draft = Campaign.objects.create(**{**WRITTEN, "body_ru": OPEN})
    url = f"{CHANGELIST}{draft.pk}/change/"
    posted = {**WRITTEN, "title": "November, again", "body_ru": OPEN.replace("\n", "\r\n")}
    response = marketer_client.post(url, posted)
    assert response.status_code == 302, response.content.decode()[-3000:]
    draft.refresh_from_db()
    assert draft.title == "November, again"
    assert marketer_client.post(url, {**posted, "body_ru": OPEN + " 2"}).status_code == 200
