"""Compliance T11, T12: no lost or doubled submissions under concurrent load."""

from concurrent.futures import ThreadPoolExecutor

import pytest

from tests.live import (
    FAST,
    concurrent_posts,
    form_session,
    gunicorn,
    live_database,
    post_contact,
    query,
)

pytestmark = [pytest.mark.live, pytest.mark.django_db]


@pytest.fixture(scope="module")
def server(django_db_setup, django_db_blocker, tmp_path_factory):
    with (
        django_db_blocker.unblock(),
        live_database() as url,
        gunicorn(url, tmp_path_factory.mktemp("load"), workers=4, **FAST) as (port, _),
    ):
        yield port, url


def test_200_concurrent_distinct_posts_all_land(server):
    """The module's server is shared: only this test's rows are counted, whichever ran first."""
    port, url = server
    before = query(url, "SELECT coalesce(max(id), 0) FROM consent_auditevent")[0][0]
    statuses, _ = concurrent_posts(port, 200, prefix="load")  # how long: make bench (bench/load.py)
    assert statuses.count(302) == 200, sorted(set(statuses))
    stored = "SELECT count(*) FROM consent_submission WHERE data->>'email' LIKE 'load%%'"
    assert query(url, stored)[0][0] == 200
    audit = "SELECT count(*) FROM consent_auditevent WHERE action = 'submission' AND id > %s"
    assert query(url, audit % before)[0][0] == 200
    acks = query(url, "SELECT count(*) FROM post_office_email WHERE \"to\" LIKE 'load%%'")[0][0]
    assert acks == 200


def test_50_concurrent_posts_of_one_token_store_once(server):
    port, url = server
    session = form_session(port, "/kk/contact/")
    before = query(url, "SELECT coalesce(max(id), 0) FROM consent_auditevent")[0][0]
    with ThreadPoolExecutor(max_workers=50) as pool:
        statuses = list(
            pool.map(lambda _: post_contact(port, session, "same@example.kz"), range(50))
        )
    assert all(s < 500 for s in statuses) and set(statuses) == {302}
    assert (
        query(
            url, "SELECT count(*) FROM consent_submission WHERE data->>'email' = 'same@example.kz'"
        )[0][0]
        == 1
    )
    assert (
        query(
            url, "SELECT count(*) FROM post_office_email WHERE \"to\" LIKE '%%same@example.kz%%'"
        )[0][0]
        == 1
    )
    # The person may be one on record already (found by phone): count this test's rows only.
    audit = "SELECT count(*) FROM consent_auditevent WHERE action = 'submission' AND id > %s"
    assert query(url, audit % before)[0][0] == 1
