"""A stored photo as staff and visitors meet it: at no public address, downloaded by staff as
an attachment in a sandbox, never while the person is blocked."""

from django.core.files.uploadedfile import SimpleUploadedFile

from consent.core.models import Submission
from tests.forms.photos import jpeg


def test_photos_are_not_reachable_at_any_public_url(
    client, texts, application_data, media, settings
):
    upload = SimpleUploadedFile("p.jpg", jpeg(), content_type="image/jpeg")
    client.post("/kk/apply/", {**application_data(), "photo": upload})
    name = Submission.objects.get().photo.name
    for prefix in ["/static/", "/media/", "/", "/kk/"]:
        assert client.get(prefix + name).status_code == 404
    assert not str(settings.MEDIA_ROOT).startswith(str(settings.STATIC_ROOT))


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
    assert response.content.startswith(b"\xff\xd8")


def test_a_blocked_persons_photo_is_not_downloaded(
    client, officer_client, texts, application_data, media
):
    """Legal item 12: no export of any kind while processing is blocked."""
    from consent.core.ledger import subject_block
    from consent.core.models import AuditEvent, Source

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
