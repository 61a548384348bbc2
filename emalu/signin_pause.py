"""A second factor paused by django-otp's throttling (compliance T7): after wrong codes in a row
a device checks no code until a moment that doubles with each one (1, 2, 4, 8 … seconds).

django-otp answered a code typed while paused as if it were wrong (the login form turned its
English message into the wrong password's answer, the enrolment page said «wrong or expired»):
a staff member whose right code was refused typed more codes, each a failure towards the
lockout, and took their authenticator for broken. The enrolment page, whose visitor has shown
the password already, says instead that sign-in is paused and until when, in the site's time
zone, and checks no code. The login page cannot say so without confirming the password typed
with the code: its one answer to every refused sign-in says that codes pause after a wrong one
(staff.StaffLoginForm), and the attempt counts towards the lockout (T6)."""

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from consent.common.dates import reader_time

# The login page's one answer to every refused sign-in: a wrong name, password or code, or a
# code typed while paused.
SIGN_IN_REFUSED = _(
    "Enter the right %(username)s, password and code of a staff account; letter case counts in "
    "each. After a wrong code, codes are not checked for a while that doubles with each further "
    "wrong one: if your code was right, wait a minute and type the one your app shows then."
)


def pause_told(device) -> str | None:
    """What a staff member is told whose code `device` does not check yet (None: it does)."""
    if device is None:
        return None
    allowed, extra = device.verify_is_allowed()
    until = (extra or {}).get("locked_until")
    if allowed or until is None:
        return None
    return gettext(
        "Sign-in is paused after several wrong codes in a row. You can try again from "
        "%(time)s (Almaty time). The code you typed was not checked: wait until then and type "
        "the code your app shows at that moment."
    ) % {"time": reader_time(until, seconds=True)}
