"""A bot whose post fills the honeypot must not tell it from a form taken (forms_app.views.guard):
a person's newsletter, contact or application form sets the session cookie that remembers it
(forms_app/resent.py) and, sent again, reads «sent already»; the bot's got neither, and told
its post refused by the missing cookie alone."""

import pytest
from django.test import Client

from tests.conftest import aged_token
from tests.texts import SHOWN

SENT_ALREADY = "Второй раз она не отправлена"


def newsletter(website):
    return {"token": aged_token(), "full_name": "Әсел", "email": "asel@example.kz",
            "consent_marketing": "on", "website": website, **SHOWN}  # fmt: skip


def answers(website):
    """What one browser is told of the form sent twice: the cookies of the first answer, and
    the page after the second."""
    browser = Client()
    first = browser.post("/ru/newsletter/", newsletter(website))
    second = browser.post("/ru/newsletter/", newsletter(website), follow=True)
    return sorted(first.cookies), SENT_ALREADY in second.content.decode().replace("\xa0", " ")


@pytest.mark.usefixtures("texts")
def test_a_filled_honeypot_is_answered_as_a_form_taken():
    person = answers("")
    assert person == (sorted(person[0]), True) and any("sessionid" in c for c in person[0])
    assert answers("https://spam.example") == person
