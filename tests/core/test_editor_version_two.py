"""A content editor publishing version 2 of the policy and of the consent texts, as one does:
what stopped them or read in the wrong language (editor3)."""

from datetime import date

import pytest
from django.core.cache import cache
from django.utils import translation

from consent.common.dates import local_today
from consent.core.models import ConsentText, PolicyVersion
from consent.core.purposes import MARKETING
from tests.core.test_editor_mistakes import editor as editor  # the content editor, on a Monday
from tests.core.test_editor_mistakes import monday as monday
from tests.core.test_policy_admin import ADDRESS
from tests.core.test_policy_admin import v2 as v2  # version 2, the seeded draft
from tests.site.language import as_written
from tests.staff import form_as_shown

# Its policy versions are dated ahead of fixed days of December 2026: the clock starts on the
# suite's day (tests/isolation.py), not on the real date, which will pass them.
pytestmark = pytest.mark.usefixtures("time_machine")

UNSET = {
    "kk": ("оператордың мекенжайы (OPERATOR_ADDRESS_KK)",
           "оператордың мекенжайы (OPERATOR_ADDRESS_RU)",
           "жауапты тұлға (RESPONSIBLE_PERSON)", "сайт әкімшісі сервердің баптауларында"),
    "ru": ("адрес оператора (OPERATOR_ADDRESS_KK)", "адрес оператора (OPERATOR_ADDRESS_RU)",
           "ответственное за организацию обработки (RESPONSIBLE_PERSON)",
           "администратор сайта в\N{NO-BREAK SPACE}настройках сервера"),
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


def opened(editor, url):
    """What the change page at `url` posts back unchanged: its form's values, hidden ones too."""
    page = editor.get(url)
    assert page.status_code == 200 and "Seen" not in page.text  # the hidden mark has no label
    return form_as_shown(page)


def draft_of(model, policy):
    if model == "policyversion":
        return PolicyVersion.objects.create(
            number=3, effective_date=local_today(), title_kk="Саясат", title_ru="Политика",
            text_kk="Саясат\n1. Бөлім\nМәтін.", text_ru="Политика\n1. Раздел\nТекст.",
        )  # fmt: skip
    return ConsentText.objects.create(purpose=MARKETING, version=2, policy=policy,
                                      other_kk="Ескерту.", other_ru="Примечание.")  # fmt: skip


CHANGES = {  # what each editor changes: the first one field, the second another
    "policyversion": ({"text_kk": "Саясат\n1. Бөлім\nТүзетілген."}, {"title_ru": "Политика Б"}),
    "consenttext": ({"other_kk": "Түзетілген ескерту."}, {"other_ru": "Примечание Б."}),
}
REFUSED = {"kk": "Сіз бұл жазбаны ашқаннан кейін", "ru": "После того как вы открыли запись"}
PUBLISHED_MEANWHILE = {"kk": "Сіз өңдеп жатқанда ол", "ru": "Пока вы редактировали"}


@pytest.fixture
def second_editor(db):
    from django.test import Client

    from tests.staff import staff_member, verified_login

    return verified_login(Client(), staff_member("editor4", "content_editor"))


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("model", ["policyversion", "consenttext"])
def test_two_editors_saving_one_draft_keep_each_others_changes(
    editor, second_editor, policy, texts, model, lang
):
    """Both opened the draft; the second one's save wrote the first one's change away, and both
    were told «changed successfully». Now the second is told what changed and by whom, nothing
    of theirs is saved, and once they open the draft again their save keeps both changes."""
    draft = draft_of(model, policy)
    url = f"/admin/consent/{model}/{draft.pk}/change/"
    first, second = opened(editor, url), opened(second_editor, url)
    first_change, second_change = CHANGES[model]
    assert editor.post(url, {**first, **first_change}).status_code == 302
    second_editor.cookies["django_language"] = lang
    page = second_editor.post(url, {**second, **second_change})
    assert page.status_code == 200 and REFUSED[lang] in page.text and "carol" in page.text
    label = type(draft)._meta.get_field(*first_change).verbose_name
    with translation.override(lang):
        assert f"«{str(label)[0].upper()}{str(label)[1:]}»" in page.text
    stored = type(draft).objects.get(pk=draft.pk)
    assert all(getattr(stored, k) == v for k, v in first_change.items())
    assert not any(getattr(stored, k) == v for k, v in second_change.items())

    again = opened(second_editor, url)
    assert second_editor.post(url, {**again, **second_change}).status_code == 302
    stored = type(draft).objects.get(pk=draft.pk)
    assert all(getattr(stored, k) == v for k, v in {**first_change, **second_change}.items())
    # the same editor saving twice in a row is not two editors
    once_more = opened(editor, url)
    assert editor.post(url, {**once_more, **first_change}).status_code == 302


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("model", ["policyversion", "consenttext"])
def test_a_draft_published_while_another_edits_it_is_said_in_words(
    editor, second_editor, policy, texts, model, lang
):
    """The second editor saved a draft the first had published meanwhile: a bare «access
    denied» page, their changes gone unexplained."""
    from consent.core.texts import policy_publish, text_publish

    draft = draft_of(model, policy)
    url = f"/admin/consent/{model}/{draft.pk}/change/"
    second = opened(second_editor, url)
    (policy_publish if model == "policyversion" else text_publish)(draft)
    second_editor.cookies["django_language"] = lang
    page = second_editor.post(url, {**second, **CHANGES[model][1]}, follow=True)
    assert page.status_code == 200 and PUBLISHED_MEANWHILE[lang] in page.text
    stored = type(draft).objects.get(pk=draft.pk)
    assert stored.is_published and stored.sha256_kk == draft.sha256_kk


HISTORY = {
    "kk": ("Күшіне ену күні", "Үлгі мәтін (қазақ тілінде)", "Тақырып (орыс тілінде)"),
    "ru": ("Дата вступления в\xa0силу", "Шаблон (на казахском)", "Заголовок (на русском)"),
}


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_drafts_history_names_the_fields_changed_in_the_editors_language(editor, v2, lang):
    """History said «Изменено: Effective date, Template (Kazakh) и Template (Russian)»: Django
    stores the labels untranslated and looks them up as written, which no catalogue has. A row
    stored before (capitalised) is read the same way."""
    from django.contrib.admin.models import CHANGE, LogEntry
    from django.contrib.auth import get_user_model
    from django.contrib.contenttypes.models import ContentType

    url = f"/admin/consent/policyversion/{v2.pk}/change/"
    data = opened(editor, url)
    data.update(effective_date="2026-12-08", template_kk=data["template_kk"] + "\nҚосымша.")
    assert editor.post(url, data).status_code == 302
    LogEntry.objects.create(
        user=get_user_model().objects.get(username="carol"),
        content_type=ContentType.objects.get_for_model(v2),
        object_id=str(v2.pk), object_repr="2", action_flag=CHANGE,
        change_message='[{"changed": {"fields": ["Title (Russian)"]}}]',
    )  # fmt: skip
    editor.cookies["django_language"] = lang
    page = editor.get(f"/admin/consent/policyversion/{v2.pk}/history/")
    assert page.status_code == 200
    assert all(name in page.text for name in HISTORY[lang])
    assert not any(word in page.text for word in ("Effective", "Template", "Title", "Kazakh"))


NEVER = {
    "kk": ("2-нұсқа, жоспарланған күшіне ену күні", "Бұл нұсқа қолданылмайды",
           "3-нұсқа</a> алмастырды"),
    "ru": ("Версия 2, планировавшаяся дата", "Эта версия не применяется", "версия 3</a>."),
}  # fmt: skip
IN_EFFECT_FROM = {"kk": "2-нұсқа, күшіне ену күні", "ru": "Версия 2, дата вступления в\xa0силу"}


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("correction_date", [date(2026, 12, 8), date(2026, 12, 9)])
def test_a_version_corrected_before_its_date_is_never_said_to_be_in_effect(
    v2, texts, client, time_machine, settings, correction_date, lang
):
    """Version 2 announced for the 8th; the editor found a typo and published version 3, its
    correction, for the same day. Version 2's page read «in effect from 8 December» and, from
    then, «no longer in effect», of a version that never applied. A correction dated later
    leaves version 2 in effect until then, and its page says so."""
    from consent.core.texts import policy_publish

    settings.OPERATOR = {**settings.OPERATOR, **ADDRESS}
    v2.effective_date = date(2026, 12, 8)
    v2.save()
    policy_publish(v2, reconsent=[MARKETING])
    v3 = PolicyVersion.objects.create(
        number=3, effective_date=correction_date, title_kk=v2.title_kk, title_ru=v2.title_ru,
        template_kk=v2.template_kk.replace("Жалпы ережелер", "Жалпы ереже"),
        template_ru=v2.template_ru, changes_kk="Қате түзетілді.", changes_ru="Опечатка исправлена.",
    )  # fmt: skip
    policy_publish(v3, reconsent=[MARKETING])
    never = correction_date == v2.effective_date
    for moment in ("2026-12-07 23:30+05:00", "2026-12-08 00:30+05:00", "2026-12-09 00:30+05:00"):
        time_machine.move_to(moment, tick=False)
        cache.clear()  # the shared page cache: each moment reads the page afresh
        page = as_written(client.get(f"/{lang}/privacy/2/").text)
        assert all(words in page for words in NEVER[lang]) == never, moment
        assert (IN_EFFECT_FROM[lang] in page) != never, moment
