"""Every link the site mails is on SITE_URL, never on the Host header a form was posted with
(a forged Host would otherwise put an attacker's address into the site's own mail)."""

import re

import pytest
from post_office.models import Email

from consent.core.ledger import consent_grant
from consent.core.models import Source
from consent.core.purposes import SERVICE
from tests.conftest import aged_token

LINK = re.compile(r"https?://[^\s\"'<>]+")


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_every_link_in_every_mail_is_on_the_site_url(
    client, texts, make_subject, contact_data, settings, lang
):
    settings.SITE_URL = "https://emaluplus-vko.kz"
    settings.STAFF_NOTIFY_EMAIL = "staff@example.kz"
    known = make_subject(email="known@example.kz")
    consent_grant(known, texts[SERVICE], language=lang, source=Source.CONTACT_FORM)
    host = {"HTTP_HOST": "localhost"}  # an allowed host that is not the site's address
    posts = [
        (f"/{lang}/contact/", contact_data(consent_marketing="on")),  # ack, notice, opt-in
        (f"/{lang}/newsletter/", {"token": aged_token(), "email": "news@example.kz",
                                  "full_name": "Жаңалық", "consent_marketing": "on"}),
        (f"/{lang}/requests/new/", {"token": aged_token(), "type": "access",
                                    "email": "known@example.kz"}),
        (f"/{lang}/my-data/", {"token": aged_token(), "email": "known@example.kz"}),
    ]  # fmt: skip
    for path, data in posts:
        assert client.post(path, data, **host).status_code == 302, path
    links = [link for mail in Email.objects.all() for body in (mail.message, mail.html_message)
             for link in LINK.findall(body or "")]  # fmt: skip
    assert any("/newsletter/confirm/" in link for link in links)
    assert any("/requests/confirm/" in link for link in links)
    assert any("/my-data/open/" in link for link in links)
    assert any(f"/{settings.ADMIN_URL}" in link for link in links)  # the staff notice
    assert [link for link in links if not link.startswith(settings.SITE_URL)] == []
