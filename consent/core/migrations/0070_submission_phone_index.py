from django.db import migrations, models
from django.db.models.fields.json import KeyTransform

from consent.common.schema import AddIndexConcurrently


class Migration(migrations.Migration):
    # Built concurrently (consent.common.schema): every form ever sent is a row here, and a plain
    # CREATE INDEX would stop the forms while it reads them all.
    atomic = False

    dependencies = [
        ("consent", "0069_staff_texts_direction_closed"),
    ]

    operations = [
        AddIndexConcurrently(
            model_name="submission",
            index=models.Index(KeyTransform("phone", "data"), name="submission_phone"),
        ),
    ]
