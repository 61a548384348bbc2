"""The desk's search keys again (consent.core.names), now that an accent without a letter of its
own (a stress mark, «Ка́сымова») is dropped instead of splitting the word: a name stored so is
found by «Касымова». The names themselves are kept as they were stored."""

from importlib import import_module

from django.db import migrations

rekey = import_module("consent.core.migrations.0048_phone_rekey_names").rekey


class Migration(migrations.Migration):
    dependencies = [
        ("consent", "0059_policy_v1_digest"),
    ]

    operations = [migrations.RunPython(rekey, migrations.RunPython.noop, elidable=False)]
