"""A host whose database or Redis does not answer when it starts (down at boot, a wrong port, a
database name mistyped, «redis:/host» with one slash, a Redis database number it lacks) passed
emalu.service's `check --deploy` and started, answering 503 for every page with nothing in the
journal but each request's failure. It does not start now: one error naming the variable, where
it looked and what to do, never a traceback or the password; emalu.service tries again every
5 seconds, so the host comes up once they answer."""

import subprocess

import pytest

from tests.live import PYTHON, ROOT, free_port, live_database, redis_cache, site_env, smtp_relay

pytestmark = [pytest.mark.live, pytest.mark.django_db]
SECRET = "pw-s3cr3t-9a7"
CHECK = ["manage.py", "check", "--deploy", "--fail-level", "WARNING"]


def start(env):
    return subprocess.run([PYTHON, *CHECK], cwd=ROOT, env=env, capture_output=True, text=True)


def test_a_host_whose_database_or_redis_does_not_answer_does_not_start(django_db_blocker):
    with django_db_blocker.unblock(), live_database() as url, redis_cache(12) as cache:
        host = site_env(url, **cache, TRUSTED_PROXIES="127.0.0.1", SECURE_SSL_REDIRECT="true",
                        SITE_URL="https://emaluplus-vko.kz",
                        ALLOWED_HOSTS="emaluplus-vko.kz")  # fmt: skip
        ok = start(host)
        assert ok.returncode == 0, ok.stderr  # both answer: it starts

        closed = free_port()  # nothing listens there
        base, name = url.rsplit("/", 1)
        user_host = base.removeprefix("postgres://").split("@")
        wrong_port = f"postgres://{user_host[0]}:{SECRET}@127.0.0.1:{closed}/{name}"
        for database_url, said in [
            (wrong_port, f"at 127.0.0.1:{closed}"),
            (f"{base}/no_such_database", 'database "no_such_database" does not exist'),
        ]:
            refused = start({**host, "DATABASE_URL": database_url})
            assert refused.returncode == 1, refused.stderr
            assert "(emalu.E003) DATABASE_URL: the database could not be reached" in refused.stderr
            assert said in refused.stderr and "Start PostgreSQL, or correct" in refused.stderr
            assert "Traceback" not in refused.stderr and SECRET not in refused.stderr

        prefix = cache["CACHE_KEY_PREFIX"]
        for cache_url, said in [
            (f"redis://:{SECRET}@127.0.0.1:{closed}/12", f"127.0.0.1:{closed}. Connection refused"),
            ("redis:/127.0.0.1:6379/12", "/127.0.0.1:6379/12. No such file or directory"),
            ("redis://127.0.0.1:6379/999", "DB index is out of range"),
        ]:
            refused = start({**host, "CACHE_URL": cache_url, "CACHE_KEY_PREFIX": prefix})
            assert refused.returncode == 1, refused.stderr
            assert "(emalu.E004) CACHE_URL: the shared cache (Redis) could not be reached" in (
                refused.stderr
            )
            assert said in refused.stderr and "two slashes after redis:" in refused.stderr
            assert "Traceback" not in refused.stderr and SECRET not in refused.stderr


def test_a_host_whose_mailed_links_would_answer_400_does_not_start(django_db_blocker):
    """SITE_URL names the host every emailed link goes to; one ALLOWED_HOSTS does not list
    answered each link 400 while every check passed."""
    with django_db_blocker.unblock(), live_database() as url, redis_cache(12) as cache:
        host = site_env(url, **cache, TRUSTED_PROXIES="127.0.0.1", SECURE_SSL_REDIRECT="true",
                        ALLOWED_HOSTS="emaluplus-vko.kz")  # fmt: skip
        refused = start({**host, "SITE_URL": "https://www.emaluplus-vko.kz"})
        assert refused.returncode == 1 and "(emalu.W004) SITE_URL's host is not in " \
            "ALLOWED_HOSTS" in refused.stderr, refused.stderr  # fmt: skip
        assert "Add SITE_URL's host name to ALLOWED_HOSTS" in refused.stderr
        listed = {**host, "ALLOWED_HOSTS": "emaluplus-vko.kz,www.emaluplus-vko.kz"}
        ok = start({**listed, "SITE_URL": "https://www.emaluplus-vko.kz"})
        assert ok.returncode == 0, ok.stderr


def test_a_host_whose_mail_relay_refuses_starts_and_says_so(django_db_blocker):
    """EMAIL_URL was first tried by the mail timer: a wrong port or password said nothing until
    /healthz named the mail waiting, half an hour on. The start now says it, by name and
    without the password; and the host still starts (mail waits in the outbox for the relay)."""
    from aiosmtpd.smtp import AuthResult

    def only_the_site(server, session, envelope, mechanism, auth_data):
        return AuthResult(success=(auth_data.login, auth_data.password) == (b"site", b"right"))

    closed = free_port()
    with (
        smtp_relay(authenticator=only_the_site, auth_require_tls=False) as (_, port),
        django_db_blocker.unblock(),
        live_database() as url,
        redis_cache(12) as cache,
    ):
        host = site_env(url, **cache, TRUSTED_PROXIES="127.0.0.1", SECURE_SSL_REDIRECT="true",
                        SITE_URL="https://emaluplus-vko.kz",
                        ALLOWED_HOSTS="emaluplus-vko.kz")  # fmt: skip
        said = {}
        for case, email_url in [
            ("right", f"smtp://site:right@127.0.0.1:{port}"),
            ("wrong password", f"smtp://site:{SECRET}@127.0.0.1:{port}"),
            ("nothing there", f"smtp://127.0.0.1:{closed}"),
        ]:
            started = start({**host, "EMAIL_URL": email_url})
            assert started.returncode == 0, started.stderr
            assert SECRET not in started.stderr and "Traceback" not in started.stderr
            said[case] = started.stderr
    assert "emalu.I001" not in said["right"]
    assert f"(emalu.I001) EMAIL_URL: the mail relay at 127.0.0.1:{port} did not take a " \
        "connection and sign-in: SMTP" in said["wrong password"]  # fmt: skip
    assert f"(emalu.I001) EMAIL_URL: the mail relay at 127.0.0.1:{closed} did not take a " \
        "connection: ConnectionRefusedError" in said["nothing there"]  # fmt: skip
    assert "Mail waits in the outbox until it does." in said["nothing there"]


def test_a_relay_that_drops_the_session_or_refuses_the_sender_is_said_at_the_start(
    django_db_blocker,
):
    """A relay that greets, then drops every session at the sender (tests/core/
    test_relay_refused.py) or refuses the site's sender passed the start's check, which only
    connected: every mail failed from the first minute while the journal's start said nothing."""
    from tests.core.test_relay_refused import Dropping, Refusing

    class RefusingTheSender(Refusing):
        async def handle_MAIL(self, server, session, envelope, address, mail_options):
            return "553 5.7.1 Sender address rejected: not owned by user"

    with (
        smtp_relay(Dropping()) as (_, dropping),
        smtp_relay(RefusingTheSender()) as (_, refusing),
        django_db_blocker.unblock(),
        live_database() as url,
        redis_cache(12) as cache,
    ):
        host = site_env(url, **cache, TRUSTED_PROXIES="127.0.0.1", SECURE_SSL_REDIRECT="true",
                        SITE_URL="https://emaluplus-vko.kz",
                        ALLOWED_HOSTS="emaluplus-vko.kz")  # fmt: skip
        said = {}
        for port in (dropping, refusing):
            started = start({**host, "EMAIL_URL": f"smtp://127.0.0.1:{port}"})
            assert started.returncode == 0 and "Traceback" not in started.stderr, started.stderr
            said[port] = started.stderr
    assert f"(emalu.I001) EMAIL_URL: the mail relay at 127.0.0.1:{dropping} did not take a mail " \
        "from DEFAULT_FROM_EMAIL: SMTPServerDisconnected" in said[dropping]  # fmt: skip
    assert f"(emalu.I001) EMAIL_URL: the mail relay at 127.0.0.1:{refusing} did not take a mail " \
        "from DEFAULT_FROM_EMAIL: SMTPSenderRefused: (553" in said[refusing]  # fmt: skip
