"""`manage.py collectstatic` (release's step 3, and each other host's own, README step 4) on a
disk that fills while it writes. Django wrote each file in place: the one being written when the
disk filled stayed cut short, newer than its source, and every `collectstatic` after the disk was
freed passed it over as unmodified, so the damage stayed for good: nginx serves the page shown
while the site is down (errors/<language>/unavailable.html) by that plain name. Each file is
written beside its place now and renamed into it whole (emalu/static_files.py).

The disk is a file size limit (RLIMIT_FSIZE; Python ignores SIGXFSZ, so the write fails as on a
full disk), set in the collecting process alone."""

import hashlib
import re
import resource
import subprocess
from pathlib import Path

from django.contrib.staticfiles import finders

from tests.live import PYTHON, ROOT, site_env

LIMIT = 50_000  # bytes: most files fit; the admin's larger scripts do not
HASHED = re.compile(r"\.([0-9a-f]{12})\.[^./]+$")


def full_disk():
    resource.setrlimit(resource.RLIMIT_FSIZE, (LIMIT, LIMIT))


def collectstatic(root, disk=None):
    return subprocess.run([PYTHON, "manage.py", "collectstatic", "--no-input"], cwd=ROOT,
                          env=site_env(None, STATIC_ROOT=str(root)), preexec_fn=disk,
                          capture_output=True, text=True)  # fmt: skip


def damaged(root):
    """The collected files that are not what they should be: a plain name not its source's
    bytes, a hashed name not the digest its name says."""
    wrong = []
    for path in root.rglob("*"):
        if not path.is_file() or path.suffix in (".gz", ".br") or path.name == "staticfiles.json":
            continue
        name = path.relative_to(root).as_posix()
        if hashed := HASHED.search(name):
            if hashlib.md5(path.read_bytes()).hexdigest()[:12] != hashed[1]:  # noqa: S324
                wrong.append(name)
        elif (source := finders.find(name)) and Path(source).read_bytes() != path.read_bytes():
            wrong.append(name)
    return wrong


def test_a_disk_full_while_collecting_leaves_no_file_cut_short(tmp_path):
    root = tmp_path / "static"
    full = collectstatic(root, disk=full_disk)
    assert full.returncode == 1 and "File too large" in full.stderr, full.stderr[-2000:]
    assert not list(root.rglob("*.part"))  # no piece left behind

    freed = collectstatic(root)  # the operator freed the disk and ran it again
    assert freed.returncode == 0, freed.stderr[-2000:]
    assert damaged(root) == []


def test_a_disk_full_while_writing_the_proxy_pages_keeps_the_ones_written_before(tmp_path):
    """nginx's own pages (errors/, written by every run whatever else changed): a disk that
    filled mid-page left the page shown while the site is down cut short until the next run."""
    root = tmp_path / "static"
    assert collectstatic(root).returncode == 0
    pages = {path: path.read_bytes() for path in (root / "errors").rglob("*.html")}
    assert len(pages) == 15 and min(len(page) for page in pages.values()) > 500

    def small_disk():
        resource.setrlimit(resource.RLIMIT_FSIZE, (500, 500))

    code = (
        "from pathlib import Path; from emalu.management.commands.collectstatic import "
        f"write_proxy_pages; write_proxy_pages(Path({str(root / 'errors')!r}))"
    )
    full = subprocess.run([PYTHON, "manage.py", "shell", "-c", code], cwd=ROOT,
                          env=site_env(None, STATIC_ROOT=str(root)), preexec_fn=small_disk,
                          capture_output=True, text=True)  # fmt: skip
    assert full.returncode != 0 and "File too large" in full.stderr, full.stderr[-2000:]
    assert {path: path.read_bytes() for path in pages} == pages
    assert not list(root.rglob("*.part"))
