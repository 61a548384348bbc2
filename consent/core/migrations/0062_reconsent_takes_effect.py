"""The help of «requires consent again» said earlier consents stop counting once the text is
published; they stop once it takes effect (gate.texts_asking_again), its policy version's
effective date come. Help text only: nothing in the database changes."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("consent", "0061_policy_draft_request_page"),
    ]

    operations = [
        migrations.AlterField(
            model_name="consenttext",
            name="requires_reconsent",
            field=models.BooleanField(
                default=False,
                help_text=(
                    "Consents given to earlier versions stop counting once this takes effect: "
                    "when it is published and its policy version's effective date has come."
                ),
                verbose_name="requires consent again",
            ),
        ),
    ]
