# Photos and the outbox's attachments stored before the database kept them (issue 19) are moved
# from this host's MEDIA_ROOT into consent_storedfile, as they are (ciphertext), and removed
# from the disk once the migration commits. Run `migrate` on the host that holds the files; a
# file left on another host is moved by `manage.py move_files_to_database` there.

from django.conf import settings
from django.db import migrations

from consent.core.files import move_into_database


def move(apps, schema_editor):
    names = []
    names += apps.get_model("consent", "Subject").objects.values_list("photo", flat=True)
    names += apps.get_model("consent", "Submission").objects.values_list("photo", flat=True)
    names += apps.get_model("post_office", "Attachment").objects.values_list("file", flat=True)
    move_into_database(apps.get_model("consent", "StoredFile"), settings.MEDIA_ROOT, names)


class Migration(migrations.Migration):

    dependencies = [
        ("consent", "0021_files_and_job_runs"),
        ("post_office", "0014_alter_email_recipient_delivery_status_and_more"),
    ]

    operations = [migrations.RunPython(move, migrations.RunPython.noop)]
