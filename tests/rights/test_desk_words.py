"""The desk names a request's text as what it is, the person's letter or statement, in the
officer's language. In Kazakh it read «Хабарлама», a notification (what the site sends), beside
the request's «хат» and «өтініш» everywhere else on the same page."""

import re

import pytest
from django.utils import translation

from consent.rights.models import Ticket

from .conftest import web_request

NOTIFICATION = {"kk": "хабарлама", "ru": "уведомление"}
REQUEST_TEXT = {"kk": "Өтініш мәтіні", "ru": "Текст запроса"}


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_requests_text_is_labelled_as_the_persons_words(client, desk, person, lang):
    web_request(client, "kk", "correct", message="Тегім қате жазылған: Қасымова")
    ticket = Ticket.objects.get()
    desk.cookies["django_language"] = lang
    page = desk.get(f"/admin/rights/ticket/{ticket.pk}/change/").content.decode()
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page))
    assert REQUEST_TEXT[lang] in text and "Тегім қате жазылған" in text
    with translation.override(lang):  # nor any other label of a request's field
        labels = [str(field.verbose_name).lower() for field in Ticket._meta.fields]
    assert not [label for label in labels if NOTIFICATION[lang] in label]
