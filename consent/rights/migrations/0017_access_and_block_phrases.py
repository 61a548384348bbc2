"""The ways people ask by email to see their data and to have its processing blocked, in Kazakh
and Russian, and the forms of a destruction and an unsubscribe that 0009 and the variants left
out: such a letter opened "other", due in fifteen working days, where the law gives an access
answer three (compliance L10) and a block one (Art. 25(2)(8)). Each waits for the confirmation
link like any request but a withdrawal or an unsubscribe; each word also matches its other
endings (consent/rights/phrases.py)."""

from django.db import migrations

PHRASES = [
    ("access", "Деректерге қол жеткізу", "kk", "also «дербес деректеріме қол жеткізуді сұраймын»"),
    ("access", "Деректердің көшірмесі", "kk", "also «деректерімнің көшірмесін жіберіңіз»"),
    ("access", "Деректер туралы мәліметтерді беру",
     "kk", "also «дербес деректерім туралы мәліметтерді беруіңізді сұраймын»"),
    ("access", "Доступ к данным", "ru", "also «доступ к моим персональным данным»"),
    ("access", "Копия данных", "ru", "also «пришлите копию моих данных»"),
    ("access", "Предоставить сведения о данных",
     "ru", "also «прошу предоставить сведения о моих персональных данных»"),
    # «Предоставьте данные для оплаты» asks no access: the phrase names the person's data.
    ("access", "Предоставить персональные данные",
     "ru", "also «предоставьте мои персональные данные»"),
    ("block", "Деректерді бұғаттау", "kk", "also «дербес деректерімді бұғаттауыңызды сұраймын»"),
    ("block", "Заблокировать данные", "ru", "also «заблокируйте мои персональные данные»"),
    ("block", "Блокирование данных", "ru", "also «блокировка персональных данных»"),
    ("destroy", "Мәліметтерді өшіру", "kk", "also «мәліметтерімді өшіріңіз»"),
    ("unsubscribe", "Тізімнен шығару", "kk", "also «мені тізімнен шығарыңыз»"),
    ("unsubscribe", "Не присылайте рекламу", "ru", "also «больше не присылайте мне рекламу»"),
]  # fmt: skip


def seed(apps, schema_editor):
    IntakePhrase = apps.get_model("rights", "IntakePhrase")
    for kind, phrase, language, note in PHRASES:
        IntakePhrase.objects.get_or_create(
            phrase=phrase, defaults={"type": kind, "language": language, "note": note}
        )


class Migration(migrations.Migration):

    dependencies = [
        ("rights", "0016_type_names_in_the_operators_voice"),
    ]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
