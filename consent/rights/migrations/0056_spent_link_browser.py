"""A spent self-service link keeps a keyed digest of the CSRF cookie of the browser that spent
it (consent/rights/links_spent.py): a double tap, or two tabs of one mail, pressed its button
twice before the first press's session reached the browser, and the second was told «this link
was used». The database's default keeps the code before it inserting (README, step 9)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("rights", "0055_turned_off_news_phrases"),
    ]

    operations = [
        migrations.AddField(
            model_name="usedlink",
            name="browser",
            field=models.CharField(
                blank=True, db_default="", default="", editable=False, max_length=64
            ),
        ),
    ]
