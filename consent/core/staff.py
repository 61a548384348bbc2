"""Staff members as readers of the site's notices: each reads them in the language they last used
the admin in, Kazakh until they have (compliance L24).

The last admin language, not a setting to look for: it is the language the officer chose in their
browser for the work itself, it costs them nothing, and it follows a change at their next sign-in
(`emalu.staff.staff_language_start` records it).
"""

from collections.abc import Iterable
from datetime import datetime, timedelta
from enum import Enum

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.db.models import F
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from consent.common import ratelimit

from .mail import interpolate, queue_mail_each
from .models import Language, StaffProfile


def staff_language_record(*, user: AbstractBaseUser, language: str) -> None:
    """Remember the language `user` works in (a language the site does not speak changes
    nothing)."""
    if language in Language.values:
        StaffProfile.objects.update_or_create(user=user, defaults={"language": language})


def staff_addressed(users: Iterable[AbstractBaseUser]) -> list[tuple[str, str]]:
    """(address, language) of each user, for `core.mail.queue_mail_each`."""
    users = list(users)
    chosen = dict(StaffProfile.objects.filter(user__in=users).values_list("user_id", "language"))
    return [(u.email, chosen.get(u.pk, settings.LANGUAGE_CODE)) for u in users]


def address_language(address: str) -> str:
    """The language of notices to `address` (a setting such as STAFF_NOTIFY_EMAIL): that of the
    active staff member who holds it, the site's default for a shared mailbox."""
    language = (
        StaffProfile.objects.filter(
            user__email__address=address, user__is_active=True, user__is_staff=True
        )
        .order_by(F("user__last_login").desc(nulls_last=True))
        .values_list("language", flat=True)
        .first()
    )
    return language or settings.LANGUAGE_CODE


# Notices to staff of what an outsider can cause at will (a request mailed or a form sent, from
# any number of addresses and networks): at most this many of a kind an hour, counted in the
# shared cache, so on every host alike. The one after says the others are held back until the
# hour is over; each is in the administration all the same.
NOTICE_RATE = "20/3600"


class Notice(Enum):
    SEND = "send"  # within the bound
    LAST = "last"  # the first over it: say that the next are held back
    HELD = "held"  # mail nothing


def notice_bounded(kind: str) -> Notice:
    """Count one notice of `kind` and say what to mail."""
    limit = ratelimit.parse_rate(NOTICE_RATE)[0]
    count = ratelimit.count("staff-notice", kind, NOTICE_RATE)
    if count <= limit:
        return Notice.SEND
    return Notice.LAST if count == limit + 1 else Notice.HELD


def notices_resume() -> datetime:
    """When the notices held back are mailed again: the end of the bound's hour."""
    return timezone.now() + timedelta(seconds=ratelimit.seconds_left(NOTICE_RATE))


def held_back_notice(recipients: Iterable[tuple[str, str]], what: str | Promise, url: str) -> None:
    """Tell staff, each in their language, that notices of `what` went over NOTICE_RATE and
    that the next are held back until the hour is over; all of them are at `url`."""
    queue_mail_each(
        recipients, "staff_notices_held",
        {"what": what, "url": url, "until": notices_resume(),
         "limit": ratelimit.parse_rate(NOTICE_RATE)[0]},
        subject_line=interpolate(_("Notices held back: %(what)s"), {"what": what}),
    )  # fmt: skip
