"""Peak memory of sanitise_photo on one file, in a process like a gunicorn worker (bench/photos.py
makes the files; tests/forms/test_photo_memory.py and `make bench` measure them with peak_rss)."""

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
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

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
    """The measuring interpreter (`python -m bench.peak_rss`): Django set up, then for each
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
            [sys.executable, "-m", "bench.peak_rss"], cwd=ROOT, env=env, text=True,
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


if __name__ == "__main__":
    serve()
