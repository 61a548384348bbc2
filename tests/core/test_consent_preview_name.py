"""A content editor previews a consent text in the admin before publishing it. The preview
showed the name's placeholder itself, «Мен, {full_name}, …», an English word in the middle of
the Kazakh and Russian words, where the public form shows «[осы формадағы аты-жөніңіз]»: the
preview differed from what visitors are shown. It now shows the name as the form does, in each
preview's own language whatever the admin's."""

import pytest

from consent.core.models import ConsentText
from consent.core.purposes import MARKETING
from consent.core.texts import text_publish

FORM_NAME = {"kk": "Мен, [осы формадағы аты-жөніңіз], дербес",
             "ru": "Я, [ваше ФИО из этой формы], даю"}  # fmt: skip


@pytest.mark.parametrize("admin_language", ["kk", "ru"])
@pytest.mark.parametrize("published", [False, True])
def test_the_preview_names_the_person_as_the_form_does(
    content_editor_client, texts, policy, visitor, admin_language, published
):
    draft = ConsentText.objects.create(purpose=MARKETING, version=2, policy=policy)
    if published:
        text_publish(draft)
    content_editor_client.cookies["django_language"] = admin_language
    page = content_editor_client.get(f"/admin/consent/consenttext/{draft.pk}/change/").text
    assert "{full_name}" not in page
    assert FORM_NAME["kk"] in page and FORM_NAME["ru"] in page
    # The same words the newsletter form shows its visitors under the box.
    for language in ("kk", "ru"):
        assert FORM_NAME[language] in visitor.get(f"/{language}/newsletter/").text
