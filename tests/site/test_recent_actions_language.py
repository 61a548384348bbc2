"""The admin index's «Recent actions» names each row in the staff member's language: the log
keeps a row's name in the language it was written in, so an editor who published a consent
text with the admin in Russian read «Новости и специальные предложения, версия 2» among the
Kazakh words of the index once they switched it to Kazakh."""

import re

import pytest
from django.utils import translation

from consent.core.models import ConsentText
from consent.core.purposes import MARKETING
from tests.core.test_editor_mistakes import editor as editor  # the content editor, on a Monday
from tests.core.test_editor_mistakes import monday as monday

RECENT = re.compile(r'<div class="module" id="recent-actions-module">(.*?)</div>', re.S)


@pytest.mark.parametrize(("written", "read"), [("ru", "kk"), ("kk", "ru")])
def test_a_row_is_named_in_the_language_the_index_is_read_in(editor, texts, policy, written,
                                                             read):  # fmt: skip
    editor.cookies["django_language"] = written
    added = editor.post("/admin/consent/consenttext/add/", {"purpose": MARKETING,
                                                           "policy": policy.pk})  # fmt: skip
    assert added.status_code == 302
    draft = ConsentText.objects.get(purpose=MARKETING, published_at=None)
    editor.cookies["django_language"] = read
    recent = RECENT.search(editor.get("/admin/").text)[1]
    with translation.override(read):
        assert f"{draft}</a>" in recent
    with translation.override(written):
        assert str(draft) not in recent


def test_a_row_deleted_since_keeps_the_name_it_was_logged_under(editor, texts, policy):
    editor.cookies["django_language"] = "ru"
    editor.post("/admin/consent/consenttext/add/", {"purpose": MARKETING, "policy": policy.pk})
    draft = ConsentText.objects.get(purpose=MARKETING, published_at=None)
    with translation.override("ru"):
        logged = str(draft)
    deleted = editor.post(f"/admin/consent/consenttext/{draft.pk}/delete/", {"post": "yes"})
    assert deleted.status_code == 302
    editor.cookies["django_language"] = "kk"
    assert logged in RECENT.search(editor.get("/admin/").text)[1]
