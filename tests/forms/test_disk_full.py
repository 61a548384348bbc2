"""The host's disk full (its temporary folder, where an upload too large for memory is written
as it arrives, before the form sees it): the visitor is asked, in their language, to come back,
nothing is stored, and the operator hears of it. It was a 500, «the error has been recorded»."""

import errno
import logging

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from consent.core.models import Submission
from emalu.uploads import ShortNameUploadHandler
from tests.forms.photos import jpeg

pytestmark = pytest.mark.django_db
COME_BACK = {
    "kk": "Сайт қазір сұрауларды қабылдай алмайды.",
    "ru": "Сайт сейчас не может принимать запросы.",
}


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("fault", [errno.ENOSPC, errno.EDQUOT])
def test_a_photo_posted_while_the_disk_is_full(
    client, texts, application_data, lang, fault, monkeypatch, caplog
):
    def full(self, raw_data, start):
        raise OSError(fault, "No space left on device")

    monkeypatch.setattr(ShortNameUploadHandler, "receive_data_chunk", full)
    client.raise_request_exception = False
    # Larger than FILE_UPLOAD_MAX_MEMORY_SIZE: written to the temporary folder as it arrives.
    big = SimpleUploadedFile("p.jpg", jpeg() + b"\0" * (6 * 1024 * 1024), "image/jpeg")
    with caplog.at_level(logging.ERROR, logger="django.request"):
        response = client.post(f"/{lang}/apply/", {**application_data(), "photo": big})
    assert response.status_code == 503 and response["Retry-After"] == "30"
    assert COME_BACK[lang] in response.content.decode()
    assert Submission.objects.count() == 0
    [logged] = [r for r in caplog.records if r.name == "django.request"]
    assert logged.levelno == logging.ERROR and logged.exc_info[1].errno == fault
