"""`manage.py compilemessages` (release's step 2, and the other hosts' own, README step 4) on a
disk that fills while it writes. msgfmt wrote part of the catalogue over the one there and
exited 0: the command said nothing, and every `manage.py` command after it, compilemessages
itself included (so the release, emalu.service's check, the timers' jobs) and each worker
started, stopped at «File is corrupt» in a traceback, the part being newer than its .po. Each
catalogue is compiled beside its place now, read back, and only then put there.

The disk is a file size limit (RLIMIT_FSIZE) with SIGXFSZ ignored by msgfmt: a write past it
fails as on a full disk, and msgfmt exits 0 as it does there. On a copy of the code."""

import os
import resource
import shutil
import subprocess

from tests.live import PYTHON, ROOT

LIMIT = 200_000  # bytes: the small catalogues fit, the site's own (~0.5 MB) do not


def full_disk():
    resource.setrlimit(resource.RLIMIT_FSIZE, (LIMIT, LIMIT))


def manage(code, *command, disk=None):
    # msgfmt as the disk full meets it: a write fails (SIGXFSZ ignored, as Python's subprocess
    # would not leave it), and it goes on to exit 0.
    tools = code.parent / "bin"
    tools.mkdir(exist_ok=True)
    (tools / "msgfmt").write_text(
        f"#!/bin/sh\ntrap '' XFSZ\nexec {shutil.which('msgfmt')} \"$@\"\n"
    )
    (tools / "msgfmt").chmod(0o755)
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "emalu.settings", "DEBUG": "1",
           "PYTHONDONTWRITEBYTECODE": "1", "PATH": f"{tools}:{os.environ['PATH']}"}  # fmt: skip
    return subprocess.run([PYTHON, "manage.py", *command], cwd=code, env=env, preexec_fn=disk,
                          capture_output=True, text=True)  # fmt: skip


def test_a_disk_full_while_compiling_keeps_the_catalogues_and_says_so(tmp_path):
    code = tmp_path / "app"
    skipped = [".venv", ".git", "var", "node_modules", "__pycache__", "tests", "bench", "docs"]
    shutil.copytree(ROOT, code, ignore=shutil.ignore_patterns(*skipped))
    assert manage(code, "compilemessages", "--ignore=.venv").returncode == 0
    catalogues = sorted((code / "locale").glob("*/LC_MESSAGES/*.mo"))
    before = {mo: mo.read_bytes() for mo in catalogues}
    assert max(len(b) for b in before.values()) > LIMIT
    for po in (code / "locale").glob("*/LC_MESSAGES/*.po"):
        po.touch()  # a release's new strings

    full = manage(code, "compilemessages", "--ignore=.venv", disk=full_disk)
    assert full.returncode == 1
    assert "django.mo not written: msgfmt wrote it incomplete (is its disk full?" in full.stderr
    assert "The catalogue there before is kept" in full.stderr
    assert {mo: mo.read_bytes() for mo in catalogues} == before  # none cut short
    assert sorted((code / "locale").glob("*/LC_MESSAGES/.*")) == []  # no part left behind
    assert manage(code, "check").returncode == 0  # every command still starts

    freed = manage(code, "compilemessages", "--ignore=.venv")
    assert freed.returncode == 0, freed.stderr
    assert "processing file django.po" in freed.stdout  # not taken as up to date
