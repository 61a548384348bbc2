from django.db import migrations, models


class Migration(migrations.Migration):
    """Page.clean() requires a title and a text in both languages (compliance L24); the titles'
    own "required" check would say it twice. Nothing changes in the database."""

    dependencies = [("emalu", "0001_initial")]

    operations = [
        migrations.AlterField(
            model_name="page",
            name="title_kk",
            field=models.CharField(blank=True, max_length=200, verbose_name="title (Kazakh)"),
        ),
        migrations.AlterField(
            model_name="page",
            name="title_ru",
            field=models.CharField(blank=True, max_length=200, verbose_name="title (Russian)"),
        ),
    ]
