"""More of the English ways people write (compliance L7): «Delete my account please» and «Please
remove my email from your list» opened "other", fifteen working days for an officer, while
their Russian and Kazakh twins («Удалите мой аккаунт», 0043; «Remove me from your mailing list»,
0030) open their request. Marked Kazakh, as the English rows of 0030 are; each note in Kazakh,
the row's language (0021)."""

from django.db import migrations

PHRASES = [
    ("destroy", "Delete account", "ағылшынша: «delete my account»"),
    ("unsubscribe", "Remove from list", "ағылшынша: «please remove my email from your list»"),
]  # fmt: skip


def seed(apps, schema_editor):
    IntakePhrase = apps.get_model("rights", "IntakePhrase")
    for kind, phrase, note in PHRASES:
        IntakePhrase.objects.get_or_create(
            phrase=phrase, defaults={"type": kind, "language": "kk", "note": note}
        )


class Migration(migrations.Migration):
    dependencies = [
        ("rights", "0052_cancelled_consent_phrases"),
    ]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
