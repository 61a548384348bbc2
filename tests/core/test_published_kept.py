"""A content editor comes to a published consent text or policy version to fix a typo. The
page showed the words with no field to type in and said nothing, so the editor took it for a
missing permission: it now says, in their language, that a published text is kept as it was
and how a mistake in it is corrected, with a button that writes a new draft as it was."""

import pytest
from django.utils import translation

from consent.common.dates import local_today
from consent.core.admin.drafts import published_kept
from consent.core.models import ConsentText, PolicyVersion
from consent.core.purposes import MARKETING
from consent.core.texts import current_text, policy_publish, text_publish
from tests.core.test_documents import published
from tests.core.test_editor_mistakes import editor as editor  # the content editor, on a Monday
from tests.core.test_editor_mistakes import monday as monday
from tests.core.test_editor_mistakes import said
from tests.core.test_policy_admin import v2 as v2  # version 2, the seeded draft
from tests.staff import form_as_shown

TYPO = {"kk": "Жаңалықтар айына бір рет жібериледі: https://emaluplus-vko.kz/ ұ ө ү ғ қ ң һ і ә",
        "ru": "Новости рассылаются раз в месяц: <b>https://emaluplus-vko.kz/</b> ёё"}  # fmt: skip
DRAFTED = "This new draft is written as the published one was: correct it here and publish it."
CORRECTED = "Жаңалықтар айына бір рет жіберіледі: https://emaluplus-vko.kz/ ұ ө ү ғ қ ң һ і ә"


def kept_note(row, lang):
    with translation.override(lang):
        return str(published_kept(row)), translation.gettext("Write a corrected draft")


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_editor_is_told_why_a_published_text_is_not_edited_and_corrects_it(
    editor, texts, policy, lang
):
    typo = ConsentText.objects.create(purpose=MARKETING, version=2, policy=policy,
                                      other_kk=TYPO["kk"], other_ru=TYPO["ru"])  # fmt: skip
    text_publish(typo)
    words = typo.body_kk
    editor.cookies["django_language"] = lang
    page = editor.get(f"/admin/consent/consenttext/{typo.pk}/change/")
    note, link = kept_note(typo, lang)
    assert page.status_code == 200 and note in page.text and link in page.text
    assert 'name="other_kk"' not in page.text  # nothing on it to type in

    # Its button makes a draft written as the published text was: the typo alone to correct.
    draft = editor.post(page.context["redraft_url"], follow=True)
    assert draft.status_code == 200 and said(draft, lang, DRAFTED)
    shown = form_as_shown(draft)
    assert shown["purpose"] == MARKETING and int(shown["policy"]) == policy.pk
    assert (shown["other_kk"], shown["other_ru"]) == (TYPO["kk"], TYPO["ru"])
    saved = editor.post(draft.request["PATH_INFO"], {**shown, "other_kk": CORRECTED})
    assert saved.status_code == 302
    fixed = ConsentText.objects.get(purpose=MARKETING, published_at__isnull=True)
    text_publish(fixed, actor=None)
    assert current_text(MARKETING).pk == fixed.pk and fixed.version == 3
    assert CORRECTED in fixed.body_kk and TYPO["ru"] in fixed.body_ru
    assert ConsentText.objects.get(pk=typo.pk).body_kk == words  # the published one as it was


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_published_policy_version_is_corrected_in_a_draft_of_its_whole_text(editor, policy, lang):
    """Version 1's text is some 30,000 characters: no address carries it to the add form."""
    PolicyVersion.objects.filter(number=2).delete()  # the seeded draft, not the editor's
    editor.cookies["django_language"] = lang
    page = editor.get(f"/admin/consent/policyversion/{policy.pk}/change/")
    note, link = kept_note(policy, lang)
    assert page.status_code == 200 and note in page.text and link in page.text
    draft = editor.post(page.context["redraft_url"], follow=True)
    assert draft.status_code == 200 and said(draft, lang, DRAFTED)
    made = PolicyVersion.objects.get(published_at__isnull=True)
    assert (made.number, made.text_ru, made.title_kk) == (2, policy.text_ru, policy.title_kk)
    assert made.effective_date == local_today() and not made.changes_ru
    assert editor.get(page.context["redraft_url"]).status_code == 405  # a GET makes nothing


def test_a_draft_says_nothing_of_it(editor, policy):
    draft = PolicyVersion.objects.get(number=2)
    assert not draft.is_published
    page = editor.get(f"/admin/consent/policyversion/{draft.pk}/change/")
    assert page.status_code == 200 and "published_kept" not in page.context


def test_the_officer_who_only_reads_texts_is_offered_no_draft(privacy_officer_client, texts):
    text = texts[MARKETING]
    page = privacy_officer_client.get(f"/admin/consent/consenttext/{text.pk}/change/")
    assert page.status_code == 200
    assert kept_note(text, "kk")[0] in page.text and page.context["redraft_url"] is None
    refused = privacy_officer_client.post(f"/admin/consent/consenttext/{text.pk}/redraft/")
    assert refused.status_code == 403 and not ConsentText.objects.filter(published_at=None)


def test_a_draft_is_not_redrafted(editor, policy):
    draft = PolicyVersion.objects.get(number=2)
    assert editor.post(f"/admin/consent/policyversion/{draft.pk}/redraft/").status_code == 404


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_published_document_says_it_is_the_record_of_what_was_stated(
    privacy_officer_client, texts, lang
):
    """No one consents to the list of data or the register: the officer is told it is kept as
    the record of what the operator stated, and «write a corrected draft» opens a new one."""
    document = published(privacy_officer_client, "register")
    privacy_officer_client.cookies["django_language"] = lang
    page = privacy_officer_client.get(f"/admin/consent/operatordocument/{document.pk}/change/")
    note, link = kept_note(document, lang)
    assert note in page.text and link in page.text
    assert note != kept_note(texts[MARKETING], lang)[0]
    made = privacy_officer_client.post(page.context["redraft_url"])
    assert made["Location"] == "/admin/consent/operatordocument/add/"


def test_a_text_corrected_after_a_later_version_cites_the_latest(editor, v2, texts):
    """A text of version 1 corrected once version 2 is out: its draft cites version 2, the only
    version a text may be published on, where copying its own refused it at publication."""
    policy_publish(v2, reconsent=[MARKETING])
    old = texts[MARKETING]
    editor.post(f"/admin/consent/consenttext/{old.pk}/redraft/")
    draft = ConsentText.objects.get(purpose=MARKETING, published_at=None)
    assert draft.policy_id == v2.pk
    text_publish(draft)


def test_a_second_press_opens_the_draft_the_first_one_wrote(editor, texts, policy):
    """The button pressed twice (a double click, a slow page) wrote two drafts as the published
    text was, numbered 3 and 4: the editor corrected one, and the other, the typo in it, waited
    among the drafts for a colleague to publish it. The second press opens the first's draft."""
    typo = ConsentText.objects.create(purpose=MARKETING, version=2, policy=policy,
                                      other_kk=TYPO["kk"], other_ru=TYPO["ru"])  # fmt: skip
    text_publish(typo)
    redraft = f"/admin/consent/consenttext/{typo.pk}/redraft/"
    first, second = editor.post(redraft), editor.post(redraft)
    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"]
    assert ConsentText.objects.filter(purpose=MARKETING, published_at__isnull=True).count() == 1
