import contextlib

from django.conf import settings
from django.core.management.commands import compilemessages


class Command(compilemessages.Command):
    """Django's compilemessages, from the code's own directory wherever it is started. Django
    compiles every `locale` folder under the current directory: `release` or a hand run started
    from `/` or a home directory walked the whole tree beneath it, and compiled the catalogues of
    whatever else it could write to, while those of the site were found only through
    LOCALE_PATHS."""

    def handle(self, **options):
        with contextlib.chdir(settings.BASE_DIR):
            return super().handle(**options)
