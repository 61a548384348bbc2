"""Compliance T13 for the shared cache that answers but takes no write (emalu/errors.py,
cache_refused): Redis's memory full (`maxmemory`, whose default policy evicts nothing), its
snapshot failing on a full or lost disk (Debian's `stop-writes-on-bgsave-error yes`), or a
replica after a failover. Every form page was a 500, «the error has been recorded», and a mail
to ADMINS, while /healthz named the cache. Now it is the 503 of Redis down, in the visitor's
language, with one ERROR line saying Redis refused and why, and no mail.

Real parts: a redis-server of the test's own, brought to each state as an operator meets it."""

import shutil
import subprocess
import time

import pytest
import redis
from django.core import mail
from django.test import Client

from tests.live import free_port

from .test_cache_down import said

pytestmark = [pytest.mark.django_db, pytest.mark.requires_tool("redis-server", apt="redis-server")]


@pytest.fixture
def own_redis(tmp_path):
    """A redis-server on a free port, saving snapshots to a folder of its own: (port, client,
    folder)."""
    port, folder = free_port(), tmp_path / "redis"
    folder.mkdir()
    server = subprocess.Popen(
        ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "3600 1",
         "--appendonly", "no", "--dir", str(folder)],
        stdout=subprocess.DEVNULL,
    )  # fmt: skip
    client = redis.Redis(port=port)
    for _ in range(200):
        try:
            client.ping()
            break
        except redis.ConnectionError:
            time.sleep(0.05)
    yield port, client, folder
    server.kill()  # not SIGTERM: Redis saves first, and will not stop on a save that fails
    server.wait()


def memory_full(client, folder):
    client.config_set("maxmemory", 1)  # above it at once; the policy is Redis's default


def disk_lost(client, folder):
    shutil.rmtree(folder)  # the snapshot's folder gone, as a full disk fails it
    client.bgsave()
    while client.info("persistence")["rdb_bgsave_in_progress"]:
        time.sleep(0.05)
    assert client.info("persistence")["rdb_last_bgsave_status"] == "err"


def a_replica(client, folder):
    client.replicaof("127.0.0.1", free_port())  # a failover made it another's replica


@pytest.mark.parametrize(
    ("state", "language", "said_by_redis"),
    [(memory_full, "kk", "OutOfMemoryError: command not allowed when used memory"),
     (disk_lost, "ru", "ResponseError: MISCONF"),
     (a_replica, "kk", "ReadOnlyError: You can't write against a read only replica")],
)  # fmt: skip
def test_a_form_while_redis_takes_no_write(
    own_redis, settings, texts, caplog, state, language, said_by_redis
):
    port, client, folder = own_redis
    settings.ADMINS = ["ops@example.kz"]
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache",
                                   "LOCATION": f"redis://127.0.0.1:{port}/0"}}  # fmt: skip
    state(client, folder)
    response = Client(raise_request_exception=False).get(f"/{language}/contact/")
    assert response.status_code == 503 and response["Retry-After"] == "30"
    assert f'<html lang="{language}">' in response.content.decode()
    assert mail.outbox == []
    [(level, line)] = said(caplog)
    assert level == "ERROR" and line.startswith("the shared cache (CACHE_URL) refused to store (")
    assert said_by_redis in line and line.endswith(f"): /{language}/contact/"), line


@pytest.mark.parametrize(
    ("given", "wrong"),
    [("", "asks for a password CACHE_URL lacks"), (":wrong@", "refused CACHE_URL's password")],
)
def test_a_redis_that_wants_a_password_cache_url_lacks_says_so(
    own_redis, settings, texts, caplog, given, wrong
):
    """Redis given a requirepass (README, Deploying, step 1) and CACHE_URL without it, or with
    another: the start said «the shared cache (Redis) could not be reached: AuthenticationError:
    HELLO must be called with the client already authenticated, otherwise the HELLO AUTH…», each
    page's 503 line the same, and the operator looked for Redis down. Both say what is wrong."""
    from emalu.checks import check_cache_reached

    port, client, _folder = own_redis
    client.config_set("requirepass", "s3cret")
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache",
                                   "LOCATION": f"redis://{given}127.0.0.1:{port}/0"}}  # fmt: skip
    told = (
        f"Redis answered, but {wrong}: give it Redis's requirepass, redis://:password@host:6379/1"
    )
    [refused] = check_cache_reached(None)
    assert (refused.id, refused.msg) == ("emalu.E004", f"CACHE_URL: {told}.")
    response = Client(raise_request_exception=False).get("/ru/contact/")
    assert response.status_code == 503 and mail.outbox == []
    assert said(caplog) == [("ERROR", f"the shared cache (CACHE_URL): {told}: /ru/contact/")]
