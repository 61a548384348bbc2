"""The staff sign-in's lockout (compliance T6): django-axes' lock of a username at one address,
and an account's pause for addresses it never signed in from, and the page that says which.

django-axes locks a username at one address after AXES_FAILURE_LIMIT failures, which stops one
guesser; one with many addresses (a botnet, a pool of proxies) had five guesses at a staff
password from each of them, every hour, without end. The login page does not tell a right
password from a wrong one while the code is wrong, but the enrolment page opens its code step
to the right password of an account with no authenticator yet, and the guesser set up their own.

So once an account's failures from every address together reach SIGN_IN_ACCOUNT_FAILURE_LIMIT
within the cool-off, it takes no password from an address it has never signed in from (axes'
AccessLog: each sign-in with its second factor, kept STAFF_SIGN_INS_KEPT_DAYS), until those
failures are older than the cool-off: at most that many guesses an hour, however many addresses
guess. Its staff sign in as before from where they did before; locking the account everywhere
would let anyone shut its owner out. A refused attempt checks no password and counts nothing:
it is refused as axes refuses a locked address (the same flag), and `locked_out` answers it."""

import logging

from axes.models import AccessAttempt, AccessLog
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from consent.common.errors import error_page
from consent.common.ratelimit import lockout_ip

security_log = logging.getLogger("emalu.security")

# The request's mark that the account took no password from its address (`paused_here`).
PAUSED = "sign_in_account_paused"


def account_failures(username: str) -> int:
    """Failed sign-ins under `username` from every address within the cool-off."""
    since = timezone.now() - settings.AXES_COOLOFF_TIME
    rows = AccessAttempt.objects.filter(username=username, attempt_time__gte=since)
    return rows.aggregate(n=Sum("failures_since_start"))["n"] or 0


def paused_here(request, username: str) -> bool:
    """Whether `username` takes no password from this request's address now."""
    if account_failures(username) < settings.SIGN_IN_ACCOUNT_FAILURE_LIMIT:
        return False
    known = AccessLog.objects.filter(username=username, ip_address=lockout_ip(request))
    return not known.exists()


class SpreadGuessingBackend:
    """After axes' backend, before the one that checks the password: refuses, as a lockout, an
    attempt `paused_here`; any other it leaves to the next backend. Only `authenticate`, as
    axes' own: a backend with `get_user` (Django's BaseBackend) is the one a session is tied
    to when none is named, and its `None` signed everyone out."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is not None and username and paused_here(request, username):
            security_log.warning("sign-in refused: an account guessed at from many addresses")
            setattr(request, PAUSED, True)
            request.axes_locked_out = True  # axes' middleware answers it, and counts nothing
            raise PermissionDenied
        return None


def locked_out(request, credentials=None, *args, **kwargs):
    """Sign-in refused (AXES_LOCKOUT_CALLABLE): 429, in the staff's language, saying why and
    how long it lasts (the public "wait a minute" would send them back too soon)."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    if getattr(request, PAUSED, False):
        text = ngettext(
            "There were many failed sign-ins to this account from other connections, so for "
            "up to %(count)d minute it can be signed in to only from a connection it was signed "
            "in from before. Sign in from one of those (your office network, say), try again "
            "later, or ask another administrator for help.",
            "There were many failed sign-ins to this account from other connections, so for "
            "up to %(count)d minutes it can be signed in to only from a connection it was "
            "signed in from before. Sign in from one of those (your office network, say), try "
            "again later, or ask another administrator for help.",
            minutes,
        )
    else:
        text = ngettext(
            "There were too many failed sign-ins to this account from your connection, so "
            "signing in from it is closed for %(count)d minute after the last of them. Try "
            "again then, or ask another administrator for help.",
            "There were too many failed sign-ins to this account from your connection, so "
            "signing in from it is closed for %(count)d minutes after the last of them. Try "
            "again then, or ask another administrator for help.",
            minutes,
        )
    response = error_page(
        request, 429, (_("Sign-in temporarily closed"), text % {"count": minutes})
    )
    response["Retry-After"] = str(minutes * 60)
    return response
