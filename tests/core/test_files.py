"""Issue 19, item 2: personal files are rows in PostgreSQL (consent/core/files.py), and the files
stored on a host's disk before are moved in by migration consent.0022 (or the command)."""

import importlib

import pytest
from django.apps import apps
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.core.management import call_command
from post_office.models import Attachment

from consent.core.models import StoredFile, Subject, Submission

pytestmark = pytest.mark.django_db
MOVE = importlib.import_module("consent.core.migrations.0022_move_files_into_database").move


def test_the_storages_keep_files_in_the_database(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    default, private = storages["default"], storages["private"]
    name = default.save("private/photos/a.jpg", ContentFile(b"ciphertext"))
    assert default.exists(name) and default.size(name) == 10
    assert default.open(name).read() == b"ciphertext"
    assert default.save("private/photos/a.jpg", ContentFile(b"x")) != name  # never overwritten
    assert default.listdir("private") == (["photos"], [])
    with pytest.raises(NotImplementedError):
        default.url(name)  # no URL: staff download through the admin
    secret = private.save("post_office_attachments/R-1.json", ContentFile(b'{"email": "a"}'))
    assert bytes(StoredFile.objects.get(name=secret).content).startswith(b"gAAAAA")  # encrypted
    assert private.open(secret).read() == b'{"email": "a"}'
    default.delete(name)
    assert not default.exists(name)
    with pytest.raises(FileNotFoundError):
        default.open(name)
    assert [p for p in tmp_path.rglob("*") if p.is_file()] == []  # nothing on this host's disk


def old_files(tmp_path, make_subject):
    """Files a release before this one left in MEDIA_ROOT, named by their rows."""
    for name, data in {"private/photos/s.jpg": b"gAAAAAs", "private/photos/q.jpg": b"gAAAAAq",
                       "post_office_attachments/x/R-1.json": b"gAAAAAj"}.items():  # fmt: skip
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(data)
    subject = make_subject(photo="private/photos/s.jpg")
    Submission.objects.create(subject=subject, source="application_form", language="kk",
                              data={}, photo="private/photos/q.jpg")  # fmt: skip
    Attachment.objects.create(name="R-1.json", file="post_office_attachments/x/R-1.json")
    return subject


def test_the_migration_moves_the_files_of_before_into_the_database(
    settings, tmp_path, make_subject, django_capture_on_commit_callbacks
):
    settings.MEDIA_ROOT = tmp_path
    subject = old_files(tmp_path, make_subject)
    with django_capture_on_commit_callbacks(execute=True):
        MOVE(apps, None)
    assert dict(StoredFile.objects.values_list("name", "content")) == {
        "private/photos/s.jpg": b"gAAAAAs", "private/photos/q.jpg": b"gAAAAAq",
        "post_office_attachments/x/R-1.json": b"gAAAAAj"}  # fmt: skip
    assert [p for p in tmp_path.rglob("*") if p.is_file()] == []  # gone from the disk
    assert Subject.objects.get(pk=subject.pk).photo.read() == b"gAAAAAs"
    with django_capture_on_commit_callbacks(execute=True):
        MOVE(apps, None)  # again: nothing to do
    assert StoredFile.objects.count() == 3


def test_the_command_moves_what_another_host_kept(
    settings, tmp_path, make_subject, capsys, django_capture_on_commit_callbacks
):
    settings.MEDIA_ROOT = tmp_path
    old_files(tmp_path, make_subject)
    StoredFile.objects.create(name="private/photos/s.jpg", content=b"gAAAAAs", size=7)
    with django_capture_on_commit_callbacks(execute=True):
        call_command("move_files_to_database")
    assert "moved into the database: 2" in capsys.readouterr().out
    assert StoredFile.objects.count() == 3
    assert [p for p in tmp_path.rglob("*") if p.is_file()] == []


def test_a_release_before_another_host_moved_its_files_in_says_so_not_a_key_missing(
    settings, tmp_path, make_subject, capsys, django_capture_on_commit_callbacks
):
    """`release` on the host that migrated, before another host that stored photos ran
    `move_files_to_database`: its last step, encrypt_photos, had counted those photos
    «unreadable» and stopped at «is an old key missing?». It names the command to run, exit 1,
    and passes once the files are moved in."""
    from django.core.management import CommandError

    from consent.core.photos import fernet

    settings.MEDIA_ENCRYPTION_KEY = ["bmV3LWtleS1uZXcta2V5LW5ldy1rZXktbmV3LWtleSE="]
    settings.MEDIA_ROOT = tmp_path
    old_files(tmp_path, make_subject)  # the other host's disk
    for name in ["private/photos/s.jpg", "private/photos/q.jpg"]:
        (tmp_path / name).write_bytes(fernet().encrypt(b"\xff\xd8\xff photo"))
    (tmp_path / "post_office_attachments/x/R-1.json").unlink()
    Attachment.objects.all().delete()
    with pytest.raises(CommandError, match=r"run `manage\.py move_files_to_database`"):
        call_command("encrypt_photos")
    assert "private/photos/q.jpg is not in the database" in capsys.readouterr().err
    with django_capture_on_commit_callbacks(execute=True):
        call_command("move_files_to_database")
    call_command("encrypt_photos")
    assert "already current: 2" in capsys.readouterr().out
