"""The hosts noted their keys' digests in Redis only, which keeps nothing on disk: after a Redis
restart or flush, a second host started with a SECRET_KEY or MEDIA_ENCRYPTION_KEY of its own
was let in (emalu.E002 and consent.E012 saw no running host) until the others noted theirs
again, a minute later or never while no page was served. The digests are kept in the database
now. Each host is a process of its own: the first is gunicorn serving a page, the cache is
emptied of everything the site kept in it, and the second is `check --deploy` as emalu.service
runs it before gunicorn."""

import subprocess

import pytest
import redis

from tests.live import PYTHON, ROOT, gunicorn, live_database, query, redis_cache, request

pytestmark = [pytest.mark.live, pytest.mark.django_db]
KEY = "running-host-key-" + "r" * 40
OTHER_KEY = "fresh-host-key-" + "f" * 40
MEDIA = "cnVubmluZy1ob3N0LW1lZGlhLWtleS0wMDAwMDAwMDA="
OTHER_MEDIA = "ZnJlc2gtaG9zdC1tZWRpYS1rZXktMDAwMDAwMDAwMDA="
CHECK = ["manage.py", "check", "--deploy", "--fail-level", "WARNING"]


def test_a_host_with_other_keys_does_not_start_after_redis_was_flushed(tmp_path, django_db_blocker):
    with django_db_blocker.unblock(), live_database() as url, redis_cache(12) as cache:
        keys = {"SECRET_KEY": KEY, "MEDIA_ENCRYPTION_KEY": MEDIA}
        with gunicorn(url, tmp_path, **cache, **keys, TRUSTED_PROXIES="127.0.0.1") as (port, first):
            assert request(port, "GET", "/robots.txt")[0] == 200  # the first host serves

            # Redis restarted without its data, or flushed: the site's keys are all gone.
            client = redis.Redis.from_url(cache["CACHE_URL"])
            prefix = cache["CACHE_KEY_PREFIX"]
            for key in client.scan_iter(f"{prefix}:*"):
                client.delete(key)
            assert not list(client.scan_iter(f"{prefix}:*"))

            def start(**changed):
                # behind nginx, which redirects to HTTPS (check --deploy's security.W008)
                env = {
                    **first.env,
                    "SECURE_SSL_REDIRECT": "true",
                    "SITE_URL": "https://emaluplus-vko.kz",
                    "ALLOWED_HOSTS": "emaluplus-vko.kz",
                    **changed,
                }
                return subprocess.run([PYTHON, *CHECK], cwd=ROOT, env=env, capture_output=True,
                                      text=True)  # fmt: skip

            secret = start(SECRET_KEY=OTHER_KEY)
            assert secret.returncode == 1 and "emalu.E002" in secret.stderr, secret.stderr
            assert "consent.E012" not in secret.stderr and "Traceback" not in secret.stderr
            media = start(MEDIA_ENCRYPTION_KEY=OTHER_MEDIA)
            assert media.returncode == 1 and "consent.E012" in media.stderr, media.stderr
            assert "emalu.E002" not in media.stderr and "Traceback" not in media.stderr
            # A copy of the running host's file starts; so does a rotation begun on this host
            # (the new keys first, the running host's still read).
            assert start().returncode == 0
            rotated = start(SECRET_KEY=OTHER_KEY, SECRET_KEY_FALLBACKS=KEY,
                            MEDIA_ENCRYPTION_KEY=f"{OTHER_MEDIA},{MEDIA}")  # fmt: skip
            assert rotated.returncode == 0, rotated.stderr
            said = first.stop() + secret.stderr + media.stderr

        # Neither a key nor its start is in what was said or in the table.
        stored = repr(query(url, "SELECT name, digest FROM consent_keyseen"))
        for key in (KEY, OTHER_KEY, MEDIA, OTHER_MEDIA):
            assert key[:12] not in said and key[:12] not in stored
        assert "SECRET_KEY" in stored and "MEDIA_ENCRYPTION_KEY" in stored
