"""A MEDIA_ENCRYPTION_KEY on one host and not another (a rotation half done, an env file not
copied): re-encrypting then (`encrypt_photos`, the release's last step) made everything the
other host reads unreadable there, and a host started without a key another encrypts with could
not read what it stored. Each host is a process of its own on one PostgreSQL and one Redis;
each notes its key as /healthz does when the monitoring asks it."""

import json
import subprocess

import pytest

from tests.live import PYTHON, ROOT, live_database, query, redis_cache, running_host, site_env

pytestmark = [pytest.mark.live, pytest.mark.django_db]
OLD, NEW = (
    "dGVzdC1vbmx5LW1lZGlhLWVuY3J5cHRpb24ta2V5LTA=",
    "bmV3LW1lZGlhLWVuY3J5cHRpb24ta2V5LTAwMDAwMDA=",
)
ASKED = "import json; from emalu import health; print(json.dumps(health.shared_keys()))"
# manage.py on a host whose clock reads argv[1] minutes on: the later hour of the same host.
LATER = (
    "import datetime, runpy, sys, time_machine;"
    "time_machine.travel(datetime.datetime.now(datetime.UTC)"
    " + datetime.timedelta(minutes=float(sys.argv[1])), tick=True).start();"
    "sys.argv = ['manage.py', *sys.argv[2:]];"
    "runpy.run_path('manage.py', run_name='__main__')"
)


def manage(env, *command, minutes_later=0):
    return subprocess.run([PYTHON, "-c", LATER, str(minutes_later), *command], cwd=ROOT, env=env,
                          capture_output=True, text=True)  # fmt: skip


def test_a_key_on_one_host_alone_is_neither_used_nor_dropped(django_db_blocker):
    with django_db_blocker.unblock(), live_database() as url, redis_cache(5) as cache:

        def host(keys):
            return site_env(
                url,
                **cache,
                MEDIA_ENCRYPTION_KEY=keys,
                TRUSTED_PROXIES="127.0.0.1",
                SECURE_SSL_REDIRECT="true",
                ALLOWED_HOSTS="emaluplus-vko.kz",  # SITE_URL's
            )

        first, second = host(OLD), host(f"{NEW},{OLD}")
        with running_host(first) as on_first, running_host(second) as on_second:
            json.loads(on_first.ask(ASKED).splitlines()[-1])  # the first host, not yet restarted
            # The second host has the new key first: it re-encrypts nothing the first could not
            # read.
            refused = manage(second, "encrypt_photos")
            assert refused.returncode == 1 and "Traceback" not in refused.stderr
            assert (
                "Nothing re-encrypted: a host (this one before its restart, or another) "
                "encrypted with a MEDIA_ENCRYPTION_KEY other than this host's first in the last "
                "10 minutes" in refused.stderr
            )
            assert "systemctl restart emalu" in refused.stderr
            assert query(url, "SELECT count(*) FROM consent_jobrun") == [(0,)]  # nothing ran
            # A third host, copied from an old file, lacking the key the second encrypts with,
            # does not start (emalu.service's ExecStartPre); with both keys it does.
            assert json.loads(on_second.ask(ASKED).splitlines()[-1])["status"] == "ok"
            check = ["check", "--deploy", "--fail-level", "WARNING"]
            stale = manage(host(OLD), *check)
            assert stale.returncode == 1 and "consent.E012" in stale.stderr, stale.stderr
            assert "this host does not have" in stale.stderr
            started = manage(host(f"{NEW},{OLD}"), *check)
            assert started.returncode == 0, started.stderr
            # Every host restarted with the new key first: once the old one has not been used
            # for ten minutes, the keys are re-encrypted.
            json.loads(on_second.ask(ASKED).splitlines()[-1])
        done = manage(second, "encrypt_photos", minutes_later=11)
        assert done.returncode == 0, done.stderr
        assert "unreadable: 0" in done.stdout
