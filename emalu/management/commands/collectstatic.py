from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles.management.commands import collectstatic

from consent.common.errors import (
    MESSAGES,
    NOT_READ,
    TOO_LARGE,
    TOO_MANY_REQUESTS,
    every_language_page,
)
from emalu.static_files import write_whole

# The pages nginx shows by itself (docs/deploy/nginx.conf, error_page): while no gunicorn
# answers (a restart, a crash, a timeout), for a body over its limit, for a visitor over its
# request limits, for a request it cannot read (cookies or an address too long) and for a
# method it does not take (TRACE). Files, as nothing of ours runs then: errors/<language>/ for
# an address that names its language, and in errors/ in every language of the site, one after
# the other, for one that names none. Without them nginx answers with its own pages, in English.
PROXY_PAGES = {
    "unavailable.html": MESSAGES[503],
    "too-large.html": TOO_LARGE,
    "too-many.html": TOO_MANY_REQUESTS,
    "not-read.html": NOT_READ,
    "not-allowed.html": MESSAGES[405],
}


class Command(collectstatic.Command):
    """Django's collectstatic, and then the proxy's error pages (PROXY_PAGES) in STATIC_ROOT/errors:
    every host that collects the static files has them."""

    def handle(self, **options):
        result = super().handle(**options)
        if not options["dry_run"]:
            write_proxy_pages(Path(settings.STATIC_ROOT) / "errors")
        return result


def write_proxy_pages(folder: Path) -> None:
    """PROXY_PAGES in `folder`, each whole or not at all (a disk full mid-page keeps the last)."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, message in PROXY_PAGES.items():
        write_whole(folder / name, every_language_page(message))
        for language, _name in settings.LANGUAGES:
            (folder / language).mkdir(exist_ok=True)
            write_whole(folder / language / name, every_language_page(message, only=language))
