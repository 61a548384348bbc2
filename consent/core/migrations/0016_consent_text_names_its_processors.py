from django.db import migrations, models


class Migration(migrations.Migration):
    """A consent text keeps the processors abroad it named when published (compliance L2):
    a cross-border transfer needs consent to a text that names its processor. Texts published
    before hold an empty list, so they cover no transfer until a new version is published.
    Adding the column rewrites no row, so the trigger on published texts is not involved."""

    dependencies = [("consent", "0015_destroy_is_the_whole_operation")]

    operations = [
        migrations.AddField(
            model_name="consenttext",
            name="processors",
            field=models.JSONField(
                blank=True, default=list, editable=False, verbose_name="processors abroad named"
            ),
        ),
    ]
