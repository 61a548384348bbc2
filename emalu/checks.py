"""Deploy checks of the project itself (the domain's own are in consent/core/checks.py)."""

import os
import smtplib
from contextvars import ContextVar
from email.utils import parseaddr
from urllib.parse import urlsplit

from django.conf import settings
from django.core.checks import Warning as CheckWarning
from django.core.checks import register

from consent.common.checks import database_check
from consent.common.refusals import database_where, login_refused, one_line, role_refusal

LOCAL_HOSTS = {"localhost", "127.0.0.1", "::1", "[::1]", "testserver"}


@register(deploy=True)
def check_trusted_proxies(app_configs, **kwargs):
    """Compliance T6, T8: a public site runs behind nginx (docs/deploy/nginx.conf), and unless
    TRUSTED_PROXIES names it every visitor counts as the proxy's address: one shared form limit
    for the whole site, and five bad sign-ins lock a staff name for everyone."""
    public = [h for h in settings.ALLOWED_HOSTS if h not in LOCAL_HOSTS and h != ".localhost"]
    if settings.DEBUG or settings.TRUSTED_PROXIES or not public:
        return []
    return [
        CheckWarning(
            "TRUSTED_PROXIES is empty: behind a reverse proxy every visitor counts as the "
            "proxy's address for rate limits and the staff sign-in lockout.",
            hint="Set TRUSTED_PROXIES=127.0.0.1 behind the documented nginx, and add the load "
            "balancer's network (e.g. 10.0.0.0/24) when one stands before it. If visitors reach "
            "gunicorn directly, with no proxy, silence emalu.W001.",
            id="emalu.W001",
        )
    ]


@register(deploy=True)
def check_forwarded_allow_ips(app_configs, **kwargs):
    """Only the proxies FORWARDED_ALLOW_IPS names may make a request HTTPS (emalu/gunicorn.py,
    read by gunicorn from the same /etc/emalu/env): «*» gave that to any client reaching it."""
    allowed = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
    named = [address.strip() for address in allowed.split(",") if address.strip()]
    if not named and settings.SECURE_SSL_REDIRECT:
        # Left empty, gunicorn believed no proxy: every request nginx passed on was plain HTTP
        # to the site, which sent it to https:// again, and the browser gave up on a loop.
        return [
            CheckWarning(
                "FORWARDED_ALLOW_IPS is empty: gunicorn believes no proxy that a request came "
                "over HTTPS, so every page redirects to itself (SECURE_SSL_REDIRECT) until the "
                "browser gives up.",
                hint="Name the proxy: 127.0.0.1 behind the nginx on the host, or the first host's "
                "private address for a gunicorn behind another host's nginx (README, Deploying).",
                id="emalu.W006",
            )
        ]
    if "*" not in named:
        return []
    return [
        CheckWarning(
            "FORWARDED_ALLOW_IPS is «*»: any client that reaches gunicorn can say that its "
            "request came over HTTPS.",
            hint="Name the proxy: 127.0.0.1 behind the nginx on the host, or the first host's "
            "private address for a gunicorn behind another host's nginx (README, Deploying).",
            id="emalu.W005",
        )
    ]


@register(deploy=True)
def check_site_url(app_configs, **kwargs):
    """Every link the site mails (a request's confirmation, the self-service link, unsubscribe)
    is SITE_URL and a path (consent/common/net.py::absolute_url). Without https:// a mail
    program shows no link at all; over http:// the link's secret crosses the network in the
    clear before nginx redirects it; with a path of its own every link leads to a 404."""
    parts = urlsplit(settings.SITE_URL)
    if settings.DEBUG or (
        parts.scheme == "https" and parts.netloc and parts.path in ("", "/") and not parts.query
    ):
        return []
    return [
        CheckWarning(
            "SITE_URL is not the site's https:// address: the links in its mail are SITE_URL "
            "and a path.",
            hint="Set SITE_URL=https://emaluplus-vko.kz (the address visitors use, no path), "
            "the same on every host.",
            id="emalu.W002",
        )
    ]


@register(deploy=True)
def check_site_url_allowed(app_configs, **kwargs):
    """Every emailed link (confirmations, unsubscribes, the self-service link) leads to
    SITE_URL: a host name ALLOWED_HOSTS does not list (SITE_URL=https://www.… beside
    ALLOWED_HOSTS=emaluplus-vko.kz) answered each of them 400, while every check passed."""
    from django.http.request import split_domain_port, validate_host

    host = urlsplit(settings.SITE_URL).netloc.rpartition("@")[2]
    domain = split_domain_port(host)[0]
    # A host Django cannot read as one («emalu plus.kz») matches no ALLOWED_HOSTS either.
    if settings.DEBUG or not host or (domain and validate_host(domain, settings.ALLOWED_HOSTS)):
        return []
    return [
        CheckWarning(
            "SITE_URL's host is not in ALLOWED_HOSTS: every link the site mails would be "
            "answered 400 (Bad Request).",
            hint="Add SITE_URL's host name to ALLOWED_HOSTS, or correct SITE_URL, the same on "
            "every host.",
            id="emalu.W004",
        )
    ]


@register(deploy=True)
def check_database_reached(app_configs, **kwargs):
    """A DATABASE_URL that reaches no database (a wrong port or host, PostgreSQL down when the
    host boots) passed `check --deploy`: the host started and answered 503 for every page, and
    nothing said why but /healthz. It does not start now, naming the variable and where it
    looked; emalu.service tries again every few seconds, so a database that comes up later
    brings the host up. Its password is never in the message."""
    from django.core.checks import Error
    from django.db import InterfaceError, OperationalError, connection

    try:
        connection.ensure_connection()
    except (OperationalError, InterfaceError) as error:
        db = settings.DATABASES["default"]
        # It said «could not be reached … Start PostgreSQL» of these: it answered, and refused.
        for refused, hint in [
            (role_refusal(error), "The host starts once its login may take the runtime role."),
            (login_refused(error), "The host starts once PostgreSQL takes the login."),
        ]:
            if refused:
                return [Error(f"{refused}.", hint=hint, id="emalu.E003")]
        where = database_where(db)
        reason = _reason(error.__cause__ or error, db.get("PASSWORD"))
        return [
            Error(
                f"DATABASE_URL: the database could not be reached at {where} (user "
                f"{db.get('USER')}, database {db.get('NAME')}): {reason}.",
                hint="Start PostgreSQL, or correct DATABASE_URL's host, port, user, password or "
                "database in /etc/emalu/env (README, Deploying, steps 2 and 3); the host starts "
                "once it answers.",
                id="emalu.E003",
            )
        ]
    return []


@register(deploy=True)
def check_cache_reached(app_configs, **kwargs):
    """The same for CACHE_URL: a Redis down when the host boots, a wrong port, or «redis:/host»
    (one slash: django-environ reads a Unix socket of that path) passed `check --deploy`, and
    every page and post then answered 503."""
    from django.core.cache import cache
    from django.core.checks import Error

    from consent.common.refusals import cache_password_refused

    try:
        cache.set("emalu:check:reached", 1, 30)
        cache.get("emalu:check:reached")
    except Exception as error:  # whatever the cache's client raises when it cannot connect
        location = settings.CACHES["default"].get("LOCATION", "")
        reason = _reason(error, urlsplit(str(location)).password)
        said = (
            cache_password_refused(error)
            or f"the shared cache (Redis) could not be reached: {reason}"
        )
        return [
            Error(
                f"CACHE_URL: {said}.",
                hint="Start Redis, or correct CACHE_URL in /etc/emalu/env: "
                "redis://:password@host:6379/1, two slashes after redis: (README, Deploying, "
                "step 3); the host starts once it answers.",
                id="emalu.E004",
            )
        ]
    return []


def _reason(error: BaseException, password: str | None) -> str:
    """An error's message on one line, its type named, a password in it hidden."""
    text = one_line(str(error))
    if password:
        text = text.replace(password, "***")
    return f"{type(error).__name__}: {text}".rstrip(": .")


# Set by `release` around its own `check --deploy`: the migrations are what it applies next.
RELEASING = ContextVar("releasing", default=False)


@database_check(deploy=True)
def check_migrations_applied(app_configs, **kwargs):
    """A host started on code newer than its database (the code updated and the host restarted
    before `release` ran on one host, README step 9) answered 500 for every page that read a
    column the release adds. emalu.service's `check --deploy` refuses the start instead. A
    database it cannot reach says nothing here: emalu.E003 says so."""
    from django.core.checks import Error

    from consent.common.schema import migrations_lacking

    if RELEASING.get():
        return []
    lacking = migrations_lacking()
    if not lacking:
        return []
    return [
        Error(
            f"The database lacks {len(lacking)} migration(s) this code needs (the first: "
            f"{lacking[0]}): its pages would fail on what they add.",
            hint="Run `manage.py release` on one host, with the owner's DATABASE_URL (README, "
            "Deploying, steps 4 and 9), then start this one.",
            id="emalu.E001",
        )
    ]


@register(deploy=True)
def check_secret_key_shared(app_configs, **kwargs):
    """A host whose SECRET_KEY differs from the running hosts' (a key made anew for it, an env
    file not copied) refused the forms they showed and the links they mailed, and they its; only
    /healthz said so. It does not start (emalu.service runs `check --deploy`). Known by the
    keyed digests the running hosts note in the database (consent/core/keys.py), which a Redis
    restarted or flushed does not empty: neither key is in the message, the log or a table."""
    from django.core.checks import Error

    from consent.core.keys import key_not_shared

    if not (why := key_not_shared("SECRET_KEY")):
        return []
    return [
        Error(
            f"SECRET_KEY: {why}: the forms that host shows and the links it mails would fail on "
            "this one, and this one's on it.",
            hint="Copy SECRET_KEY and SECRET_KEY_FALLBACKS from a running host's /etc/emalu/env "
            "(the same on every host), then start this one. Changing the key on purpose: the "
            "old key goes in SECRET_KEY_FALLBACKS on every host (README, Changing SECRET_KEY).",
            id="emalu.E002",
        )
    ]


@register(deploy=True)
def check_statement_timeout(app_configs, **kwargs):
    """A page's query is cancelled after DATABASE_STATEMENT_TIMEOUT (emalu/db): the visitor gets
    the 503 page and the worker is free. At or past gunicorn's own timeout (GUNICORN_TIMEOUT,
    emalu/gunicorn.py) gunicorn kills the worker first: nginx's bare error page, and the query
    runs on in the database."""
    import os

    seconds = settings.DATABASES["default"].get("STATEMENT_TIMEOUT")
    try:
        worker = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
    except ValueError:
        return []  # gunicorn itself refuses it, naming it
    # GUNICORN_TIMEOUT=0: gunicorn kills no worker (its arbiter's check returns at once), so
    # nothing outruns the database's cancel, whatever DATABASE_STATEMENT_TIMEOUT is.
    if seconds is None or worker == 0 or 0 < seconds < worker:
        return []
    return [
        CheckWarning(
            f"DATABASE_STATEMENT_TIMEOUT is {seconds or 'none'}, not below GUNICORN_TIMEOUT "
            f"({worker}): gunicorn would kill a worker whose query runs long before the database "
            "cancels it, and the query would run on.",
            hint="Set DATABASE_STATEMENT_TIMEOUT below GUNICORN_TIMEOUT (the defaults: 20 and "
            "30); a command's own is DATABASE_JOB_STATEMENT_TIMEOUT.",
            id="emalu.W003",
        )
    ]


@register(deploy=True)
def check_mail_relay(app_configs, **kwargs):
    """The relay EMAIL_URL names was first tried by the mail timer, a minute after the start: a
    wrong port, host or password said nothing until /healthz named mail_queue half an hour on,
    while confirmation links waited in the outbox. emalu.service's `check --deploy` (and
    `release`'s) now connects and signs in, and says so at the start. An Info, not a Warning:
    the host still starts, for the forms and the ledger work without the relay and mail waits
    in the outbox for it (a day of retries); a relay down at a reboot must not take the site
    down with it."""
    from django.core.checks import Info
    from django.core.mail import mailers

    mailer = settings.MAILERS["default"]
    if not mailer["BACKEND"].endswith("smtp.EmailBackend"):
        return []
    options = mailer["OPTIONS"]
    stage = "a connection" + (" and sign-in" if options.get("username") else "")
    try:
        relay = mailers.create_connection("default")
        relay.timeout = 5  # the start waits no longer for a relay that does not answer
        relay.open()
        # A mail from the site, offered and taken back: a relay that greets and then drops
        # every session, or refuses the site's sender, passed here and failed every mail.
        stage, sender = "a mail from DEFAULT_FROM_EMAIL", parseaddr(settings.DEFAULT_FROM_EMAIL)[1]
        relay.connection.ehlo_or_helo_if_needed()
        code, reply = relay.connection.mail(sender)
        if code >= 400:
            raise smtplib.SMTPSenderRefused(code, reply, sender)
        relay.connection.rset()
        relay.close()
    except Exception as error:  # whatever smtplib or the socket raises
        where = f"{options['host']}:{options['port']}"
        return [
            Info(
                f"EMAIL_URL: the mail relay at {where} did not take {stage}: "
                f"{_reason(error, options.get('password'))}. Mail waits in the outbox until it "
                "does.",
                hint="Correct EMAIL_URL in /etc/emalu/env (smtp+tls://user:password@host:587), "
                "or start the relay; /healthz names mail_queue once mail has waited "
                "HEALTH_MAIL_QUEUE_MAX_MINUTES.",
                id="emalu.I001",
            )
        ]
    return []
