"""A request mailed in while the shared cache (Redis) is down: its confirmation mail and the
officers' notice are counted in the cache, so it could not be opened, and it was set aside as
«the database refused to store it» (exit 0, the mailbox emptied). It waits now, as for the
database down: the mailbox keeps it, the MTA pipes it again (exit 75), one line names CACHE_URL,
and it is opened as a request once Redis answers."""

import subprocess

import pytest
from django.core.management import call_command

from consent.rights.models import QuarantinedMessage, Ticket
from tests.live import PYTHON, ROOT, free_port, live_database, query, redis_cache, site_env
from tests.rights.conftest import deliver, left, message

pytestmark = pytest.mark.live


def redis_at(settings, url, prefix=""):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache",
                                   "LOCATION": url, "KEY_PREFIX": prefix}}  # fmt: skip


def test_a_letter_fetched_while_redis_is_down_stays_in_the_mailbox(mailbox, person, settings):
    deliver(mailbox, message("Жеке деректерді жаңарту", message_id="<redis-down@x>"))
    redis_at(settings, f"redis://127.0.0.1:{free_port()}/9")
    with pytest.raises(SystemExit) as stopped:
        call_command("fetch_request_mail")
    assert str(stopped.value).startswith(
        "fetch_request_mail stopped: the shared cache (CACHE_URL) could not be reached "
        "(ConnectionError: "
    )
    assert not Ticket.objects.exists() and not QuarantinedMessage.objects.exists()
    assert left(mailbox) == 1
    with redis_cache(9) as cache:
        redis_at(settings, cache["CACHE_URL"], cache["CACHE_KEY_PREFIX"])
        call_command("fetch_request_mail")
    assert list(Ticket.objects.values_list("message_id", "type")) == [("<redis-down@x>", "correct")]
    assert left(mailbox) == 0


def test_a_letter_piped_while_redis_is_down_is_kept_by_the_mta(django_db_blocker):
    letter = message("Менің деректерімді жойыңыз", message_id="<piped-redis-down@x>")
    with django_db_blocker.unblock(), live_database() as url, redis_cache(9) as cache:
        for cache_env, code in [({"CACHE_URL": f"redis://127.0.0.1:{free_port()}/9"}, 75),
                                (cache, 0)]:  # fmt: skip
            piped = subprocess.run([PYTHON, "manage.py", "ingest_request_mail"], cwd=ROOT,
                                   env=site_env(url, **cache_env), input=letter,
                                   capture_output=True)  # fmt: skip
            assert piped.returncode == code, piped.stderr
            if code == 75:
                assert (
                    b"not taken: ingest_request_mail stopped: the shared cache (CACHE_URL) "
                    b"could not be reached" in piped.stderr
                )
                assert b"Traceback" not in piped.stderr
                assert query(url, "SELECT count(*) FROM rights_quarantinedmessage") == [(0,)]
        assert query(url, "SELECT type FROM consent_request") == [("destroy",)]
