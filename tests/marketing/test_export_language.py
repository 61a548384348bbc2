"""Dana reads Russian; a campaign written only in Kazakh went to her wholly in Kazakh, as it goes
to every Russian reader then. The record of it, in the data she downloads from her page and
the access answer the desk mails, said it was sent to her in Russian."""

import json
import subprocess

import pytest
from django.test import Client

from consent.marketing.campaigns import campaign_send
from consent.marketing.models import Campaign
from tests.marketing.test_campaigns import confirmed
from tests.rights.test_selfservice import ask_link, link_path

# Each language's name, in the document's language.
KAZAKH = {"kk": "Қазақша", "ru": "Казахский"}
RUSSIAN = {"kk": "Орысша", "ru": "Русский"}


@pytest.mark.requires_tool("pdftotext", "poppler-utils")
@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_her_download_says_the_campaign_came_in_kazakh(texts, lang):
    confirmed("dana@example.kz", "ru")
    campaign_send(Campaign.objects.create(title="November", subject_line_kk="Жаңалықтар",
                                          body_kk="Қараша жаңалықтары"))  # fmt: skip
    client = Client()
    ask_link(client, lang, "dana@example.kz")
    client.post(link_path("dana@example.kz"))

    data = json.loads(client.post(f"/{lang}/my-data/export/", {"format": "json"}).content)
    pdf = client.post(f"/{lang}/my-data/export/", {"format": "pdf"}).content
    text = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True)

    (november,) = data["campaigns"]
    assert (november["email_subject"], november["language"]) == ("Жаңалықтар", KAZAKH[lang])
    assert KAZAKH[lang] in text.stdout.decode()  # nothing else of hers is in Kazakh


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_campaign_written_in_russian_is_recorded_in_russian(texts, lang):
    confirmed("dana@example.kz", "ru")
    campaign_send(Campaign.objects.create(title="November", subject_line_kk="Жаңалықтар",
                                          body_kk="Қараша жаңалықтары", subject_line_ru="Новости",
                                          body_ru="Новости ноября"))  # fmt: skip
    client = Client()
    ask_link(client, lang, "dana@example.kz")
    client.post(link_path("dana@example.kz"))

    data = json.loads(client.post(f"/{lang}/my-data/export/", {"format": "json"}).content)

    (november,) = data["campaigns"]
    assert (november["email_subject"], november["language"]) == ("Новости", RUSSIAN[lang])
