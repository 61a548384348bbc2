"""Every link the site mails is on SITE_URL, never on the Host header a form was posted with
(a forged Host would otherwise put an attacker's address into the site's own mail)."""

import re

import pytest
from post_office.models import Email

from consent.core.ledger import consent_grant
from consent.core.models import Source
from consent.core.purposes import SERVICE
from tests.conftest import aged_token
from tests.texts import SHOWN

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
        (f"/{lang}/newsletter/", {"token": aged_token(), **SHOWN, "email": "news@example.kz",
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


def _signed(salt):
    from django.core import signing

    return lambda payload: signing.dumps(payload, salt=salt)


def _sealed(payload):
    from consent.marketing.optin import make_token

    return make_token(payload)


# Links signed or sealed with the site's own keys, holding what the site never puts there: each
# is a link no good, answered 400 with nothing changed (not a 500 for an unexpected shape).
ODD_LINKS = [
    ("/ru/requests/confirm/{}/", _signed("consent.request-verify"), [{"r": "abc"}, {"r": [1]},
                                                                      {"r": True}, [1], "x",
                                                                      {"r": 1, "a": [1]}]),
    ("/kk/my-data/open/{}/", _signed("consent.self-service"),
     [{"n": "0" * 32}, {"n": "0" * 32, "s": "abc"}, {"n": 5, "s": 1}, {"s": 1}, [1, 2],
      {"n": "0" * 32, "s": 1, "a": None}, {"n": "0" * 32, "s": 1, "a": "x"}]),
    ("/ru/consent/confirm/{}/", _signed("consent.form-consent-confirm"),
     [{"s": "abc"}, {"s": [1]}, {"s": True}, [1], "x", {"s": 1, "a": [1]}, {"s": 1, "a": "x"}]),
    ("/ru/newsletter/confirm/{}/", _sealed,
     [{}, [1, 2], {"e": "a@example.kz", "n": "", "l": "ru"}, {"e": 1, "n": "", "l": "ru", "t": 1},
      {"e": "a@example.kz", "n": "", "l": "en", "t": 1},
      {"e": "a@example.kz", "n": "", "l": "ru", "t": "1"}]),
]  # fmt: skip


@pytest.mark.parametrize("path,seal,payloads", ODD_LINKS,
                         ids=["verify", "self-service", "form-consent", "optin"])  # fmt: skip
def test_a_link_of_our_own_keys_with_an_odd_payload_is_no_good(
    client, texts, make_subject, path, seal, payloads
):
    from consent.core.models import LedgerEntry, Subject

    make_subject(email="a@example.kz")
    for payload in payloads:
        url = path.format(seal(payload))
        # The self-service link asks before it reads the link (GET 200); the others say at once.
        assert client.get(url).status_code in (200, 400), payload
        assert client.post(url).status_code == 400, payload
    assert Subject.objects.count() == 1 and LedgerEntry.objects.count() == 0


@pytest.mark.django_db  # the deploy checks read the database (clock, migrations)
@pytest.mark.parametrize(
    ("site_url", "warns"),
    [
        ("https://emaluplus-vko.kz", False),
        ("https://emaluplus-vko.kz/", False),
        ("emaluplus-vko.kz", True),  # no link in a mail program
        ("http://emaluplus-vko.kz", True),  # the link's secret in the clear
        ("https://emaluplus-vko.kz/kk/", True),  # every link /kk/kk/...: a 404
        ("https://", True),
    ],
)
def test_a_site_url_the_mailed_links_cannot_use_stops_the_start(settings, site_url, warns):
    """`check --deploy --fail-level WARNING` is emalu.service's ExecStartPre and a step of
    `release`: a SITE_URL like these passed it, and every confirmation link mailed was broken."""
    from django.core.checks import run_checks

    settings.SITE_URL, settings.DEBUG = site_url, False
    ids = [m.id for m in run_checks(include_deployment_checks=True)]
    assert ("emalu.W002" in ids) == warns
