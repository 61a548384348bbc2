from django.core.management.commands import migrate

from emalu.db.base import as_owner


class Command(migrate.Command):
    """Django's migrate, run as the database owner rather than the runtime role."""

    def handle(self, *args, **options):
        with as_owner():
            return super().handle(*args, **options)
