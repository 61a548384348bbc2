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
    """Taken at every start of every process (settings.RELEASE), so by os.walk and plain strings:
    pathlib's rglob, sort and relative_to took as long as reading the files."""
    digest = hashlib.sha256()
    for source in SOURCES:
        top = os.path.join(root, source)
        for relative in _files(top) if os.path.isdir(top) else [source.split("/")]:
            path = os.path.join(root, *relative)
            # Bytecode and compiled catalogues are made on each host from what is hashed here.
            if not os.path.isfile(path) or path.endswith((".pyc", ".mo")):
                continue
            digest.update("/".join(relative).encode() + b"\0")
            with open(path, "rb") as file:
                digest.update(file.read() + b"\0")
    return digest.hexdigest()[:16]


def _files(top: str) -> list[list[str]]:
    """The files under `top`, as their parts from the project's root, in the order pathlib sorts
    them (part by part)."""
    base = os.path.basename(top)
    found = []
    for folder, folders, names in os.walk(top):
        folders[:] = [name for name in folders if name != "__pycache__"]
        parts = [base, *Path(os.path.relpath(folder, top)).parts]
        if parts[-1] == ".":
            parts.pop()
        found.extend([*parts, name] for name in names)
    return sorted(found)
