"""A photo in a format the site does not take (an iPhone's HEIC copied to a computer, AVIF, a
camera's RAW) is named, and the visitor told how to send it, in their language: it was told
«Upload a photo in JPEG, PNG or WebP format», as a file that is no photo is. Judged by the
first bytes, whatever the file is called; nothing is stored."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from PIL import Image

from consent.core.models import Submission
from forms_app.images import sanitise_photo
from tests.forms.photos import MESSAGES, media_files, photo_error


def tiff():
    out = io.BytesIO()
    Image.new("RGB", (8, 8)).save(out, "TIFF")
    return out.getvalue()


def bmff(major, *brands):
    """An ISO base media file's first box (HEIF, AVIF, CR3, MP4): its brands."""
    body = major + b"\x00\x00\x00\x00" + b"".join(brands)
    return (8 + len(body)).to_bytes(4, "big") + b"ftyp" + body + b"\x00" * 200


FILES = {
    "iPhone HEIC": (bmff(b"heic", b"mif1", b"heic"), "HEIC"),
    "HEIF of the general brand, HEVC inside": (bmff(b"mif1", b"mif1", b"heic"), "HEIC"),
    "HEIF of the general brand": (bmff(b"mif1", b"mif1", b"miaf"), "HEIF"),
    "AVIF": (bmff(b"avif", b"avif", b"mif1", b"miaf"), "AVIF"),
    "AVIF listing HEIF's brand first": (bmff(b"mif1", b"mif1", b"avif"), "AVIF"),
    "Canon CR3": (bmff(b"crx ", b"crx ", b"isom"), "RAW"),
    "TIFF (DNG, NEF, CR2 and ARW are TIFF too)": (tiff(), "TIFF/RAW"),
    "Olympus ORF": (b"IIRO\x08\x00\x00\x00" + b"\x00" * 100, "RAW"),
    "Fujifilm RAF": (b"FUJIFILMCCD-RAW 0201FF383501" + b"\x00" * 100, "RAW"),
    "JPEG XL": (b"\xff\x0a\xfa\x1f" + b"\x00" * 100, "JPEG XL"),
    "JPEG XL in its container": (b"\x00\x00\x00\x0cJXL \r\n\x87\n" + b"\x00" * 100, "JPEG XL"),
    # Not photos: the general message.
    "MP4 video": (bmff(b"isom", b"isom", b"mp41"), None),
    "QuickTime video": (bmff(b"qt  ", b"qt  "), None),
    "text": (b"Hello, this is not a photo at all." * 3, None),
}
SAYS = {
    "kk": "{} пішіміндегі фотосуреттер қабылданбайды. Фотосуретті JPEG пішімінде сақтаңыз "
    "(фотосуреттер бағдарламасында «Экспорттау» немесе «Басқаша сақтау» арқылы JPEG "
    "таңдаңыз), содан кейін қайта жүктеңіз.",
    "ru": "Фото в\xa0формате {} не принимаются. Сохраните фото в\xa0формате JPEG (в\xa0программе "
    "для фото: «Экспорт» или «Сохранить как», с\xa0выбором JPEG) и\xa0загрузите его снова.",
}


@pytest.mark.parametrize("lang", SAYS)
@pytest.mark.parametrize("case", FILES)
def test_a_photo_format_not_taken_is_named_with_what_to_do(lang, case):
    content, named = FILES[case]
    upload = SimpleUploadedFile("IMG_0001.jpg", content, content_type="image/jpeg")
    with translation.override(lang):
        with pytest.raises(ValidationError) as refused:
            sanitise_photo(upload)
        said = refused.value.messages  # read in the visitor's language
    assert said == [SAYS[lang].format(named) if named else MESSAGES[lang]["type"]]


@pytest.mark.parametrize("lang", SAYS)
def test_the_application_form_says_so_for_an_iphone_photo(
    client, texts, application_data, media, lang
):
    content, _named = FILES["iPhone HEIC"]
    upload = SimpleUploadedFile("IMG_0001.HEIC", content, content_type="image/heic")
    response = client.post(f"/{lang}/apply/", {**application_data(), "photo": upload})
    assert response.status_code == 200
    assert photo_error(response.content.decode()) == SAYS[lang].format("HEIC")
    assert Submission.objects.count() == 0 and media_files(media) == []
