"""A draft policy says where the backups of the database are kept and for how long ({{backups}}).

Version 2's draft (0021) named the database's place (Art. 12(2)) and nothing of the nightly
copies, which hold every purpose's data for BACKUP_KEEP_DAYS more. A published version keeps its
words (they are frozen with their digest); a draft not yet published is given the line, after
the one naming the database's place.
"""

from django.db import migrations

LINE = "- {{backups}}"


def add(apps, schema_editor):
    PolicyVersion = apps.get_model("consent", "PolicyVersion")
    for draft in PolicyVersion.objects.filter(published_at=None):
        for field in ("template_kk", "template_ru"):
            lines = getattr(draft, field).split("\n")
            if LINE in lines:
                continue
            at = next((n for n, line in enumerate(lines) if "{{data_location}}" in line), None)
            if at is not None:
                lines.insert(at + 1, LINE)
                setattr(draft, field, "\n".join(lines))
        draft.save(update_fields=["template_kk", "template_ru"])


def remove(apps, schema_editor):
    PolicyVersion = apps.get_model("consent", "PolicyVersion")
    for draft in PolicyVersion.objects.filter(published_at=None):
        for field in ("template_kk", "template_ru"):
            lines = getattr(draft, field).split("\n")
            setattr(draft, field, "\n".join(line for line in lines if line != LINE))
        draft.save(update_fields=["template_kk", "template_ru"])


class Migration(migrations.Migration):
    dependencies = [("consent", "0062_reconsent_takes_effect")]

    operations = [migrations.RunPython(add, remove)]
