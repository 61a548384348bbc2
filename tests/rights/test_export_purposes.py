"""Compliance L10 (Art. 24(1)(1), 25(2)(9)): the access answer tells the person, for each
purpose, which of their data it processes and who abroad receives it, in their language."""

import json

import pytest
from django.utils import translation

from consent.common.text import plain_text
from consent.core.models import Subject
from consent.core.purposes import CROSS_BORDER, DATA_FIELDS, PURPOSES, SERVICE
from consent.rights.export import export_json
from tests.texts import PROCESSOR


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_answer_names_the_recipients_abroad_of_a_cross_border_consent(
    client, texts, contact_data, settings, lang
):
    """With no processor abroad configured (the tests' default) the list is empty either way,
    so no test saw it left out."""
    settings.CROSS_BORDER_PROCESSORS = [PROCESSOR]
    response = client.post(f"/{lang}/contact/", contact_data(consent_cross_border="on"))
    assert response.status_code == 302
    person = Subject.objects.get()
    answer = json.loads(export_json(person, lang))
    [abroad] = [p for p in answer["purposes"] if p["code"] == CROSS_BORDER]
    assert PROCESSOR in abroad["cross_border_recipients"]


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_answer_lists_the_data_each_purpose_processes(client, texts, contact_data, lang):
    client.post(f"/{lang}/contact/", contact_data())
    answer = json.loads(export_json(Subject.objects.get(), lang))
    [service] = [p for p in answer["purposes"] if p["code"] == SERVICE]
    with translation.override(lang):
        names = [plain_text(str(DATA_FIELDS[f])) for f in PURPOSES[SERVICE].fields]
    assert names and service["data"] == names


def test_the_answer_says_when_each_consent_ends(client, texts, contact_data, time_machine):
    """The retention date (Art. 25(2)(7)): the consent given on the form ends when its term,
    counted from that moment, does."""
    time_machine.move_to("2026-12-10 02:00+05:00", tick=False)
    client.post("/kk/contact/", contact_data())
    answer = json.loads(export_json(Subject.objects.get(), "kk"))
    [service] = [p for p in answer["purposes"] if p["code"] == SERVICE]
    assert service["consent_expires"] == "2029-12-10T02:00:00+05:00"  # three years, 2028's 29.02
