"""Which release a process runs: a digest of the code, templates, translations, static sources and
pinned requirements it renders pages with. Hosts running the same code get the same digest
(paths are taken relative to the project), and any change to what a page is made of gives a new one.
The page cache keys pages by it (consent/common/pagecache.py): after an upgrade, and on two hosts
mid-rollout, each release serves only the pages it rendered itself."""

import hashlib
from pathlib import Path

SOURCES = ("requirements.txt", "emalu", "consent", "forms_app", "templates", "locale", "static")


def code_digest(root: Path) -> str:
    digest = hashlib.sha256()
    for source in SOURCES:
        top = root / source
        paths = sorted(top.rglob("*")) if top.is_dir() else [top]
        for path in paths:
            # Bytecode and compiled catalogues are made on each host from what is hashed here.
            if not path.is_file() or "__pycache__" in path.parts or path.suffix in (".pyc", ".mo"):
                continue
            digest.update(path.relative_to(root).as_posix().encode() + b"\0")
            digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]
