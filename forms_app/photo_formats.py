"""Which photo a visitor uploaded, when it is not one the site accepts (JPEG, PNG, WebP).

An iPhone's photo copied to a computer is HEIC; newer phones and browsers save AVIF; a camera
writes RAW (most of them TIFF inside). All were told «Upload a photo in JPEG, PNG or WebP
format», as if the file were not a photo: the visitor did not know that theirs was one in
another format, nor what to do. A photo format we recognise is named, with how to send it;
anything else (a GIF, a document) keeps the general message. Judged by the file's first bytes,
never its name."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

# The largest photo the site takes: here, beside what it says past it, for the field's page
# (fields.py) without loading Pillow (images.py) at every process's start.
MAX_BYTES = 5 * 1024 * 1024
ACCEPTED = (b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n")  # JPEG, PNG; WebP is RIFF…WEBP (below)
WRONG_TYPE = _("Upload a photo in JPEG, PNG or WebP format.")
# Over the size or the pixels the site takes (MAX_BYTES, images.MAX_PIXELS): what to do, not
# only what is wrong. A phone's camera takes photos over 5 MB, and its owner was told only
# that: a screenshot is a smaller copy any phone makes.
TOO_BIG = _(
    "The photo is larger than 5 MB. Attach a smaller copy of it: for example, a screenshot of "
    "the photo."
)
TOO_MANY_PIXELS = ngettext_lazy(
    "The photo has more than %(limit)d megapixel. Attach a smaller copy of it: for example, a "
    "screenshot of the photo.",
    "The photo has more than %(limit)d megapixels. Attach a smaller copy of it: for example, a "
    "screenshot of the photo.",
    "limit",
)
# A file of 0 bytes: Django's «The submitted file is empty» said neither that the photo was
# meant nor what to do. A phone hands one over when the photo is still downloading from its
# cloud, or was moved or deleted after it was chosen.
EMPTY = _(
    "The chosen photo file is empty (0 bytes): the phone may not have finished saving or "
    "downloading it. Open the photo in your gallery, then attach it again, or send the form "
    "without a photo."
)
NOT_ACCEPTED = _(
    "Photos in %(format)s format are not accepted. Save the photo as JPEG (in a photo app: "
    "Export or Save as, choosing JPEG) and upload it again."
)
# The ISO base media file's brands (its «ftyp» box), as HEIF (ISO/IEC 23008-12) and MIAF name
# them: a brand of AVIF first, since an AVIF file lists HEIF's general brands too.
BRANDS = (
    ({b"avif", b"avis"}, "AVIF"),
    ({b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"hevm", b"hevs"}, "HEIC"),
    ({b"mif1", b"mif2", b"msf1", b"miaf"}, "HEIF"),
    ({b"jxl "}, "JPEG XL"),
    ({b"crx "}, "RAW"),  # Canon's CR3
)
# Other formats by their first bytes: TIFF is also what most cameras' RAW files are (DNG, NEF,
# CR2, ARW); Olympus, Panasonic and Fujifilm write RAW of their own.
SIGNATURES = (
    ((b"II*\x00", b"MM\x00*"), "TIFF/RAW"),
    ((b"IIRO", b"IIRS", b"IIU\x00", b"FUJIFILMCCD-RAW"), "RAW"),
    ((b"\xff\x0a", b"\x00\x00\x00\x0cJXL "), "JPEG XL"),  # a codestream, a container
)


def photo_format(head):
    """The name of the format of a photo the site does not accept, or None."""
    if head[4:8] == b"ftyp":
        brands = {head[8:12], *(head[i : i + 4] for i in range(16, len(head) - 3, 4))}
        return next((name for kinds, name in BRANDS if kinds & brands), None)
    return next((name for starts, name in SIGNATURES if head.startswith(starts)), None)


def check_type(head):
    """Refuse a file that is not a JPEG, PNG or WebP, naming a photo format it knows."""
    webp = head.startswith(b"RIFF") and head[8:12] == b"WEBP"
    if not (head.startswith(ACCEPTED) or webp):
        if name := photo_format(head):
            raise ValidationError(NOT_ACCEPTED, code="format", params={"format": name})
        raise ValidationError(WRONG_TYPE, code="type")
