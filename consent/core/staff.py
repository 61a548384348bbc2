"""Staff members as readers of the site's notices: each reads them in the language they last used
the admin in, Kazakh until they have (compliance L24).

The last admin language, not a setting to look for: it is the language the officer chose in their
browser for the work itself, it costs them nothing, and it follows a change at their next sign-in
(`emalu.staff.staff_language_start` records it).
"""

from collections.abc import Iterable

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.db.models import F

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
