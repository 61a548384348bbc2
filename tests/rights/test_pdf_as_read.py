"""The access answer's PDF as a reader opens it: a PDF reader's window and a screen reader
name the document by its title, not by the file's name («R-12.pdf»), and read it in the
language it is written in, not in the reader's own default voice."""

import subprocess

import pytest
from django.utils import translation
from django.utils.translation import gettext

from .test_selfservice import ask_link, link_path


def pdf_info(data):
    result = subprocess.run(["pdfinfo", "-"], input=data, capture_output=True, check=True)
    return dict(line.split(":", 1) for line in result.stdout.decode().splitlines() if ":" in line)


@pytest.mark.requires_tool("pdfinfo", apt="poppler-utils")
@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_downloaded_pdf_has_its_title_and_language(client, person, lang):
    ask_link(client, lang)
    client.post(link_path())
    data = client.post(f"/{lang}/my-data/export/", {"format": "pdf"}).content
    with translation.override(lang):
        title = gettext("Personal data held about data subject #%(id)s") % {"id": person.pk}
    assert pdf_info(data)["Title"].strip() == title
    assert f"/Lang ({lang})".encode() in data  # the catalogue's language, uncompressed
    assert b"/DisplayDocTitle true" in data  # the window shows the title, not the file name
