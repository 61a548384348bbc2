"""Issue 20 in the admin: version 2 marked as the lawyer's draft, published by an officer who
says which purposes need consent again, the refusal when texts would disagree (kk and ru), and
the difference between two versions."""

import dataclasses
from datetime import date

import pytest
from django.utils import translation

from consent.common.dates import local_midnight
from consent.core import purposes
from consent.core.models import PolicyVersion
from consent.core.purposes import MARKETING, PURPOSES, SERVICE
from consent.core.texts import current_text, policy_render

# Its policy versions are dated ahead of fixed days of December 2026: the clock starts on the
# suite's day (tests/isolation.py), not on the real date, which will pass them.
pytestmark = pytest.mark.usefixtures("time_machine")

ADDRESS = {"address_kk": "Өскемен қ., Абай даңғылы, 1", "address_ru": "г. Усть-Каменогорск"}
DRAFT = {"kk": "заңгеріне арналған жоба", "ru": "проект для юриста"}


@pytest.fixture
def staff(content_editor_client, settings):
    settings.OPERATOR = {**settings.OPERATOR, **ADDRESS}
    return content_editor_client


@pytest.fixture
def v2(db):
    """Version 2, the draft the migrations seed, to take effect on 10 December 2026."""
    v2 = PolicyVersion.objects.get(number=2)
    v2.effective_date = date(2026, 12, 10)
    v2.save()
    return v2


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_draft_is_marked_for_the_lawyer(staff, v2, lang):
    staff.cookies["django_language"] = lang
    listing = staff.get("/admin/consent/policyversion/").content.decode()
    assert DRAFT[lang] in listing
    page = staff.get(f"/admin/consent/policyversion/{v2.pk}/change/").content.decode()
    assert DRAFT[lang] in page
    assert "123456789012" in page  # the BIN, filled in from the settings in the preview


def test_publishing_asks_which_purposes_need_consent_again(staff, v2, texts):
    response = staff.post("/admin/consent/policyversion/",
                          {"action": "publish", "_selected_action": [v2.pk]})  # fmt: skip
    assert response.url == f"/admin/consent/policyversion/{v2.pk}/publish/"
    form = staff.get(response.url).content.decode()
    assert str(PURPOSES[MARKETING].name) in form or "Жаңалықтар" in form
    response = staff.post(response.url, {"reconsent": [MARKETING]})
    assert response.status_code == 302
    v2.refresh_from_db()
    assert v2.is_published and v2.text_kk and v2.sha256_kk
    in_effect = local_midnight(v2.effective_date)
    marketing = current_text(MARKETING, in_effect)
    assert marketing.requires_reconsent and marketing.policy == v2
    assert not current_text(SERVICE, in_effect).requires_reconsent


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_disagreement_is_refused_in_the_officers_language(staff, v2, texts, monkeypatch, lang):
    longer = {**PURPOSES, MARKETING: dataclasses.replace(PURPOSES[MARKETING], term_years=9)}
    for module in ["purposes", "texts", "declarations"]:
        monkeypatch.setattr(f"consent.core.{module}.PURPOSES", longer)
    staff.cookies["django_language"] = lang
    page = staff.post(f"/admin/consent/policyversion/{v2.pk}/publish/", {}, follow=True)
    with translation.override(lang):
        expected = translation.gettext("the term")
        name = str(purposes.PURPOSES[MARKETING].name)
    text = page.content.decode()
    assert expected in text and name in text
    assert not PolicyVersion.objects.get(pk=v2.pk).is_published


def test_the_difference_is_readable_and_escaped(staff, v2):
    v2.template_ru += "\n<script>alert(1)</script>"
    v2.save()
    page = staff.get(f"/admin/consent/policyversion/{v2.pk}/diff/?against=1").content.decode()
    assert page.count('class="diff"') == 2  # Kazakh and Russian
    assert "<script>alert" not in page and "&lt;script&gt;alert" in page
    assert "Дербес" in page and "Политика" in page
    assert "<script>" in policy_render(v2, "ru")  # the text itself is kept as written


@pytest.mark.parametrize("against", ["²", "٣", "9" * 5000, "9" * 30, "-1", "1.0", ""], ids=repr)
def test_a_version_to_compare_that_is_no_number_compares_with_the_one_before(staff, v2, against):
    """`?against=` can be typed into the address: «²» passed isdigit() to int(), and so did
    5,000 digits, each a 500. Anything but a version's number compares with the one before."""
    response = staff.get(f"/admin/consent/policyversion/{v2.pk}/diff/", {"against": against})
    assert response.status_code == 200
    assert response.content.decode().count('class="diff"') == 2


def test_only_staff_who_may_see_policies_compare_them(marketer_client, v2):
    assert marketer_client.get(f"/admin/consent/policyversion/{v2.pk}/diff/").status_code == 403
    assert marketer_client.get(f"/admin/consent/policyversion/{v2.pk}/publish/").status_code in (
        403, 404)  # fmt: skip


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_template_field_names_the_placeholders_the_editor_may_write(staff, v2, lang):
    """The template's help said «{{ placeholders }}», an English word on the Kazakh and Russian
    page, and named none: the editor guessed a name and learned it wrong only at publishing."""
    from consent.core.policydoc import BLOCKS, OPERATOR_FACTS

    staff.cookies["django_language"] = lang
    for url in (
        "/admin/consent/policyversion/add/",
        f"/admin/consent/policyversion/{v2.pk}/change/",
    ):
        page = staff.get(url).content.decode()
        assert "placeholders" not in page
        for name in (*OPERATOR_FACTS, *BLOCKS):
            assert page.count(f"{{{{ {name} }}}}") >= 2  # under each language's template


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_first_version_asks_for_another_to_compare_with(staff, v2, lang):
    """Version 1's comparison said «there is no other version to compare with» above a list
    offering version 2: it has no earlier one, and says so."""
    staff.cookies["django_language"] = lang
    first = PolicyVersion.objects.get(number=1)
    page = staff.get(f"/admin/consent/policyversion/{first.pk}/diff/").content.decode()
    with translation.override(lang):
        said = translation.gettext(
            "There is no earlier version: choose another one above to compare with."
        )
        not_said = translation.gettext("There is no other version to compare with.")
    assert f'<option value="{v2.number}">' in page
    assert said in page and not_said not in page
