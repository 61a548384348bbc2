import contextlib
import gettext
import os
from pathlib import Path

from django.conf import settings
from django.core.management.commands import compilemessages
from django.core.management.commands.compilemessages import has_bom
from django.core.management.utils import popen_wrapper


class Command(compilemessages.Command):
    """Django's compilemessages, from the code's own directory wherever it is started. Django
    compiles every `locale` folder under the current directory: `release` or a hand run started
    from `/` or a home directory walked the whole tree beneath it, and compiled the catalogues of
    whatever else it could write to, while those of the site were found only through
    LOCALE_PATHS.

    Each catalogue is compiled beside its place and put there only once it reads whole. On a
    full disk msgfmt wrote part of a catalogue over the one there and exited 0: the command
    said nothing was wrong, and every `manage.py` command after it (compilemessages itself, so
    the release, the start's check, the timers' jobs) and every worker started stopped at
    «File is corrupt» in a traceback; the part was newer than its .po, so taken as up to date.
    """

    def handle(self, **options):
        with contextlib.chdir(settings.BASE_DIR):
            return super().handle(**options)

    def compile_messages(self, locations):
        for dirpath, name in locations:
            po = Path(dirpath) / name
            mo = po.with_suffix(".mo")
            if mo.exists() and mo.stat().st_mtime >= po.stat().st_mtime:
                if self.verbosity > 0:
                    self.stdout.write(f"File “{po}” is already compiled and up to date.")
                continue
            if self.verbosity > 0:
                self.stdout.write(f"processing file {name} in {dirpath}")
            if has_bom(po):
                self.stderr.write(f"The {po} file has a BOM (Byte Order Mark). Django only "
                                  "supports .po files encoded in UTF-8 without a BOM.")  # fmt: skip
                self.has_errors = True
                continue
            if failed := self._compile(po, mo):
                self.stderr.write(f"{mo} not written: {failed}. The catalogue there before is "
                                  "kept; compile again once that is put right.")  # fmt: skip
                self.has_errors = True

    def _compile(self, po: Path, mo: Path) -> str:
        """msgfmt into a file of its own beside `mo`, read back, then put in `mo`'s place:
        what went wrong, or ""."""
        part = mo.with_name(f".{mo.name}.{os.getpid()}.part")
        try:
            _, errors, status = popen_wrapper([self.program, *self.program_options,
                                               "-o", part, po])  # fmt: skip
            if status:
                return f"{self.program} failed: {errors.strip() or f'exit status {status}'}"
            with part.open("rb") as written:
                try:
                    gettext.GNUTranslations(written)
                except OSError:  # «File is corrupt»: cut short, msgfmt none the wiser
                    return f"{self.program} wrote it incomplete (is its disk full? df {mo.parent})"
            part.replace(mo)
            return ""
        except OSError as error:
            return f"{type(error).__name__}: {error.strerror or error}"
        finally:
            part.unlink(missing_ok=True)
