"""Words for the two rights the web form offers and a letter did not reach (compliance L7, L8).

An emailed objection to a decision made by automated means only (Art. 19-1, answered in three
working days) and a request to be told to whom one's data was passed (Art. 19(1), ten) opened
"other", due in fifteen: past the law's day before an officer re-typed it. A question («Вы
принимаете автоматизированные решения?») or a negation («Я не против…») still asks nothing
(sentences, asked_whether). Each note in the row's language (0021)."""

from django.db import migrations

PHRASES = [
    ("automated_objection", "Против автоматизированного решения", "ru",
     "«возражаю против автоматизированного решения»; «не против» — не возражение"),
    ("automated_objection", "Против автоматизированной обработки", "ru",
     "«я против автоматизированной обработки моих данных»"),
    ("automated_objection", "Автоматтандырылған шешімге қарсы", "kk",
     "«автоматтандырылған шешімге қарсылық білдіремін»"),
    ("automated_objection", "Автоматтандырылған өңдеуге қарсы", "kk",
     "«автоматтандырылған өңдеуге қарсымын»; «қарсы емеспін» — қарсылық емес"),
    ("transfer_notice", "Кому переданы мои данные", "ru",
     "«прошу сообщить, кому переданы мои данные»; вопрос «Кому переданы…?» — вопрос"),
    ("transfer_notice", "Кому передаются мои данные", "ru",
     "«сообщите, кому передаются мои данные»"),
    ("transfer_notice", "Кімге берілгенін хабарлаңыз", "kk",
     "«деректерімнің кімге берілгенін хабарлаңыз»"),
]  # fmt: skip


def seed(apps, schema_editor):
    IntakePhrase = apps.get_model("rights", "IntakePhrase")
    for kind, phrase, language, note in PHRASES:
        IntakePhrase.objects.get_or_create(
            phrase=phrase, defaults={"type": kind, "language": language, "note": note}
        )


class Migration(migrations.Migration):
    dependencies = [
        ("rights", "0041_letters_as_written_phrases"),
    ]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
