"""The ways people ask by email to destroy their data, in Kazakh and Russian: such a letter
opened "other", due in fifteen working days, where the law gives a destruction one (Art.
25(2)(8)). It waits for the confirmation link like any request but a withdrawal or an
unsubscribe; each word also matches its other endings, and Latin-script spellings («meniñ
derekterimdi joiyñyz», «udalite moi dannye») read as these (consent/rights/translit.py)."""

from django.db import migrations

D = "destroy"
PHRASES = [
    ("Деректерді жою", "kk", "also «деректерімді жойыңыз», «дербес деректерімді жоюды сұраймын»"),
    ("Мәліметтерді жою", "kk", "also «мәліметтерімді жойыңыз»"),
    ("Деректерді өшіру", "kk", "also «деректерімді өшіріңіз»"),
    ("Удалить данные", "ru", "also «удалите мои персональные данные»"),
    ("Удаление данных", "ru", "also «удаление персональных данных»"),
    ("Уничтожение данных", "ru", "also «уничтожьте мои данные», «уничтожить персональные данные»"),
]


def seed(apps, schema_editor):
    IntakePhrase = apps.get_model("rights", "IntakePhrase")
    for phrase, language, note in PHRASES:
        IntakePhrase.objects.get_or_create(
            phrase=phrase, defaults={"type": D, "language": language, "note": note}
        )


class Migration(migrations.Migration):

    dependencies = [
        ("rights", "0008_usedlink_name"),
    ]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
