"""The name's key without a bound: a letter may become three when compared (casefolded «ΐ»),
and 600 characters refused a 300-letter name. varchar to text rewrites no row in PostgreSQL."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("consent", "0035_subject_name_key"),
    ]

    operations = [
        migrations.AlterField(
            model_name="subject",
            name="name_key",
            field=models.TextField(blank=True, default="", editable=False),
        ),
    ]
