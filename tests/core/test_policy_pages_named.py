"""A reader finds what the policy points to. It sends its reader to a page of the site by the
name that page carries: version 2's draft said to use the page «Ваши данные: запросы» /
«Деректеріңіз: өтініштер», the footer's old words for the request page, and a visitor looking
for them on the site found no such page. Its sections are listed at the top, each a link to its
heading: the rights were section 6 of 10, 6,300 px down a 360 px phone's page, with no way to
them but scrolling."""

import html
import importlib
import re

import pytest
from django.apps import apps

from consent.core.models import PolicyVersion
from consent.core.texts import policy_publish
from tests.core.test_policy_v2 import v2  # noqa: F401 (the draft, with the operator's address)

# Its policy versions are dated ahead of fixed days of December 2026: the clock starts on the
# suite's day (tests/isolation.py), not on the real date, which will pass them.
pytestmark = pytest.mark.usefixtures("time_machine")

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
    migration = importlib.import_module("consent.core.migrations.0061_policy_draft_request_page")
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


RIGHTS = {"kk": "субъектісінің құқықтары", "ru": "Права субъекта"}
CONTENTS = re.compile(r'<nav class="policy-contents".*?</nav>', re.S)


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_contents_lead_to_every_section_and_the_rights_among_them(v2, client, lang):  # noqa: F811
    policy_publish(v2)
    for address in (f"/{lang}/privacy/", f"/{lang}/privacy/2/"):  # versions 1 and 2
        page = client.get(address).content.decode()
        links = re.findall(r'<a href="#([^"]+)">(.*?)</a>', CONTENTS.search(page)[0], re.S)
        headings = re.findall(r'<h2 id="(section-\d+)">(.*?)</h2>', page, re.S)
        assert [(a, _text(t)) for a, t in links] == [(a, _text(t)) for a, t in headings]
        assert len(headings) >= 8, address
    assert any(RIGHTS[lang] in _text(text) for _anchor, text in links)  # version 2 has them
