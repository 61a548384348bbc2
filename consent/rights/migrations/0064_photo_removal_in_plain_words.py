"""A letter asking to delete the writer's photo without naming where it stands opened "other",
due in fifteen working days: «Удалите мою фотографию», «Суретімді өшіріңіз», where «Удалите мою
фотографию с сайта» asks to remove a publication, due in one (Art. 6; 0035, 0063). The site
keeps the photos people send with its forms and shows them; a person asking for theirs to be
deleted asks what «…с сайта» asks, whichever verb («удалить», «убрать»; «өшіру», «жою», «алып
тастау») and whichever word for a photo («фото», «фотография»; «сурет», «фото»). Each note in the
row's language (0021)."""

from django.db import migrations

from . import _phrases

PHRASES = [
    ("publication_removal", "Удалить фотографию", "ru", "также «удалите мою фотографию»"),
    ("publication_removal", "Убрать фотографию", "ru", "также «прошу убрать мои фотографии»"),
    # «фото» is too short a word for «фотографию»'s stem (phrases.same_word): rows of its own.
    ("publication_removal", "Удалить фото", "ru", "также «удалите, пожалуйста, мои фото»"),
    ("publication_removal", "Убрать фото", "ru", "также «прошу убрать моё фото»"),
    # «уберите» shares too little with «убрать» to be read as it: the imperative too (as 0035).
    ("publication_removal", "Уберите фотографию", "ru", "также «уберите мои фотографии»"),
    ("publication_removal", "Уберите фото", "ru", "также «уберите, пожалуйста, моё фото»"),
    ("publication_removal", "Суретті өшіру", "kk", "сондай-ақ «суретімді өшіріңіз»"),
    ("publication_removal", "Суретті жою", "kk", "сондай-ақ «менің суреттерімді жойыңыз»"),
    ("publication_removal", "Суретті алып тастау", "kk", "сондай-ақ «суретімді алып тастаңыз»"),
    ("publication_removal", "Фотоны өшіру", "kk", "сондай-ақ «фотомды өшіріп тастаңыз»"),
    ("publication_removal", "Фотоны жою", "kk", "сондай-ақ «фотосуретімді жойыңыз»"),
]  # fmt: skip


def seed(apps, schema_editor):
    _phrases.seed(apps, PHRASES)  # none an officer keeps already, in any spelling


def unseed(apps, schema_editor):
    _phrases.unseed(apps, PHRASES)


class Migration(migrations.Migration):
    dependencies = [
        ("rights", "0063_unread_rights_in_plain_words"),
    ]

    operations = [migrations.RunPython(seed, unseed)]
