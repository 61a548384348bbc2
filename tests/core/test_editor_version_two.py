"""A content editor publishing version 2 of the policy and of the consent texts, as one does:
what stopped them or read in the wrong language (editor3)."""

import pytest

from consent.core.models import PolicyVersion
from consent.core.purposes import MARKETING
from tests.core.test_editor_mistakes import editor as editor  # the content editor, on a Monday
from tests.core.test_editor_mistakes import monday as monday
from tests.core.test_policy_admin import v2 as v2  # version 2, the seeded draft

UNSET = {
    "kk": ("оператордың мекенжайы (OPERATOR_ADDRESS_KK)",
           "оператордың мекенжайы (OPERATOR_ADDRESS_RU)",
           "жауапты тұлға (RESPONSIBLE_PERSON)", "сайт әкімшісі сервердің баптауларында"),
    "ru": ("адрес оператора (OPERATOR_ADDRESS_KK)", "адрес оператора (OPERATOR_ADDRESS_RU)",
           "ответственное за организацию обработки (RESPONSIBLE_PERSON)",
           "администратор сайта в настройках сервера"),
}  # fmt: skip


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_an_operator_detail_not_set_is_named_in_the_editors_words(
    editor, v2, texts, settings, lang
):
    """Version 2 refused with «operator details not set: address, responsible_contact,
    responsible_person»: code names in a Kazakh or Russian sentence, and nothing said of where
    they are set, which no admin page does."""
    settings.OPERATOR = {**settings.OPERATOR, "address_kk": "", "address_ru": "",
                         "responsible_person": ""}  # fmt: skip
    editor.cookies["django_language"] = lang
    page = editor.post(f"/admin/consent/policyversion/{v2.pk}/publish/",
                       {"reconsent": [MARKETING]}, follow=True)  # fmt: skip
    assert page.status_code == 200
    said = page.text.lower()
    assert all(words.lower() in said for words in UNSET[lang])
    assert "responsible_person," not in said and ": address" not in said
    assert not PolicyVersion.objects.get(pk=v2.pk).is_published


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("number", [1, 2])
def test_a_published_versions_page_says_nothing_in_english(editor, v2, texts, lang, number):
    """A published version's page is read-only, and its template's help came from the model,
    whose translations kept «{{ placeholders }}», an English word, in the Kazakh and Russian page
    (the draft's form says «{{ атауы }}», «{{ имя }}»)."""
    from consent.core.texts import policy_publish

    policy_publish(v2, reconsent=[MARKETING])
    version = PolicyVersion.objects.get(number=number)
    editor.cookies["django_language"] = lang
    page = editor.get(f"/admin/consent/policyversion/{version.pk}/change/")
    assert page.status_code == 200
    assert "placeholders" not in page.text
    assert {"kk": "{{ атауы }}", "ru": "{{ имя }}"}[lang] in page.text
