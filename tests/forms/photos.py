"""Photos for the upload tests: files made to measure, the field's messages, what is stored."""

import io
import re
import struct
import uuid
import zlib
from pathlib import Path

from PIL import Image

# The field's own error in each language, exactly (the help text also names JPEG and 5 MB).
MESSAGES = {
    "kk": {
        # what to do too, over the size or the pixels: a phone's camera takes such photos
        "too_big": "Фотосуреттің көлемі 5\N{NO-BREAK SPACE}МБ-тан асады. Оның кішірек көшірмесін "
        "тіркеңіз: мысалы, фотосуреттің скриншотын жасап, соны тіркеңіз.",
        "type": "Фотосуретті JPEG, PNG немесе WebP пішімінде жүктеңіз.",
        "pixels": "Фотосуреттің өлшемі 40\N{NO-BREAK SPACE}мегапикселден асады. Оның кішірек "
        "көшірмесін тіркеңіз: мысалы, фотосуреттің скриншотын жасап, соны тіркеңіз.",
        "invalid": "Файл бүлінген немесе фотосурет емес.",
        "too_many": "Тек бір ғана фотосурет жүктеңіз.",
        "memory": "Фотосуретті өңдеу мүмкін болмады. Кішірек фотосурет жүктеңіз.",
        # what happened and what to do: Django's own said only «Бос файл жіберілді»
        "empty": "Таңдалған фотосурет файлы бос (0\N{NO-BREAK SPACE}байт): телефон оны сақтап "
        "не жүктеп үлгермеген болуы мүмкін. Фотосуретті галереяда ашып, оны қайта тіркеңіз немесе "
        "форманы фотосуретсіз жіберіңіз.",
        "unread": "Тіркелген файлды оқу мүмкін болмады: оның атауы тым ұзын. Файлдың атауын "
        "қысқа етіп өзгертіп, оны қайта тіркеңіз.",
    },
    "ru": {
        "too_big": "Размер фото больше 5\N{NO-BREAK SPACE}МБ. Прикрепите копию поменьше: например, "
        "снимок экрана с\N{NO-BREAK SPACE}этим фото.",
        "type": "Загрузите фото в\xa0формате JPEG, PNG или WebP.",
        "pixels": "Разрешение фото больше 40\N{NO-BREAK SPACE}мегапикселей. Прикрепите копию "
        "поменьше: например, снимок экрана с\N{NO-BREAK SPACE}этим фото.",
        "invalid": "Файл повреждён, или это не фото.",
        "too_many": "Загрузите только одно фото.",
        "memory": "Не удалось обработать фото. Загрузите фото меньшего размера.",
        "empty": "Выбранный файл фото пуст (0\N{NO-BREAK SPACE}байт): возможно, телефон ещё не "
        "сохранил или не загрузил его. Откройте фото в\N{NO-BREAK SPACE}галерее "
        "и\N{NO-BREAK SPACE}приложите его снова или отправьте форму без фото.",
        "unread": "Приложенный файл не удалось прочитать: его имя слишком длинное. Переименуйте "
        "файл, дав ему короткое имя, и\N{NO-BREAK SPACE}приложите его снова.",
    },
}
EXPECTED = {
    "20 MB JPEG": "too_big",
    "JPEG of 5 MB and one byte": "too_big",
    "41-megapixel PNG": "pixels",
    "WAV renamed .webp": "type",
    "AVI renamed .webp": "type",
    "20000x20000 PNG": "pixels",
    "JPEG with a zero sampling factor": "invalid",
    "WebP 0 pixels wide": "invalid",
    "JPEG of 300 scans": "invalid",
    "JPEG of 300 scans behind bytes libjpeg skips": "invalid",
}


def photo_error(html):
    """The text of the photo field's error message, without its hidden "Error:" prefix."""

    paragraph = re.search(r'id="id_photo_error">(.*?)</p>', html, re.S).group(1)
    return re.sub(r"<span[^>]*>.*?</span>", "", paragraph).strip()


def jpeg(size=(64, 48), exif=None, **kwargs):
    out = io.BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(out, "JPEG", exif=exif or b"", **kwargs)
    return out.getvalue()


def jpeg_with_preview(size, exif=None):
    """A camera's or phone's JPEG as many write it: the photo, then a smaller preview of another
    colour in the Multi-Picture Format (CIPA DC-007), which Pillow names "MPO"."""
    out = io.BytesIO()
    preview = Image.new("RGB", (size[0] // 4, size[1] // 4), (0, 0, 255))
    Image.new("RGB", size, (200, 30, 30)).save(
        out, "MPO", save_all=True, append_images=[preview], exif=exif or b""
    )
    return out.getvalue()


def png(size=(32, 32)):
    out = io.BytesIO()
    Image.new("RGBA", size, (0, 128, 0, 128)).save(out, "PNG")
    return out.getvalue()


def png_declaring(width, height):
    """A few hundred bytes that claim to be a width x height PNG (a decompression bomb)."""

    def chunk(kind, data):
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    body = zlib.compress(b"\x00" * 1024)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", body) + chunk(b"IEND", b"")


def big_jpeg():
    data = jpeg()
    return data[:-2] + b"\x00" * (20 * 1024 * 1024) + data[-2:]


def jpeg_of(size):
    """A valid JPEG of exactly `size` bytes: filler before its end marker."""
    data = jpeg()
    return data[:-2] + b"\x00" * (size - len(data)) + data[-2:]


def riff(kind):
    """A RIFF file that is no WebP (a WAV sound, an AVI video): the container WebP uses."""
    return b"RIFF" + struct.pack("<I", 1000) + kind + b"\x00" * 1000


def jpeg_sampled_zero():
    """A progressive greyscale JPEG whose frame header gives its component a vertical sampling
    factor of 0: libjpeg allows 1 to 4, and refuses the file as damaged."""
    out = io.BytesIO()
    Image.new("L", (40, 30), 128).save(out, "JPEG", progressive=True)
    data = bytearray(out.getvalue())
    sof = data.index(b"\xff\xc2")  # the progressive frame header: length, precision, size...
    data[sof + 11] = 0x10  # ...components: id, then sampling factors (h << 4 | v), table
    return bytes(data)


def jpeg_scanned_over_and_over(scans=300, hidden=False):
    """A small progressive JPEG whose last scan (a refinement of every block, a few bytes long)
    is repeated: libjpeg goes over the whole image once per scan, so 300 scans of 18 KB kept a
    40-megapixel photo decoding for 15 s, and a 5 MB file for an hour. `hidden`: with bytes
    libjpeg skips (junk between two header segments, a fill byte before each scan)."""
    out = io.BytesIO()
    Image.new("L", (64, 64), 128).save(out, "JPEG", progressive=True)
    data = out.getvalue()
    last = data.rindex(b"\xff\xda")
    scan, head = data[last:-2], data[:-2]
    if hidden:
        app0_end = 4 + int.from_bytes(head[4:6])
        head, scan = head[:app0_end] + b"junk\x00" + head[app0_end:], b"\xff" + scan
    return head + scan * scans + b"\xff\xd9"


def webp_zero_wide():
    """A lossy WebP whose VP8 frame header says it is 0 pixels wide."""
    out = io.BytesIO()
    Image.new("RGB", (40, 30), (10, 20, 30)).save(out, "WEBP")
    data = bytearray(out.getvalue())
    data[26:28] = b"\x00\x00"
    return bytes(data)


SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
BAD_FILES = {
    "20 MB JPEG": ("big.jpg", big_jpeg, "image/jpeg"),
    # Just over each limit, where a limit widened twofold would still let it in.
    "JPEG of 5 MB and one byte": ("big.jpg", lambda: jpeg_of(5 * 1024 * 1024 + 1), "image/jpeg"),
    "41-megapixel PNG": ("wide.png", lambda: png_declaring(8200, 5000), "image/png"),
    "WAV renamed .webp": ("sound.webp", lambda: riff(b"WAVEfmt "), "image/webp"),
    "AVI renamed .webp": ("video.webp", lambda: riff(b"AVI LIST"), "video/x-msvideo"),
    "shell.php renamed .jpg": ("shell.jpg", lambda: b"<?php system($_GET['c']); ?>", "image/jpeg"),
    "photo.jpg.php": ("photo.jpg.php", lambda: b"<?php echo 1; ?>", "application/x-php"),
    "photo.php%00.jpg": ("photo.php\x00.jpg", lambda: b"<?php echo 1; ?>", "image/jpeg"),
    "SVG": ("photo.svg", lambda: SVG, "image/svg+xml"),
    "PDF": ("photo.pdf", lambda: b"%PDF-1.4\n1 0 obj<<>>endobj\n%%EOF", "application/pdf"),
    "truncated JPEG": ("cut.jpg", lambda: jpeg((400, 400))[:600], "image/jpeg"),
    "20000x20000 PNG": ("bomb.png", lambda: png_declaring(20000, 20000), "image/png"),
    "GIF": ("anim.gif", lambda: b"GIF89a" + b"\x00" * 40, "image/gif"),
    # Header values read before a decoder has checked them (they were divided by: a 500).
    "JPEG with a zero sampling factor": ("zero.jpg", jpeg_sampled_zero, "image/jpeg"),
    "WebP 0 pixels wide": ("zero.webp", webp_zero_wide, "image/webp"),
    "JPEG of 300 scans": ("scans.jpg", jpeg_scanned_over_and_over, "image/jpeg"),
    "JPEG of 300 scans behind bytes libjpeg skips": (
        "scans.jpg",
        lambda: jpeg_scanned_over_and_over(hidden=True),
        "image/jpeg",
    ),
}


def decrypted(path):
    """The JPEG inside a stored (encrypted) photo file."""
    from consent.core.photos import fernet

    return fernet().decrypt(path.read_bytes())


def media_files(media):
    return media.files()


def multipart(fields, photo):
    """A multipart/form-data body with the fields and the photo: (body, content type)."""
    boundary = uuid.uuid4().hex
    parts = [
        f'--{boundary}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n'.encode()
        for k, v in fields.items()
    ]
    parts.append(
        f'--{boundary}\r\nContent-Disposition: form-data; name="photo"; filename="p.png"\r\n'
        "Content-Type: image/png\r\n\r\n".encode()
        + photo
        + b"\r\n"
    )
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


def post_photo(port, photo, lang="kk"):
    """The application form posted as a browser does, with the photo: (status, body)."""
    from tests.live import form_session, request

    cookies, csrf, token = session = form_session(port, f"/{lang}/apply/")
    fields = {
        "csrfmiddlewaretoken": csrf,
        "token": token,
        "texts_shown": session.shown,
        "full_name": "Әсел Қасымова",
        "email": f"{uuid.uuid4().hex[:8]}@example.kz",
        "phone": "8 701 123 45 67",
        "birth_date": "1990-05-17",
        "birth_place": "Өскемен",
        "service": "demo-1",  # one of the services load_demo publishes in the live database
        "consent_service": "on",
    }
    body, content_type = multipart(fields, photo)
    headers = {"Content-Type": content_type, "Cookie": cookies}
    status, _, html = request(port, "POST", f"/{lang}/apply/", body, headers)
    return status, html.decode()


def workers(proc):
    """The gunicorn master's worker processes: {pid: /proc/pid/status as a dict}."""
    pids = Path(f"/proc/{proc.pid}/task/{proc.pid}/children").read_text().split()
    status = {}
    for pid in pids:
        lines = Path(f"/proc/{pid}/status").read_text().splitlines()
        status[int(pid)] = dict(line.split(":", 1) for line in lines)
    return status


def mb(value):
    return int(value.split()[0]) / 1024


LIVE = {"FORM_MIN_FILL_SECONDS": "0", "FORM_RATE_LIMIT": "1000/60"}
WORKER_PEAK_MB = 300


def exif_with_gps_make_orientation():
    exif = Image.Exif()
    exif[0x010F] = "SecretCam"  # Make
    exif[0x0112] = 6  # Orientation: rotate 90° clockwise
    exif[0x8825] = {1: "N", 2: (43.0, 15.0, 0.0), 3: "E", 4: (76.0, 57.0, 0.0)}  # GPS
    return exif.tobytes()
