"""The phrase table's seeded notes are in the phrase's own language: the officer reading the
table in Kazakh or Russian saw «also «…»» and «the privacy policy's own phrase»; a note an
officer has edited is left as they wrote it."""

import importlib
import re

import pytest
from django.apps import apps

from consent.rights.models import IntakePhrase

NOTES = importlib.import_module("consent.rights.migrations.0021_phrase_notes_in_their_language")
# A word in Latin letters outside the «…» that quote what people write.
ENGLISH = re.compile(r"[A-Za-z]{2,}")


def unquoted(note):
    return re.sub(r"«[^»]*»", "", note)


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_phrase_list_shows_no_english_note(privacy_officer_client, lang):
    privacy_officer_client.cookies["django_language"] = lang
    page = privacy_officer_client.get("/admin/rights/intakephrase/", {"language": lang})
    assert page.status_code == 200
    notes = list(IntakePhrase.objects.exclude(note="").values_list("note", flat=True))
    assert len(notes) > 50
    assert [n for n in notes if ENGLISH.search(unquoted(n))] == []
    html = page.content.decode()
    assert "also «" not in html and "the privacy policy" not in html
    shown = "Дербес деректерді өңдеу саясатының" if lang == "kk" else "фраза из самой Политики"
    assert shown in html


def test_a_note_an_officer_edited_is_left_as_written(db):
    edited = IntakePhrase.objects.get(phrase="Отписаться")
    edited.note = "проверено на письмах за ноябрь"
    edited.save()
    seeded = IntakePhrase.objects.get(phrase="Отписка")
    seeded.note = "also «отписываюсь»"  # as the table held it before the migration
    seeded.save()
    NOTES.translate(apps, None)
    assert IntakePhrase.objects.get(phrase="Отписаться").note == "проверено на письмах за ноябрь"
    assert IntakePhrase.objects.get(phrase="Отписка").note == "также «отписываюсь»"
