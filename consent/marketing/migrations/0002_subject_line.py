from django.db import migrations


class Migration(migrations.Migration):
    """An email's subject line is called so, never "subject" beside a data subject."""

    dependencies = [("marketing", "0001_initial")]

    operations = [
        migrations.RenameField("campaign", "subject_kk", "subject_line_kk"),
        migrations.RenameField("campaign", "subject_ru", "subject_line_ru"),
    ]
