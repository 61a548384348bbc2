"""The policy defines blocking as «дербес деректерді өңдеуді уақытша тоқтату» (section 2), as Art.
1(3) of Law 94-V does («временное прекращение»): a letter asking it in those words,
«Деректерімді өңдеуді уақытша тоқтатыңыз», opened a withdrawal, in force as it arrived and ending
in destruction, and «Приостановите обработку моих данных» opened "other", fifteen working days
where a block is due in one. A request to supplement one's data (Art. 13, 24(1)(2): «изменение и
дополнение»), «Прошу дополнить мои персональные данные», «Деректерімді толықтыруды сұраймын»,
opened "other" too. Each note in the row's language (0021)."""

from django.db import migrations

PHRASES = [
    ("block", "Өңдеуді уақытша тоқтату", "kk",
     "саясаттың бұғаттау анықтамасы: «деректерімді өңдеуді уақытша тоқтатыңыз»"),
    ("block", "Деректерді өңдеуді уақытша тоқтату", "kk",
     "сондай-ақ «дербес деректерімді өңдеуді уақытша тоқтатуыңызды сұраймын»"),
    ("block", "Приостановить обработку", "ru", "также «приостановите обработку моих данных»"),
    ("block", "Приостановление обработки", "ru", "также «прошу о приостановлении обработки»"),
    ("correct", "Дополнить данные", "ru", "также «прошу дополнить мои персональные данные»"),
    ("correct", "Деректерді толықтыру", "kk", "сондай-ақ «деректерімді толықтыруды сұраймын»"),
]  # fmt: skip


def seed(apps, schema_editor):
    IntakePhrase = apps.get_model("rights", "IntakePhrase")
    for kind, phrase, language, note in PHRASES:
        IntakePhrase.objects.get_or_create(
            phrase=phrase, defaults={"type": kind, "language": language, "note": note}
        )


class Migration(migrations.Migration):
    dependencies = [
        ("rights", "0036_more_stop_and_erase_phrases"),
    ]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
