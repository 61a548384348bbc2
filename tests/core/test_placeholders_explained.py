"""A content editor, neither lawyer nor programmer, reads the policy's admin in Kazakh or Russian:
beside each placeholder a template may hold, what fills it in and from where (it listed the bare
names, «{{ data_location }}», and left «{{ request_page }}» out), and on the publish page what
publishing does, in plain words (it said the version is «frozen with its hash», «хешімен бірге
бекітіледі», with no word of what a hash is or why it matters)."""

import re

import pytest

from consent.core.models import ConsentText, PolicyVersion
from consent.core.policydoc import policy_context, unknown_placeholders
from consent.core.purposes import MARKETING
from tests.texts import texts_publish

pytestmark = pytest.mark.usefixtures("time_machine")

CYRILLIC = re.compile("[а-яәіңғүұқөһ]", re.IGNORECASE)
ENGLISH = re.compile(r"\b(the|from|by|of|and|each|is|set)\b", re.IGNORECASE)


@pytest.fixture
def editor(content_editor_client):
    return content_editor_client


def accepted_placeholders() -> list[str]:
    """Every name the code fills in that publishing takes in a template (policydoc)."""
    return [n for n in policy_context("kk", 2) if not unknown_placeholders(f"{{{{ {n} }}}}")]


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_each_placeholder_is_explained_beside_it_in_the_editors_language(editor, db, lang):
    editor.cookies["django_language"] = lang
    names = accepted_placeholders()
    assert {"data_location", "purposes", "request_page"} <= set(names)
    v2 = PolicyVersion.objects.get(number=2)
    for url in (
        "/admin/consent/policyversion/add/",
        f"/admin/consent/policyversion/{v2.pk}/change/",
    ):
        page = editor.get(url).content.decode()
        for name in names:
            said = re.findall(rf"<li><code>{{{{ {name} }}}}</code> — ([^<]+)</li>", page)
            assert len(said) == 2, (name, url)  # under the Kazakh and the Russian template
            for words in said:
                plain = re.sub(r"\([A-Z_]+\)", "", words)  # the setting's name stays as it is
                assert CYRILLIC.search(plain) and not ENGLISH.search(plain), (name, words)


def test_a_fact_is_said_to_come_from_the_servers_settings_in_the_templates_language(editor, db):
    """The Kazakh template's name is filled from OPERATOR_NAME_KK, the Russian one's from _RU."""
    editor.cookies["django_language"] = "ru"
    page = editor.get("/admin/consent/policyversion/add/").content.decode()
    assert "OPERATOR_NAME_KK" in page and "OPERATOR_NAME_RU" in page
    assert "окружении сервера" in page


PLAIN = {
    "kk": ("біржола бекітіледі", "дәлелдеуге болады", "жаңа нұсқа жазыңыз"),
    "ru": ("навсегда", "доказать", "напишите новую версию"),
}


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_publish_page_says_in_plain_words_what_publishing_does(editor, db, lang):
    editor.cookies["django_language"] = lang
    v2 = PolicyVersion.objects.get(number=2)
    page = editor.get(f"/admin/consent/policyversion/{v2.pk}/publish/").content.decode()
    assert all(words in page for words in PLAIN[lang])
    assert "хеш" not in page.lower() and "hash" not in page.lower()


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_consent_texts_draft_says_it_too_and_a_published_one_not(editor, policy, lang):
    """A consent text is published from its list, with no page of its own to say it: its
    draft's page says what publishing will do; a published one's says it is kept as published."""
    editor.cookies["django_language"] = lang
    published = texts_publish(policy)[MARKETING]
    draft = ConsentText.objects.create(purpose=MARKETING, version=2, policy=policy)
    for url in (
        "/admin/consent/consenttext/add/",
        f"/admin/consent/consenttext/{draft.pk}/change/",
    ):
        page = editor.get(url).content.decode()
        assert all(words in page for words in PLAIN[lang]), url
    page = editor.get(f"/admin/consent/consenttext/{published.pk}/change/").content.decode()
    assert PLAIN[lang][0] not in page
