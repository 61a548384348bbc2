"""How the settings read the environment: a variable that cannot be read stops the site with a
message naming it, and a rate is refused by the rule that reads it on every request."""

import functools
import warnings

import environ
from django.core.exceptions import ImproperlyConfigured

from consent.common.ratelimit import parse_rate


def _named(read):
    """A variable that cannot be read stops the site with a message naming it, without its value
    (a URL holds a password) and without the parser's exception chained to it."""

    @functools.wraps(read)
    def wrapper(self, var, *args, **kwargs):
        try:
            return read(self, var, *args, **kwargs)
        except (ValueError, TypeError, ImproperlyConfigured) as error:
            if isinstance(error, ImproperlyConfigured) and var in str(error):
                raise  # "Set the SECRET_KEY environment variable", or ours from a nested read
            raise ImproperlyConfigured(
                f"{var} is malformed ({type(error).__name__}; the value is not shown). "
                "See .env.example for its form."
            ) from None

    return wrapper


class Env(environ.Env):
    get_value = _named(environ.Env.get_value)
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
        with warnings.catch_warnings():  # its "Engine not recognized" prints the password
            warnings.simplefilter("ignore")
            config = environ.Env.db_url(self, var, *args, **kwargs)
        if config.get("ENGINE") not in set(environ.Env.DB_SCHEMES.values()):
            raise ValueError("no database backend for its scheme")
        return config

    cache_url = _named(environ.Env.cache_url)
    email_url = _named(environ.Env.email_url)

    def rate(self, var, default):
        """ "N/seconds", read by consent.common.ratelimit.parse_rate on every request: refused
        here by the same rule."""
        rate = self(var, default=default)
        try:
            parse_rate(rate)
        except ValueError:
            raise ImproperlyConfigured(f"{var} is not N/seconds (e.g. {default}).") from None
        return rate
