"""Uploaded photos: judged by their content, re-encoded so that nothing but pixels survives."""

import io

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps

MAX_BYTES = 5 * 1024 * 1024
MAX_PIXELS = 40_000_000
FORMATS = {"JPEG", "PNG", "WEBP"}
MAGIC = (b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n", b"RIFF")


def sanitise_photo(upload):
    """A clean JPEG of an uploaded JPEG, PNG or WebP, or a ValidationError for the visitor.

    Size and pixel count are checked before any pixel is decoded; the result carries no EXIF, XMP,
    ICC or comment, has its orientation applied, and is a new file the server names.
    """
    if upload.size > MAX_BYTES:
        raise ValidationError(_("The photo is larger than 5 MB."), code="too_big")
    head = upload.read(12)
    upload.seek(0)
    if not head.startswith(MAGIC) or (head.startswith(b"RIFF") and head[8:12] != b"WEBP"):
        raise ValidationError(_("Upload a photo in JPEG, PNG or WebP format."), code="type")
    try:
        with Image.open(upload) as image:
            if image.format not in FORMATS:
                raise ValidationError(_("Upload a photo in JPEG, PNG or WebP format."), code="type")
            width, height = image.size
            if width * height > MAX_PIXELS:
                raise ValidationError(_("The photo has more than 40 megapixels."), code="pixels")
            image.load()
            image = ImageOps.exif_transpose(image)
            if image.mode not in ("RGB", "L"):
                background = Image.new("RGB", image.size, "white")
                rgba = image.convert("RGBA")
                background.paste(rgba, mask=rgba.getchannel("A"))
                image = background
            clean = image.convert("RGB")
            clean.info = {}  # Pillow would carry the comment, ICC profile and XMP along
            out = io.BytesIO()
            clean.save(out, "JPEG", quality=85, optimize=True)
    except ValidationError:
        raise
    except Image.DecompressionBombError as e:  # Pillow refuses far larger images on opening
        raise ValidationError(_("The photo has more than 40 megapixels."), code="pixels") from e
    except (OSError, SyntaxError, ValueError) as e:
        raise ValidationError(_("The file is damaged or is not a photo."), code="invalid") from e
    return ContentFile(out.getvalue(), name="photo.jpg")
