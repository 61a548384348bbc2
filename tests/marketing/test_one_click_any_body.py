"""A one-click unsubscribe (RFC 8058) unsubscribes whatever body the mail client's POST carries,
and is answered there, never redirected (section 3.2): a 200 with a few words in the link's
language. The link's signed token is the credential. The site's refusal of a form body it cannot
read (FormBodyMiddleware: 415, or 400 for one not in UTF-8) is for a form whose fields and CSRF
token it must read; it answered such a POST to the unsubscribe link too, and the person stayed
subscribed and was mailed news on (compliance L15). Then only a form's body was read for the
field: text/plain, no Content-Type, JSON were taken for the page's button and redirected (303),
which a provider's one-click takes for a failure."""

import pytest
from django.core import signing
from django.test import Client
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart

from consent.core import gate
from consent.core.models import AuditEvent, LedgerEntry
from consent.core.purposes import MARKETING
from consent.marketing.campaigns import SALT
from consent.marketing.models import Campaign
from tests.marketing.test_campaigns import confirmed, unsubscribe_path

FORM = "application/x-www-form-urlencoded"
MULTIPART = encode_multipart(BOUNDARY, {"List-Unsubscribe": "One-Click"})
# (Content-Type or None for none, body): as mail clients and providers' servers post it.
BODIES = {
    "form": (FORM, b"List-Unsubscribe=One-Click"),
    "form, charset": (f"{FORM}; charset=utf-8", b"List-Unsubscribe=One-Click"),
    "form, escaped": (FORM, b"List%2DUnsubscribe=One%2DClick&from=\xe9"),  # and a Latin-1 byte
    "multipart": (MULTIPART_CONTENT, MULTIPART),
    "text/plain": ("text/plain", b"List-Unsubscribe=One-Click"),
    "text/plain, charset, CRLF": ("text/plain; charset=UTF-8", b"List-Unsubscribe=One-Click\r\n"),
    "no Content-Type": (None, b"List-Unsubscribe=One-Click"),
    "octet-stream": ("application/octet-stream", b"List-Unsubscribe=One-Click"),
    "JSON": ("application/json", b'{"List-Unsubscribe": "One-Click"}'),
    "letter case": ("text/plain", b"list-unsubscribe=one-click"),
}
HEADING = {"kk": "<h1>Сіз жазылымнан бас тарттыңыз</h1>", "ru": "<h1>Вы отписались</h1>"}
DAMAGED = {"kk": "Сілтеме бүлінген.", "ru": "Ссылка повреждена."}


@pytest.fixture
def campaign(db):
    return Campaign.objects.create(title="May", subject_line_kk="Жаңалықтар", body_kk="Мәтін")


def post(path, content_type, body):
    client = Client(enforce_csrf_checks=True)  # a mail client: no cookie, no CSRF token
    headers = {"CONTENT_TYPE": content_type} if content_type else {}
    return client.generic("POST", path, body, **headers)


def records(subject):
    return (
        LedgerEntry.objects.filter(subject=subject).count(),
        AuditEvent.objects.count(),
    )


@pytest.mark.parametrize("shape", list(BODIES))
def test_a_one_click_post_in_any_body_unsubscribes_there_and_then(texts, campaign, shape):
    subject = confirmed("any-body@example.kz")
    path = unsubscribe_path(subject, campaign)
    response = post(path, *BODIES[shape])
    assert (response.status_code, response.get("Location")) == (200, None)
    assert HEADING["kk"] in response.content.decode()
    assert not gate.may_process(subject, MARKETING)
    recorded = records(subject)
    # The provider posts again (a retry, a second press): the same answer, nothing written twice.
    again = post(path, *BODIES[shape])
    assert (again.status_code, again.get("Location")) == (200, None)
    assert records(subject) == recorded
    assert LedgerEntry.objects.filter(subject=subject, kind="withdraw").count() == 1


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_one_click_answer_is_in_the_links_language(texts, campaign, lang):
    subject = confirmed(f"{lang}@example.kz", lang)
    response = post(
        unsubscribe_path(subject, campaign, lang), "text/plain", b"List-Unsubscribe=One-Click"
    )
    html = response.content.decode()
    assert response.status_code == 200 and f'<html lang="{lang}">' in html
    assert HEADING[lang] in html and HEADING["ru" if lang == "kk" else "kk"] not in html


@pytest.mark.parametrize(
    "content_type,body",
    [(FORM, b"csrfmiddlewaretoken=x"), (FORM, b""), (None, b""), ("text/plain", b"Unsubscribe")],
)
def test_a_post_without_the_one_click_field_is_the_pages_button(
    texts, campaign, content_type, body
):
    """The button on the link's page: unsubscribed, then sent to the page that says so (a
    reload posts nothing again)."""
    subject = confirmed("button@example.kz")
    response = post(unsubscribe_path(subject, campaign), content_type, body)
    assert (response.status_code, response["Location"]) == (303, "/kk/unsubscribe/done/")
    assert not gate.may_process(subject, MARKETING)


def tampered(token):
    """A link's secret as a hand or a program may spoil it."""
    flipped = token[:-3] + ("A" if token[-3] != "A" else "B") + token[-2:]
    forged = signing.dumps(signing.loads(token, salt=SALT), salt="consent.other")
    return [flipped, token[:-5], token + "x", "x" * 40, token.replace(":", ";"), forged]


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_one_click_post_to_a_spoilt_link_changes_nothing_and_says_so(texts, campaign, lang):
    subject = confirmed("spoilt@example.kz")
    token = unsubscribe_path(subject, campaign).split("/")[-2]
    before = records(subject)
    for spoilt in tampered(token):
        for content_type, body in BODIES.values():
            response = post(f"/{lang}/unsubscribe/{spoilt}/", content_type, body)
            assert response.status_code == 400, (spoilt, content_type)
            assert DAMAGED[lang] in response.content.decode()
    assert gate.may_process(subject, MARKETING) and records(subject) == before
