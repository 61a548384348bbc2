"""Peak memory of one photo upload: the worst files the upload checks let through (make bench).

    python -m bench.photos DIR            # one JSON line: the worst file's cost
    python -m bench.photos DIR --table    # also a line per file on stderr

Each file is made once in DIR (a few seconds), then `sanitise_photo` runs on it in a process with
Django set up, like a gunicorn worker (bench/peak_rss.py); its cost is the rise of the process's
peak RSS (VmHWM) over the peak it had before the call. The tests use the same files and
measurement (tests/forms/test_photo_memory.py, compliance T9).
"""

import io
import json
import struct
import subprocess
import sys
import zlib
from pathlib import Path

from bench.peak_rss import peak_rss

ROOT = Path(__file__).resolve().parents[1]

SIDE = 6324  # 6324 x 6324 = 39,992,976 pixels: just under a 40-megapixel cap


def _chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png(width, height, *, depth, colour, pixel, chunks=(), interlaced=False):
    """A PNG of one colour written row by row: a few hundred KB for any size, made without
    holding the image (the maker's memory would otherwise be the measure)."""
    bits = len(pixel) * 8 if depth >= 8 else depth
    compressor = zlib.compressobj(9)
    body = []
    passes = (
        [(0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2),
         (0, 1, 1, 2)]
        if interlaced
        else [(0, 0, 1, 1)]
    )  # fmt: skip
    for x0, y0, dx, dy in passes:
        w, h = (width - x0 + dx - 1) // dx, (height - y0 + dy - 1) // dy
        if not w or not h:
            continue
        row = b"\x00" + (pixel * w if depth >= 8 else pixel * ((w * bits + 7) // 8))
        block = row * max(1, (1 << 20) // len(row))
        rows_per_block = len(block) // len(row)
        for _ in range(h // rows_per_block):
            body.append(compressor.compress(block))
        body.append(compressor.compress(row * (h % rows_per_block)))
    body.append(compressor.flush())
    ihdr = struct.pack(">IIBBBBB", width, height, depth, colour, 0, 0, int(interlaced))
    return b"".join(
        [b"\x89PNG\r\n\x1a\n", _chunk(b"IHDR", ihdr), *(_chunk(k, v) for k, v in chunks),
         _chunk(b"IDAT", b"".join(body)), _chunk(b"IEND", b"")]
    )  # fmt: skip


def pillow(mode, fmt, size, colour=None, **options):
    from PIL import Image

    out = io.BytesIO()
    Image.new(mode, size, colour).save(out, fmt, **options)
    return out.getvalue()


def exif_orientation(value):
    from PIL import Image

    exif = Image.Exif()
    exif[0x0112] = value
    return exif.tobytes()


def apng(side):
    from PIL import Image

    frames = [Image.new("RGBA", (side, side), c) for c in ((200, 30, 30, 255), (0, 0, 0, 0))]
    out = io.BytesIO()
    frames[0].save(out, "PNG", save_all=True, append_images=frames[1:], disposal=1)
    return out.getvalue()


def png_of_tiny_chunks():
    """A 5 MB PNG whose compressed pixels (noise at the top) come a byte a chunk: the most chunks
    a file under the size limit holds, each of which forms_app/png_chunks.py walks."""
    import random

    width = height = 2000
    noise = random.Random(0)
    rows = b"".join(b"\0" + noise.randbytes(3 * width) for _ in range(64))
    rows += (b"\0" + RED * width) * (height - 64)
    body = zlib.compress(rows, 9)
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    idats = b"".join(_chunk(b"IDAT", body[i : i + 1]) for i in range(len(body)))
    return b"".join([b"\x89PNG\r\n\x1a\n", _chunk(b"IHDR", ihdr), idats, _chunk(b"IEND", b"")])


RED, RED_HALF = b"\xc8\x1e\x1e", b"\x00\x80\x00\x80"
# The worst files the checks let through: tiny to upload, in the modes and encodings whose
# decoding costs the most per pixel, each as large as forms_app/images.py accepts it (the tests
# check that it does); then the files, just under the old 40-megapixel cap alone.
ACCEPTED = {
    "PNG RGB 5329x5329": lambda: png(5329, 5329, depth=8, colour=2, pixel=RED),
    "PNG RGBA 5329x5329": lambda: png(5329, 5329, depth=8, colour=6, pixel=RED_HALF),
    "PNG RGBA 16-bit 5329x5329": lambda: png(5329, 5329, depth=16, colour=6, pixel=b"\x12\x34" * 4),
    "PNG interlaced RGBA 5329x5329": lambda: png(
        5329, 5329, depth=8, colour=6, pixel=RED_HALF, interlaced=True
    ),
    "PNG grey+alpha 5329x5329": lambda: png(5329, 5329, depth=8, colour=4, pixel=b"\x80\x80"),
    # Metadata the site does not read (forms_app/png_chunks.py), but holds a copy of the file for.
    "PNG of 380,000 chunks": lambda: png_of_tiny_chunks(),
    "PNG RGB 5329x5329 with 4 MB of XMP": lambda: png(
        5329,
        5329,
        depth=8,
        colour=2,
        pixel=RED,
        chunks=[(b"iTXt", b"XML:com.adobe.xmp\0\0\0\0\0" + b"<rdf:li>x</rdf:li>" * 233_000)],
    ),
    "APNG RGBA 5329x5329": lambda: apng(5329),
    "PNG grey 16-bit 40 MP": lambda: png(SIDE, SIDE, depth=16, colour=0, pixel=b"\x80\x00"),
    "PNG palette+tRNS 40 MP": lambda: png(
        SIDE,
        SIDE,
        depth=8,
        colour=3,
        pixel=b"\x01",
        chunks=[(b"PLTE", b"\x00\x00\x00\xc8\x1e\x1e"), (b"tRNS", b"\x00\x80")],
    ),
    "PNG 1-bit 40 MP": lambda: png(SIDE, SIDE, depth=1, colour=0, pixel=b"\xaa"),
    "PNG RGBA 16-bit 6710886x1": lambda: png(
        6_710_886, 1, depth=16, colour=6, pixel=b"\x12\x34" * 4
    ),
    "PNG RGBA 1x11062460": lambda: png(1, 11_062_460, depth=8, colour=6, pixel=RED_HALF),
    "JPEG 7744x5164, EXIF orientation 6": lambda: pillow(
        "RGB", "JPEG", (7744, 5164), (200, 30, 30), exif=exif_orientation(6), quality=95
    ),
    "JPEG CMYK 40 MP": lambda: pillow("CMYK", "JPEG", (SIDE, SIDE), (0, 200, 200, 30), quality=95),
    "JPEG progressive 4:4:4 4376x4376": lambda: pillow(
        "RGB", "JPEG", (4376, 4376), (200, 30, 30), progressive=True, subsampling=0, quality=95
    ),
    "JPEG CMYK progressive 3344x3344": lambda: pillow(
        "CMYK", "JPEG", (3344, 3344), (0, 200, 200, 30), progressive=True, quality=95
    ),
    "JPEG grey progressive 40 MP": lambda: pillow(
        "L", "JPEG", (SIDE, SIDE), 128, progressive=True, quality=95
    ),
    "WebP lossy 2896x2896": lambda: pillow("RGB", "WEBP", (2896, 2896), (200, 30, 30)),
    "WebP lossless RGBA 2896x2896": lambda: pillow(
        "RGBA", "WEBP", (2896, 2896), (0, 128, 0, 128), lossless=True
    ),
}
REFUSED = {
    "PNG RGB 40 MP": lambda: png(SIDE, SIDE, depth=8, colour=2, pixel=RED),
    "PNG RGBA 40 MP": lambda: png(SIDE, SIDE, depth=8, colour=6, pixel=RED_HALF),
    "JPEG progressive 4:4:4 40 MP": lambda: pillow(
        "RGB", "JPEG", (SIDE, SIDE), (200, 30, 30), progressive=True, subsampling=0
    ),
    "JPEG CMYK progressive 40 MP": lambda: pillow(
        "CMYK", "JPEG", (SIDE, SIDE), (0, 200, 200, 30), progressive=True
    ),
    "WebP lossless RGBA 40 MP": lambda: pillow(
        "RGBA", "WEBP", (SIDE, SIDE), (0, 128, 0, 128), lossless=True
    ),
}
WORST = {**ACCEPTED, **REFUSED}


def slug(name):
    return "".join(c if c.isalnum() else "-" for c in name.lower()).strip("-")


def paths(directory):
    return {name: Path(directory) / slug(name) for name in WORST}


def make(directory):
    """The files of WORST in directory ({name: path}), made on first use in an interpreter of
    their own, so that the memory making them takes is not held by the caller."""
    files = paths(directory)
    if not all(p.exists() for p in files.values()):
        Path(directory).mkdir(parents=True, exist_ok=True)
        subprocess.run([sys.executable, "-m", "bench.photos", "--make", str(directory)], cwd=ROOT,
                       check=True)  # fmt: skip
    return files


def main(directory, table=False):
    results = {}
    for name, path in make(directory).items():
        results[name] = {**peak_rss(path), "kb": round(path.stat().st_size / 1024, 1)}
        if table:
            r = results[name]
            print(f"{name:<32}{r['kb']:>7} KB {r['before_mb']:>6.0f} -> {r['after_mb']:>5.0f} MB"
                  f" (+{r['cost_mb']:.0f}) {r['outcome']}", file=sys.stderr)  # fmt: skip
    worst = max(results, key=lambda n: results[n]["after_mb"])
    return {
        "photo_worst_file": worst,
        "photo_peak_rss_mb": round(results[worst]["after_mb"], 1),
        "photo_cost_mb": results[worst]["cost_mb"],
    }


if __name__ == "__main__":
    if sys.argv[1] == "--make":
        for name, path in paths(sys.argv[2]).items():
            if not path.exists():
                path.with_suffix(".tmp").write_bytes(WORST[name]())
                path.with_suffix(".tmp").rename(path)
    else:
        print(json.dumps(main(sys.argv[1], table="--table" in sys.argv)))
