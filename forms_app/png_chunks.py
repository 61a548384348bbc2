"""A PNG's chunks that Pillow reads for the first image's pixels and orientation, without the rest.

The stored photo keeps pixels only (compliance T10), yet Pillow read every chunk of a PNG before
that: it decompressed text (zTXt, iTXt) and the ICC profile (iCCP) into memory, and refused a file
whose text came to over 1 MB (images.py's PngImagePlugin.MAX_TEXT_MEMORY) or whose compressed
chunk held over 1 MB (its MAX_TEXT_CHUNK). An editor that keeps a document's history writes an XMP
packet of several MB (Photoshop's photoshop:DocumentAncestors), a printer's profile is as large:
their owners were told that the photo was damaged, which they could do nothing about. Chunks that
are thrown away are no longer read, so no metadata can refuse a photo or cost a worker anything.

An animated PNG's frame control and frame data go too: its first frame is the image (IDAT) the
file holds for any PNG reader, of the size of the whole picture (APNG specification, fcTL).
"""

# What the first image's pixels need (its header, palette, transparency, data and end), and its
# EXIF for the orientation.
KEPT = {b"IHDR", b"PLTE", b"tRNS", b"IDAT", b"IEND", b"eXIf"}
SIGNATURE = b"\x89PNG\r\n\x1a\n"


def pixel_chunks(data: bytes) -> bytes:
    """The PNG in `data` with only the chunks of KEPT, each as it was (its length and CRC, which
    Pillow checks). From a chunk whose length runs past the end on, the rest is kept as it is,
    for Pillow to judge. Written into one buffer as it goes: a 5 MB file holds 400,000 chunks,
    whose slices held at once took 100 MB."""
    view = memoryview(data)
    kept, position = bytearray(view[: len(SIGNATURE)]), len(SIGNATURE)
    while position + 8 <= len(data):
        end = position + 12 + int.from_bytes(view[position : position + 4])
        if end > len(data):
            break
        if bytes(view[position + 4 : position + 8]) in KEPT:
            kept += view[position:end]
        position = end
    kept += view[position:]
    return bytes(kept)
