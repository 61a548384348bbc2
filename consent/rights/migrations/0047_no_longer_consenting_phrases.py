"""A consent no longer given, said in the person's own words (compliance L7, L14): «Согласие
больше не даю», «Больше не согласна на обработку моих данных», «Согласие … более не действует»,
«Бұдан былай келісім бермеймін», «Келісімім енді жоқ» opened "other" for an officer, nothing
withdrawn. Each is a withdrawal of every consent unless its object names one. Their twins stay
none: the past («раньше не давала согласия», «келісім бермегенмін») is another verb, a question
asks. «Больше» is a function word (spelling.py), so «Согласие не даю» reads the same. Each note
in the row's language (0021)."""

from django.db import migrations

PHRASES = [
    ("Больше не даю согласие", "ru",
     "также «согласие больше не даю», «согласие на обработку данных не даю»"),
    ("Согласие более не даю", "ru", "также «более не даю согласия»"),
    ("Не согласна на обработку данных", "ru",
     "также «больше не согласна на обработку моих данных»"),
    ("Не согласен на обработку данных", "ru",
     "также «больше не согласен на обработку персональных данных»"),
    ("Согласие более не действует", "ru",
     "«моё согласие на обработку данных более не действует»"),
    ("Бұдан былай келісім бермеймін", "kk", "сондай-ақ «бұдан былай келісімімді бермеймін»"),
    ("Енді келісім бермеймін", "kk", "сондай-ақ «келісімімді енді бермеймін»"),
    ("Келісімім енді жоқ", "kk", "«менің келісімім енді жоқ»"),
]  # fmt: skip


def seed(apps, schema_editor):
    IntakePhrase = apps.get_model("rights", "IntakePhrase")
    for phrase, language, note in PHRASES:
        IntakePhrase.objects.get_or_create(
            phrase=phrase, defaults={"type": "withdraw", "language": language, "note": note}
        )


class Migration(migrations.Migration):
    dependencies = [
        ("rights", "0046_set_aside_senders"),
    ]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
