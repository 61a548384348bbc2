"""A draft policy names the request page by the title its page carries ({{request_page}}).

Version 2's draft (0021) named it «Деректеріңіз: өтініштер» / «Ваши данные: запросы», the
footer's old words for it: no page or link on the site says that now. A published version keeps
its words (they are frozen with their digest); a draft not yet published is given the placeholder.
"""

from django.db import migrations

OLD = {"kk": "«Деректеріңіз: өтініштер»", "ru": "«Ваши данные: запросы»"}
NEW = "«{{request_page}}»"


def rename(apps, before, after):
    PolicyVersion = apps.get_model("consent", "PolicyVersion")
    for draft in PolicyVersion.objects.filter(published_at=None):
        for language in OLD:
            field = f"template_{language}"
            text = getattr(draft, field)
            setattr(draft, field, text.replace(before(language), after(language)))
        draft.save(update_fields=["template_kk", "template_ru"])


def forwards(apps, schema_editor):
    rename(apps, OLD.get, lambda language: NEW)


def backwards(apps, schema_editor):
    rename(apps, lambda language: NEW, OLD.get)


class Migration(migrations.Migration):
    dependencies = [("consent", "0060_rekey_names_accents")]

    operations = [migrations.RunPython(forwards, backwards)]
