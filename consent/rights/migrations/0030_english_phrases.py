"""The ways people ask in English, as some in Kazakhstan write to a company: «Please delete my
personal data», «I withdraw my consent», «Stop sending me emails», «Remove me from your mailing
list» each opened "other", due in fifteen working days, with nothing to tell the officer which
right it asked for. Marked Kazakh, as «Unsubscribe» (0003) is, since a row has a language of
ours; a phrase in Latin letters tells no language (intake.active_phrases): the letter's own
words, then the sender's known language, decide the answer's. A negation in English («do not»,
«don't», «never») withholds them as «не» does (spelling.BLOCKERS, sentences.NEGATIONS). Each
note in Kazakh, the row's language (0021)."""

from django.db import migrations

PHRASES = [
    ("destroy", "Delete data", "ағылшынша: «please delete my personal data»"),
    ("destroy", "Erase data", "ағылшынша: «erase my data»"),
    ("withdraw", "Withdraw consent", "ағылшынша: «I withdraw my consent»"),
    ("unsubscribe", "Stop sending emails", "ағылшынша: «stop sending me emails»"),
    ("unsubscribe", "Remove from mailing list", "ағылшынша: «remove me from your mailing list»"),
    ("access", "Copy of data", "ағылшынша: «send me a copy of my data»"),
]  # fmt: skip


def seed(apps, schema_editor):
    IntakePhrase = apps.get_model("rights", "IntakePhrase")
    for kind, phrase, note in PHRASES:
        IntakePhrase.objects.get_or_create(
            phrase=phrase, defaults={"type": kind, "language": "kk", "note": note}
        )


class Migration(migrations.Migration):

    dependencies = [
        ("rights", "0029_mail_not_sent_phrases"),
    ]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
