"""Phrases the word order and the negation rules need (compliance L7, L15).

«Прошу больше не писать мне», «Прошу не писать мне больше» opened "other" while «Больше не
пишите мне» (0038) stops the news: «прошу» and «больше» are function words, and «не писать» was
left out of 0038 because «Я не могу писать вам…» would read as a stop. It is a phrase now:
sentences.unurged keeps it to a «не» right before the verb, in a clause that asks it («прошу»,
«просьба», «больше»).

«Блокировку данных не снимайте» asks to keep a block, and opened one: «снимайте», «снимать» (the
form a negation takes) matched no unblock phrase, so the block phrase «блокировку данных» was
left to name it. With «Снимать блокировку» and Kazakh «Бұғаттауды алу» («бұғаттауды алмаңыз»),
the unblock named only to deny it claims its words (phrases.find_each). Each note in the row's
language (0021)."""

from django.db import migrations

PHRASES = [
    ("unsubscribe", "Не писать", "ru",
     "только после «прошу», «просьба» или со словом «больше»: «прошу больше не писать мне»"),
    ("unblock", "Снимать блокировку", "ru", "также «снимайте блокировку»; «не снимайте» — не снятие"),
    ("unblock", "Бұғаттауды алу", "kk", "«бұғаттауды алыңыз»; «алмаңыз» — бұғаттауды сақтау"),
]  # fmt: skip


def seed(apps, schema_editor):
    IntakePhrase = apps.get_model("rights", "IntakePhrase")
    for kind, phrase, language, note in PHRASES:
        IntakePhrase.objects.get_or_create(
            phrase=phrase, defaults={"type": kind, "language": language, "note": note}
        )


class Migration(migrations.Migration):
    dependencies = [
        ("rights", "0038_stop_writing_and_english_corrections"),
    ]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
