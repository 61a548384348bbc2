"""A phrase 0057–0059 added beside an officer's row of it in another spelling («не обрабатывайте
данные», taken out of use or narrowed to the news) is taken out again, the officer's row kept
(compliance L7; _phrases.py): the seed compared the text exactly, and the second row went on
withdrawing every consent while the admin refused to save either."""

import importlib

from django.db import migrations

from . import _phrases

SEEDED = ("0057_processing_forbidden_phrases", "0058_russian_nouns_in_kazakh_phrases",
          "0059_list_and_writing_russian_phrases")  # fmt: skip


def unduplicate(apps, schema_editor):
    for name in SEEDED:
        module = importlib.import_module(f"{__package__}.{name}")
        _phrases.unduplicate(apps, module.PHRASES)


class Migration(migrations.Migration):
    dependencies = [
        ("rights", "0059_list_and_writing_russian_phrases"),
    ]

    operations = [migrations.RunPython(unduplicate, migrations.RunPython.noop)]
