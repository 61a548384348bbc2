"""Peak memory of one photo upload: the worst files the upload checks let through (make bench).

    python bench/photos.py DIR            # one JSON line: the worst file's cost
    python bench/photos.py DIR --table    # also a line per file on stderr

Each file is made once in DIR (a few seconds), then `sanitise_photo` runs on it in a process with
Django set up, like a gunicorn worker (a child forked from one interpreter that set Django up, see
`serve`); its cost is the rise of the process's peak RSS (VmHWM) over the peak it had before the
call. The tests use the same files and measurement (tests/forms/test_photo_memory.py, compliance
T9).
"""

import array
import atexit
import contextlib
import io
import json
import os
import struct
import subprocess
import sys
import tempfile
import threading
import zlib
from pathlib import Path

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
        subprocess.run([sys.executable, __file__, "--make", str(directory)], cwd=ROOT, check=True)
    return files


# How peak_rss measures: one interpreter a process (`serve`, started on first use) sets Django up
# once, like a gunicorn worker, and forks a child for each file, which runs sanitise_photo and
# reports its peak RSS before and after (VmHWM). A fresh interpreter a file cost ~1 s of CPU each
# to start Django again.
#
# Why a forked child's figures are a fresh worker's (checked on Linux 6.18):
# - VmHWM starts at the child's own RSS at fork, not at the parent's peak (a parent that held
#   500 MB and freed it forks a child whose VmHWM is 7 MB). ru_maxrss is no use: it carries the
#   parent's peak across fork and exec.
# - The child's RSS at fork counts every anonymous page of the parent's (the heap), but none of
#   the pages of its files (the interpreter, its libraries): Linux copies no page tables of a
#   file's mapping at fork, and faults them in as they are touched. A child would so start ~28 MB
#   lower than a fresh interpreter (70 MB, not 98) and count 1-2 MB more as its cost: the pages
#   the decoding touches again. It first touches the pages the server has mapped
#   (`_resident_file_pages`), which brings its RSS to the server's exactly.
# - The server's own peak is the one of Django's set-up: it decodes nothing.
CHILD_SECONDS = 600  # a child that runs longer is killed (SIGALRM) and reported, not waited for


def _status(key):
    """A figure of this process's /proc/self/status, in kB."""
    status = Path("/proc/self/status").read_text()
    return int(status.split(f"{key}:")[1].split()[0])


def _resident_file_pages():
    """The addresses of the pages of files that this process has mapped in (/proc/self/pagemap's
    present bit); none where the kernel does not tell."""
    pages = array.array("Q")
    size = os.sysconf("SC_PAGE_SIZE")
    try:
        with open("/proc/self/maps") as maps, open("/proc/self/pagemap", "rb") as pagemap:
            for line in maps:
                fields = line.split()
                if len(fields) < 6 or not fields[5].startswith("/") or fields[1][0] != "r":
                    continue
                start, end = (int(x, 16) for x in fields[0].split("-"))
                pagemap.seek(start // size * 8)
                entries = pagemap.read((end - start) // size * 8)
                for i, (entry,) in enumerate(struct.iter_unpack("Q", entries)):
                    if entry >> 63:
                        pages.append(start + i * size)
    except OSError:
        return array.array("Q")
    return pages


def serve():
    """The measuring interpreter (`python -m bench.photos --serve`): Django set up, then for each
    line on stdin ({"path", "headroom_mb"}) a forked child measures sanitise_photo on the file
    and this process writes one line: the child's figures, or {"error"} if it failed, crashed or
    ran out of time."""
    import ctypes
    import resource
    import signal
    import traceback

    import django

    django.setup()
    from django.core.exceptions import ValidationError
    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image

    from forms_app.images import sanitise_photo

    def measure(path, headroom_mb):
        upload = SimpleUploadedFile("photo", Path(path).read_bytes())
        if headroom_mb:  # a ceiling as emalu/gunicorn.py sets one, this far above the baseline
            limit = _status("VmData") * 1024 + headroom_mb * 1024 * 1024
            resource.setrlimit(resource.RLIMIT_DATA, (limit, limit))
        before = _status("VmHWM")
        try:
            with Image.open(io.BytesIO(sanitise_photo(upload).read())) as out:
                outcome = "{}x{}".format(*out.size)
        except ValidationError as e:
            outcome = e.code
        after = _status("VmHWM")
        return {"before_mb": before / 1024, "after_mb": after / 1024, "outcome": outcome}

    for line in sys.stdin:
        request = json.loads(line)
        pages = _resident_file_pages()
        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: its output, errors included, goes to the pipe
            code = 1
            try:
                os.close(read)
                os.dup2(write, 1)
                os.dup2(write, 2)
                signal.alarm(CHILD_SECONDS)
                for page in pages:
                    ctypes.string_at(page, 1)
                print(json.dumps(measure(**request)))
                code = 0
            except BaseException:
                traceback.print_exc()
            finally:
                with contextlib.suppress(BaseException):
                    sys.stdout.flush()
                    sys.stderr.flush()
                os._exit(code)
        os.close(write)
        with open(read, "rb") as pipe:  # to its end: the child has exited or been killed
            output = pipe.read().decode(errors="replace")
        code = os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])
        lines = output.splitlines()
        if code == 0 and lines and lines[-1].startswith("{"):
            reply = lines[-1]
        else:
            how = f"killed by {signal.Signals(-code).name}" if code < 0 else f"exit status {code}"
            reply = json.dumps({"error": f"the measuring child ended ({how}): {output[-3000:]}"})
        sys.stdout.write(reply + "\n")
        sys.stdout.flush()


class _Server:
    """This process's measuring interpreter (`serve`)."""

    def __init__(self):
        # Its own errors (Django's set-up), read if it ends; closed by stop().
        self.errors = tempfile.TemporaryFile()  # noqa: SIM115
        env = {**os.environ, "DJANGO_SETTINGS_MODULE": "tests.settings"}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "bench.photos", "--serve"], cwd=ROOT, env=env, text=True,
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self.errors,
        )  # fmt: skip

    def ask(self, request):
        try:
            self.process.stdin.write(json.dumps(request) + "\n")
            self.process.stdin.flush()
            line = self.process.stdout.readline()
        except BrokenPipeError:
            line = ""
        if not line:
            errors = self.stop()[-3000:]
            raise RuntimeError(
                f"the measuring interpreter ended ({self.process.returncode}): {errors}"
            )
        return json.loads(line)

    def stop(self):
        """Its stdin closed, it ends; waited for, so that its time counts as this process's.
        Returns what it wrote to stderr."""
        with contextlib.suppress(OSError):
            self.process.stdin.close()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.process.stdout.close()
        self.errors.seek(0)
        errors = self.errors.read().decode(errors="replace")
        self.errors.close()
        return errors


_server = None
_server_lock = threading.Lock()


def stop():
    """End this process's measuring interpreter, if one runs (also done at exit)."""
    global _server
    with _server_lock:
        if _server is not None:
            _server.stop()
            _server = None


atexit.register(stop)


def peak_rss(path, headroom_mb=None):
    """sanitise_photo on the file at path in a worker-like process (a child forked from an
    interpreter with Django set up): its peak RSS before and after (MB), their difference
    (cost_mb) and the outcome (the stored size, or the ValidationError's code); with
    headroom_mb, under a memory ceiling that far above its data. A child that fails raises
    RuntimeError."""
    global _server
    request = {"path": os.path.abspath(path), "headroom_mb": headroom_mb}
    with _server_lock:
        if _server is None:
            _server = _Server()
        try:
            result = _server.ask(request)
        except RuntimeError:
            _server = None
            raise
    if "error" in result:
        raise RuntimeError(f"measuring {path}: {result['error']}")
    result["cost_mb"] = round(result["after_mb"] - result["before_mb"], 1)
    return result


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
    if sys.argv[1] == "--serve":
        serve()
    elif sys.argv[1] == "--make":
        for name, path in paths(sys.argv[2]).items():
            if not path.exists():
                path.with_suffix(".tmp").write_bytes(WORST[name]())
                path.with_suffix(".tmp").rename(path)
    else:
        print(json.dumps(main(sys.argv[1], table="--table" in sys.argv)))
