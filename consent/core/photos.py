"""Photos are encrypted at rest (compliance L22): Fernet under MEDIA_ENCRYPTION_KEY, not SECRET_KEY.

A stolen disk, backup or media folder holds only ciphertext; the key lives in the environment.
The first key encrypts and every key decrypts, so a key is rotated by putting a new one first,
running `manage.py encrypt_photos` (which re-encrypts under it) and then dropping the old one.
"""

from cryptography.fernet import Fernet, MultiFernet
from django.conf import settings
from django.core.files.base import ContentFile
from django.db.models.fields.files import FieldFile


def fernet() -> MultiFernet:
    return MultiFernet([Fernet(key) for key in settings.MEDIA_ENCRYPTION_KEY])


def photo_encrypt(photo: ContentFile) -> ContentFile:
    """The file to store for a sanitised photo (a ContentFile of JPEG bytes)."""
    photo.seek(0)
    return ContentFile(fernet().encrypt(photo.read()))


def photo_read(file: FieldFile) -> bytes:
    """The JPEG bytes of a stored photo (a FieldFile); InvalidToken if no key opens it."""
    with file.open("rb") as f:
        return fernet().decrypt(f.read())
