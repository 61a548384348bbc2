"""For migrations that move a model from one app to another with its table (the app split).

The table stays; the model's content type is relabelled rather than recreated, so that the
permissions the role groups hold, and the admin's log entries, follow the model.
"""

from collections.abc import Callable

from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps


def content_type_mover(
    old_label: str, new_label: str
) -> Callable[[StateApps, BaseDatabaseSchemaEditor], None]:
    """A RunPython function moving content types `old_label` ("app.model") to `new_label`,
    renaming the permission codenames when the model's name changes. Does nothing on a new
    database, whose content types are made after the migrations."""

    def move(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
        content_types = apps.get_model("contenttypes", "ContentType")
        permissions = apps.get_model("auth", "Permission")
        db = schema_editor.connection.alias
        old_app, old_model = old_label.split(".")
        new_app, new_model = new_label.split(".")
        old = content_types.objects.using(db).filter(app_label=old_app, model=old_model).first()
        if old is None:
            return
        content_types.objects.using(db).filter(app_label=new_app, model=new_model).delete()
        old.app_label, old.model = new_app, new_model
        old.save(update_fields=["app_label", "model"])
        if old_model != new_model:
            for permission in permissions.objects.using(db).filter(content_type=old):
                action = permission.codename.removesuffix(f"_{old_model}")
                permission.codename = f"{action}_{new_model}"
                permission.save(update_fields=["codename"])

    return move
