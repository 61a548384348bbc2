"""The English ways of asking for mail to stop beside «stop sending me emails» (0030): «Please
stop emailing me», «Please don't email me anymore», «Do not send me any more emails» each opened
"other", fifteen working days for an officer and a confirmation link, while «Не присылайте мне
письма» and «Маған хат жібермеңіз» stop the news as they arrive. The «not» is the phrase's own,
as «не» is in «Не присылайте письма» (0029): «Why do you not email me?», «I did not ask you to
stop emailing me» name nothing. Marked Kazakh as 0030's rows, for the same reason; each note in
Kazakh, the row's language (0021)."""

from django.db import migrations

PHRASES = [
    ("unsubscribe", "Stop emailing", "ағылшынша: «please stop emailing me»"),
    ("unsubscribe", "Do not email", "ағылшынша: «please do not email me anymore»"),
    ("unsubscribe", "Do not send emails", "ағылшынша: «do not send me any more emails»"),
    ("unsubscribe", "Don't email", "ағылшынша: «please don't email me»"),
    ("unsubscribe", "Don't send emails", "ағылшынша: «don't send me emails anymore»"),
]  # fmt: skip


def seed(apps, schema_editor):
    IntakePhrase = apps.get_model("rights", "IntakePhrase")
    for kind, phrase, note in PHRASES:
        IntakePhrase.objects.get_or_create(
            phrase=phrase, defaults={"type": kind, "language": "kk", "note": note}
        )


class Migration(migrations.Migration):

    dependencies = [
        ("rights", "0030_english_phrases"),
    ]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
