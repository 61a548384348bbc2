"""A second host started with a SECRET_KEY of its own (made anew for it, an env file not copied)
refused every form the first showed and every link it mailed, and only /healthz could tell.
It does not start now: `check --deploy` (emalu.service's ExecStartPre) fails with emalu.E002,
saying what to do, and names neither key. Each host is a process of its own on one PostgreSQL
and one Redis; the first serves a request (robots.txt), as a site does, monitored or not."""

import pytest

from tests.live import live_database, redis_cache, running_host, site_env

pytestmark = [pytest.mark.live, pytest.mark.django_db]
FIRST, SECOND = "first-host-key-" + "a" * 40, "second-host-key-" + "b" * 40
SERVE = (
    "from django.test import Client; print(Client().get('/robots.txt', secure=True).status_code)"
)


def test_a_host_with_another_secret_key_does_not_start(django_db_blocker):
    with django_db_blocker.unblock(), live_database() as url, redis_cache(5) as cache:

        def host(key, fallbacks=""):
            env = site_env(url, **cache, SECRET_KEY=key, SECRET_KEY_FALLBACKS=fallbacks,
                           TRUSTED_PROXIES="127.0.0.1", SECURE_SSL_REDIRECT="true",
                           ALLOWED_HOSTS="127.0.0.1,testserver,emaluplus-vko.kz")  # fmt: skip
            return running_host(env)

        with host(SECOND) as second, host(FIRST) as first:
            assert second.start()[0] == 0  # no host has served yet: nothing to compare
            assert first.ask(SERVE).strip() == "200"  # the first host serves a page

            code, said = second.start()  # started again
            assert code == 1 and "emalu.E002" in said, said
            assert "Copy SECRET_KEY and SECRET_KEY_FALLBACKS from a running host" in said
            assert "Traceback" not in said
            assert FIRST not in said and SECOND not in said and "aaaa" not in said

            assert first.start()[0] == 0  # the first host's own file starts (a restart)
        # The key changed on purpose, the old one kept to read what it signed: it starts.
        with host(SECOND, fallbacks=FIRST) as rotated:
            assert rotated.start()[0] == 0
