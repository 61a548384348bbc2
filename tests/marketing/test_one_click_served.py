"""The one-click unsubscribe (RFC 8058) as the served site answers it: gunicorn and the WSGI
entry point (which reads a declared charset away, emalu.wsgi.read_as_utf8), on PostgreSQL. A
provider's POST in any body is answered 200 there, never with a redirect."""

import urllib.parse

import pytest
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart

from tests.live import gunicorn, live_database, query, request, shell

pytestmark = [pytest.mark.live, pytest.mark.django_db]
SETUP = """
from consent.core.ledger import consent_grant
from consent.core.models import Source, Subject
from consent.core.purposes import MARKETING
from consent.core.texts import current_text
from consent.marketing.campaigns import unsubscribe_token
for n in range(6):
    s = Subject.objects.create(full_name="Дана", email=f"served{n}@example.kz", language="ru")
    consent_grant(s, current_text(MARKETING), language="ru", source=Source.NEWSLETTER_FORM)
    print(s.pk, unsubscribe_token(s.pk, 0))
"""
ONE_CLICK = b"List-Unsubscribe=One-Click"
BODIES = [
    ({"Content-Type": "text/plain; charset=koi8-r"}, ONE_CLICK),
    ({"Content-Type": "application/x-www-form-urlencoded; charset=windows-1251"}, ONE_CLICK),
    (
        {"Content-Type": MULTIPART_CONTENT + "; charset=utf-8"},
        encode_multipart(BOUNDARY, {"List-Unsubscribe": "One-Click"}),
    ),
    ({}, ONE_CLICK),  # no Content-Type
    ({"Content-Type": "text/plain"}, iter([ONE_CLICK])),  # chunked: no length
]


@pytest.fixture(scope="module")
def site(django_db_setup, django_db_blocker, tmp_path_factory):
    with (
        django_db_blocker.unblock(),
        live_database() as url,
        gunicorn(url, tmp_path_factory.mktemp("oneclick")) as (port, proc),
    ):
        people = [line.split() for line in shell(SETUP, proc.env).splitlines()]
        yield port, url, people


def withdrawals(url, subject):
    sql = f"SELECT count(*) FROM consent_ledgerentry WHERE subject_id = {int(subject)} "
    return int(query(url, sql + "AND kind = 'withdraw'")[0][0])


def test_a_one_click_post_in_any_body_is_answered_200_by_the_served_site(site):
    port, url, people = site
    for (subject, token), (headers, body) in zip(people, BODIES, strict=False):
        path = f"/ru/unsubscribe/{token}/"
        for _ in range(2):  # and again, as a provider retries
            status, answered, page = request(port, "POST", path, body, headers)
            assert (status, answered.get("Location")) == (200, None), (headers, status)
            assert "<h1>Вы отписались</h1>" in page.decode()
            body = body if isinstance(body, bytes) else iter([ONE_CLICK])
        assert withdrawals(url, subject) == 1, headers
    # The page's button (its form posts no such field): to the page that says it is done.
    subject, token = people[-1]
    form = {"Content-Type": "application/x-www-form-urlencoded"}
    body = urllib.parse.urlencode({"csrfmiddlewaretoken": "x"})
    status, answered, _ = request(port, "POST", f"/ru/unsubscribe/{token}/", body, form)
    assert (status, answered["Location"]) == (303, "/ru/unsubscribe/done/")
    assert withdrawals(url, subject) == 1
    spoilt = f"/ru/unsubscribe/{token[:-4]}/"
    status, _, page = request(port, "POST", spoilt, ONE_CLICK, {"Content-Type": "text/plain"})
    assert status == 400 and "Ссылка повреждена." in page.decode()
