"""Personal files are encrypted at rest (compliance L22): Fernet under MEDIA_ENCRYPTION_KEY, not
SECRET_KEY.

A stolen disk, backup or media folder holds only ciphertext; the key lives in the environment.
The first key encrypts and every key decrypts, so a key is rotated by putting a new one first,
running `manage.py encrypt_photos` (which re-encrypts under it) and then dropping the old one.

Photos are encrypted by the form's operation before they are saved (`photo_encrypt`) and
decrypted only for staff (`photo_read`). Files that other code writes, the access answers that
django-post-office keeps as mail attachments, go through `EncryptedStorage` (the "private"
storage of settings.STORAGES), which encrypts whatever is saved and decrypts on opening. Both
are kept in the database (`files.DatabaseStorage`), never on an app host's disk. A column that
other code encrypts with fernet() is named in its model's ENCRYPTED_FIELDS (encrypted_columns).
"""

import logging

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.files.base import ContentFile, File
from django.db.models.fields.files import FieldFile

from .files import DatabaseStorage

logger = logging.getLogger(__name__)
FERNET_PREFIX = b"gAAAAA"  # every Fernet token starts so (version byte 0x80, base64)


def fernet() -> MultiFernet:
    return MultiFernet([Fernet(key) for key in settings.MEDIA_ENCRYPTION_KEY])


def encrypted_columns() -> list[tuple[type, str]]:
    """(model, field) of every column that its own code keeps under fernet() (the emails the
    intake sets aside), in whichever app it lives: each model names them in ENCRYPTED_FIELDS.
    `encrypt_photos` moves them to the first key with the files, so that the old key can go."""
    from django.apps import apps

    return [(m, f) for m in apps.get_models() for f in getattr(m, "ENCRYPTED_FIELDS", ())]


def photo_encrypt(photo: ContentFile) -> ContentFile:
    """The file to store for a sanitised photo (a ContentFile of JPEG bytes)."""
    photo.seek(0)
    return ContentFile(fernet().encrypt(photo.read()))


def photo_read(file: FieldFile) -> bytes:
    """The JPEG bytes of a stored photo (a FieldFile); InvalidToken if no key opens it."""
    with file.open("rb") as f:
        return fernet().decrypt(f.read())


class EncryptedStorage(DatabaseStorage):
    """A storage whose files are Fernet tokens in the database and plain when opened."""

    def _save(self, name: str, content: File) -> str:
        content.seek(0)
        data = content.read()
        data = data.encode() if isinstance(data, str) else data
        return super()._save(name, ContentFile(fernet().encrypt(data)))

    def _open(self, name: str, mode: str = "rb") -> File:
        with super()._open(name, "rb") as f:
            data = f.read()
        try:
            return ContentFile(fernet().decrypt(data), name=name)
        except InvalidToken:
            if data.startswith(FERNET_PREFIX):
                raise  # encrypted, but under a key no longer configured
            # Written before this storage existed; `manage.py encrypt_photos` encrypts it.
            logger.warning("a private file is not encrypted yet: run manage.py encrypt_photos")
            return ContentFile(data, name=name)
