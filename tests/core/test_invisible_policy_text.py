"""A policy version or a consent text is published only when written in both languages, «only
spaces is none». A zero-width space is none either: pasted into the Russian title (or what
changed, or a consent text's other information), it was read as written, and the version went
out with a Russian page titled with nothing, or saying nothing of what changed."""

import pytest

from consent.core.models import ConsentText, PolicyVersion
from consent.core.purposes import MARKETING
from tests.core.test_editor_mistakes import ONE_LANGUAGE, editor, monday, publish_text, said
from tests.core.test_policy_admin import v2 as v2  # the same draft (a fixture)

editor, monday = editor, monday  # fixtures
BOTH = "A policy version needs its title and text in both languages."
OTHER = "the other information in both languages"
INVISIBLE = "\u200b\u2060"


@pytest.mark.parametrize(
    ("field", "msgid"),
    [("title_ru", BOTH), ("title_kk", BOTH), ("changes_ru", ONE_LANGUAGE)],
)
@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_policy_field_of_invisible_characters_is_not_written(editor, v2, texts, field, msgid,
                                                               lang):  # fmt: skip
    setattr(v2, field, INVISIBLE)
    v2.save()
    editor.cookies["django_language"] = lang
    page = editor.post(f"/admin/consent/policyversion/{v2.pk}/publish/",
                       {"reconsent": [MARKETING]}, follow=True)  # fmt: skip
    assert said(page, lang, msgid)
    assert not PolicyVersion.objects.get(pk=v2.pk).is_published


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_other_information_of_invisible_characters_is_not_written(editor, texts, lang):
    editor.cookies["django_language"] = lang
    policy = texts[MARKETING].policy
    page, text = publish_text(editor, policy, other_kk="Қосымша ақпарат.", other_ru=INVISIBLE)
    assert said(page, lang, OTHER) and not text.is_published
    assert ConsentText.objects.filter(purpose=MARKETING, published_at=None).exists()
