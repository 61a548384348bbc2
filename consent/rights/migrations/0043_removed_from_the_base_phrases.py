"""Words for a person asking to be removed altogether (compliance L7, L11): «Удалите меня из
базы», «Уберите меня из вашей базы», «Мені базадан өшіріңіз», «Удалите мой аккаунт» opened
"other", due in fifteen working days before an officer re-typed them. The phrases name the act
and the place, not what is removed («меня», «мені» are function words): when the letter names
an item of the record as what is removed («удалите из базы мой номер»), it is that item's
correction (items.item_instead), as it was before these rows. Each note in the row's language
(0021)."""

from django.db import migrations

PHRASES = [
    ("destroy", "Удалить из базы", "ru",
     "«удалите меня из базы»; «удалите из базы мой номер» — исправление номера"),
    ("destroy", "Уберите из базы", "ru", "«уберите меня из вашей базы»; «убрать» — иная основа"),
    ("destroy", "Исключить из базы", "ru", "«исключите меня из базы»"),
    ("destroy", "Удалить аккаунт", "ru", "«удалите мой аккаунт»"),
    ("destroy", "Удалить учетную запись", "ru", "«удалите мою учётную запись»"),
    ("destroy", "Базадан өшіру", "kk",
     "«мені базадан өшіріңіз»; «базадан телефонымды өшіріңіз» — нөмірді түзету"),
    ("destroy", "Базаңыздан өшіру", "kk", "«мені базаңыздан өшіріңіз»"),
    ("destroy", "Базадан жою", "kk", "«мені базадан жойыңыз»"),
    ("destroy", "Базаңыздан жою", "kk", "«мені базаңыздан жойыңыз»"),
    ("destroy", "Аккаунтты жою", "kk", "«менің аккаунтымды жойыңыз»"),
    ("destroy", "Аккаунтты өшіру", "kk", "«аккаунтымды өшіріңіз»"),
]  # fmt: skip


def seed(apps, schema_editor):
    IntakePhrase = apps.get_model("rights", "IntakePhrase")
    for kind, phrase, language, note in PHRASES:
        IntakePhrase.objects.get_or_create(
            phrase=phrase, defaults={"type": kind, "language": language, "note": note}
        )


class Migration(migrations.Migration):
    dependencies = [
        ("rights", "0042_objection_and_transfer_phrases"),
    ]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
