"""Personal files in PostgreSQL (`StoredFile`), so that every app host sees the same ones.

`DatabaseStorage` is a Django storage whose files are rows: saved, opened, sized and deleted in
the database the rest of the site uses, inside the caller's transaction when there is one. No
file of it is ever on an app host's disk, and it has no URL: staff download photos through the
admin's view. What it holds is ciphertext already (photos: `photos.photo_encrypt`; the access
answers: `photos.EncryptedStorage`, built on this).

`file_delete()` deletes a file with the transaction that destroys its owner.
`move_into_database()` brings in the files stored before it, from the host's MEDIA_ROOT, and
removes them from the disk (migration `consent.0022`, or `manage.py move_files_to_database`).
"""

from pathlib import Path

from django.core.files.base import ContentFile, File
from django.core.files.storage import Storage
from django.db import transaction
from django.utils.deconstruct import deconstructible


def _files():
    from .models import StoredFile  # storages are built before the models are ready

    return StoredFile.objects


@deconstructible(path="consent.core.files.DatabaseStorage")
class DatabaseStorage(Storage):
    def _save(self, name: str, content: File) -> str:
        content.seek(0)
        data = content.read()
        data = data.encode() if isinstance(data, str) else bytes(data)
        _files().create(name=name, content=data, size=len(data))
        return name

    def _open(self, name: str, mode: str = "rb") -> File:
        row = _files().filter(name=name).values_list("content", flat=True).first()
        if row is None:
            raise FileNotFoundError(name)
        return ContentFile(bytes(row), name=name)

    def delete(self, name: str) -> None:
        _files().filter(name=name).delete()

    def exists(self, name: str) -> bool:
        return _files().filter(name=name).exists()

    def size(self, name: str) -> int:
        size = _files().filter(name=name).values_list("size", flat=True).first()
        if size is None:
            raise FileNotFoundError(name)
        return size

    def listdir(self, path: str) -> tuple[list[str], list[str]]:
        prefix = f"{path.rstrip('/')}/" if path else ""
        names = _files().filter(name__startswith=prefix).values_list("name", flat=True)
        dirs, files = set(), []
        for rest in (name[len(prefix) :] for name in names):
            head, _, tail = rest.partition("/")
            (dirs.add(head) if tail else files.append(head))
        return sorted(dirs), sorted(files)

    def url(self, name: str) -> str:
        raise NotImplementedError("personal files have no URL; the admin serves them to staff")


def file_delete(storage: Storage, name: str) -> None:
    """Delete a stored file with the caller's transaction: a row at once (it goes if the
    transaction commits and stays if it rolls back: no orphan, no loss); a file on a disk (a
    storage configured otherwise) once it commits."""
    if isinstance(storage, DatabaseStorage):
        storage.delete(name)
    else:
        transaction.on_commit(lambda: storage.delete(name))


def move_into_database(stored_file, media_root: Path, names) -> int:
    """Copy each of `names` found under `media_root` into `stored_file` (the model, or its
    historical version in a migration) as it is, and remove it from the disk once the
    transaction commits. A name the database holds already is only removed from the disk.
    Returns how many files were copied."""
    copied, moved = 0, []
    for name in sorted({n for n in names if n}):
        path = Path(media_root) / name
        if not path.is_file():
            continue
        if not stored_file.objects.filter(name=name).exists():
            data = path.read_bytes()
            stored_file.objects.create(name=name, content=data, size=len(data))
            copied += 1
        moved.append(path)
    transaction.on_commit(lambda: [path.unlink(missing_ok=True) for path in moved])
    return copied
