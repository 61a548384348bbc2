"""The same click several times at once, as people and mail clients send it: a double click on
a button, a one-click unsubscribe POSTed twice, two tabs posting one new address. Served by
gunicorn with four workers on PostgreSQL; each records once and nobody gets an error."""

import urllib.parse
from concurrent.futures import ThreadPoolExecutor

import pytest

from tests.live import (
    FAST,
    form_session,
    gunicorn,
    live_database,
    post_contact,
    query,
    request,
    shell,
    words_shown,
)

pytestmark = [pytest.mark.live, pytest.mark.django_db]
CLICKS = 40
SETUP = """
from django.utils import timezone
from consent.core.ledger import consent_grant
from consent.core.models import Source, Subject
from consent.core.purposes import MARKETING
from consent.core.texts import current_text
from consent.marketing.campaigns import unsubscribe_token
from consent.marketing.optin import make_token
s = Subject.objects.create(full_name="Дана", email="twice@example.kz", language="kk")
consent_grant(s, current_text(MARKETING), language="kk", source=Source.NEWSLETTER_FORM)
new = {"e": "new-reader@example.kz", "n": "Айгүл", "l": "kk", "t": current_text(MARKETING).pk,
       "ts": timezone.now().timestamp()}
print(s.pk, unsubscribe_token(s.pk, 0), make_token(new))
"""


@pytest.fixture(scope="module")
def site(django_db_setup, django_db_blocker, tmp_path_factory):
    with (
        django_db_blocker.unblock(),
        live_database() as url,
        gunicorn(url, tmp_path_factory.mktemp("clicks"), workers=4, **FAST) as (port, proc),
    ):
        subject, unsubscribe, confirm = shell(SETUP, proc.env).split()
        yield port, url, int(subject), unsubscribe, confirm


def at_once(send):
    with ThreadPoolExecutor(max_workers=CLICKS) as pool:
        return list(pool.map(lambda _: send(), range(CLICKS)))


def test_one_click_unsubscribe_posted_many_times_at_once_withdraws_once(site):
    port, url, subject, token, _ = site
    body, form = "List-Unsubscribe=One-Click", {"Content-Type": "application/x-www-form-urlencoded"}
    statuses = at_once(lambda: request(port, "POST", f"/kk/unsubscribe/{token}/", body, form)[0])
    assert statuses == [200] * CLICKS
    kinds = query(url, f"SELECT kind FROM consent_ledgerentry WHERE subject_id = {subject} "
                       "AND purpose = 'marketing' ORDER BY id")  # fmt: skip
    assert kinds == [("grant",), ("withdraw",)]


def test_a_confirmation_clicked_many_times_at_once_subscribes_one_person_once(site):
    port, url, _, _, token = site
    path = f"/kk/newsletter/confirm/{token}/"
    status, headers, html = request(port, "GET", path)
    assert status == 200
    cookie = "; ".join(c.split(";")[0] for c in headers.get_all("Set-Cookie"))
    csrf = html.decode().split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
    shown = words_shown(html.decode())  # the words the page shows, posted with its button
    body = urllib.parse.urlencode({"csrfmiddlewaretoken": csrf, "texts_shown": shown})
    form = {"Content-Type": "application/x-www-form-urlencoded", "Cookie": cookie}
    statuses = at_once(lambda: request(port, "POST", path, body, form)[0])
    assert statuses == [200] * CLICKS
    people = query(url, "SELECT id FROM consent_subject WHERE email = 'new-reader@example.kz'")
    assert len(people) == 1
    grants = f"SELECT count(*) FROM consent_ledgerentry WHERE subject_id = {people[0][0]}"
    assert query(url, grants) == [(1,)]


def test_two_tabs_sending_one_new_address_at_once_make_one_person(site):
    port, url, *_ = site
    sessions = [form_session(port, "/kk/contact/") for _ in range(CLICKS)]
    with ThreadPoolExecutor(max_workers=CLICKS) as pool:
        statuses = list(pool.map(lambda s: post_contact(port, s, "tabs@example.kz"), sessions))
    assert statuses == [302] * CLICKS  # each tab's message is kept
    people = query(url, "SELECT id FROM consent_subject WHERE email = 'tabs@example.kz'")
    assert len(people) == 1
    messages = f"SELECT count(*) FROM consent_submission WHERE subject_id = {people[0][0]}"
    assert query(url, messages) == [(CLICKS,)]
