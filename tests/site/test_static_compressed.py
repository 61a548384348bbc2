"""The compressed variants `collectstatic` writes beside each static file (SiteCompressor in
emalu/static_files.py): each content compressed once, at the first `collectstatic` that meets it.
WhiteNoise compressed every file again at every run (each release, on each host: some 4
CPU-seconds), and twice in one, under the plain and the hashed name; what is served must stay
the same bytes."""

import gzip
import os

import brotli
import pytest
from whitenoise.compress import Compressor

from emalu.static_files import SiteCompressor

SCRIPT = b"function shown() { return 'emaluplus'; }\n" * 200
STYLE = b"body { font-family: 'Noto Sans', sans-serif; }\n" * 200


@pytest.fixture
def brotli_made(monkeypatch):
    """The contents Brotli was asked to compress, in order."""
    made = []
    compress = Compressor.compress_brotli

    def counted(data):
        made.append(data)
        return compress(data)

    monkeypatch.setattr(Compressor, "compress_brotli", staticmethod(counted))
    return made


def collect(root, names, compressor=None):
    """What one `collectstatic` does to the collected files `names`: a compressor of its own."""
    compressor = compressor or SiteCompressor(quiet=True)
    for name in names:
        compressor.compress(str(root / name))


def served(root, name):
    """The bytes a browser reads from each variant of `name`."""
    return (brotli.decompress((root / f"{name}.br").read_bytes()),
            gzip.decompress((root / f"{name}.gz").read_bytes()))  # fmt: skip


def test_it_compresses_one_content_once_under_its_plain_and_hashed_names(tmp_path, brotli_made):
    (tmp_path / "app.js").write_bytes(SCRIPT)
    (tmp_path / "app.3c177fc8104f.js").write_bytes(SCRIPT)
    collect(tmp_path, ["app.js", "app.3c177fc8104f.js"])
    assert brotli_made == [SCRIPT]
    assert served(tmp_path, "app.js") == served(tmp_path, "app.3c177fc8104f.js") == (SCRIPT,) * 2


def test_a_later_collectstatic_compresses_only_what_changed(tmp_path, brotli_made):
    (tmp_path / "app.js").write_bytes(SCRIPT)
    (tmp_path / "site.css").write_bytes(STYLE)
    collect(tmp_path, ["app.js", "site.css"])
    first = (tmp_path / "app.js.br").read_bytes()
    brotli_made.clear()

    (tmp_path / "site.css").write_bytes(STYLE + b"main { margin: 0; }\n")  # the release's change
    collect(tmp_path, ["app.js", "site.css"])
    assert brotli_made == [STYLE + b"main { margin: 0; }\n"]
    assert (tmp_path / "app.js.br").read_bytes() == first
    assert served(tmp_path, "site.css") == (STYLE + b"main { margin: 0; }\n",) * 2
    assert served(tmp_path, "app.js") == (SCRIPT,) * 2


def test_a_variant_cut_short_or_stale_is_made_again(tmp_path, brotli_made):
    (tmp_path / "app.js").write_bytes(SCRIPT)
    (tmp_path / "site.css").write_bytes(STYLE)
    collect(tmp_path, ["app.js", "site.css"])
    whole = (tmp_path / "app.js.br").read_bytes()
    (tmp_path / "app.js.br").write_bytes(whole[: len(whole) // 2])  # a disk that filled
    (tmp_path / "site.css.gz").write_bytes(gzip.compress(b"body {}"))  # another file's bytes
    collect(tmp_path, ["app.js", "site.css"])
    assert served(tmp_path, "app.js") == (SCRIPT,) * 2
    assert served(tmp_path, "site.css") == (STYLE,) * 2


def test_a_file_changed_to_bytes_not_worth_compressing_keeps_no_older_variant(tmp_path):
    """WhiteNoise writes no variant when compressing saves too little (random bytes, an image):
    the variant an earlier release left beside the file then stayed, and nginx's gzip_static
    or WhiteNoise served the old content under the file's name."""
    (tmp_path / "app.js").write_bytes(SCRIPT)
    collect(tmp_path, ["app.js"])
    (tmp_path / "app.js").write_bytes(os.urandom(8000))  # the release's bytes
    collect(tmp_path, ["app.js"])
    assert not (tmp_path / "app.js.br").exists() and not (tmp_path / "app.js.gz").exists()


def test_a_variant_keeps_its_files_modification_time(tmp_path, brotli_made):
    """nginx and WhiteNoise date a variant by its file: taken as it was, it is dated as made."""
    (tmp_path / "app.js").write_bytes(SCRIPT)
    os.utime(tmp_path / "app.js", (1_700_000_000, 1_700_000_000))
    collect(tmp_path, ["app.js"])
    os.utime(tmp_path / "app.js", (1_800_000_000, 1_800_000_000))  # copied again, same bytes
    collect(tmp_path, ["app.js"])
    for suffix in (".br", ".gz"):
        assert (tmp_path / f"app.js{suffix}").stat().st_mtime == 1_800_000_000


def test_a_variant_not_written_whole_leaves_none(tmp_path, monkeypatch):
    (tmp_path / "app.js").write_bytes(SCRIPT)

    def disk_full(compressor, path, data, suffix, stat_result):
        with open(path + suffix, "wb") as file:
            file.write(data[:10])
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Compressor, "write_data", disk_full)
    with pytest.raises(OSError, match="No space"):
        collect(tmp_path, ["app.js"])
    assert sorted(path.name for path in tmp_path.iterdir()) == ["app.js"]
