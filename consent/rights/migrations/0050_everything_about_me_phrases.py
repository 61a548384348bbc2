"""Everything about the writer named as the data to delete (compliance L7, L13): «Удалите всё,
что у вас есть обо мне», «Сотрите всю информацию обо мне», «Мен туралы бәрін жойыңыз» went to
an officer as "other", the object no data noun. What is about the writer is their data; «всё»
and «бәрін» alone are not («удалите всё лишнее из письма»): the phrase needs «обо мне» or
«мен туралы». Each note in the row's language (0021)."""

from django.db import migrations

PHRASES = [
    ("destroy", "Удалить всё обо мне", "ru",
     "также «удалите всё, что у вас есть обо мне»; «удалите всё» без «обо мне» — не запрос"),
    ("destroy", "Стереть всё обо мне", "ru", "также «стереть всю информацию обо мне»"),
    ("destroy", "Сотрите всё обо мне", "ru", "также «сотрите всю информацию обо мне»"),
    ("destroy", "Уничтожить всё обо мне", "ru", "также «уничтожьте всё, что знаете обо мне»"),
    ("destroy", "Мен туралы бәрін жою", "kk",
     "сондай-ақ «мен туралы бәрін жойыңыз»; «мен туралы» жоқ «бәрін жойыңыз» — өтініш емес"),
    ("destroy", "Мен туралы бәрін өшіру", "kk", "сондай-ақ «мен туралы бәрін өшіріңіз»"),
    ("destroy", "Мен туралы барлығын жою", "kk", "сондай-ақ «мен туралы барлығын жойыңыз»"),
    ("destroy", "Мен туралы барлығын өшіру", "kk", "сондай-ақ «мен туралы барлығын өшіріңіз»"),
]  # fmt: skip


def seed(apps, schema_editor):
    IntakePhrase = apps.get_model("rights", "IntakePhrase")
    for kind, phrase, language, note in PHRASES:
        IntakePhrase.objects.get_or_create(
            phrase=phrase, defaults={"type": kind, "language": language, "note": note}
        )


class Migration(migrations.Migration):
    dependencies = [
        ("rights", "0049_ticket_status_filed_repeats"),
    ]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
