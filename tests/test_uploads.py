"""Issue 5, quality bar T9 and T10: photos judged by content, re-encoded, never public."""

import io
import struct
import time
import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from consent.models import Submission

# The field's own error in each language, exactly (the help text also names JPEG and 5 MB).
MESSAGES = {
    "kk": {
        "too_big": "Фотосуреттің көлемі 5 МБ-тан асады.",
        "type": "Фотосуретті JPEG, PNG немесе WebP форматында жүктеңіз.",
        "pixels": "Фотосуреттің өлшемі 40 мегапикселден асады.",
        "invalid": "Файл зақымдалған немесе фотосурет емес.",
        "too_many": "Тек бір ғана фотосурет жүктеңіз.",
    },
    "ru": {
        "too_big": "Размер фото больше 5 МБ.",
        "type": "Загрузите фото в формате JPEG, PNG или WebP.",
        "pixels": "Разрешение фото больше 40 мегапикселей.",
        "invalid": "Файл повреждён или не является фотографией.",
        "too_many": "Загрузите только одну фотографию.",
    },
}
EXPECTED = {"20 MB JPEG": "too_big", "20000x20000 PNG": "pixels"}


def photo_error(html):
    """The text of the photo field's error message, without its hidden "Error:" prefix."""
    import re

    paragraph = re.search(r'id="id_photo_error">(.*?)</p>', html, re.S).group(1)
    return re.sub(r"<span[^>]*>.*?</span>", "", paragraph).strip()


def jpeg(size=(64, 48), exif=None, **kwargs):
    out = io.BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(out, "JPEG", exif=exif or b"", **kwargs)
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


SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
BAD_FILES = {
    "20 MB JPEG": ("big.jpg", big_jpeg, "image/jpeg"),
    "shell.php renamed .jpg": ("shell.jpg", lambda: b"<?php system($_GET['c']); ?>", "image/jpeg"),
    "photo.jpg.php": ("photo.jpg.php", lambda: b"<?php echo 1; ?>", "application/x-php"),
    "photo.php%00.jpg": ("photo.php\x00.jpg", lambda: b"<?php echo 1; ?>", "image/jpeg"),
    "SVG": ("photo.svg", lambda: SVG, "image/svg+xml"),
    "PDF": ("photo.pdf", lambda: b"%PDF-1.4\n1 0 obj<<>>endobj\n%%EOF", "application/pdf"),
    "truncated JPEG": ("cut.jpg", lambda: jpeg((400, 400))[:600], "image/jpeg"),
    "20000x20000 PNG": ("bomb.png", lambda: png_declaring(20000, 20000), "image/png"),
    "GIF": ("anim.gif", lambda: b"GIF89a" + b"\x00" * 40, "image/gif"),
}


def decrypted(path):
    """The JPEG inside a stored (encrypted) photo file."""
    from consent.photos import fernet

    return fernet().decrypt(path.read_bytes())


def media_files(root):
    return [p for p in root.rglob("*") if p.is_file()]


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("case", BAD_FILES)
def test_bad_uploads_are_refused_and_leave_nothing(
    client, texts, application_data, media, lang, case
):
    name, make, content_type = BAD_FILES[case]
    upload = SimpleUploadedFile(name.replace("\x00", ""), make(), content_type=content_type)
    started = time.monotonic()
    response = client.post(f"/{lang}/apply/", {**application_data(), "photo": upload})
    assert time.monotonic() - started < 5
    assert response.status_code == 200
    html = response.content.decode()
    error = photo_error(html)
    assert error in MESSAGES[lang].values(), error
    if case in EXPECTED:
        assert error == MESSAGES[lang][EXPECTED[case]]
    assert Submission.objects.count() == 0
    assert media_files(media) == []


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_more_files_than_allowed(client, texts, application_data, media, lang):
    files = [SimpleUploadedFile(f"p{i}.jpg", jpeg(), content_type="image/jpeg") for i in range(3)]
    response = client.post(f"/{lang}/apply/", {**application_data(), "photo": files})
    assert response.status_code == 200
    assert photo_error(response.content.decode()) == MESSAGES[lang]["too_many"]
    assert Submission.objects.count() == 0 and media_files(media) == []


def test_bomb_is_refused_before_decoding(texts):
    from django.core.exceptions import ValidationError

    from forms_app.images import sanitise_photo

    upload = SimpleUploadedFile("bomb.png", png_declaring(20000, 20000), content_type="image/png")
    started = time.monotonic()
    with pytest.raises(ValidationError):
        sanitise_photo(upload)
    assert time.monotonic() - started < 1


def exif_with_gps_make_orientation():
    exif = Image.Exif()
    exif[0x010F] = "SecretCam"  # Make
    exif[0x0112] = 6  # Orientation: rotate 90° clockwise
    exif[0x8825] = {1: "N", 2: (43.0, 15.0, 0.0), 3: "E", 4: (76.0, 57.0, 0.0)}  # GPS
    return exif.tobytes()


def test_valid_jpeg_is_reencoded_without_metadata(client, texts, application_data, media):
    raw = jpeg((80, 40), exif=exif_with_gps_make_orientation(), comment=b"secret comment")
    assert b"SecretCam" in raw
    upload = SimpleUploadedFile("holiday.jpg", raw, content_type="image/jpeg")
    assert client.post("/kk/apply/", {**application_data(), "photo": upload}).status_code == 302
    submission = Submission.objects.get()
    stored = media / submission.photo.name
    data = decrypted(stored)
    assert b"SecretCam" not in data and b"secret comment" not in data and b"Exif" not in data
    with Image.open(io.BytesIO(data)) as image:
        assert image.getexif() == {} or len(image.getexif()) == 0
        assert "xmp" not in image.info and "comment" not in image.info
        assert image.size == (40, 80)  # orientation applied: width and height swapped
    # a server-chosen random name, not the visitor's
    assert "holiday" not in submission.photo.name
    assert len(stored.stem) == 32 and stored.suffix == ".jpg"
    assert submission.subject.photo.name == submission.photo.name


def test_png_html_polyglot_keeps_no_markup(client, texts, application_data, media):
    raw = png() + b"<html><script>alert(document.cookie)</script></html>"
    upload = SimpleUploadedFile("poly.png", raw, content_type="image/png")
    assert client.post("/ru/apply/", {**application_data(), "photo": upload}).status_code == 302
    data = decrypted(media / Submission.objects.get().photo.name)
    assert b"<html" not in data and b"<script" not in data
    assert data.startswith(b"\xff\xd8\xff")


def test_webp_is_accepted(client, texts, application_data, media):
    out = io.BytesIO()
    Image.new("RGB", (20, 20), "blue").save(out, "WEBP")
    upload = SimpleUploadedFile("p.webp", out.getvalue(), content_type="image/webp")
    assert client.post("/kk/apply/", {**application_data(), "photo": upload}).status_code == 302


def test_photos_are_not_reachable_at_any_public_url(
    client, texts, application_data, media, settings
):
    upload = SimpleUploadedFile("p.jpg", jpeg(), content_type="image/jpeg")
    client.post("/kk/apply/", {**application_data(), "photo": upload})
    name = Submission.objects.get().photo.name
    for prefix in ["/static/", "/media/", "/", "/kk/"]:
        assert client.get(prefix + name).status_code == 404
    assert not str(media).startswith(str(settings.STATIC_ROOT))


def test_staff_download_is_an_attachment_in_a_sandbox(
    client, officer_client, visitor, texts, application_data, media
):
    upload = SimpleUploadedFile("p.jpg", jpeg(), content_type="image/jpeg")
    client.post("/kk/apply/", {**application_data(), "photo": upload})
    submission = Submission.objects.get()
    url = f"/admin/consent/submission/{submission.pk}/photo/"
    assert visitor.get(url).status_code == 302  # anonymous: to the login page
    response = officer_client.get(url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"].startswith("sandbox")
    assert b"".join(response.streaming_content).startswith(b"\xff\xd8")


def test_a_blocked_persons_photo_is_not_downloaded(
    client, officer_client, texts, application_data, media
):
    """Legal item 12: no export of any kind while processing is blocked."""
    from consent.ledger import subject_block
    from consent.models import AuditEvent, Source

    upload = SimpleUploadedFile("p.jpg", jpeg(), content_type="image/jpeg")
    client.post("/kk/apply/", {**application_data(), "photo": upload})
    submission = Submission.objects.get()
    subject_block(submission.subject, reason="complaint", source=Source.ADMIN)
    response = officer_client.get(f"/admin/consent/submission/{submission.pk}/photo/")
    assert response.status_code == 302 and "/change/" in response["Location"]
    assert not AuditEvent.objects.filter(action="subject_export").exists()


def test_a_photo_no_key_opens_gives_staff_a_message_not_an_error(
    client, officer_client, texts, application_data, media
):
    upload = SimpleUploadedFile("p.jpg", jpeg(), content_type="image/jpeg")
    client.post("/kk/apply/", {**application_data(), "photo": upload})
    submission = Submission.objects.get()
    (media / submission.photo.name).write_bytes(jpeg())  # as stored before encryption
    response = officer_client.get(f"/admin/consent/submission/{submission.pk}/photo/", follow=True)
    assert response.status_code == 200 and "encrypt_photos" in response.content.decode()


# Legal item 22: photos are encrypted at rest; staff get the clean JPEG back.
OLD_KEY = "b2xkLWtleS1vbGQta2V5LW9sZC1rZXktb2xkLWtleSE="
NEW_KEY = "bmV3LWtleS1uZXcta2V5LW5ldy1rZXktbmV3LWtleSE="


def upload_photo(client, application_data, raw):
    upload = SimpleUploadedFile("p.jpg", raw, content_type="image/jpeg")
    assert client.post("/kk/apply/", {**application_data(), "photo": upload}).status_code == 302
    return Submission.objects.order_by("-pk").first()


def download(officer_client, submission):
    response = officer_client.get(f"/admin/consent/submission/{submission.pk}/photo/")
    assert response.status_code == 200
    return b"".join(response.streaming_content)


def test_photo_is_encrypted_on_disk_and_downloads_as_the_clean_jpeg(
    client, officer_client, texts, application_data, media
):
    from forms_app.images import sanitise_photo

    raw = jpeg((80, 40), exif=exif_with_gps_make_orientation(), comment=b"secret comment")
    submission = upload_photo(client, application_data, raw)
    stored = (media / submission.photo.name).read_bytes()
    assert not stored.startswith(b"\xff\xd8")
    for marker in (b"\xff\xd8\xff", b"\xff\xdb", b"\xff\xc0", b"JFIF", b"Exif", b"SecretCam"):
        assert marker not in stored
    with pytest.raises(Image.UnidentifiedImageError):
        Image.open(media / submission.photo.name)
    clean = sanitise_photo(SimpleUploadedFile("p.jpg", raw, content_type="image/jpeg")).read()
    body = download(officer_client, submission)
    assert body == clean
    with Image.open(io.BytesIO(body)) as image:
        assert image.format == "JPEG" and image.size == (40, 80)


def test_production_refuses_to_start_without_a_media_key(settings):
    from django.core.management import call_command
    from django.core.management.base import SystemCheckError

    settings.DEBUG = False
    settings.MEDIA_ENCRYPTION_KEY = []
    with pytest.raises(SystemCheckError, match=r"consent\.E008"):
        call_command("check")
    settings.MEDIA_ENCRYPTION_KEY = [NEW_KEY, "not-a-fernet-key"]
    with pytest.raises(SystemCheckError, match=r"consent\.E009"):
        call_command("check")
    settings.MEDIA_ENCRYPTION_KEY = [NEW_KEY, OLD_KEY]
    call_command("check")


def test_photo_under_an_old_key_downloads_after_rotation(
    client, officer_client, texts, application_data, media, settings, capsys
):
    from cryptography.fernet import Fernet

    from consent.photos import fernet

    settings.MEDIA_ENCRYPTION_KEY = [OLD_KEY]
    submission = upload_photo(client, application_data, jpeg())
    before = download(officer_client, submission)
    settings.MEDIA_ENCRYPTION_KEY = [NEW_KEY, OLD_KEY]
    assert download(officer_client, submission) == before
    # encrypt_photos moves it to the new key, so the old key can then be dropped
    from django.core.management import call_command

    call_command("encrypt_photos")
    assert "re-encrypted: 1" in capsys.readouterr().out
    Fernet(NEW_KEY).decrypt((media / submission.photo.name).read_bytes())
    settings.MEDIA_ENCRYPTION_KEY = [NEW_KEY]
    assert download(officer_client, submission) == before
    assert fernet().decrypt((media / submission.photo.name).read_bytes()) == before


def test_encrypt_photos_encrypts_plain_photos_from_before_once(
    client, officer_client, texts, application_data, media, capsys
):
    from django.core.management import call_command

    submission = upload_photo(client, application_data, jpeg())
    plain = download(officer_client, submission)
    path = media / submission.photo.name
    path.write_bytes(plain)  # as stored before photos were encrypted
    call_command("encrypt_photos")
    assert "encrypted: 1" in capsys.readouterr().out
    stored = path.read_bytes()
    assert not stored.startswith(b"\xff\xd8") and download(officer_client, submission) == plain
    call_command("encrypt_photos")  # idempotent: nothing left to do
    assert "already current: 1" in capsys.readouterr().out
    assert path.read_bytes() == stored
    assert sorted(p.name for p in media_files(media)) == [path.name]
