"""The policy sends its reader to a page of the site by the name that page carries: version 2's
draft said to use the page «Ваши данные: запросы» / «Деректеріңіз: өтініштер», the footer's old
words for the request page, and a visitor looking for them on the site found no such page."""

import html
import importlib
import re

import pytest
from django.apps import apps

from consent.core.models import PolicyVersion
from consent.core.texts import policy_publish
from tests.core.test_policy_v2 import v2  # noqa: F401 (the draft, with the operator's address)

NAMED = {
    "kk": re.compile(r"сайттағы «([^»]+)» беті"),
    "ru": re.compile(r"страницу сайта «([^»]+)»"),
}
LINK = re.compile(r'<a href="(/[^"#]*)"[^>]*>(.*?)</a>', re.S)


def _text(fragment):
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", fragment)).split())


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_page_the_policy_names_is_one_a_visitor_finds_under_that_name(v2, client, lang):  # noqa: F811
    policy_publish(v2)
    page = client.get(f"/{lang}/privacy/2/").content.decode()
    named = NAMED[lang].findall(_text(page))
    assert named, "the policy names the page a request is sent from"
    links = {_text(text): href for href, text in LINK.findall(page)}
    for name in named:
        assert name in links, (name, sorted(links))  # a link on the policy's page says it
        opened = client.get(links[name]).content.decode()
        assert _text(re.search(r"<h1[^>]*>(.*?)</h1>", opened, re.S)[1]) == name


@pytest.mark.django_db
def test_a_draft_naming_the_old_words_is_given_the_pages_name():
    migration = importlib.import_module("consent.core.migrations.0060_policy_draft_request_page")
    draft = PolicyVersion.objects.get(number=2)
    for language, old in migration.OLD.items():
        field = f"template_{language}"
        setattr(draft, field, getattr(draft, field).replace("«{{request_page}}»", old))
    draft.save()
    migration.forwards(apps, None)
    draft.refresh_from_db()
    for language, old in migration.OLD.items():
        template = getattr(draft, f"template_{language}")
        assert old not in template and "«{{request_page}}»" in template
