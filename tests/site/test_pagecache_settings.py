"""The page cache outlives a restart (Redis, shared by every worker and host): a page it kept
was made with the settings of the process that made it. An operator who changed a setting a
page shows (the operator's details, the person responsible, the analytics ids) and restarted
saw visitors get the pages made with the old one for up to TIMEOUT (5 minutes), while every
form and mail said the new one. Pages are kept by a digest of the settings they are made with
(consent/common/pagecache.py), as by the release."""

import pytest

from tests.live import gunicorn, live_database, redis_cache, request

pytestmark = [pytest.mark.live, pytest.mark.django_db]


@pytest.mark.parametrize(
    "name, old, new, path",
    [
        ("RESPONSIBLE_PERSON", "Әсел Ескіева", "Дана Жаңаева", "/kk/privacy/"),
        ("OPERATOR_BIN", "123456789012", "987654321098", "/ru/privacy/"),
    ],
)
def test_a_setting_changed_and_restarted_shows_on_the_next_page(
    django_db_setup, django_db_blocker, tmp_path, name, old, new, path
):
    with django_db_blocker.unblock(), live_database() as url, redis_cache(3) as cache:
        for value in (old, new):
            with gunicorn(url, tmp_path / value, **cache, **{name: value}) as (port, _proc):
                for _ in range(2):  # made, then from the cache
                    status, _headers, body = request(port, "GET", path)
                    page = body.decode()
                    assert status == 200 and value in page
                    assert ({old, new} - {value}).pop() not in page
