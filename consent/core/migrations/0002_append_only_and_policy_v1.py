from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from django.db import migrations

SEED = Path(__file__).resolve().parent.parent / "seed"


def install_sql(apps, schema_editor):
    from consent.core import sql

    sql.install(schema_editor, ["consent_ledgerentry", "consent_auditevent", "consent_tombstone"])


def publish_policy_v1(apps, schema_editor):
    """Version 1 is the operator's policy as written (kk) with its Russian translation."""
    PolicyVersion = apps.get_model("consent", "PolicyVersion")
    text_kk = (SEED / "privacy-policy-kk.txt").read_text(encoding="utf-8")
    text_ru = (SEED / "privacy-policy-ru.txt").read_text(encoding="utf-8")
    PolicyVersion.objects.get_or_create(
        number=1,
        defaults={
            "effective_date": date(2026, 11, 25),
            "title_kk": text_kk.splitlines()[0].strip(),
            "title_ru": text_ru.splitlines()[0].strip(),
            "text_kk": text_kk,
            "text_ru": text_ru,
            # Published as it took effect, its first day's start in Almaty: not when a database
            # is made, so a fresh one (a test's, a demo's) holds it in force from that day on.
            "published_at": datetime(2026, 11, 25, tzinfo=ZoneInfo("Asia/Almaty")),
        },
    )


class Migration(migrations.Migration):
    dependencies = [("consent", "0001_initial")]

    operations = [
        migrations.RunPython(install_sql, migrations.RunPython.noop),
        migrations.RunPython(publish_policy_v1, migrations.RunPython.noop),
    ]
