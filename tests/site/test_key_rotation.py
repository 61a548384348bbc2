"""SECRET_KEY changed as README says ("Changing SECRET_KEY"): the old key moves to
SECRET_KEY_FALLBACKS, and every link already mailed keeps working. The settings read no
fallbacks, so a rotation broke every unsubscribe link of the past year (they live a year), and
every confirmation, self-service and subscription link on its way."""

import subprocess

import pytest
from django.test import override_settings

from consent.core.subjects import address_tag, address_tag_matches
from consent.marketing.campaigns import read_unsubscribe_token, unsubscribe_token
from consent.marketing.optin import make_token, read_token
from consent.rights.links import read_verify_token
from tests.live import PYTHON, ROOT, site_env

OLD, NEW = "old-" + "o" * 50, "new-" + "n" * 50
OPTIN = {"e": "a@example.kz", "n": None, "l": "kk", "t": 1}


def verify_token(pk):
    from django.core import signing

    from consent.rights.links import SALT

    # as confirmation_url() signs it, for a person at a@example.kz
    return signing.dumps({"r": pk, "a": address_tag("a@example.kz")}, salt=SALT)


def read_verify(token):
    """The request's id, when the link was mailed to the address its person holds."""
    read = read_verify_token(token)
    return read[0] if read and address_tag_matches(read[1], "a@example.kz") else None


# What each mailed link carries, and how the site reads it.
LINKS = {
    "unsubscribe": (lambda: unsubscribe_token(7, 3), read_unsubscribe_token, (7, 3)),
    "request confirmation": (lambda: verify_token(11), read_verify, 11),
    "subscription": (lambda: make_token(OPTIN), read_token, OPTIN),
}


@pytest.mark.parametrize("link", LINKS)
def test_a_link_signed_before_a_rotation_still_works(link):
    make, read, value = LINKS[link]
    with override_settings(SECRET_KEY=OLD, SECRET_KEY_FALLBACKS=[]):
        token = make()
    with override_settings(SECRET_KEY=NEW, SECRET_KEY_FALLBACKS=[OLD]):
        assert read(token) == value
    with override_settings(SECRET_KEY=NEW, SECRET_KEY_FALLBACKS=[]):
        assert read(token) is None  # the fallback is what keeps it working


def test_an_unsubscribe_link_from_before_a_rotation_opens_its_page(client, make_subject):
    person = make_subject()
    with override_settings(SECRET_KEY=OLD, SECRET_KEY_FALLBACKS=[]):
        token = unsubscribe_token(person.pk, 3)
    with override_settings(SECRET_KEY=NEW, SECRET_KEY_FALLBACKS=[OLD]):
        # Read (a link it could not read is answered 400): the person is not subscribed, so it
        # is the page that says they are unsubscribed.
        response = client.get(f"/kk/unsubscribe/{token}/")
        assert (response.status_code, response["Location"]) == (302, "/kk/unsubscribe/done/")


def test_a_link_to_ones_data_from_before_a_rotation_opens_it(client, make_subject):
    from consent.rights.selfservice import link_token

    person = make_subject()
    with override_settings(SECRET_KEY=OLD, SECRET_KEY_FALLBACKS=[]):
        token = link_token(person)
    with override_settings(SECRET_KEY=NEW, SECRET_KEY_FALLBACKS=[OLD]):
        response = client.post(f"/kk/my-data/open/{token}/", follow=True)
    assert person.email in response.content.decode()


def test_the_fallbacks_are_read_from_the_environment():
    code = "from django.conf import settings; print(settings.SECRET_KEY_FALLBACKS)"
    env = site_env(None, SECRET_KEY=NEW, SECRET_KEY_FALLBACKS=f"{OLD},older")
    done = subprocess.run([PYTHON, "-c", f"import django; django.setup(); {code}"], cwd=ROOT,
                          env=env, check=True, capture_output=True, text=True)  # fmt: skip
    assert done.stdout.strip() == str([OLD, "older"])
