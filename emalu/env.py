"""How the settings read the environment: a variable that cannot be read stops the site with a
message naming it, and a rate is refused by the rule that reads it on every request."""

import functools
import ipaddress
import os
import re
import warnings
from collections.abc import Mapping
from urllib.parse import urlsplit

import environ
from django.core.exceptions import ImproperlyConfigured

from consent.common.ratelimit import parse_rate

# The database backends the site runs on: PostgreSQL in production, SQLite for local work.
SITE_DATABASES = {"django.db.backends.postgresql", "django.db.backends.sqlite3"}
# An entry of ALLOWED_HOSTS: «*», a name or «.domain» (letters, digits, hyphens, dots), or an
# IPv6 address in brackets; no scheme, port or path.
NAME = r"[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?|\[[0-9A-Fa-f:.]+\]"
HOST = re.compile(rf"\*|\.?(?:{NAME})")
# An entry of CSRF_TRUSTED_ORIGINS: a scheme, a host (or «*.» and a domain), a port; no path.
ORIGIN = re.compile(rf"https?://(?:\*\.)?(?:{NAME})(?::[0-9]+)?")
# SITE_URL: a scheme and a host (a port), at most a «/» after it: each mailed link is it and a path.
SITE = re.compile(rf"(?i:https?)://(?:{NAME})(?::[0-9]+)?/?")


def _ascii_host(url: str) -> str:
    """`url` with its host name in IDNA's ASCII form («xn--…»), or as it was if it has none."""
    try:
        return re.sub(r"(?<=://)[^/:]+", lambda m: m[0].encode("idna").decode(), url, count=1)
    except UnicodeError:
        return url


def _named(read):
    """A variable that cannot be read stops the site with a message naming it, without its value
    (a URL holds a password) and without the parser's exception chained to it."""

    @functools.wraps(read)
    def wrapper(self, var, *args, **kwargs):
        try:
            return read(self, var, *args, **kwargs)
        except (ValueError, TypeError, ImproperlyConfigured) as error:
            if str(error) == f"Set the {var} environment variable":
                # Most often a command run by hand without the file systemd gives the units.
                raise ImproperlyConfigured(
                    f"{var} is not set. A host reads it from /etc/emalu/env (README, Deploying, "
                    "step 3), which a command run by hand must read first: runuser -u emalu -- sh "
                    "-c 'set -a; . /etc/emalu/env; set +a; .venv/bin/python manage.py …'."
                ) from None
            if isinstance(error, ImproperlyConfigured) and var in str(error):
                raise  # "Set the SECRET_KEY environment variable", or ours from a nested read
            raise ImproperlyConfigured(
                f"{var} is malformed ({type(error).__name__}; the value is not shown). "
                "See .env.example for its form."
            ) from None

    return wrapper


def _userinfo_plain(var: str, value: str) -> None:
    """A URL's user name and password hold no «/», «?» or «#»: each ends a URL's host part, so
    that DATABASE_URL=postgres://emalu_app:p@ss/w0rd@db:5432/emalu was read as the host «ss»
    and the database «w0rd@db:5432/emalu»: the host refused to start naming parts of the
    password as the host and the database, in the journal, and never the cause."""
    for url in str(value).split(","):  # CACHE_URL may list several servers
        userinfo = url.strip().partition("://")[2].rpartition("@")[0]
        if any(character in userinfo for character in "/?#"):
            raise ImproperlyConfigured(
                f"{var} holds «/», «?» or «#» in its password or user name, which end a URL's "
                "host part (the value is not shown): percent-encode them, / as %2F, ? as %3F, "
                "# as %23 (and @ as %40, % as %25), or choose a password of letters, digits, "
                "- and _ (README, Deploying, step 3)."
            )


def _libpq_reads(var: str, value: str) -> None:
    """DATABASE_URL is read by libpq too: the nightly backup's pg_dump (scripts/backup) and the
    restore's commands. The site took «postgres://emalu_app:p@ss@db/emalu» (the host after the
    last «@») and «pgsql://…», and the backup failed every night: libpq took the host after the
    first «@», and read a scheme it does not know as a database's name."""
    scheme, _, rest = value.partition("://")
    if scheme.lower() in ("pgsql", "psql", "postgis") or scheme.startswith("prometheus_postg"):
        raise ImproperlyConfigured(
            f"{var} begins with a scheme the nightly backup's pg_dump does not read (the value "
            "is not shown): write postgres://user:password@host:5432/name."
        )
    if "@" in rest.rpartition("@")[0]:
        raise ImproperlyConfigured(
            f"{var} holds «@» in its password or user name (the value is not shown): the site "
            "reads it, but the nightly backup's pg_dump takes the host from after the first "
            "«@»: percent-encode it as %40 (README, Deploying, step 3)."
        )


def _libpq_parameters(var: str, options: dict) -> None:
    """What follows «?» in DATABASE_URL, read as libpq's connection parameters
    (`?connect_timeout=10`, README): a name libpq has not («connect_timout») or a timeout that
    is no number stopped every start, `release` and request in psycopg's traceback, «invalid
    connection option», «bad value for connect_timeout». Named here, without the values."""
    from psycopg import ProgrammingError
    from psycopg.conninfo import make_conninfo, timeout_from_conninfo

    for name in options:
        try:
            make_conninfo("", **{name: "0"})
        except ProgrammingError:
            raise ImproperlyConfigured(
                f"{var} names «{name}» after «?», a connection parameter PostgreSQL does not "
                "know: only libpq's, e.g. ?connect_timeout=10&sslmode=require."
            ) from None
    try:
        timeout_from_conninfo(options)
    except ProgrammingError:
        raise ImproperlyConfigured(
            f"{var} sets connect_timeout to what is not a whole number of seconds (the value "
            "is not shown): ?connect_timeout=10."
        ) from None


class Trimmed(Mapping):
    """The environment, each value without the spaces around it. No value of ours means one, and
    one came in by quotes or a paste (SITE_URL="https://emaluplus-vko.kz "): the site kept it,
    every mailed link read «https://emaluplus-vko.kz /kk/…», and the checks passed."""

    def __getitem__(self, name):
        value = os.environ[name]  # looked up each time: whatever stands there now
        return value.strip() if isinstance(value, str) else value

    def __iter__(self):
        return iter(os.environ)

    def __len__(self):
        return len(os.environ)


class Env(environ.Env):
    ENVIRON = Trimmed()
    # The variables the site needs: no default in production, a stand-in for local work (DEBUG).
    # Others may be left empty on purpose (SECRET_KEY_FALLBACKS=, GA_MEASUREMENT_ID=).
    NEEDED = ("SECRET_KEY", "DATABASE_URL")

    @_named
    def get_value(self, var, cast=None, default=environ.Env.NOTSET, parse_default=False):
        """As django-environ's; a variable the site needs given no value is as one not set:
        refused where it has no default, its stand-in for local work. `SECRET_KEY=` left empty
        in a file copied from .env.example stopped every command and worker in a traceback,
        «The SECRET_KEY setting must not be empty», and `DATABASE_URL=` was called malformed;
        under DEBUG too, where a variable not set has its stand-in."""
        if self.ENVIRON.get(var) == "" and (default is environ.Env.NOTSET or var in self.NEEDED):
            if default is environ.Env.NOTSET:
                raise ImproperlyConfigured(
                    f"{var} is empty: give it its value in /etc/emalu/env, the same on every "
                    "host (README, Deploying, step 3; .env.example says how to make it)."
                )
            return self.parse_value(default, cast) if parse_default else default
        return environ.Env.get_value(self, var, cast, default, parse_default)

    BOOLEAN_FALSE_STRINGS = ("false", "off", "no", "n", "0", "")

    @classmethod
    def parse_value(cls, value, cast):
        """As django-environ, but a yes/no that is neither ("ture", "maybe") is refused
        (get_value then names the variable) instead of read as no."""
        if cast is bool and not isinstance(value, bool):
            word = str(value).strip().lower()
            if word not in (*cls.BOOLEAN_TRUE_STRINGS, *cls.BOOLEAN_FALSE_STRINGS):
                raise ValueError("neither yes nor no")
        return super().parse_value(value, cast)

    @_named
    def db_url(self, var, *args, **kwargs):
        """DATABASE_URL's settings; a scheme no database backend has («postgress://», a bare
        word) is refused here, not later by Django's start-up in a traceback."""
        raw = str(self.ENVIRON.get(var, ""))
        _userinfo_plain(var, raw)
        _libpq_reads(var, raw)
        with warnings.catch_warnings():  # its "Engine not recognized" prints the password
            warnings.simplefilter("ignore")
            config = environ.Env.db_url(self, var, *args, **kwargs)
        if config.get("ENGINE") not in set(environ.Env.DB_SCHEMES.values()):
            raise ValueError("no database backend for its scheme")
        if config["ENGINE"] not in SITE_DATABASES:
            # mysql://, oracle://...: Django's start-up stopped in a traceback on a driver
            # missing, and the site's guarantees (triggers, roles) are PostgreSQL's.
            raise ImproperlyConfigured(
                f"{var} names a database the site does not run on: postgres://user:password@"
                "host:5432/name (or sqlite:///path for local work, DEBUG=1)."
            )
        if config["ENGINE"] != "django.db.backends.sqlite3":
            _libpq_parameters(var, config.get("OPTIONS", {}))
        if config["ENGINE"] != "django.db.backends.sqlite3" and not config.get("NAME"):
            # postgres://user:password@host:5432, the name left off: Django's start-up stopped
            # in a traceback («Please supply the NAME or OPTIONS['service'] value»).
            raise ImproperlyConfigured(
                f"{var} names no database (the value is not shown): its name goes after the "
                "port, postgres://user:password@host:5432/emalu (README, Deploying, step 2)."
            )
        return config

    @_named
    def cache_url(self, var, *args, **kwargs):
        """CACHE_URL's settings; a Redis database after the last «/» that is no number («/1x»,
        «/cache») is refused: redis-py read it as database 0, quietly, so that the site shared
        its counts and pages with whatever else used database 0 of that Redis."""
        _userinfo_plain(var, self.ENVIRON.get(var, ""))
        config = environ.Env.cache_url(self, var, *args, **kwargs)
        for url in str(config.get("LOCATION") or "").split(","):
            parts = urlsplit(url.strip())
            database = parts.path.strip("/")
            if parts.scheme in ("redis", "rediss") and database and not database.isdigit():
                raise ImproperlyConfigured(
                    f"{var} names a Redis database that is not a number (the value is not "
                    "shown): redis://:password@host:6379/1, the number after the last /."
                )
        return config

    @_named
    def email_url(self, var, *args, **kwargs):
        _userinfo_plain(var, self.ENVIRON.get(var, ""))
        return environ.Env.email_url(self, var, *args, **kwargs)

    def secret_url(self, var, default):
        """A URL with a password in it (IMAP_URL), read as it is: checked as the others are."""
        value = self(var, default=default)
        _userinfo_plain(var, value)
        return value

    def int(self, var, default=environ.Env.NOTSET, least=0):
        """A whole number, `least` or more: no variable of ours means anything below 0, and
        some nothing below 1 (a deadline of 0 working days, a retry every 0 seconds)."""
        value = super().int(var, default=default)
        if value < least:
            raise ImproperlyConfigured(f"{var} is below {least}, the least it may be.")
        return value

    def choice(self, var, default, choices):
        """One of `choices` (a log level, ...), in any letter case («info» is INFO: it stopped
        the start), named in the message."""
        value = self(var, default=default)
        chosen = {choice.casefold(): choice for choice in choices}.get(value.casefold())
        if chosen is None:
            raise ImproperlyConfigured(f"{var} is not one of {', '.join(choices)}.")
        return chosen

    def path(self, var, default):
        """A URL path of the site's own (ADMIN_URL): words ending in "/", no leading "/"."""
        value = self(var, default=default)
        if not re.fullmatch(r"([\w.~-]+/)+", value):
            raise ImproperlyConfigured(
                f"{var} is not a path such as desk-7f3a/ (words ending in /)."
            )
        return value

    def sender_id(self, var, default):
        """Gmail's SenderId, the right-most field of a Feedback-ID (FEEDBACK_SENDER_ID): 5 to 15
        letters, digits, «.», «_» or «-». A colon would shift every field of the header, and
        Gmail gives no feedback-loop data for an id outside those bounds."""
        value = self(var, default=default)
        if not re.fullmatch(r"[A-Za-z0-9._-]{5,15}", value):
            raise ImproperlyConfigured(
                f"{var} is not a sender id such as emaluplus (5 to 15 letters or digits)."
            )
        return value

    def list(self, var, cast=None, default=environ.Env.NOTSET):
        """Comma-separated, each entry without the spaces around it, and none empty: ADMINS was
        read so but ALLOWED_HOSTS=emaluplus-vko.kz, www.emaluplus-vko.kz stopped the start as
        «not a host name», and TRUSTED_PROXIES=127.0.0.1, 10.0.0.0/24 kept « 10.0.0.0/24»."""
        values = super().list(var, cast=cast, default=default)
        stripped = (v.strip() if isinstance(v, str) else v for v in values)
        return [v for v in stripped if v != ""]

    def _each(self, var, default, valid, what):
        """The list `var`, each entry `valid`; else a stop naming `var` and the form it takes
        (`what`), without the value: one may be a secret pasted in the wrong place."""
        values = self.list(var, default=default)
        if not all(map(valid, values)):
            raise ImproperlyConfigured(f"{var} lists an entry that is not {what.format(var=var)}")
        return values

    def hosts(self, var, default):
        """Host names as Django's ALLOWED_HOSTS reads them: a name, a «.domain», an address or
        «*». One written as an address (https://emaluplus-vko.kz, a path or a port after it)
        matched no request: every page answered 400 while `check --deploy` passed."""
        return self._each(var, default, HOST.fullmatch, (
            "a host name (the value is not shown): names only, comma-separated, without "
            "https://, a port or a path, e.g. {var}=emaluplus-vko.kz,www.emaluplus-vko.kz."
        ))  # fmt: skip

    def origins(self, var, default):
        """Origins as Django's CSRF check compares them: scheme://host[:port], nothing after.
        One with a path or a trailing «/» (https://emaluplus-vko.kz/) matched no browser's
        Origin, and a form posted from the other host name was refused 403."""
        return self._each(var, default, ORIGIN.fullmatch, (
            "an origin (the value is not shown): https:// and a host name, no path or «/» "
            "after it, comma-separated, e.g. "
            "{var}=https://emaluplus-vko.kz,https://www.emaluplus-vko.kz."
        ))  # fmt: skip

    def site_address(self, var, default):
        """The site's address (SITE_URL), to which every mailed link is a path. One that leads
        nowhere (empty, no scheme, no host, a path of its own: «/kk/kk/…») was refused only by
        the web's start (`check --deploy`, emalu.W002): the timers' jobs and the mail intake of
        a host started with it mailed every link so, a confirmation «/ru/requests/confirm/…»
        with no site before it. Read here, it stops every command and worker alike; http://
        stays the start's warning (emalu.W002), which no host may silence (emalu/guards.py)."""
        value = self(var, default=default)
        if not SITE.fullmatch(value) and SITE.fullmatch(_ascii_host(value)):  # https://емалу.kz
            raise ImproperlyConfigured(
                f"{var} is not the site's address (the value is not shown): write a host name in "
                "Cyrillic or another script in its xn-- form, as the DNS holds it and as every "
                f"mail program reads a link, e.g. {var}=https://xn--80a.kz for https://а.kz."
            )
        if not SITE.fullmatch(value):
            raise ImproperlyConfigured(
                f"{var} is not the site's address (the value is not shown): https:// and its "
                f"host name, nothing after it, e.g. {var}=https://emaluplus-vko.kz, the same on "
                "every host; every link the site mails is it and a path."
            )
        return value

    def networks(self, var, default):
        """Addresses or CIDR networks (TRUSTED_PROXIES), each as the request's address is
        compared with it (consent.common.net)."""
        values = self.list(var, default=default)
        for value in values:
            try:
                ipaddress.ip_network(value.strip(), strict=False)
            except ValueError:
                raise ImproperlyConfigured(
                    f"{var}: {value!r} is no address or network: addresses or CIDR networks, "
                    f"comma-separated, e.g. {var}=127.0.0.1,10.0.0.0/24."
                ) from None
        return values

    def rate(self, var, default):
        """ "N/seconds", read by consent.common.ratelimit.parse_rate on every request: refused
        here by the same rule."""
        rate = self(var, default=default)
        try:
            parse_rate(rate)
        except ValueError:
            raise ImproperlyConfigured(f"{var} is not N/seconds (e.g. {default}).") from None
        return rate
