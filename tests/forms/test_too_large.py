"""A post over one of the site's size limits (a 7 MB paste into a form's box, more fields or
files than Django reads) got the generic «Bad request» page: now a 413 in the visitor's
language that says what was too large and what to do, and nothing is stored. nginx's own limit
(client_max_body_size) answers with the same words: tests/site/test_proxy.py."""

from io import BytesIO
from urllib.parse import urlencode

import pytest
from django.conf import settings
from django.test import Client
from post_office.models import Email

from consent.core.models import Subject, Submission
from consent.rights.models import Ticket
from tests.conftest import aged_token

SAID = {
    "kk": ("Жіберілген деректер тым үлкен", "мәтініңізді қысқартыңыз"),
    "ru": ("Отправленные данные слишком велики", "сократите введённый текст"),
}
PASTE = "ә" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE // 2 + 1)  # two bytes a letter


def over_limit(kind):
    """A post of the contact or application form over one of the limits, as `kind` says."""
    if kind == "a 7 MB paste":
        return {"message": PASTE}
    if kind == "too many fields":
        return {f"f{i}": "x" for i in range(settings.DATA_UPLOAD_MAX_NUMBER_FIELDS + 1)}
    files = settings.DATA_UPLOAD_MAX_NUMBER_FILES + 1
    return {"photo": [BytesIO(b"x") for _ in range(files)]}


CASES = [  # (page, how the browser encodes it, what is over the limit)
    (page, encoding, kind)
    for page, encoding in [("contact", "urlencoded"), ("apply", "multipart"),
                           ("requests/new", "urlencoded")]
    for kind in ["a 7 MB paste", "too many fields", "too many files"]
    if kind != "too many files" or encoding == "multipart"  # files come only in a multipart post
]  # fmt: skip


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("page,encoding,kind", CASES)
def test_a_post_over_a_size_limit_is_a_413_in_the_visitors_language(
    texts, settings, contact_data, lang, page, encoding, kind
):
    settings.FORM_RATE_LIMIT = "1000/60"
    client = Client(raise_request_exception=False)
    data = {**contact_data(), "token": aged_token(), **over_limit(kind)}
    if encoding == "urlencoded":
        response = client.post(
            f"/{lang}/{page}/", urlencode(data, doseq=True),
            content_type="application/x-www-form-urlencoded",
        )  # fmt: skip
    else:
        response = client.post(f"/{lang}/{page}/", data)
    assert response.status_code == 413
    html = response.content.decode()
    assert f'<html lang="{lang}">' in html
    assert all(words in html for words in SAID[lang])
    assert not Subject.objects.exists() and not Submission.objects.exists()
    assert not Ticket.objects.exists() and not Email.objects.exists()
