"""Staff members as readers of the site's notices (compliance L24): each reads them in the
language they chose on their password page in the admin or, until they choose, the language they
last used the admin in; Kazakh, the site's, for one who has done neither.

The last admin language, not Kazakh, stands for those who never chose: it is the language they
work in, picked in their browser, and costs them nothing; it follows them until they choose
(`emalu.staff`: at sign-in and whenever the admin is used in another language).
"""

from collections.abc import Iterable
from datetime import datetime, timedelta
from enum import Enum

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.db.models import BooleanField, Case, F, When
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from post_office.models import STATUS, Email

from consent.common import ratelimit

from .mail import STAFF_NOTICE, interpolate, queue_mail_each
from .models import Language, StaffProfile


def staff_language_record(*, user: AbstractBaseUser, language: str) -> None:
    """`user` used the admin in `language`: their notices' language, unless they chose one (a
    language the site does not speak changes nothing)."""
    if language not in Language.values:
        return
    profile, made = StaffProfile.objects.get_or_create(user=user, defaults={"language": language})
    if not made and not profile.chosen and profile.language != language:
        profile.language = language
        profile.save(update_fields=["language"])


def staff_language_choose(*, user: AbstractBaseUser, language: str) -> None:
    """`user` chose the language of their notices; it stands whatever language they work in."""
    StaffProfile.objects.update_or_create(
        user=user, defaults={"language": Language(language), "chosen": True}
    )


def staff_language(user: AbstractBaseUser) -> tuple[str, bool]:
    """(the language of `user`'s notices, whether they chose it)."""
    profile = StaffProfile.objects.filter(user=user).first()
    return (
        (settings.LANGUAGE_CODE, False) if profile is None else (profile.language, profile.chosen)
    )


def staff_addressed(users: Iterable[AbstractBaseUser]) -> list[tuple[str, str]]:
    """(address, language) of each user, for `core.mail.queue_mail_each`."""
    users = list(users)
    chosen = dict(StaffProfile.objects.filter(user__in=users).values_list("user_id", "language"))
    return [(u.email, chosen.get(u.pk, settings.LANGUAGE_CODE)) for u in users]


def address_language(address: str) -> str:
    """The language of notices to `address` (a setting such as STAFF_NOTIFY_EMAIL): that of the
    active staff member who holds it. A shared mailbox, which no one holds (the operator's own
    address, by default), is read by the staff: their language when they all read one, else the
    site's, Kazakh."""
    # One query, where a shared mailbox took two on every form sent: the staff's languages, the
    # holders' first, the holder who signed in last first among them.
    holds = Case(
        When(user__email__address=address, then=True), default=False, output_field=BooleanField()
    )
    rows = list(
        StaffProfile.objects.filter(user__is_active=True, user__is_staff=True)
        .annotate(holds=holds)
        .order_by(F("holds").desc(), F("user__last_login").desc(nulls_last=True))
        .values_list("holds", "language")
    )
    language = rows[0][1] if rows and rows[0][0] else None
    if language is None:
        languages = {lang for _holds, lang in rows}
        language = languages.pop() if len(languages) == 1 else None
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


# How long the outbox keeps a notice to staff after its last attempt, sent or given up on
# (compliance L5). It has done its work once delivered: the officers act in the admin, where
# what it announces is, and the daily digest lists what is still to do. Some name a person (the
# digest, an email set aside), and they were kept for good. A month, as an email set aside is
# kept (past the longest deadline, 15 working days), lets an officer find what she was told
# about a request she is answering. One given up on (every retry failed) is seen the day it
# fails (/healthz counts the mail given up on within a day, emalu/health.py) and listed in the
# outbox for staff to put back in the queue: a month from its last attempt, as a failed access
# answer keeps its files (rights.outbox.FAILED_ATTACHMENTS_KEPT), is time to find the cause and
# requeue it; after that what it announced is in the admin and the digest, not in a notice kept
# without end with the names it holds.
STAFF_NOTICES_KEPT = timedelta(days=30)


def staff_notices_prune(at: datetime) -> int:
    """Delete from the outbox, with their delivery logs, the notices to staff (STAFF_NOTICE;
    those queued before the header were given it, migration 0068_staff_notices_marked) whose
    last attempt, sent or given up on, was STAFF_NOTICES_KEPT before `at`, and say how many.
    Never one still to send (queued, or waiting for its next retry); never any mail to a
    person, which carries no such header."""
    done = Email.objects.filter(
        headers__has_key=STAFF_NOTICE,
        status__in=[STATUS.sent, STATUS.failed],
        last_updated__lt=at - STAFF_NOTICES_KEPT,
    )
    return done.delete()[1].get(Email._meta.label, 0)
