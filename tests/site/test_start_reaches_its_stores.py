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


@pytest.fixture(scope="module")
def host(django_db_setup, django_db_blocker):
    """The environment of a host whose stores answer (a database and a Redis of the module's
    own, which no test changes), its relay (EMAIL_URL) not, and its SITE_URL's host listed in
    ALLOWED_HOSTS beside the bare name."""
    with django_db_blocker.unblock(), live_database() as url, redis_cache(12) as cache:
        yield site_env(url, **cache, TRUSTED_PROXIES="127.0.0.1", SECURE_SSL_REDIRECT="true",
                       SITE_URL="https://www.emaluplus-vko.kz",
                       ALLOWED_HOSTS="emaluplus-vko.kz,www.emaluplus-vko.kz",
                       EMAIL_URL=f"smtp://127.0.0.1:{free_port()}")  # fmt: skip


@pytest.fixture(scope="module")
def started(host):
    """`host` started: one start (~1.7 CPU-s), which both tests below read."""
    return start(host)


def test_a_host_whose_database_or_redis_does_not_answer_does_not_start(host, started):
    assert started.returncode == 0, started.stderr  # both answer: it starts
    # and a relay that does not answer is said, and starts it all the same (the relay's
    # cases are said_of_the_relay's, below)
    relay = host["EMAIL_URL"].removeprefix("smtp://")
    assert f"(emalu.I001) EMAIL_URL: the mail relay at {relay}" in started.stderr

    closed = free_port()  # nothing listens there
    url = host["DATABASE_URL"]
    base, name = url.rsplit("/", 1)
    user_host = base.removeprefix("postgres://").split("@")
    wrong_port = f"postgres://{user_host[0]}:{SECRET}@127.0.0.1:{closed}/{name}"
    refused = start({**host, "DATABASE_URL": wrong_port})
    assert refused.returncode == 1, refused.stderr
    assert "(emalu.E003) DATABASE_URL: the database could not be reached" in refused.stderr
    assert f"at 127.0.0.1:{closed}" in refused.stderr
    assert "Start PostgreSQL, or correct" in refused.stderr
    assert "Traceback" not in refused.stderr and SECRET not in refused.stderr
    # A database name mistyped: PostgreSQL answered, and is not said to be down.
    refused = start({**host, "DATABASE_URL": f"{base}/no_such_database"})
    assert refused.returncode == 1, refused.stderr
    assert "answered and refused DATABASE_URL's login" in refused.stderr
    assert 'database "no_such_database" does not exist' in refused.stderr
    assert "correct DATABASE_URL's user, password or database" in refused.stderr
    assert "could not be reached" not in refused.stderr and "Start PostgreSQL" not in refused.stderr

    for cache_url, said in [
        (f"redis://:{SECRET}@127.0.0.1:{closed}/12", f"127.0.0.1:{closed}. Connection refused"),
        ("redis:/127.0.0.1:6379/12", "/127.0.0.1:6379/12. No such file or directory"),
        ("redis://127.0.0.1:6379/999", "DB index is out of range"),
    ]:
        refused = start({**host, "CACHE_URL": cache_url})
        assert refused.returncode == 1, refused.stderr
        assert "(emalu.E004) CACHE_URL: the shared cache (Redis) could not be reached" in (
            refused.stderr
        )
        assert said in refused.stderr and "two slashes after redis:" in refused.stderr
        assert "Traceback" not in refused.stderr and SECRET not in refused.stderr


def test_a_host_whose_mailed_links_would_answer_400_does_not_start(host, started):
    """SITE_URL names the host every emailed link goes to; one ALLOWED_HOSTS does not list
    answered each link 400 while every check passed."""
    refused = start({**host, "ALLOWED_HOSTS": "emaluplus-vko.kz"})
    assert refused.returncode == 1 and "(emalu.W004) SITE_URL's host is not in " \
        "ALLOWED_HOSTS" in refused.stderr, refused.stderr  # fmt: skip
    assert "Add SITE_URL's host name to ALLOWED_HOSTS" in refused.stderr
    # Listed (as `host` lists it): it starts.
    assert started.returncode == 0 and "emalu.W004" not in started.stderr, started.stderr


def said_of_the_relay(settings, email_url):
    """What a start's `check --deploy` says of the relay at `email_url` (emalu.checks'
    check_mail_relay, with MAILERS read from it as settings.py reads EMAIL_URL), in this process:
    the check connects to the relay from whichever process runs it, and a start of its own is
    ~1.7 CPU-s of Django each. That a real start runs it and still starts on an Info is
    test_a_host_whose_database_or_redis_does_not_answer_does_not_start's first start (its
    EMAIL_URL, the default, answers nothing). The messages' text, level names what a start with
    --fail-level WARNING does: an Info starts."""
    import environ
    from django.core.checks import WARNING

    from emalu.checks import check_mail_relay
    from emalu.mailers import mailers

    settings.MAILERS = mailers(environ.Env.email_url_config(email_url))
    said = check_mail_relay(None)
    assert all(message.level < WARNING for message in said), said  # the host starts
    text = "\n".join(f"({m.id}) {m.msg} {m.hint}" for m in said)
    assert SECRET not in text and "Traceback" not in text
    return text


def test_a_host_whose_mail_relay_refuses_starts_and_says_so(settings):
    """EMAIL_URL was first tried by the mail timer: a wrong port or password said nothing until
    /healthz named the mail waiting, half an hour on. The start now says it, by name and
    without the password; and the host still starts (mail waits in the outbox for the relay)."""
    from aiosmtpd.smtp import AuthResult

    def only_the_site(server, session, envelope, mechanism, auth_data):
        return AuthResult(success=(auth_data.login, auth_data.password) == (b"site", b"right"))

    closed = free_port()
    with smtp_relay(authenticator=only_the_site, auth_require_tls=False) as (_, port):
        said = {
            case: said_of_the_relay(settings, email_url)
            for case, email_url in [
                ("right", f"smtp://site:right@127.0.0.1:{port}"),
                ("wrong password", f"smtp://site:{SECRET}@127.0.0.1:{port}"),
                ("nothing there", f"smtp://127.0.0.1:{closed}"),
            ]
        }
    assert "emalu.I001" not in said["right"]
    assert f"(emalu.I001) EMAIL_URL: the mail relay at 127.0.0.1:{port} did not take a " \
        "connection and sign-in: SMTP" in said["wrong password"]  # fmt: skip
    assert f"(emalu.I001) EMAIL_URL: the mail relay at 127.0.0.1:{closed} did not take a " \
        "connection: ConnectionRefusedError" in said["nothing there"]  # fmt: skip
    assert "Mail waits in the outbox until it does." in said["nothing there"]


def test_a_relay_that_drops_the_session_or_refuses_the_sender_is_said_at_the_start(settings):
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
    ):
        said = {port: said_of_the_relay(settings, f"smtp://127.0.0.1:{port}")
                for port in (dropping, refusing)}  # fmt: skip
    assert f"(emalu.I001) EMAIL_URL: the mail relay at 127.0.0.1:{dropping} did not take a mail " \
        "from DEFAULT_FROM_EMAIL: SMTPServerDisconnected" in said[dropping]  # fmt: skip
    assert f"(emalu.I001) EMAIL_URL: the mail relay at 127.0.0.1:{refusing} did not take a mail " \
        "from DEFAULT_FROM_EMAIL: SMTPSenderRefused: (553" in said[refusing]  # fmt: skip
