"""Compliance T9, T10 for the files a phone, an editor or an attacker sends besides the matrix of
test_uploads.py: animated and multi-image files (only the first image is kept), metadata of any
size or shape (thrown away, and never a reason to refuse the photo), every EXIF orientation,
names and content types that lie, and an empty file."""

import io
import struct
import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, ImageOps

from consent.core.models import Submission
from tests.forms.photos import MESSAGES, decrypted, jpeg, media_files, photo_error, png


@pytest.fixture
def texts(texts_read_only):  # published once for the module (tests/forms/conftest.py)
    return texts_read_only


RED, BLUE = (200, 30, 30), (0, 0, 255)


def saved(image, fmt, **options):
    out = io.BytesIO()
    image.save(out, fmt, **options)
    return out.getvalue()


def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_with(*chunks, after=()):
    """A red 60x40 PNG with extra chunks after its header (and `after` its pixels)."""
    data = saved(Image.new("RGB", (60, 40), RED), "PNG")
    header, end = 8 + 25, len(data) - 12  # the signature and IHDR; IEND
    return data[:header] + b"".join(chunks) + data[header:end] + b"".join(after) + data[end:]


def xmp(size):
    """An XMP packet of `size` bytes, as an editor keeping a document's whole history writes it
    (Photoshop's photoshop:DocumentAncestors grows by one entry per file ever pasted in)."""
    entry = b"<rdf:li>xmp.did:0123456789abcdef0123456789abcdef</rdf:li>"
    return b"<x:xmpmeta><photoshop:DocumentAncestors><rdf:Bag>" + entry * (size // len(entry))


def itxt(keyword, text, compressed=False):
    body = zlib.compress(text) if compressed else text
    return chunk(b"iTXt", keyword + b"\0" + bytes([compressed, 0]) + b"\0\0" + body)


def ztxt(keyword, text):
    return chunk(b"zTXt", keyword + b"\0\0" + zlib.compress(text, 9))


def iccp(profile):
    return chunk(b"iCCP", b"Photoshop ICC profile\0\0" + zlib.compress(profile, 9))


def jpeg_with_icc(profile):
    """A red JPEG whose ICC profile (APP2 segments of up to 64 KB, ICC.1 B.4) is `profile`."""
    data = jpeg((60, 40))
    parts = [profile[i : i + 65_000] for i in range(0, len(profile), 65_000)]
    segments = b"".join(
        b"\xff\xe2"
        + struct.pack(">H", 2 + 14 + len(part))
        + b"ICC_PROFILE\0"
        + bytes([i + 1, len(parts)])
        + part
        for i, part in enumerate(parts)
    )
    return data[:2] + segments + data[2:]


MARKUP = b"<html><script>alert(document.cookie)</script></html>"
# Taken, stored as the red 60x40 photo (or the first image's 100x80) with none of the extra.
TAKEN = {
    "APNG (second frame blue)": lambda: saved(
        Image.new("RGB", (100, 80), RED), "PNG", save_all=True,
        append_images=[Image.new("RGB", (100, 80), BLUE)],
    ),
    "animated WebP (second frame blue)": lambda: saved(
        Image.new("RGB", (100, 80), RED), "WEBP", save_all=True, lossless=True,
        append_images=[Image.new("RGB", (100, 80), BLUE)],
    ),
    "PNG with HTML in tEXt, zTXt and iTXt": lambda: png_with(
        chunk(b"tEXt", b"Comment\0" + MARKUP), ztxt(b"Title", MARKUP),
        itxt(b"Description", MARKUP, compressed=True),
    ),
    "PNG with an sRGB profile (iCCP)": lambda: png_with(iccp(srgb_profile())),
    "PNG with a 2 MB XMP packet (iTXt)": lambda: png_with(itxt(b"XML:com.adobe.xmp", xmp(2 << 20))),
    "PNG with a 3 MB compressed XMP packet (iTXt)": lambda: png_with(
        itxt(b"XML:com.adobe.xmp", xmp(3 << 20), compressed=True)
    ),
    "PNG with a 2 MB ICC profile (iCCP)": lambda: png_with(iccp(b"profile " * (1 << 18))),
    # Text that decompresses to far more than the file (refused as damaged, for Pillow's limits).
    "PNG with 20 MB of text in one zTXt": lambda: png_with(ztxt(b"Comment", b"A" * (20 << 20))),
    "PNG with 20 zTXt of 1 MB each": lambda: png_with(
        *(ztxt(b"C%d" % i, b"A" * (1 << 20)) for i in range(20))
    ),
    "PNG with 20 MB of text after its pixels": lambda: png_with(
        after=[ztxt(b"Comment", b"A" * (20 << 20))]
    ),
    "JPEG with an ICC profile that is no profile": lambda: jpeg_with_icc(b"garbage " * 1000),
    "JPEG with a 4 MB ICC profile": lambda: jpeg_with_icc(b"profile " * (1 << 19)),
}  # fmt: skip


def srgb_profile():
    from PIL import ImageCms

    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()


@pytest.mark.parametrize("case", TAKEN)
def test_only_the_first_image_is_kept_and_no_metadata(client, texts, application_data, media, case):
    raw = TAKEN[case]()
    upload = SimpleUploadedFile("photo.png", raw, content_type="image/png")
    response = client.post("/kk/apply/", {**application_data(), "photo": upload})
    assert response.status_code == 302, photo_error(response.content.decode())
    data = decrypted(media / Submission.objects.get().photo.name)
    assert b"<script" not in data and b"xmp" not in data and b"profile" not in data
    with Image.open(io.BytesIO(data)) as image:
        assert image.format == "JPEG" and getattr(image, "n_frames", 1) == 1
        assert set(image.info) <= {"jfif", "jfif_version", "jfif_unit", "jfif_density"}
        assert len(image.getexif()) == 0
        middle = image.getpixel((image.width // 2, image.height // 2))
        assert all(abs(a - b) <= 6 for a, b in zip(middle, RED, strict=True)), middle


def png_16bit_grey(pixels, transparent=None):
    """A 16-bit grey PNG of rows of 16-bit values, with a transparent value (tRNS) if given."""
    header = struct.pack(">IIBBBBB", len(pixels[0]), len(pixels), 16, 0, 0, 0, 0)
    rows = b"".join(b"\0" + b"".join(v.to_bytes(2) for v in row) for row in pixels)
    chunks = [chunk(b"IHDR", header), chunk(b"IDAT", zlib.compress(rows)), chunk(b"IEND", b"")]
    if transparent is not None:
        chunks.insert(1, chunk(b"tRNS", transparent.to_bytes(2)))
    return b"\x89PNG\r\n\x1a\n" + b"".join(chunks)


def test_a_16_bit_grey_png_keeps_its_transparent_value_white(
    client, texts, application_data, media
):
    """The left half is the value tRNS marks transparent: white on the stored photo, as every
    other transparent pixel is. It came out grey (its high byte), the transparency ignored."""
    pixels = [[0x4000] * 20 + [0x8000] * 20 for _ in range(30)]
    upload = SimpleUploadedFile("p.png", png_16bit_grey(pixels, transparent=0x4000))
    assert client.post("/kk/apply/", {**application_data(), "photo": upload}).status_code == 302
    with Image.open(io.BytesIO(decrypted(media / Submission.objects.get().photo.name))) as image:
        left, right = image.convert("L").getpixel((5, 15)), image.convert("L").getpixel((35, 15))
    assert left >= 250 and abs(right - 0x80) <= 4, (left, right)


def quadrants(size=(60, 40)):
    """A photo of four colours, one a quarter, so that every turn and flip tells apart."""
    image = Image.new("RGB", size)
    w, h = size[0] // 2, size[1] // 2
    for box, colour in zip(
        [(0, 0, w, h), (w, 0, *size), (0, h, w, size[1]), (w, h, *size)],
        [RED, (0, 160, 0), BLUE, (240, 240, 240)],
        strict=True,
    ):
        image.paste(colour, box)
    return image


def colours(image):
    """The colour at the middle of each quarter, to within JPEG's error."""
    w, h = image.size
    return [
        tuple(round(c / 40) for c in image.convert("RGB").getpixel((x * w // 4, y * h // 4)))
        for y in (1, 3)
        for x in (1, 3)
    ]


@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "WEBP"])
@pytest.mark.parametrize("orientation", range(1, 9))
def test_the_photo_is_stored_as_a_browser_shows_it(
    client, texts, application_data, media, orientation, fmt
):
    """EXIF orientation 1 to 8 (turns, mirrors and both): the stored photo is the one its owner
    saw, as Pillow's own exif_transpose shows it."""
    exif = Image.Exif()
    exif[0x0112] = orientation
    raw = saved(quadrants(), fmt, exif=exif.tobytes(), **({"quality": 95} if fmt == "JPEG" else {}))
    upload = SimpleUploadedFile(f"p.{fmt.lower()}", raw)
    assert client.post("/kk/apply/", {**application_data(), "photo": upload}).status_code == 302
    with Image.open(io.BytesIO(raw)) as sent:
        shown = ImageOps.exif_transpose(sent)
    with Image.open(io.BytesIO(decrypted(media / Submission.objects.get().photo.name))) as stored:
        assert stored.size == shown.size and colours(stored) == colours(shown)
        assert len(stored.getexif()) == 0


def multi_page_tiff():
    return saved(
        Image.new("RGB", (60, 40), RED), "TIFF", save_all=True,
        append_images=[Image.new("RGB", (60, 40), BLUE)],
    )  # fmt: skip


# Refused with the field's message in the visitor's language (forms_app/photo_formats.py,
# the one that names a photo format the site does not take too), nothing stored.
REFUSED = {
    "empty file": ("photo.jpg", lambda: b"", "image/jpeg", "empty"),
    "animated GIF": (
        "anim.gif",
        lambda: saved(Image.new("RGB", (60, 40), RED), "GIF", save_all=True,
                      append_images=[Image.new("RGB", (60, 40), BLUE)]),
        "image/gif", "type",
    ),
    "multi-page TIFF": ("scan.tif", multi_page_tiff, "image/tiff", "format"),
    "PNG cut short in its pixels": ("p.png", lambda: png((400, 400))[:300], "image/png", "invalid"),
    "PNG whose chunk runs past the end": (
        "p.png", lambda: png_with(chunk(b"tEXt", b"C\0x"))[:45], "image/png", "invalid"
    ),
    "text with a photo's type and name": ("photo.png", lambda: MARKUP, "image/png", "type"),
}  # fmt: skip


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("case", REFUSED)
def test_refused_files_say_why_and_leave_nothing(
    client, texts, application_data, media, lang, case
):
    name, make, content_type, expected = REFUSED[case]
    upload = SimpleUploadedFile(name, make(), content_type=content_type)
    response = client.post(f"/{lang}/apply/", {**application_data(), "photo": upload})
    assert response.status_code == 200
    error = photo_error(response.content.decode())
    if expected == "format":
        assert "TIFF/RAW" in error and "JPEG" in error
    else:
        assert error == MESSAGES[lang][expected]
    assert Submission.objects.count() == 0 and media_files(media) == []


# The name and the type a browser sends are the visitor's to choose: neither decides anything,
# and neither is kept.
NAMED = {
    "path parts": "../../../etc/passwd/..\\..\\photo.jpg",
    "Unicode": "Менің фотом 😀 ‮gpj.exe",
    "1,000 characters": "ф" * 996 + ".jpg",
    "no extension": "photo",
    "a PNG's extension on a JPEG": "photo.png",
}


@pytest.mark.parametrize("content_type", ["image/jpeg", "image/png", "application/x-php"])
@pytest.mark.parametrize("case", NAMED)
def test_a_photo_is_taken_whatever_its_name_and_type(
    client, texts, application_data, media, case, content_type
):
    upload = SimpleUploadedFile(NAMED[case], jpeg((60, 40)), content_type=content_type)
    response = client.post("/ru/apply/", {**application_data(), "photo": upload})
    assert response.status_code == 302, photo_error(response.content.decode())
    submission = Submission.objects.get()
    (stored,) = media_files(media)
    assert str(stored) == submission.photo.name and str(stored.parent) == "private/photos"
    assert len(stored.stem) == 32 and stored.suffix == ".jpg"  # a name the server chose
    with Image.open(io.BytesIO(decrypted(media / submission.photo.name))) as image:
        assert image.format == "JPEG" and image.size == (60, 40)
    kept = str(list(Submission.objects.values().get().values()))
    assert not any(part in kept for part in ("passwd", "фото", "ффф", "photo.png")), kept


def test_a_pngs_chunks_are_kept_for_its_pixels_and_orientation_only():
    from forms_app.png_chunks import pixel_chunks

    names = [b"IHDR", b"iCCP", b"PLTE", b"tRNS", b"tEXt", b"eXIf", b"acTL", b"fcTL", b"IDAT"]
    names += [b"fdAT", b"zTXt", b"iTXt", b"prVt", b"IEND"]
    chunks = [chunk(name, name.lower() * 3) for name in names]
    cut = chunk(b"tEXt", b"runs past the end")[:-6]
    kept = pixel_chunks(b"\x89PNG\r\n\x1a\n" + b"".join(chunks) + cut)
    wanted = [b"IHDR", b"PLTE", b"tRNS", b"eXIf", b"IDAT", b"IEND"]
    assert kept == b"\x89PNG\r\n\x1a\n" + b"".join(chunk(n, n.lower() * 3) for n in wanted) + cut
