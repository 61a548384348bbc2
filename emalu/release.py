"""Which release a process runs: a digest of the code, templates, translations, static sources and
pinned requirements it renders pages with. Hosts running the same code get the same digest
(paths are taken relative to the project), and any change to what a page is made of gives a new one.
The page cache keys pages by it (consent/common/pagecache.py): after an upgrade, and on two hosts
mid-rollout, each release serves only the pages it rendered itself."""

import hashlib
import os
from pathlib import Path

SOURCES = ("requirements.txt", "emalu", "consent", "forms_app", "templates", "locale", "static")


def code_digest(root: Path) -> str:
    """Taken at every start of every process (settings.RELEASE), so by os.scandir, plain strings
    and os.read: pathlib's rglob, sort and relative_to took as long as reading the files, and a
    stat of each file and a buffered file object for each read as long again (~10 ms a start)."""
    digest = hashlib.sha256()
    for source in SOURCES:
        top = os.path.join(root, source)
        for relative in _files(top) if os.path.isdir(top) else _file(top, source):
            digest.update("/".join(relative).encode() + b"\0")
            digest.update(_read(os.path.join(root, *relative)) + b"\0")
    return digest.hexdigest()[:16]


def _file(path: str, source: str) -> list[list[str]]:
    """A source that is one file, as its parts; none when there is no such file."""
    return [source.split("/")] if os.path.isfile(path) else []


def _read(path: str) -> bytes:
    """The bytes of the file at `path`."""
    fd = os.open(path, os.O_RDONLY)
    try:
        chunks = []
        while chunk := os.read(fd, 1 << 20):
            chunks.append(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)


def _files(top: str) -> list[list[str]]:
    """The files under `top`, as their parts from the project's root, in the order pathlib sorts
    them (part by part). Bytecode and compiled catalogues are not among them: they are made on
    each host from what is hashed here."""
    found = []
    folders = [[os.path.basename(top)]]
    while folders:
        parts = folders.pop()
        try:
            entries = list(os.scandir(os.path.join(os.path.dirname(top), *parts)))
        except OSError:
            continue  # a folder it may not read, passed over as os.walk did
        for entry in entries:
            if entry.is_dir():  # a link to one is not followed, as os.walk did not
                if entry.name != "__pycache__" and not entry.is_symlink():
                    folders.append([*parts, entry.name])
            elif entry.is_file() and not entry.name.endswith((".pyc", ".mo")):
                found.append([*parts, entry.name])
    return sorted(found)
