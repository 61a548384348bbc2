"""T18: no personal data in any URL, emailed links included (they reach browser history, mail
scanners and access logs). A link may carry opaque ids, but nothing that decodes to a person."""

import base64
import binascii
import contextlib
import json
import re
import zlib
from urllib.parse import unquote, urlsplit

from post_office.models import Email

from consent.core.ledger import consent_grant, consent_withdraw
from consent.core.models import Source, Subject
from consent.core.purposes import MARKETING, SERVICE
from consent.core.submissions import submission_record
from consent.marketing.campaigns import campaign_send
from consent.marketing.models import Campaign
from consent.rights.selfservice import link_send
from consent.rights.tickets import ticket_open
from tests.conftest import aged_token
from tests.texts import SHOWN

NAME = "Дана Серікқызы"
EMAIL = "dana.private@example.kz"
PHONE = "+77011234567"


def _decodings(segment):
    """The segment as it is, base64url-decoded, and zlib-inflated where that works."""
    out = [segment.encode()]
    try:
        raw = base64.urlsafe_b64decode(segment + "=" * (-len(segment) % 4))
    except (binascii.Error, ValueError):
        return out
    out.append(raw)
    with contextlib.suppress(zlib.error):
        out.append(zlib.decompress(raw))
    return out


def leaks(url, secrets=(EMAIL, NAME, PHONE, PHONE[2:])):
    """The secrets readable from the URL or from any decoded piece of it."""
    url = unquote(url)
    pieces = {url, *re.split(r"[/?&#=:.]", url)}  # signed tokens use ":" and "." between parts
    blobs = [b.lower() for piece in pieces if piece for b in _decodings(piece)]
    forms = {s: {s.encode().lower(), json.dumps(s)[1:-1].encode().lower()} for s in secrets}
    return {s for s, encoded in forms.items() for b in blobs for e in encoded if e in b}


def emailed_urls(email):
    urls = []
    for mail in Email.objects.filter(to=[email]):
        text = " ".join([mail.message, mail.html_message, *(mail.headers or {}).values()])
        urls += re.findall(r"https?://[^\s\"'<>]+", text)
    assert urls, "the email carries a link"
    return urls


def test_leaks_sees_through_a_signed_token():
    """The check itself: Django's signed (and compressed) tokens decode to the person."""
    from django.core import signing

    for compress in (False, True):
        token = signing.dumps({"e": EMAIL, "n": NAME}, salt="x", compress=compress)
        assert leaks(f"https://x.kz/kk/newsletter/confirm/{token}/") == {EMAIL, NAME}


def test_newsletter_confirmation_link_carries_no_personal_data(client, texts):
    data = {
        "token": aged_token(),
        **SHOWN,
        "email": EMAIL,
        "full_name": NAME,
        "consent_marketing": "on",
    }
    assert client.post("/kk/newsletter/", data).status_code == 302
    (url,) = {u for u in emailed_urls(EMAIL) if "/newsletter/confirm/" in u}
    assert leaks(url) == set()
    assert Subject.objects.count() == 0  # and still nothing stored before confirmation
    assert client.post(urlsplit(url).path, SHOWN).status_code == 200
    subject = Subject.objects.get()
    assert (subject.email, subject.full_name) == (EMAIL, NAME)


def test_marketing_box_confirmation_link_carries_no_personal_data(client, texts, contact_data):
    data = contact_data(email=EMAIL, full_name=NAME, phone=PHONE, consent_marketing="on")
    assert client.post("/ru/contact/", data).status_code == 302
    urls = [u for u in emailed_urls(EMAIL) if "/newsletter/confirm/" in u]
    assert urls and all(leaks(u) == set() for u in urls)


def test_other_emailed_links_carry_no_personal_data(texts, make_subject, rf):
    subject = make_subject(full_name=NAME, email=EMAIL, phone=PHONE)
    consent_grant(subject, texts[SERVICE], language="kk", source=Source.CONTACT_FORM)
    consent_grant(subject, texts[MARKETING], language="kk", source=Source.NEWSLETTER_FORM)
    # A form ticking the service consent she withdrew: its acknowledgement asks her to confirm.
    consent_withdraw(subject, SERVICE, source=Source.SELF_SERVICE)
    submission_record(source=Source.CONTACT_FORM, language="kk", request=rf.post("/"),
                      data={"email": EMAIL, "full_name": NAME, "phone": PHONE, "message": "?"},
                      consents={SERVICE: True})  # fmt: skip
    link_send(EMAIL, "kk")  # self-service
    ticket_open(kind="access", email=EMAIL, language="ru", channel="web")  # confirmation link
    campaign_send(Campaign.objects.create(title="N", subject_line_kk="Жаңалық", body_kk="Мәтін"))
    urls = emailed_urls(EMAIL)
    for path in ("/my-data/open/", "/requests/confirm/", "/unsubscribe/", "/consent/confirm/"):
        assert any(path in u for u in urls), path
    assert {u: leaks(u) for u in urls if leaks(u)} == {}
