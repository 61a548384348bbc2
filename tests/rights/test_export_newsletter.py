"""A newsletter subscriber's own data, as they download it and as the desk reads it: what the
confirmed subscription holds is named in the reader's language. The export listed it by its
key, «double_opt_in: иә», in the middle of a Kazakh or Russian document."""

import json
import re
import subprocess
from urllib.parse import urlsplit

import pytest
from django.urls import reverse
from post_office.models import Email

from consent.core.models import Submission
from tests.conftest import aged_token
from tests.texts import SHOWN

from .test_selfservice import ask_link, link_path

ADDRESS = "saule.zh@example.kz"
# as the documents write it (a no-break space is a space in the export), and the desk's page
NAMED = {"kk": "мекенжай оған жіберілген сілтеме арқылы расталды",
         "ru": "адрес подтверждён по ссылке, отправленной на него"}  # fmt: skip


def subscribed(client, lang):
    """Subscribed as a visitor does: the form, then the link in the mail, then its button."""
    form = {"token": aged_token(), **SHOWN, "email": ADDRESS, "full_name": "Сәуле Жақсылыққызы",
            "consent_marketing": "on"}  # fmt: skip
    assert client.post(f"/{lang}/newsletter/", form).status_code == 302
    (url,) = re.findall(r"https?://\S+/newsletter/confirm/\S+/", Email.objects.get().message)
    assert client.post(urlsplit(url).path, SHOWN).status_code == 200
    return Submission.objects.get(subject__email=ADDRESS)


@pytest.mark.requires_tool("pdftotext", "poppler-utils")
@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_subscribers_download_names_the_confirmation_in_words(client, texts, lang):
    subscribed(client, lang)
    ask_link(client, lang, ADDRESS)
    client.post(link_path(ADDRESS))
    data = client.post(f"/{lang}/my-data/export/", {"format": "json"}).content.decode()
    pdf = client.post(f"/{lang}/my-data/export/", {"format": "pdf"}).content
    text = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True)
    for document in (data, json.dumps(json.loads(data), ensure_ascii=False),
                     text.stdout.decode()):  # fmt: skip
        assert "double_opt_in" not in document
    sent = json.loads(data)["sources_and_methods"][0]["data_sent"]
    assert sent[NAMED[lang]] is True
    assert NAMED[lang] in " ".join(text.stdout.decode().split())


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_desk_names_it_in_the_officers_language(client, privacy_officer_client, texts, lang):
    submission = subscribed(client, lang)
    url = reverse("admin:consent_submission_change", args=[submission.pk])
    page = privacy_officer_client.get(url, headers={"accept-language": lang}).text
    page = page.replace("\u00a0", " ")
    assert "double_opt_in" not in page
    assert NAMED[lang][0].upper() + NAMED[lang][1:] in page
