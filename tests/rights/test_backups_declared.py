"""The nightly backups hold every purpose's data (docs/deploy/backups.md), for BACKUP_KEEP_DAYS
after each night, also past a correction, a term's end or a destruction. Where data is kept and
for how long is what the register of processing (Art. 25(2)(1)), the access answer (Art.
24(1)(1), 25(2)(6): the storage periods) and the policy page (Art. 12(2)) say: each named the
database's place and the purposes' terms alone, and only the letter confirming a destruction
mentioned the copies (compliance L10, L17, L18)."""

import importlib
import json
import re
import subprocess
from html import unescape

import pytest
from django.apps import apps

from consent.core.models import PolicyVersion
from consent.core.texts import policy_publish
from tests.core.test_documents import download, published
from tests.core.test_policy_v2 import v2  # noqa: F401 (the draft, with the operator's address)
from tests.rights.test_selfservice import open_page
from tests.site.language import as_written

# Its policy versions are dated ahead of fixed days of December 2026: the clock starts on the
# suite's day (tests/isolation.py), not on the real date, which will pass them.
pytestmark = pytest.mark.usefixtures("time_machine")

# What each says of the copies, as a reader finds it: where, and the days, counted.
SAID = {
    "kk": {
        56: ["Дерекқордың шифрланған сақтық көшірмелері", "Қазақстан", "56 күн өткенде жойылады"],
        21: ["Дерекқордың шифрланған сақтық көшірмелері", "Қазақстан", "21 күн өткенде жойылады"],
    },
    "ru": {
        56: ["Резервные копии базы данных", "Республика Казахстан", "удаляется через 56 дней"],
        21: ["Резервные копии базы данных", "Республика Казахстан", "удаляется через 21 день"],
    },
}


def plain(text):
    return " ".join(unescape(text).replace("\xa0", " ").split())


@pytest.fixture(params=[56, 21])
def keep_days(request, settings):
    settings.BACKUP_KEEP_DAYS = request.param
    return request.param


@pytest.mark.requires_tool("pdftotext", apt="poppler-utils")
@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_register_names_the_backups_where_and_how_long(privacy_officer_client, keep_days, lang):
    text = plain(download(privacy_officer_client, published(privacy_officer_client, "register"),
                          lang))  # fmt: skip
    heading = {"kk": "Дерекқордың сақтық көшірмелері", "ru": "Резервные копии базы данных"}
    assert heading[lang] in text
    assert SAID[lang][keep_days][2].split(" ", 1)[1] in text  # the term, counted


@pytest.mark.requires_tool("pdftotext", apt="poppler-utils")
@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_access_answer_says_the_backups_keep_the_data_and_how_long(
    client, person, keep_days, tmp_path, lang
):
    open_page(client, lang)
    answer = json.loads(client.post(f"/{lang}/my-data/export/", {"format": "json"}).content)
    for words in SAID[lang][keep_days]:
        assert words in plain(answer["backups"]), words

    pdf = client.post(f"/{lang}/my-data/export/", {"format": "pdf"})
    (tmp_path / "export.pdf").write_bytes(pdf.content)
    text = subprocess.run(["pdftotext", tmp_path / "export.pdf", "-"],
                          capture_output=True, text=True, check=True).stdout  # fmt: skip
    for words in SAID[lang][keep_days]:
        assert words in plain(text), words


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_policy_page_says_where_the_backups_are_and_how_long(client, db, keep_days, lang):
    html = as_written(client.get(f"/{lang}/privacy/").content.decode())
    page = plain(re.sub(r"<[^>]+>", "", html))
    for words in SAID[lang][keep_days]:
        assert words in page, words


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_policy_drafted_for_the_lawyer_says_it_too(v2, client, keep_days, lang):  # noqa: F811
    """Version 2's draft named the database's place (Art. 12(2)), not the copies."""
    policy_publish(v2)
    page = client.get(f"/{lang}/privacy/2/").content.decode()
    body = plain(re.sub(r"<[^>]+>", "", page.split('<aside class="operator-details"')[0]))
    for words in SAID[lang][keep_days]:
        assert words in body, words


@pytest.mark.django_db
def test_a_draft_written_before_is_given_the_line():
    migration = importlib.import_module("consent.core.migrations.0063_policy_draft_backups")
    draft = PolicyVersion.objects.get(number=2)
    for language in ("kk", "ru"):
        field = f"template_{language}"
        setattr(draft, field, getattr(draft, field).replace(migration.LINE + "\n", ""))
    draft.save()
    migration.add(apps, None)
    migration.add(apps, None)  # run again, nothing more
    draft.refresh_from_db()
    for language in ("kk", "ru"):
        lines = getattr(draft, f"template_{language}").split("\n")
        at = next(n for n, line in enumerate(lines) if "{{data_location}}" in line)
        assert lines[at + 1] == migration.LINE and lines.count(migration.LINE) == 1
