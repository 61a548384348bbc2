"""A letter asking to take down data published about the writer opened "other", due in fifteen
working days, where Art. 6 of Law 94-V gives one: «Мои данные опубликованы на вашем сайте без
согласия, удалите публикацию», «фотомды сайттан алып тастаңыз». The web form takes the type; the
intake knew no words for it. Each note in the row's language (0021)."""

from django.db import migrations

PHRASES = [
    ("Удалить публикацию", "ru", "также «удалите публикацию с моими данными»"),
    ("Снять публикацию", "ru", "также «снимите публикацию моих данных»"),
    ("Опубликованы без согласия", "ru", "также «мои данные опубликованы без моего согласия»"),
    ("Убрать фотографию с сайта", "ru", "также «прошу убрать моё фото с сайта»"),
    ("Уберите фотографию с сайта", "ru", "также «уберите моё фото с сайта»"),
    ("Жарияланымды алып тастау", "kk", "сондай-ақ «деректерім бар жарияланымды алып тастаңыз»"),
    ("Келісімсіз жарияланған", "kk", "сондай-ақ «деректерім келісімімсіз жарияланған»"),
    ("Фотоны сайттан алып тастау", "kk", "сондай-ақ «фотомды сайттан алып тастаңыз»"),
    ("Суретті сайттан алып тастау", "kk", "сондай-ақ «суретімді сайттан алып тастаңыз»"),
]  # fmt: skip


def seed(apps, schema_editor):
    IntakePhrase = apps.get_model("rights", "IntakePhrase")
    for phrase, language, note in PHRASES:
        IntakePhrase.objects.get_or_create(
            phrase=phrase,
            defaults={"type": "publication_removal", "language": language, "note": note},
        )


class Migration(migrations.Migration):
    dependencies = [
        ("rights", "0034_unblock_phrases"),
    ]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
