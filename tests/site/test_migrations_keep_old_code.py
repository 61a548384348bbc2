"""A release's migrations must leave the code before it working (README, Deploying, step 9): on
several hosts `release` migrates the shared database from one of them while the others serve
the old code until their reload. A column added NOT NULL without a database default (Django's
`default=` is the code's, not the database's) makes every INSERT of the old code fail: each
form and request through a host not yet reloaded refused, and, while `store_once` took a
second refusal for success, thanked and lost (tests/forms/test_store_refused.py). A column
dropped or renamed fails every SELECT of the old code. The README said so in a sentence; 25
operations of the migrations before this test did not keep it.

Each migration after those (BEFORE) is held to it: a new column is nullable or has a
`db_default`; no column or table is dropped or renamed, unless listed in LEFT_BY_THE_CODE with
the release whose code stopped reading it (a release earlier, so no host still reads it)."""

from django.db import migrations
from django.db.migrations.loader import MigrationLoader
from django.db.models import NOT_PROVIDED

# The last migration of each app when the rule became a test: the ones up to it are released.
BEFORE = {"consent": 51, "rights": 30, "marketing": 8, "cookies": 1, "emalu": 5,
          "forms_app": 2, "workdays": 1}  # fmt: skip
# (app, migration name): the release after which no code read what it drops or renames.
LEFT_BY_THE_CODE: dict[tuple[str, str], str] = {}
DROPS = (migrations.RemoveField, migrations.RenameField, migrations.DeleteModel,
         migrations.RenameModel, migrations.AlterModelTable)  # fmt: skip


def breaks_old_code(loader, key, operation) -> str | None:
    if isinstance(operation, DROPS):
        return None if key in LEFT_BY_THE_CODE else f"{type(operation).__name__} {operation.name}"
    if not isinstance(operation, migrations.AddField | migrations.AlterField):
        return None
    field = operation.field
    if field.null or field.many_to_many or field.db_default is not NOT_PROVIDED:
        return None
    if isinstance(operation, migrations.AlterField):  # only a column that was nullable before
        before = loader.project_state(key, at_end=False).models[key[0], operation.model_name_lower]
        if not before.fields[operation.name].null:
            return None
    return f"{operation.model_name}.{operation.name} NOT NULL without db_default"


def test_each_new_migration_leaves_the_running_code_working():
    loader = MigrationLoader(None, ignore_no_migrations=True)
    faults = []
    for (app, name), migration in sorted(loader.disk_migrations.items()):
        if app not in BEFORE or not name[:4].isdigit() or int(name[:4]) <= BEFORE[app]:
            continue
        for operation in migration.operations:
            if why := breaks_old_code(loader, (app, name), operation):
                faults.append(f"{app}.{name}: {why}")
    assert faults == [], (
        "The hosts not yet reloaded run the old code on this schema: give a new column "
        "null=True or a db_default (db_default=False, not only default=False), and drop or "
        "rename only what a release before stopped reading (LEFT_BY_THE_CODE)",
        faults,
    )


def test_what_the_rule_refuses():
    """The rule read on the migrations before it: the kinds it would have stopped."""
    loader = MigrationLoader(None, ignore_no_migrations=True)
    found = {
        why.split(" ")[0] if not why.endswith("db_default") else "NOT NULL"
        for (app, name), migration in loader.disk_migrations.items()
        if app in BEFORE
        for operation in migration.operations
        if (why := breaks_old_code(loader, (app, name), operation))
    }
    assert found >= {"RemoveField", "RenameField", "NOT NULL"}
