"""Compliance T10: photos encrypted at rest, readable after the key rotates."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from consent.core.models import Submission
from tests.forms.photos import exif_with_gps_make_orientation, jpeg, media_files

OLD_KEY = "b2xkLWtleS1vbGQta2V5LW9sZC1rZXktb2xkLWtleSE="
NEW_KEY = "bmV3LWtleS1uZXcta2V5LW5ldy1rZXktbmV3LWtleSE="


def upload_photo(client, application_data, raw):
    upload = SimpleUploadedFile("p.jpg", raw, content_type="image/jpeg")
    assert client.post("/kk/apply/", {**application_data(), "photo": upload}).status_code == 302
    return Submission.objects.order_by("-pk").first()


def download(officer_client, submission):
    response = officer_client.get(f"/admin/consent/submission/{submission.pk}/photo/")
    assert response.status_code == 200
    return response.content


def test_photo_is_encrypted_at_rest_and_downloads_as_the_clean_jpeg(
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
        Image.open(io.BytesIO((media / submission.photo.name).read_bytes()))
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

    from consent.core.photos import fernet

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


# Compliance T9, the issue as it was met: the worst file posted to gunicorn twice at once.
