"""The name a visitor's file comes with, whatever its length or script, through the request as
Django parses it (the site's upload handlers, emalu/stack.py::FILE_UPLOAD_HANDLERS): never a 500."""

import uuid

import pytest

from consent.core.models import Submission
from tests.forms.photos import MESSAGES, big_jpeg, jpeg, media_files, photo_error
from tests.texts import as_shown


@pytest.fixture
def texts(texts_read_only):  # published once for the module (tests/forms/conftest.py)
    return texts_read_only


NAMES = {
    "long extension": "photo." + "x" * 250,
    "emoji extension": "a." + "😀" * 100,
    "Kazakh extension": "сурет." + "ә" * 120,
    "long Kazakh name": "ә" * 300 + ".jpg",
    "emoji name": "😀" * 200 + ".jpeg",
    "no extension": "x" * 255,
    "long name and extension": "ә" * 200 + "." + "ә" * 200,
}


def post(client, lang, fields, name, photo):
    """The application form sent with the photo named `name`, the name exactly as given (the
    test client's own uploads cut it to 255 letters first, as no browser does)."""
    boundary = uuid.uuid4().hex
    fields = as_shown(client, f"/{lang}/apply/", fields)
    parts = [
        f'--{boundary}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n'.encode()
        for k, v in fields.items()
    ]
    head = f'--{boundary}\r\nContent-Disposition: form-data; name="photo"; filename="{name}"\r\n'
    parts.append(f"{head}Content-Type: image/jpeg\r\n\r\n".encode() + photo + b"\r\n")
    parts.append(f"--{boundary}--\r\n".encode())
    content_type = f"multipart/form-data; boundary={boundary}"
    return client.post(f"/{lang}/apply/", b"".join(parts), content_type=content_type)


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("name", NAMES.values(), ids=NAMES)
def test_a_file_too_large_for_memory_gets_the_size_message_whatever_its_name(
    client, texts, application_data, media, lang, name
):
    """A file over FILE_UPLOAD_MAX_MEMORY_SIZE goes to a temporary file named after the sent
    name's extension: one longer than a file name may be was an OSError, a 500."""
    response = post(client, lang, application_data(), name, big_jpeg())
    assert response.status_code == 200
    assert photo_error(response.content.decode()) == MESSAGES[lang]["too_big"]
    assert Submission.objects.count() == 0 and media_files(media) == []


@pytest.mark.parametrize("name", NAMES.values(), ids=NAMES)
def test_a_photo_is_taken_whatever_its_name(client, texts, application_data, media, name):
    assert post(client, "kk", application_data(), name, jpeg()).status_code == 302
    assert Submission.objects.get().photo.name.endswith(".jpg")


# Names whose part headers are over the 1 KB of them Django reads: each post was refused whole as
# a bad request («Қате сұрау» / «Неверный запрос»), everything typed lost (emalu/uploads.py::
# PART_HEADERS_MAX). A browser sends a name's quotes as «%22», three bytes for one.
LONG_NAMES = {
    "480 Kazakh letters": "ә" * 480 + ".jpg",
    "a Russian name with spaces and emoji": "Фото с дня рождения 🎂🎉 " * 40 + ".jpeg",
    "250 emoji": "😀" * 250 + ".png",
    "quotes a browser escaped": "Менің %22суретім%22 " * 60 + ".jpg",
    "5,000 Latin letters": "a" * 5000 + ".jpg",
    "3,000 Kazakh letters": "ә" * 3000 + ".webp",
}
NAMES |= LONG_NAMES

# The words of the form's own page with errors, and the note that the file must be attached again.
FORM_AGAIN = {
    "kk": ("Қате:", "Форма қайта көрсетілгендіктен, тіркелген файл сақталмады."),
    "ru": ("Ошибка:", "Приложенный файл не сохранился, потому что форму пришлось показать снова."),
}


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("name", LONG_NAMES.values(), ids=LONG_NAMES)
def test_a_form_with_a_long_named_photo_and_a_mistake_is_shown_again_as_typed(
    client, texts, application_data, media, lang, name
):
    """The form's own page in the visitor's language, what they typed in its fields, and the
    photo's field saying to attach it again: not the bad request page with everything lost."""
    typed = application_data(
        full_name="Айгерім Сұлтанбекова", birth_place="Семей", consent_service=None
    )
    response = post(client, lang, typed, name, jpeg())
    page = response.content.decode()
    title, note = FORM_AGAIN[lang]
    assert response.status_code == 200
    assert f"<title>{title}" in page and note in page
    assert 'value="Айгерім Сұлтанбекова"' in page and 'value="Семей"' in page
    assert Submission.objects.count() == 0 and media_files(media) == []


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("letters", [1_000, 4_000, 7_900, 8_200, 9_950, 12_000, 70_000])
def test_a_photo_of_any_name_is_kept_or_asked_for_again_never_dropped_unseen(
    client, texts, application_data, media, lang, letters
):
    """Up to PART_HEADERS_MAX of one part's headers the photo is taken; past it (a name of
    thousands of letters, which no file system or phone gives) the form comes back as typed,
    its photo field saying why and what to do. It was a bare bad request page, all typed lost.
    Never sent on without its photo: Django skips a header line of over 10,000 characters, and
    the file whose name is in it, without a word."""
    for width, name in [(64, "a" * letters + ".jpg"), (65, "ә" * (letters // 2) + ".jpg")]:
        # another photo each time: the same form sent again is not stored again (SENT_ALREADY)
        typed = application_data(full_name="Айгерім Сұлтанбекова")
        response = post(client, lang, typed, name, jpeg((width, 48)))
        if response.status_code == 302:
            assert Submission.objects.get().photo.name.endswith(".jpg")
            Submission.objects.all().delete()
        else:
            page = response.content.decode()
            assert response.status_code == 200 and letters > 8_000
            assert photo_error(page) == MESSAGES[lang]["unread"]
            assert 'value="Айгерім Сұлтанбекова"' in page
    assert Submission.objects.count() == 0


def test_the_fields_after_an_unread_part_are_read(client, texts, application_data, media):
    """The part past the limit is skipped, not the rest of the post: a browser sends the fields
    below the photo's box after it."""
    data = as_shown(client, "/kk/apply/", application_data())
    boundary = uuid.uuid4().hex
    photo = f'--{boundary}\r\nContent-Disposition: form-data; name="photo"; filename="'
    photo += "ә" * 6000 + '.jpg"\r\nContent-Type: image/jpeg\r\n\r\n'
    parts = [photo.encode() + jpeg() + b"\r\n"] + [
        f'--{boundary}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n'.encode()
        for k, v in data.items()
    ]
    body = b"".join(parts) + f"--{boundary}--\r\n".encode()
    type_ = f"multipart/form-data; boundary={boundary}"
    page = client.post("/kk/apply/", body, content_type=type_).content.decode()
    assert photo_error(page) == MESSAGES["kk"]["unread"]
    assert page.count("field-error") == 1 and 'value="Өскемен"' in page
    assert Submission.objects.count() == 0 and media_files(media) == []


def post_parts(client, fields, disposition: bytes, photo, before: bytes = b""):
    """The application form with the photo's part headed by `disposition`, in bytes as a client
    sent them; `before`: a part of no field of the form, sent first (to move the photo's headers
    along the body)."""
    boundary = uuid.uuid4().hex
    fields = as_shown(client, "/kk/apply/", fields)
    parts = [
        f'--{boundary}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n'.encode()
        for k, v in fields.items()
    ]
    if before:
        head = f'--{boundary}\r\nContent-Disposition: form-data; name="x"\r\n\r\n'.encode()
        parts.insert(0, head + before + b"\r\n")
    head = f"--{boundary}\r\n".encode() + disposition + b"\r\nContent-Type: image/jpeg\r\n\r\n"
    parts.append(head + photo + b"\r\n")
    parts.append(f"--{boundary}--\r\n".encode())
    content_type = f"multipart/form-data; boundary={boundary}"
    return client.post("/kk/apply/", b"".join(parts), content_type=content_type)


def file_named(name: bytes) -> bytes:
    return b'Content-Disposition: form-data; name="photo"; filename="' + name + b'"'


ODD_NAMES = {
    "a folder up": b"../",
    "two dots": b"..",
    "one dot": b".",
    "a folder": b"photos/",
    "a Windows folder": b"C:\\photos\\",
    "control characters alone": b"\x01\x02\x1b",
    "a right-to-left override": "\u202egpj.exe".encode(),
    "zero-width letters alone": "\u200b\u200d".encode(),
}


@pytest.mark.parametrize("name", ODD_NAMES.values(), ids=ODD_NAMES)
def test_a_photo_whose_name_django_would_drop_is_kept(client, texts, application_data, media, name):
    """Django dropped a file whose name it cleaned to nothing without a word: the form went on
    and the application was sent without its photo (emalu/uploads.py::VisitorPartsParser)."""
    response = post_parts(client, application_data(), file_named(name), jpeg())
    assert response.status_code == 302
    assert Submission.objects.get().photo.name.endswith(".jpg")
