"""The content editor's mistakes in a new policy version or consent text, met in the admin: a
placeholder written wrongly, or typed where nothing fills it in, and a consent text on a version
a later one replaces. Each is refused in the editor's language and nothing is published."""

import pytest
from django.utils import translation

from consent.common.dates import local_midnight
from consent.core.models import ConsentText, PolicyVersion
from consent.core.purposes import MARKETING
from consent.core.texts import current_text, policy_publish, render_consent, text_publish
from tests.core.test_policy_admin import ADDRESS
from tests.core.test_policy_admin import v2 as v2  # the same draft (a fixture)

PUBLISHED = {"kk": "Жарияланды", "ru": "Опубликовано"}
# Two hands typing {{ operator_name }}, and a version without a template.
REFUSED = (
    "This policy version cannot be published: a placeholder is written wrongly or is not filled "
    "in here: %(fragments)s. A placeholder is written {{ name }}, in the template fields only."
)
CITES_AN_OLDER = (
    "A consent text is published on the latest privacy policy version, %(latest)s; this one "
    "cites version %(cited)s. Choose version %(latest)s."
)
ONE_LANGUAGE = (
    "What changed since the previous version is written in one language only: write it in both, "
    "or leave both empty."
)
TYPOS = ["{{operator_name}", "{ bin }}", "{{ operator name }}", "{{operator-name}}"]


@pytest.fixture
def monday(time_machine):
    time_machine.move_to("2026-12-07 10:00+05:00")


@pytest.fixture
def editor(monday, content_editor_client, settings):
    settings.OPERATOR = {**settings.OPERATOR, **ADDRESS}
    return content_editor_client


def publish_action(editor, model, draft):
    """The changelist's «Publish the selected drafts» on `draft`: the page it leads back to."""
    action = {"action": "publish", "_selected_action": [draft.pk]}
    return editor.post(f"/admin/consent/{model}/", action, follow=True)


def said(page, lang, msgid):
    """Whether the page says `msgid` in `lang`, up to its first placeholder."""
    with translation.override(lang):
        return translation.gettext(msgid).split("%")[0] in page.text


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("typo", TYPOS)
def test_a_mistyped_placeholder_is_refused_not_published_as_typed(editor, v2, texts, typo, lang):
    v2.template_ru += f"\nОператор: {typo}."
    v2.save()
    editor.cookies["django_language"] = lang
    page = editor.post(f"/admin/consent/policyversion/{v2.pk}/publish/",
                       {"reconsent": [MARKETING]}, follow=True)  # fmt: skip
    assert said(page, lang, REFUSED)
    assert typo in page.content.decode()
    v2.refresh_from_db()
    assert not v2.is_published and not v2.text_ru
    assert current_text(MARKETING, v2.published_at).policy.number == 1


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_placeholder_no_fact_fills_in_is_shown_where_typed_and_refused(editor, v2, texts, lang):
    """«{{ operator_nam }}», well formed but naming nothing: the draft's «compare» was a 500
    (the filling-in raised on the name), and its preview showed no text at all, only the name."""
    v2.template_kk += "\nОператор: {{ operator_nam }}."
    v2.save()
    editor.cookies["django_language"] = lang
    for url in (f"/admin/consent/policyversion/{v2.pk}/diff/?against=1",
                f"/admin/consent/policyversion/{v2.pk}/change/"):  # fmt: skip
        page = editor.get(url)
        assert page.status_code == 200
        assert "Оператор: {{ operator_nam }}." in page.content.decode()
    assert said(editor.get(f"/admin/consent/policyversion/{v2.pk}/change/"), lang,
                "unknown placeholders: %(names)s")  # fmt: skip
    page = editor.post(f"/admin/consent/policyversion/{v2.pk}/publish/",
                       {"reconsent": [MARKETING]}, follow=True)  # fmt: skip
    assert "operator_nam" in page.content.decode()
    assert not PolicyVersion.objects.get(pk=v2.pk).is_published


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_placeholder_typed_in_a_version_without_a_template_is_refused(editor, texts, lang):
    editor.cookies["django_language"] = lang
    editor.post("/admin/consent/policyversion/add/", {
        "effective_date": "2026-12-10", "title_kk": "Саясат", "title_ru": "Политика",
        "text_kk": "Оператор: {{ operator_name }}.", "text_ru": "Оператор: ТОО.",
        "template_kk": "", "template_ru": "", "changes_kk": "", "changes_ru": "",
    })  # fmt: skip
    draft = PolicyVersion.objects.get(published_at__isnull=True, title_kk="Саясат")
    page = publish_action(editor, "policyversion", draft)
    assert said(page, lang, REFUSED)
    assert not said(page, lang, "Published: %(n)d.")
    assert not PolicyVersion.objects.get(pk=draft.pk).is_published


def publish_text(editor, policy, other_kk="", other_ru=""):
    editor.post("/admin/consent/consenttext/add/", {
        "purpose": MARKETING, "policy": policy.pk, "other_kk": other_kk, "other_ru": other_ru,
    })  # fmt: skip
    draft = ConsentText.objects.get(purpose=MARKETING, published_at__isnull=True)
    page = publish_action(editor, "consenttext", draft)
    return page, ConsentText.objects.get(pk=draft.pk)


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_text_on_a_version_a_later_one_replaces_is_refused(editor, v2, texts, lang):
    """Published on version 1 once version 2 (asking marketing consent again) was out, the text
    took version 2's place on the forms from its date: citing version 1, asking nothing again."""
    editor.post(f"/admin/consent/policyversion/{v2.pk}/publish/", {"reconsent": [MARKETING]})
    editor.cookies["django_language"] = lang
    page, text = publish_text(editor, PolicyVersion.objects.get(number=1))
    assert not text.is_published
    with translation.override(lang):
        assert translation.gettext(CITES_AN_OLDER) % {"latest": 2, "cited": 1} in page.text
    in_effect = local_midnight(v2.effective_date)
    shown = current_text(MARKETING, in_effect)
    assert shown.policy == v2 and shown.requires_reconsent
    # Chosen again on version 2, the same draft is published, to take effect with it.
    editor.post(f"/admin/consent/consenttext/{text.pk}/change/", {
        "purpose": MARKETING, "policy": v2.pk, "other_kk": "", "other_ru": "",
    })  # fmt: skip
    page = publish_action(editor, "consenttext", text)
    text.refresh_from_db()
    assert text.is_published and PUBLISHED[lang] in page.text
    assert current_text(MARKETING, in_effect) == text
    assert current_text(MARKETING).policy.number == 1  # until version 2's date


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_mistyped_name_in_the_other_information_is_refused(editor, texts, policy, lang):
    editor.cookies["django_language"] = lang
    page, text = publish_text(editor, policy, "{fullname} келіседі.", "{fullname} согласен.")
    assert not text.is_published
    assert "«{fullname}»" in page.text
    assert said(page, lang, "the other information without unfilled placeholders (%(fragments)s)")
    text.other_kk, text.other_ru = "{full_name} келіседі.", "{full_name} согласен."
    text.save()
    page = publish_action(editor, "consenttext", text)
    text.refresh_from_db()
    assert text.is_published
    assert "Асель Н. келіседі." in render_consent(text, "kk", full_name="Асель Н.")


ALREADY = (
    "It was published already, on %(when)s (by another staff member, or by a second click); it "
    "is published once, as it was then."
)


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_two_editors_publishing_one_version_at_once(editor, v2, texts, monkeypatch, lang):
    """The second editor's page read the draft before the first one's publication ended: the
    database refused to rewrite the frozen row, and the second editor got a server error."""
    from consent.core.admin import published

    def read_then_the_other_publishes(model, **lookup):
        draft = get_object_or_404(model, **lookup)
        policy_publish(model.objects.get(pk=draft.pk), reconsent=[MARKETING])
        return draft

    get_object_or_404 = published.get_object_or_404
    monkeypatch.setattr(published, "get_object_or_404", read_then_the_other_publishes)
    editor.cookies["django_language"] = lang
    page = editor.post(f"/admin/consent/policyversion/{v2.pk}/publish/",
                       {"reconsent": [MARKETING]}, follow=True)  # fmt: skip
    assert page.status_code == 200 and said(page, lang, ALREADY)
    assert PolicyVersion.objects.filter(published_at__isnull=False).count() == 2
    assert ConsentText.objects.filter(policy=v2, purpose=MARKETING).count() == 1


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_two_editors_publishing_one_consent_text_at_once(editor, texts, policy, monkeypatch, lang):
    from consent.core.admin.published import ConsentTextAdmin

    def the_other_publishes_first(text, actor=None):
        text_publish(ConsentText.objects.get(pk=text.pk))
        return text_publish(text, actor=actor)

    monkeypatch.setattr(ConsentTextAdmin, "publish_function", the_other_publishes_first)
    editor.cookies["django_language"] = lang
    page, text = publish_text(editor, policy)
    assert page.status_code == 200 and said(page, lang, ALREADY)
    assert not said(page, lang, "Published: %(n)d.")
    assert text.is_published and text.version == texts[MARKETING].version + 1


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_what_changed_written_in_one_language_only_is_refused(editor, v2, texts, client, lang):
    """Published so, the Russian page of version 2 said nothing of what had changed."""
    v2.changes_ru = "   "
    v2.save()
    editor.cookies["django_language"] = lang
    page = editor.post(f"/admin/consent/policyversion/{v2.pk}/publish/",
                       {"reconsent": [MARKETING]}, follow=True)  # fmt: skip
    assert said(page, lang, ONE_LANGUAGE)
    assert not PolicyVersion.objects.get(pk=v2.pk).is_published
    v2.changes_ru = "Политика написана заново."
    v2.save()
    editor.post(f"/admin/consent/policyversion/{v2.pk}/publish/", {"reconsent": [MARKETING]})
    assert "Политика написана заново." in client.get("/ru/privacy/2/").text


def test_the_editor_deletes_a_mistaken_draft_and_never_a_published_version(editor, v2, texts):
    """A draft made by mistake stayed in the list for good: the content editor could not
    delete one. Now a draft goes; a published version or text stays, deleted from its page or
    with the list's action (the database refuses it whoever asks)."""
    published = PolicyVersion.objects.get(number=1)
    text = ConsentText.objects.filter(published_at__isnull=False).first()
    for model, row in (("policyversion", published), ("consenttext", text)):
        single = editor.post(f"/admin/consent/{model}/{row.pk}/delete/", {"post": "yes"})
        bulk = {"action": "delete_selected", "_selected_action": [row.pk], "post": "yes"}
        # refused back on its page, saying why (tests/site/test_edited_at_once.py), or the
        # list's confirmation page naming what stops it; never done
        assert single.status_code == 302 and single.url.endswith(f"/{row.pk}/change/")
        assert editor.post(f"/admin/consent/{model}/", bulk).status_code in (200, 403)
        assert type(row).objects.filter(pk=row.pk).exists()

    response = editor.post(f"/admin/consent/policyversion/{v2.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert not PolicyVersion.objects.filter(pk=v2.pk).exists()
