"""Uploaded photos: judged by their content, decoded within a memory budget, re-encoded so that
nothing but pixels survives (compliance T9, T10)."""

import io
import math
import re
import resource
import threading
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext_lazy as _
from PIL import ExifTags, Image, ImageMath

from .photo_formats import MAX_BYTES, TOO_BIG, TOO_MANY_PIXELS, WRONG_TYPE, check_type
from .png_chunks import SIGNATURE, pixel_chunks

MAX_PIXELS = 40_000_000
# The stored photo's longest side: staff need to recognise a person, which a 2000-pixel portrait
# does with room to spare (a passport photo printed at 600 dpi is 830 x 1060 pixels). Nothing
# larger is kept, so nothing larger is decoded where the format allows it (JPEG).
OUTPUT_SIDE = 2000
# What one photo may hold at once while it is decoded and reduced, so that a gunicorn worker
# (~100 MB) stays under ~300 MB whatever is uploaded (compliance T9; the worst files and their
# peaks: bench/photos.py). `_memory_cost` charges a file by its header before a pixel is decoded.
MEMORY_BUDGET = 128 * 1024 * 1024
FORMATS = ("JPEG", "PNG", "WEBP")
# Pillow names a JPEG holding more images in the Multi-Picture Format (CIPA DC-007: a camera's or
# phone's preview, depth map or HDR gain map) "MPO": a JPEG, whose first image alone is read.
READ_AS = {"MPO": "JPEG"}
DAMAGED = _("The file is damaged or is not a photo.")
# libjpeg goes over every block of the image once per scan it reads, however few bytes the scan
# holds, and goes on past a progression that repeats itself: 300 scans of a few bytes each kept a
# 40-megapixel photo decoding for 15 s (a 5 MB file would hold an hour's worth). Its own
# progressions have 6 scans (grey), 10 (colour) or 18 (CMYK); no encoder writes 64.
MAX_SCANS = 64
# Marker segments a photo holds besides: its tables, headers and metadata (an ICC profile split
# over APP2 segments of 64 KB) come to a few dozen; the walk that counts the scans stops here.
MAX_MARKERS = 1000
# A marker: 0xFF (the last of any fill bytes of 0xFF), then a code that is neither 0 (a 0xFF
# stuffed into entropy-coded data) nor a restart marker (which libjpeg reads within the data).
# No repetition in the pattern: a run of 0xFF bytes is scanned once, not once per byte.
MARKER = re.compile(rb"\xff[^\x00\xd0-\xd7\xff]")
# The photo is reduced a tile of about this many source pixels a side at a time, after an integer
# reduction to no less than twice the stored size.
TILE_SOURCE = 512
REDUCING_GAP = 2.0

# The site's own limit decides (`_afford`, with the visitor's message), on every photo, after its
# header is read and before a pixel is decoded. Pillow's guard is off: it ran first, inside
# Image.open, warned (DecompressionBombWarning) from the cap to twice the cap and refused above
# with an error of its own, and guarded nothing ours does not: the one format Pillow allocates
# for on opening, WebP, is charged by its header before (`_clean`). This module is the site's
# only reader of images.
Image.MAX_IMAGE_PIXELS = None

# The budget is per photo; a worker with threads (GUNICORN_THREADS) decodes one at a time.
_DECODING = threading.Lock()

LANCZOS = Image.Resampling.LANCZOS
ORIENTATION = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}


def _fitted(size):
    """The stored size: size scaled to fit OUTPUT_SIDE x OUTPUT_SIDE, never enlarged."""
    width, height = size
    scale = min(1.0, OUTPUT_SIDE / max(width, height))
    return max(1, round(width * scale)), max(1, round(height * scale))


class _Tiles:
    """An image of size `full` reduced to `size` a tile at a time, so that the full-size image is
    the only large thing held, never a converted or resized copy of it (convert, exif_transpose
    and resize on the whole image each make one).

    Each tile is cropped with a margin wide enough for LANCZOS (3 output pixels' worth of source
    each side) and aligned to the integer reduction that comes first (as `thumbnail` does with
    `reducing_gap`), so the tiles join exactly as the whole image would have been resized.
    """

    def __init__(self, full, size):
        self.full, self.size = full, size
        self.scaled = full != size
        self.scale = [f / s for f, s in zip(full, size, strict=True)]
        self.factor = [max(1, int(s / REDUCING_GAP)) for s in self.scale]
        self.margin = [
            math.ceil(3 * s) + 2 * f if self.scaled else 0
            for s, f in zip(self.scale, self.factor, strict=True)
        ]
        self.step = [max(8, int(TILE_SOURCE / s)) for s in self.scale]

    def largest(self):
        """Source pixels of the largest tile."""
        return math.prod(
            min(self.full[i], math.ceil(self.step[i] * self.scale[i]) + 2 * self.margin[i]
                + self.factor[i])
            for i in (0, 1)
        )  # fmt: skip

    def __iter__(self):
        """(output box, source crop, the output box within the crop once reduced)."""
        (width, height), scale, factor, margin = self.size, self.scale, self.factor, self.margin
        for y in range(0, height, self.step[1]):
            for x in range(0, width, self.step[0]):
                box = (x, y, min(width, x + self.step[0]), min(height, y + self.step[1]))
                source = [edge * scale[i % 2] for i, edge in enumerate(box)]
                start = [max(0, math.floor(source[i]) - margin[i]) for i in (0, 1)]
                crop = [start[i] // factor[i] * factor[i] for i in (0, 1)]
                crop += [min(self.full[i], math.ceil(source[2 + i]) + margin[i]) for i in (0, 1)]
                within = [(source[i] - crop[i % 2]) / factor[i % 2] for i in range(4)]
                yield box, crop, within


def _cost(pixel, size, stored, decoding=0):
    """Bytes held at the peak by an image of `size` decoded at `pixel` bytes a pixel, whose codec
    needs `decoding` bytes more meanwhile, and then reduced to `stored`.

    Pillow keeps 4 bytes a pixel for every mode but 1, L, P (1) and 16-bit grey (2), and a table
    of 8-byte row pointers (a PNG 1 pixel wide and 40 million tall would need 320 MB of them).
    Reducing holds the decoded image, the stored one (4 bytes a pixel) and a tile in up to 4
    copies (crop, RGBA, RGB, alpha).
    """
    held = pixel * size[0] * size[1] + 8 * size[1]
    reducing = 4 * stored[0] * stored[1] + 16 * _Tiles(size, stored).largest()
    return held + max(decoding, reducing)


def _webp_cost(size):
    """Pillow's WebP decoder holds two RGBA canvases (allocated on opening) and a copy of the
    frame as bytes besides the image: 12 bytes a pixel more."""
    return _cost(4, size, _fitted(size), decoding=12 * size[0] * size[1])


def _webp_size(head):
    """The canvas size a WebP's first 30 bytes declare (RFC 9649), or None (then Pillow, which
    checks what it reads, decides). A lossy frame may declare a side of 0, which no decoder
    takes; it is None here, not a size to divide by."""

    def number(start, end):
        return int.from_bytes(head[start:end], "little")

    kind = head[12:16]
    if kind == b"VP8 " and head[23:26] == b"\x9d\x01\x2a":
        size = number(26, 28) & 0x3FFF, number(28, 30) & 0x3FFF
        return size if all(size) else None
    if kind == b"VP8L" and head[20:21] == b"\x2f":
        return (number(21, 25) & 0x3FFF) + 1, (number(21, 25) >> 14 & 0x3FFF) + 1
    if kind == b"VP8X":
        return number(24, 27) + 1, number(27, 30) + 1
    return None


def _jpeg_scans(upload):
    """The number of components each scan of the JPEG in `upload` carries, in order, found as
    libjpeg finds its markers (jdmarker.c, next_marker): anything up to a 0xFF is skipped (so is
    the entropy-coded data after a scan's header), a marker segment by its length. None for a
    file of more scans or markers than any photo has (MAX_SCANS, MAX_MARKERS)."""
    upload.seek(0)
    data, position, scans = upload.read(), 2, []
    for __ in range(MAX_MARKERS):
        found = MARKER.search(data, position)
        if found is None:
            return scans
        marker, position = found[0][1], found.end()
        if marker == 0xD9:  # the end of the image
            return scans
        if marker in (0x01, 0xD8):  # markers without a length
            continue
        length = int.from_bytes(data[position : position + 2])
        if length < 2:
            return scans
        if marker == 0xDA:
            scans.append(data[position + 2] if length > 2 and position + 2 < len(data) else 0)
            if len(scans) > MAX_SCANS:
                return None
        position += length
    return None


def _jpeg_in_one_pass(scans, components):
    """Whether libjpeg decodes this sequential JPEG a row of blocks at a time: it does when the
    first scan carries every component (libjpeg's own test, jdinput.c). Anything unexpected
    answers no, the costlier answer."""
    return bool(scans) and scans[0] == components


def _memory_cost(image, kind, full, stored, upload):
    """Bytes that sanitising `image` (opened from `upload`, read as `kind`, of size `full`,
    drafted already, to be stored at `stored`) holds at its peak.

    A JPEG decoded in one pass needs only its (reduced) output, but a progressive or multi-scan
    one keeps every DCT coefficient of the full-size image: 2 bytes each, 64 a block, per
    component at its sampling. A PNG row is unfiltered in two row buffers of up to 8 bytes a pixel.
    """
    if kind == "WEBP":
        return _webp_cost(image.size)
    pixel = {"1": 1, "L": 1, "P": 1}.get(image.mode, 2 if image.mode.startswith("I;16") else 4)
    if kind == "PNG":
        return _cost(pixel, image.size, stored, decoding=16 * image.size[0])
    scans = _jpeg_scans(upload)
    if scans is None:  # each scan is a pass over the whole image (see MAX_SCANS)
        raise ValidationError(DAMAGED, code="invalid")
    if not image.info.get("progressive") and _jpeg_in_one_pass(scans, len(image.layer)):
        return _cost(pixel, image.size, stored)
    # Pillow reads the sampling factors without checking them; libjpeg refuses any outside
    # 1 to 4 (JERR_BAD_SAMPLING), and a 0 here would be divided by.
    if not all(1 <= f <= 4 for _, h, v, _ in image.layer for f in (h, v)):
        raise ValidationError(DAMAGED, code="invalid")
    h_max = max(h for _, h, _, _ in image.layer)
    v_max = max(v for _, _, v, _ in image.layer)
    coefficients = sum(
        math.ceil(full[0] * h / h_max / 8) * math.ceil(full[1] * v / v_max / 8) * 64
        for _, h, v, _ in image.layer
    )
    return _cost(pixel, image.size, stored, decoding=2 * coefficients)


def _room():
    """Bytes this process may still take under its memory ceiling (RLIMIT_DATA, set for gunicorn
    workers in emalu/gunicorn.py), or None without one. VmData counts memory malloc keeps for
    reuse too, so this errs on the small side."""
    limit = resource.getrlimit(resource.RLIMIT_DATA)[0]
    if limit == resource.RLIM_INFINITY:
        return None
    try:
        status = Path("/proc/self/status").read_text()
    except OSError:
        return None
    return limit - int(re.search(r"VmData:\s+(\d+) kB", status).group(1)) * 1024


def _too_many_pixels(limit):
    return ValidationError(
        TOO_MANY_PIXELS,
        code="pixels",
        params={"limit": max(1, limit // 1_000_000)},
    )


def _afford(size, cost):
    """Refuse a photo of `size` whose sanitising would hold `cost` bytes, before it is decoded:
    over the pixel cap or the budget, with the megapixels a photo like it may have; over what
    the worker has left under its ceiling, as a MemoryError would."""
    pixels = size[0] * size[1]
    if pixels > MAX_PIXELS:
        raise _too_many_pixels(MAX_PIXELS)
    if cost > MEMORY_BUDGET:
        raise _too_many_pixels(pixels * MEMORY_BUDGET // cost)
    if (room := _room()) is not None and cost > room:
        raise MemoryError


def _rgb(tile):
    """tile in RGB, transparency on white, 16-bit grey by its high byte (with the alpha its
    transparent value gives: Pillow's conversion to RGBA finds no pixel of it)."""
    if tile.mode.startswith("I"):
        wide, transparent = tile.convert("I"), tile.info.pop("transparency", None)
        tile = wide.point(lambda v: v / 256).convert("L")
        if transparent is not None:
            alpha = ImageMath.lambda_eval(lambda a: (a["w"] != transparent) * 255, w=wide)
            tile.putalpha(alpha.convert("L"))
    if tile.mode in ("RGBA", "LA", "PA") or "transparency" in tile.info:
        rgba = tile.convert("RGBA")
        tile = Image.new("RGB", rgba.size, "white")
        tile.paste(rgba, mask=rgba.getchannel("A"))
        return tile
    return tile.convert("RGB")


def _reduced(image, size):
    """image in RGB at size, a tile at a time (_Tiles)."""
    out = Image.new("RGB", size)
    tiles = _Tiles(image.size, size)
    for box, crop, within in tiles:
        tile = _rgb(image.crop(crop))
        if tiles.scaled:
            if tiles.factor != [1, 1]:
                tile = tile.reduce(tuple(tiles.factor))
            tile = tile.resize((box[2] - box[0], box[3] - box[1]), LANCZOS, box=within)
        out.paste(tile, box[:2])
    return out


def _orientation(image):
    """The EXIF orientation, or None when the metadata cannot be read: it is thrown away, and
    must not refuse a photo whose pixels are sound (Pillow reads a JPEG's leniently, but stops
    at a PNG's or WebP's EXIF that is no TIFF structure)."""
    try:
        return image.getexif().get(ExifTags.Base.Orientation)
    except (SyntaxError, OSError, ValueError):
        return None


def _clean(upload, head):
    """The photo in upload as a clean JPEG's bytes, checked for what it costs before decoding."""
    if head.startswith(b"RIFF") and (size := _webp_size(head)):
        _afford(size, _webp_cost(size))  # Pillow allocates the WebP canvases on opening
    if head.startswith(SIGNATURE):  # no metadata is read, whatever its size (png_chunks.py)
        upload = io.BytesIO(pixel_chunks(upload.read()))
    with Image.open(upload, formats=FORMATS) as image:
        if (kind := READ_AS.get(image.format, image.format)) not in FORMATS:
            raise ValidationError(WRONG_TYPE, code="type")
        size, stored = image.size, _fitted(image.size)
        if kind == "JPEG":
            image.draft(image.mode, stored)
        _afford(size, _memory_cost(image, kind, size, stored, upload))
        image.load()
        orientation = _orientation(image)  # after load: a PNG's eXIf may follow the pixels
        clean = _reduced(image, stored)
    if orientation in ORIENTATION:
        clean = clean.transpose(ORIENTATION[orientation])
    out = io.BytesIO()
    clean.save(out, "JPEG", quality=85, optimize=True)
    return out.getvalue()


def sanitise_photo(upload):
    """A clean JPEG of an uploaded JPEG, PNG or WebP, or a ValidationError for the visitor.

    Size, pixel count and the memory sanitising would hold are checked before any pixel is
    decoded; a JPEG is decoded at the smallest scale libjpeg offers that is still at least the
    stored size. The result is at most OUTPUT_SIDE pixels a side, carries no EXIF, XMP, ICC or
    comment, has its orientation applied, and is a new file the server names.
    """
    if upload.size > MAX_BYTES:
        raise ValidationError(TOO_BIG, code="too_big")
    head = upload.read(30)
    upload.seek(0)
    check_type(head)  # a photo in a format we do not accept is named, with what to do
    try:
        with _DECODING:  # one photo at a time, even in a threaded worker
            return ContentFile(_clean(upload, head), name="photo.jpg")
    except ValidationError:
        raise
    except MemoryError as e:  # the worker's memory ceiling (emalu/gunicorn.py): nothing is kept
        raise ValidationError(
            _("The photo could not be processed. Upload a smaller photo."), code="memory"
        ) from e
    except (OSError, SyntaxError, ValueError, EOFError) as e:
        raise ValidationError(DAMAGED, code="invalid") from e
