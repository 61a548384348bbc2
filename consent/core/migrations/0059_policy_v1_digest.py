"""Policy version 1 gets the SHA-256 of the words it was published with (compliance L4).

Migration 0002 published version 1 from the operator's text before digests were kept, so
digests.policy_intact() had nothing to check it against: words altered in the database by
someone bypassing the trigger would have gone unnoticed, in the evidence of every consent given
to them. The digest is taken of the seed files 0002 published, not of the row as it is now, so a
row already altered is named by the check (emalu checks, the evidence) instead of being blessed.
"""

import hashlib
from pathlib import Path

from django.db import migrations

SEED = Path(__file__).resolve().parent.parent / "seed"
TRIGGER = "consent_policyversion_frozen"


def digest(name: str) -> str:
    return hashlib.sha256((SEED / name).read_text(encoding="utf-8").encode()).hexdigest()


def fill_digests(apps, schema_editor):
    PolicyVersion = apps.get_model("consent", "PolicyVersion")
    first = PolicyVersion.objects.filter(number=1, sha256_kk="", sha256_ru="").exclude(
        published_at=None
    )
    if not first.exists():
        return
    postgresql = schema_editor.connection.vendor == "postgresql"
    # The trigger refuses any change to a published row, for every role; the owner, who runs
    # migrations, lifts it for this one statement inside the migration's transaction.
    if postgresql:
        schema_editor.execute(f"ALTER TABLE consent_policyversion DISABLE TRIGGER {TRIGGER}")
    first.update(
        sha256_kk=digest("privacy-policy-kk.txt"), sha256_ru=digest("privacy-policy-ru.txt")
    )
    if postgresql:
        schema_editor.execute(f"ALTER TABLE consent_policyversion ENABLE TRIGGER {TRIGGER}")


class Migration(migrations.Migration):
    dependencies = [("consent", "0058_staff_sessions_end")]

    operations = [migrations.RunPython(fill_digests, migrations.RunPython.noop)]
