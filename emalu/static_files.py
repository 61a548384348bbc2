"""The static files of this code against what this host's `collectstatic` wrote to STATIC_ROOT
(README, Deploying: `release` collects on its own host only, every other host runs it itself).

A host started, or reloaded (`systemctl reload emalu` forks workers on the new code without the
start's check), before its `collectstatic` had run answered every page with gunicorn's bare
«Internal Server Error» in English: the manifest had no entry for a file the templates name, and
the site's own 500 page names one too. /healthz said ok and the start's check passed. Now the
start stops, naming STATIC_ROOT and the command (emalu.E005), and a page naming a file the
manifest lacks is served all the same, the file under its plain name (nginx serves it where an
earlier `collectstatic` left it; the page shows unstyled where none did), with one ERROR line
in the journal per file and worker saying what to run."""

import gzip
import hashlib
import logging
import os
import secrets
import threading
import zlib
from contextlib import suppress

import brotli
from django.apps import apps
from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.checks import Error, register
from whitenoise.compress import Compressor
from whitenoise.storage import CompressedManifestStaticFilesStorage

from emalu.checks import RELEASING

logger = logging.getLogger(__name__)

TO_RUN = "manage.py collectstatic --no-input on this host (README, Deploying, steps 4 and 9)"
_told: set[str] = set()  # the names this worker has logged


class SiteStaticStorage(CompressedManifestStaticFilesStorage):
    """WhiteNoise's compressed manifest storage (STORAGES["staticfiles"]), which names a file
    the manifest lacks by its plain name and says so, instead of failing the page, and writes
    each file whole or not at all."""

    def _save(self, name, content):
        """Write `name` under a name of its own beside it, then rename it into place. Django
        writes in place: a disk that filled mid-file (`release` stopped at collectstatic, or a
        second host's collectstatic) left the file cut short, newer than its source, and every
        later `collectstatic` passed it over as unmodified: nginx's page for a site that is down
        (errors/unavailable.html, by its plain name) stayed empty for good."""
        part = f"{name}.{secrets.token_hex(4)}.part"
        try:
            written = super()._save(part, content)
            os.replace(self.path(written), self.path(name))
        except BaseException:
            with suppress(OSError):
                os.unlink(self.path(part))
            raise
        return name

    def create_compressor(self, **kwargs):
        return SiteCompressor(**kwargs)

    def stored_name(self, name):
        try:
            return super().stored_name(name)
        except ValueError:  # «Missing staticfiles manifest entry for …», or no such file
            if name in _told:
                return name
            # Only a file of the code: WhiteNoise asks for names no file has (a collected
            # file's name without what looks like its hash) and counts on the refusal.
            if not finders.find(name):
                raise
            _told.add(name)
            logger.error(
                "the static file %s is not among those collected in STATIC_ROOT (%s): pages "
                "name it unversioned, shown unstyled where the file is missing. Run %s.",
                name, self.location, TO_RUN,
            )  # fmt: skip
            return name


class SiteCompressor(Compressor):
    """WhiteNoise's compressor (Brotli at level 11, gzip at 9: the same bytes, served the same),
    which compresses each content once. WhiteNoise compressed every file at every `collectstatic`
    (each release, on each host: some 4 CPU-seconds, most of the command), and twice in one run,
    under its plain name and its hashed one, with the same bytes. A variant already beside its
    file that decompresses to the file's bytes is taken as it is; any other (a file changed, a
    variant cut short) is made again, or removed when none is worth making. Each variant is
    written whole or not at all."""

    DECOMPRESS = {".br": brotli.decompress, ".gz": gzip.decompress}
    UNREADABLE = (brotli.error, EOFError, OSError, zlib.error)  # gzip.BadGzipFile is an OSError

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._made: dict[tuple[str, bytes], _Made] = {}
        self._lock = threading.Lock()

    def compress(self, path):
        with open(path, "rb") as file:
            data = file.read()
        for suffix, decompress in self.DECOMPRESS.items():
            with suppress(FileNotFoundError, *self.UNREADABLE):
                with open(path + suffix, "rb") as file:
                    variant = file.read()
                if decompress(variant) == data:
                    self._slot(suffix, data)[0].made(variant)
        written = super().compress(path)
        for suffix in self.DECOMPRESS:  # none made for these bytes: an older one is not served
            if path + suffix not in written:
                with suppress(FileNotFoundError):
                    os.unlink(path + suffix)
        return written

    def compress_brotli(self, data):
        return self._once(".br", data, Compressor.compress_brotli)

    def compress_gzip(self, data):
        return self._once(".gz", data, Compressor.compress_gzip)

    def _slot(self, suffix: str, data: bytes) -> tuple["_Made", bool]:
        key = (suffix, hashlib.sha256(data).digest())
        with self._lock:
            mine = key not in self._made
            slot = self._made.setdefault(key, _Made())
        return slot, mine

    def _once(self, suffix, data, make):
        """`make(data)`, made by one thread for every file of these bytes (the threads WhiteNoise
        compresses in take the plain and the hashed name at once)."""
        slot, mine = self._slot(suffix, data)
        if mine:
            try:
                slot.made(make(data))
            finally:
                slot.done.set()
        slot.done.wait()
        return slot.value if slot.value is not None else make(data)

    def write_data(self, path, data, suffix, stat_result):
        part = f"{path}{suffix}.{secrets.token_hex(4)}.part"
        try:
            written = super().write_data(part, data, "", stat_result)
            os.replace(written, path + suffix)
        except BaseException:
            with suppress(OSError):
                os.unlink(part)
            raise
        return path + suffix


def write_whole(path, text: str) -> None:
    """`text` in `path` (UTF-8), whole or not at all: written beside it, then renamed into place.
    For the files `collectstatic` writes itself (the proxy's error pages), as `_save` does for the
    collected ones: a disk that filled mid-page left nginx's page cut short until the next run."""
    part = path.with_name(f"{path.name}.{secrets.token_hex(4)}.part")
    try:
        part.write_text(text, encoding="utf-8")
        os.replace(part, path)
    except BaseException:
        with suppress(OSError):
            os.unlink(part)
        raise


class _Made:
    """A compressed variant, once one thread has made it (or found it on the disk)."""

    def __init__(self):
        self.value: bytes | None = None
        self.done = threading.Event()

    def made(self, value: bytes) -> None:
        self.value = value
        self.done.set()


def not_collected() -> list[str]:
    """The code's static files (those `collectstatic` would collect) that STATIC_ROOT's manifest
    lacks, read afresh from the disk."""
    try:
        collected, _digest = staticfiles_storage.load_manifest()
    except ValueError:  # a manifest it cannot read: written by another Django, or cut short
        collected = {}
    ignore = apps.get_app_config("staticfiles").ignore_patterns
    missing = set()
    for finder in finders.get_finders():
        for path, _storage in finder.list(ignore):
            name = path.replace("\\", "/")
            if staticfiles_storage.hash_key(name) not in collected:
                missing.add(name)
    return sorted(missing)


@register(deploy=True)
def check_static_collected(app_configs, **kwargs):
    """A host must not start on static files collected for other code, or none (above).
    `release` collects them itself after its check (RELEASING)."""
    if settings.DEBUG or RELEASING.get() or not hasattr(staticfiles_storage, "load_manifest"):
        return []
    missing = not_collected()
    if not missing:
        return []
    return [
        Error(
            f"STATIC_ROOT ({settings.STATIC_ROOT}) lacks {len(missing)} of this code's static "
            f"files ({', '.join(missing[:3])}{', …' if len(missing) > 3 else ''}): collectstatic "
            "has not run on this host since the code was put here.",
            hint=f"Run {TO_RUN}; the start is tried again every 5 seconds.",
            id="emalu.E005",
        )
    ]
